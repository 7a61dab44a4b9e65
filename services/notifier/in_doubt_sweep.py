"""The sweep of sends in doubt (`unknown`): counted at start, then decided on every round
by the evidence of the status pipeline (`in_doubt.py`): resent once the statuses went past
them with nothing for them, dead-lettered with an alert when no evidence came for hours."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import asyncpg
from aiokafka import AIOKafkaConsumer

from contracts.base import utcnow
from contracts.notifications import NotificationStatus
from contracts.topics import WHATSAPP_STATUSES
from services.notifier import metrics
from services.notifier.delivery import alert
from services.notifier.error_policy import SendFailure
from services.notifier.in_doubt import InDoubtRule, InDoubtVerdict, decide
from services.notifier.publisher import Publisher, dead_letter, notification_event
from services.notifier.sends_rows import SendRow
from services.notifier.sends_store import SendsStore
from services.notifier.settings import NotifierSettings
from services.notifier.status_marks import StatusMarks

log = logging.getLogger(__name__)


class InDoubtSweep:
    def __init__(
        self,
        store: SendsStore,
        marks: StatusMarks,
        rule: InDoubtRule,
        partitions: Callable[[], int],
        publisher: Publisher,
    ) -> None:
        self.store = store
        self.marks = marks
        self.rule = rule
        self.partitions = partitions  # of whatsapp.statuses, as the consumer knows them
        self.publisher = publisher

    async def at_start(self, owner: str) -> int:
        """Count the sends in doubt before this run sends anything (calls its predecessor
        under the same NOTIFIER_INSTANCE_ID left are in doubt at once), log the count."""
        expired = await self.store.expire_stale_calls(owner)
        metrics.OUTCOME_UNKNOWN.inc(len(expired))
        found = await self.store.count_in_doubt()
        metrics.IN_DOUBT_AT_START.set(found)
        log.log(
            logging.WARNING if found else logging.INFO,
            "sends in doubt found at start",
            extra={"in_doubt": found, "left_by_this_instance": len(expired)},
        )
        return found

    async def once(self, now: datetime | None = None) -> dict[InDoubtVerdict, int]:
        """Decide every send in doubt; how many went which way."""
        now = now or utcnow()
        sends = await self.store.in_doubt()
        metrics.IN_DOUBT.set(len(sends))
        if not sends:
            return {}
        marks = await self.marks.load(self.partitions())
        verdicts = {s.notification_id: decide(s.call_started_at, marks, now, self.rule)
                    for s in sends}
        resend = [nid for nid, v in verdicts.items() if v == InDoubtVerdict.RESEND]
        give_up = [nid for nid, v in verdicts.items() if v == InDoubtVerdict.GIVE_UP]
        for row in await self.store.resend_in_doubt(resend) if resend else []:
            metrics.IN_DOUBT_RESENT.inc()
            log.warning(
                "send in doubt: the status pipeline went past its call and no status came; "
                "sending it again",
                extra={"notification_id": row.notification_id},
            )
        for row in await self.store.give_up_in_doubt(give_up) if give_up else []:
            await self._report_given_up(row)
        counts: dict[InDoubtVerdict, int] = {}
        for verdict in verdicts.values():
            counts[verdict] = counts.get(verdict, 0) + 1
        return counts

    async def _report_given_up(self, row: SendRow) -> None:
        """Dead letter, event and alert: no evidence came either way for hours (the status
        pipeline is down); a person decides whether to send it again."""
        reason = row.last_error or "outcome unknown"
        failure = SendFailure(code=None, details=reason)
        metrics.DEAD_LETTERED.labels("None").inc()
        alert(None, reason, row.notification_id)
        await self.publisher.dead_letter(
            dead_letter(row.to_request(), failure, reason, row.attempts)
        )
        await self.publisher.event(
            notification_event(row, NotificationStatus.DEAD_LETTERED, failure=failure)
        )
        await self.store.event_published(
            row.notification_id, NotificationStatus.DEAD_LETTERED.value
        )


def in_doubt_sweep(
    settings: NotifierSettings, pool: asyncpg.Pool, store: SendsStore, publisher: Publisher,
    status_consumer: AIOKafkaConsumer,
) -> InDoubtSweep:
    """The sweep as the settings ask, with the marks of `whatsapp.statuses` and its
    partition count as `status_consumer` knows it."""
    topic = WHATSAPP_STATUSES.full_name(settings.topic_prefix)
    rule = InDoubtRule(
        grace=timedelta(seconds=settings.status_grace_s),
        quiet=timedelta(seconds=settings.status_quiet_s),
        give_up=timedelta(seconds=settings.unknown_give_up_s),
    )
    return InDoubtSweep(
        store, StatusMarks(pool, topic), rule,
        lambda: len(status_consumer.partitions_for_topic(topic) or ())
        or WHATSAPP_STATUSES.partitions,
        publisher,
    )
