"""Sending one notification: claim it, choose free-form or template, call the API, retry
what is transient, dead-letter what is not, record the wamid, publish what happened.

Exactly once: a notification is sent only by the instance that claimed its row in the
sends table, and never again once the row says it was sent. A send that may have gone
(`unknown`) is resent only on the status pipeline's evidence (`in_doubt.py`); the README,
"The guarantee, exactly", says what can still go twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from contracts.notifications import NotificationRequest, NotificationStatus
from services.notifier import metrics
from services.notifier import send_states as st
from services.notifier.catalogue import TemplateNames, mark_as_read, render
from services.notifier.error_policy import Backoff, SendFailure, Verdict, classify, needs_alert
from services.notifier.graph_client import GraphCallError, GraphClient
from services.notifier.pacing import LineBuckets, RecipientPacer
from services.notifier.publisher import Publisher, dead_letter, notification_event
from services.notifier.sealed_request import opened
from services.notifier.sends_rows import ClaimOutcome, SendRow
from services.notifier.sends_store import SendsStore
from services.notifier.service_window import WindowStore, wait_for_window

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryConfig:
    owner: str
    lease_s: float
    http_timeout_s: float
    max_attempts: int
    backoff: Backoff
    templates: TemplateNames
    default_line: str
    graph_phone_number_id: Callable[[str], str]
    sealing_key: str  # opens sealed parameters (sign-in codes): MATUR_SEALING_KEY, no default
    window_margin: timedelta = timedelta(minutes=5)
    window_catch_up_s: float = 5.0


@dataclass
class OwnedSend:
    """A notification this instance has claimed and is sending: from which line, and how."""

    req: NotificationRequest
    line: str
    use_template: bool
    retries: int = 0

    @property
    def nid(self) -> str:
        return self.req.message_id

    @property
    def pace_key(self) -> str:
        return self.req.recipient.key


def alert(code: int | None, reason: str, notification_id: str) -> None:
    metrics.ALERTS.labels(str(code)).inc()
    log.error(
        "WhatsApp refused a send for a reason a person must fix",
        extra={"alert": True, "code": code, "reason": reason, "notification_id": notification_id},
    )


class Deliverer:
    def __init__(
        self,
        cfg: DeliveryConfig,
        store: SendsStore,
        windows: WindowStore,
        graph: GraphClient,
        publisher: Publisher,
        pacer: RecipientPacer,
        buckets: LineBuckets,
        max_concurrent_calls: int = 64,
    ) -> None:
        self.cfg = cfg
        self.store = store
        self.windows = windows
        self.graph = graph
        self.publisher = publisher
        self.pacer = pacer
        self.buckets = buckets
        self._calls = asyncio.Semaphore(max_concurrent_calls)

    async def deliver(self, req: NotificationRequest) -> None:
        """Handle one request; returns once this instance has nothing more to do for it."""
        while True:
            claim = await self.store.claim(req, self.cfg.owner, self.cfg.lease_s)
            if claim.outcome == ClaimOutcome.OWNED:
                break
            if claim.outcome == ClaimOutcome.FINISHED:
                metrics.SKIPPED_DUPLICATES.inc()
                await self._publish_missing(claim.row, req)
                return
            if claim.outcome == ClaimOutcome.UNKNOWN:
                metrics.OUTCOME_UNKNOWN.inc()
                log.warning(
                    "not resending: a call for this notification was in flight when its "
                    "sender stopped; a status webhook will tell whether it went",
                    extra={"notification_id": req.message_id},
                )
                return
            # another instance holds it (sending, or waiting to retry): look after its lease
            await asyncio.sleep(min(max(claim.row.lease_left_s, 0.05), self.cfg.lease_s))
        await self._send_owned(req, claim.row)

    async def _send_owned(self, req: NotificationRequest, row: SendRow) -> None:
        line = req.line_phone_number_id or self.cfg.default_line
        window_open = await wait_for_window(
            self.windows, req, line, self.cfg.window_margin, self.cfg.window_catch_up_s
        )
        send = OwnedSend(req, line, row.used_template or not window_open)
        if req.reply_to_wamid and row.attempts == 0:
            # a reply to the citizen's message: show them it was read (best effort)
            await self.graph.mark_read(
                self.cfg.graph_phone_number_id(line), mark_as_read(req.reply_to_wamid)
            )
        while True:
            try:
                body = render(opened(req, self.cfg.sealing_key), use_template=send.use_template,
                              names=self.cfg.templates)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                failure = SendFailure(code=None, details=f"cannot render: {exc}")
                await self._dead_letter(req, failure, failure.details or "", row.attempts)
                return
            await self.pacer.wait(line, send.pace_key)
            await self.buckets[line].take()
            async with self._calls:
                outcome = await self._call(send, body)
            if outcome is None:
                return
            attempt, answer = outcome
            if isinstance(answer, SendRow):
                await self._after_sent(send, answer, attempt)
                return
            if not await self._after_failure(send, answer, attempt):
                return

    async def _call(
        self, send: OwnedSend, body: dict[str, Any]
    ) -> tuple[int, SendRow | SendFailure] | None:
        """One API call, under the in-flight limit (NOTIFIER_MAX_CONCURRENT_SENDS): the row
        is `sending` (in doubt, were this process killed) only inside it, so a kill leaves
        at most that many sends in doubt. The attempt and the recorded row (accepted) or
        the failure; None when this instance no longer owns the notification."""
        attempt = await self.store.start_call(
            send.nid, self.cfg.owner, self.cfg.http_timeout_s + self.cfg.lease_s,
            send.use_template,
        )
        if attempt is None:
            log.warning("lost the claim on a notification", extra={"notification_id": send.nid})
            return None
        started = time.monotonic()
        try:
            accepted = await self.graph.send(self.cfg.graph_phone_number_id(send.line), body)
        except GraphCallError as exc:
            return attempt, exc.failure
        finally:
            metrics.SEND_LATENCY.observe(time.monotonic() - started)
        self.pacer.sent(send.line, send.pace_key)
        # the narrow window: record the wamid before anything else, even when cancelled
        row = await asyncio.shield(self.store.record_sent(send.nid, accepted.wamid))
        return attempt, row

    async def _after_failure(self, send: OwnedSend, failure: SendFailure, attempt: int) -> bool:
        """What a refused or failed call leads to; True: call again (now or after a pause)."""
        if failure.maybe_sent:
            await self._in_doubt(send, failure)
            return False
        verdict = classify(failure, used_template=send.use_template)
        if needs_alert(failure.code):
            alert(failure.code, failure.reason(), send.nid)
        if verdict == Verdict.USE_TEMPLATE:
            metrics.TEMPLATE_FALLBACKS.inc()
            log.info(
                "outside the 24-hour window: sending the template instead",
                extra={"notification_id": send.nid},
            )
            send.use_template = True
            return await self.store.record_retry(
                send.nid, self.cfg.owner, self.cfg.lease_s, failure
            )
        if verdict == Verdict.RETRY and attempt < self.cfg.max_attempts:
            return await self._pause_before_retry(send, failure, attempt)
        reason = failure.reason()
        if verdict == Verdict.RETRY:
            reason = f"still failing after {attempt} attempts: {reason}"
        await self._dead_letter(send.req, failure, reason, attempt)
        return False

    async def _in_doubt(self, send: OwnedSend, failure: SendFailure) -> None:
        """The request left and no answer came: WhatsApp may have accepted it. Not retried
        blindly: the row becomes `unknown`, and the sweep resends it only when the status
        pipeline shows no status came (`in_doubt.py`)."""
        if await self.store.record_in_doubt(send.nid, self.cfg.owner):
            metrics.OUTCOME_UNKNOWN.inc()
            log.warning(
                "send outcome unknown: no answer after the request left; the statuses decide",
                extra={"notification_id": send.nid, "reason": failure.reason()},
            )

    async def _pause_before_retry(
        self, send: OwnedSend, failure: SendFailure, attempt: int
    ) -> bool:
        """Wait out the backoff holding the claim; False when the claim says not to retry."""
        send.retries += 1
        delay = self.cfg.backoff.delay(failure, send.retries)
        if failure.code == 131056:
            self.pacer.push_back(send.line, send.pace_key, delay)
        if not await self.store.record_retry(
            send.nid, self.cfg.owner, delay + self.cfg.lease_s, failure
        ):
            return False  # a status webhook proved the "failed" call went through
        metrics.RETRIED.labels(str(failure.code)).inc()
        log.info(
            "transient send error, retrying",
            extra={
                "notification_id": send.nid,
                "code": failure.code,
                "attempt": attempt,
                "delay_s": round(delay, 3),
            },
        )
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            await asyncio.shield(self.store.release(send.nid, self.cfg.owner))
            raise
        return True

    async def _after_sent(self, send: OwnedSend, row: SendRow, attempt: int) -> None:
        metrics.SENT.labels(send.req.kind.value, str(send.use_template).lower()).inc()
        log.info(
            "notification sent",
            extra={
                "notification_id": send.nid,
                "kind": send.req.kind.value,
                "template": send.use_template,
                "wamid": row.wamid,
                "attempt": attempt,
            },
        )
        if row.state == st.SENT:  # not already moved on by a status webhook
            await self._publish(row, NotificationStatus.SENT)

    async def _dead_letter(
        self, req: NotificationRequest, failure: SendFailure, reason: str, attempts: int
    ) -> None:
        row = await self.store.record_dead_letter(req.message_id, self.cfg.owner, failure)
        if row is None:
            return
        metrics.DEAD_LETTERED.labels(str(failure.code)).inc()
        log.warning(
            "notification dead-lettered",
            extra={
                "notification_id": req.message_id,
                "code": failure.code,
                "reason": reason,
                "attempts": attempts,
            },
        )
        await self.publisher.dead_letter(dead_letter(req, failure, reason, attempts))
        await self._publish(row, NotificationStatus.DEAD_LETTERED, failure)

    async def _publish(
        self, row: SendRow, status: NotificationStatus, failure: SendFailure | None = None
    ) -> None:
        await self.publisher.event(notification_event(row, status, failure=failure))
        await self.store.event_published(row.notification_id, status.value)

    async def _publish_missing(self, row: SendRow, req: NotificationRequest) -> None:
        """A finished notification whose event may not have gone out (stopped in between)."""
        status = st.event_status(row.state)
        if status is None or row.last_event_status == row.state:
            return
        if status == NotificationStatus.DEAD_LETTERED:
            failure = SendFailure(code=row.last_error_code, details=row.last_error)
            reason = row.last_error or "dead-lettered"
            await self.publisher.dead_letter(dead_letter(req, failure, reason, row.attempts))
        await self._publish(row, status)
