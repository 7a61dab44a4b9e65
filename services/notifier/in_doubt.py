"""When a send whose outcome is in doubt may be sent again: decided by evidence from the
status pipeline, never by a wall clock alone. Plain rules over plain data (no SQL, no Kafka).

A send is in doubt (`unknown`) when its API call started at T and nobody knows whether
WhatsApp accepted it (the sender died mid-call, or the call timed out after the request
left). Had WhatsApp accepted it, a status webhook carrying our notification id
(`biz_opaque_callback_data`) would reach `whatsapp.statuses` within `grace` of T. So the
send is resent only when every partition of `whatsapp.statuses` has been applied past
T + grace and that status did not come:

- a partition has passed T + grace when the status consumers have applied a record whose
  Kafka timestamp is at T + grace or later, or when they saw themselves at the end of its
  log (no lag) at T + grace or later (an idle partition);
- and the pipeline is shown to be flowing: at least one partition passed by a record of
  T + grace or later. A pipeline with no record at all since then (ingest down, or simply
  nothing sent) proves nothing until every partition has been idle and caught up for
  `quiet` after T.

Without that evidence (the status consumers stopped, Kafka unreachable) nothing is resent;
after `give_up` the send is dead-lettered with an alert, for a person to decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


@dataclass(frozen=True)
class StatusMark:
    """How far the status consumers have applied one partition of `whatsapp.statuses`."""

    newest_record_at: datetime | None = None
    """Kafka timestamp of the newest status record applied to the sends table."""
    caught_up_at: datetime | None = None
    """The last moment the consumer's applied position was the end of the log (no lag)."""


@dataclass(frozen=True)
class InDoubtRule:
    grace: timedelta  # how long after an accepted call its first status reaches Kafka
    quiet: timedelta  # with no status record at all since: idle this long proves it
    give_up: timedelta  # no evidence either way this long: dead letter and alert


class InDoubtVerdict(StrEnum):
    WAIT = "wait"  # the status may still come
    RESEND = "resend"  # the status pipeline went past it and no status came
    GIVE_UP = "give_up"  # no evidence for too long: a person decides


def _at_or_after(moment: datetime | None, horizon: datetime) -> bool:
    return moment is not None and moment >= horizon


def pipeline_passed(started_at: datetime, marks: Sequence[StatusMark | None],
                    rule: InDoubtRule) -> bool:
    """True when every status partition has been applied past the moment a status of a
    call started at `started_at` would have reached Kafka, and the pipeline was flowing."""
    if not marks or any(m is None for m in marks):
        return False
    horizon = started_at + rule.grace
    present = [m for m in marks if m is not None]
    if not all(
        _at_or_after(m.newest_record_at, horizon) or _at_or_after(m.caught_up_at, horizon)
        for m in present
    ):
        return False
    if any(_at_or_after(m.newest_record_at, horizon) for m in present):
        return True  # flowing: a status written after the horizon was applied
    quiet_horizon = started_at + rule.quiet
    return all(_at_or_after(m.caught_up_at, quiet_horizon) for m in present)


def decide(started_at: datetime, marks: Sequence[StatusMark | None], now: datetime,
           rule: InDoubtRule) -> InDoubtVerdict:
    """What to do now with a send in doubt whose API call started at `started_at`, given
    one mark per partition of `whatsapp.statuses` (None: nothing known of a partition)."""
    if pipeline_passed(started_at, marks, rule):
        return InDoubtVerdict.RESEND
    if now - started_at >= rule.give_up:
        return InDoubtVerdict.GIVE_UP
    return InDoubtVerdict.WAIT
