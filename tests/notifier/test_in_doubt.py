"""The decision on a send in doubt (`in_doubt.py`): plain data, no Kafka, no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.notifier.in_doubt import InDoubtRule, InDoubtVerdict, StatusMark, decide

T = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
RULE = InDoubtRule(
    grace=timedelta(seconds=30), quiet=timedelta(minutes=15), give_up=timedelta(hours=6)
)


def s(seconds: float) -> datetime:
    return T + timedelta(seconds=seconds)


def flowing(seconds: float) -> StatusMark:
    """A partition whose newest applied status record was written `seconds` after T."""
    return StatusMark(newest_record_at=s(seconds))


def idle(seconds: float) -> StatusMark:
    """A partition read to its end (no lag) at `seconds` after T, nothing newer in it."""
    return StatusMark(newest_record_at=s(-600), caught_up_at=s(seconds))


def test_every_partition_past_the_grace_with_no_status_resends() -> None:
    marks = [flowing(31), flowing(45), flowing(30), idle(40)]
    assert decide(T, marks, s(60), RULE) == InDoubtVerdict.RESEND


def test_one_partition_behind_the_grace_waits_however_late_it_is() -> None:
    """Statuses lag (the consumer has not reached T + grace on one partition): its status
    may be there, so nothing is resent, even an hour after the call."""
    marks = [flowing(31), flowing(3000), flowing(29), flowing(40)]
    assert decide(T, marks, s(3600), RULE) == InDoubtVerdict.WAIT


def test_a_lagging_partition_is_not_idle() -> None:
    """Caught up long ago, and records written since not applied yet: still behind."""
    lagging = StatusMark(newest_record_at=s(5), caught_up_at=s(6))
    assert decide(T, [flowing(100), lagging], s(600), RULE) == InDoubtVerdict.WAIT


def test_a_partition_never_seen_waits() -> None:
    assert decide(T, [flowing(100), None], s(600), RULE) == InDoubtVerdict.WAIT
    assert decide(T, [], s(600), RULE) == InDoubtVerdict.WAIT


def test_idle_partitions_count_only_while_others_flow() -> None:
    """All partitions read to their end, but no status written since T + grace anywhere
    (nothing else sent, or ingest down and Meta retrying): not proof until it has been
    quiet for NOTIFIER_STATUS_QUIET_S."""
    quiet_for = [idle(60), idle(61), idle(60)]
    assert decide(T, quiet_for, s(62), RULE) == InDoubtVerdict.WAIT
    long_quiet = [idle(15 * 60), idle(15 * 60 + 1), idle(15 * 60 + 2)]
    assert decide(T, long_quiet, s(15 * 60 + 3), RULE) == InDoubtVerdict.RESEND
    assert decide(T, [*quiet_for, flowing(31)], s(62), RULE) == InDoubtVerdict.RESEND


def test_exactly_at_the_horizon_counts() -> None:
    assert decide(T, [flowing(30), flowing(30)], s(31), RULE) == InDoubtVerdict.RESEND
    assert decide(T, [flowing(29.999), flowing(30)], s(31), RULE) == InDoubtVerdict.WAIT


def test_no_evidence_for_hours_gives_up_never_resends() -> None:
    """The status consumers stopped (marks frozen before the call): a person decides."""
    frozen = [flowing(-10), idle(-5)]
    assert decide(T, frozen, s(6 * 3600 - 1), RULE) == InDoubtVerdict.WAIT
    assert decide(T, frozen, s(6 * 3600), RULE) == InDoubtVerdict.GIVE_UP


def test_evidence_wins_over_giving_up() -> None:
    assert decide(T, [flowing(40)], s(7 * 3600), RULE) == InDoubtVerdict.RESEND
