"""The daily summary's loop inside the API process: every `check_every_s` it asks the clock
whether a day's summary is due and, once per day per process, publishes one request per
Kapolres to `notifications.requests` with the API's own producer.

A second API process, or this one restarted after the hour, publishes the same requests
again (same notification ids), and the notifier sends each id once; a publish that fails
is tried again at the next check. The clock is injectable (tests set the hour's moment).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

import asyncpg
from aiokafka import AIOKafkaProducer

from contracts.directory import DirectorySnapshot
from contracts.notifications import NotificationRequest
from services.api.context import ApiContext
from services.api.daily_summary.queries import tally_rows
from services.api.daily_summary.requests import kapolres_of, summary_request
from services.api.daily_summary.schedule import day_bounds, due_day
from services.api.daily_summary.summary import summarize

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Directory(Protocol):
    """Where the Kapolres are read: the API's live officer directory (`LiveOfficers`)."""

    @property
    def snapshot(self) -> DirectorySnapshot: ...


@dataclass(frozen=True)
class SummaryConfig:
    regency: str
    hour: int  # local (WIB) hour of the day the summary goes out
    line_id: str  # the line it is sent from
    topic: str  # notifications.requests, with the prefix
    check_every_s: float = 30.0


class DailySummaryJob:
    def __init__(
        self,
        pool: asyncpg.Pool,
        producer: AIOKafkaProducer,
        directory: Directory,
        district_name: Callable[[str], str | None],
        config: SummaryConfig,
        clock: Clock = utc_now,
    ) -> None:
        self.pool = pool
        self.producer = producer
        self.directory = directory
        self.district_name = district_name
        self.config = config
        self.clock = clock
        self.published_day: date | None = None  # by this process
        self._task: asyncio.Task[None] | None = None

    async def check(self) -> list[NotificationRequest]:
        """Publish the summaries due now, unless this process already did for that day."""
        now = self.clock()
        day = due_day(now, self.config.hour)
        if day is None or day == self.published_day:
            return []
        published = await self.publish(day, now)
        self.published_day = day
        return published

    async def publish(self, day: date, now: datetime) -> list[NotificationRequest]:
        """The summary of `day` to every Kapolres of the regency, as of `now`."""
        regency = self.config.regency
        start, end = day_bounds(day)
        rows = await tally_rows(self.pool, regency, start, end, now)
        requests = [
            summary_request(summarize(day, rows, officer.officer_id, self.district_name),
                            officer, regency, self.config.line_id)
            for officer in kapolres_of(self.directory.snapshot.officers, regency)
        ]  # fmt: skip
        if not requests:
            log.warning("daily summary: no active Kapolres in the directory",
                        extra={"regency": regency})  # fmt: skip
        for request in requests:
            await self.producer.send_and_wait(
                self.config.topic, value=request.to_bytes(), key=request.recipient.key.encode()
            )
        log.info("daily summary published",
                 extra={"day": day.isoformat(), "kapolres": len(requests)})  # fmt: skip
        return requests

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="daily-summary")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self.check()
            except Exception as exc:  # the next check tries again
                log.error("daily summary not published", extra={"error": repr(exc)})
            await asyncio.sleep(self.config.check_every_s)


def daily_summary_job(ctx: ApiContext, clock: Clock = utc_now) -> DailySummaryJob:
    """The job as the API runs it, from what its routes share."""
    settings = ctx.settings
    config = SummaryConfig(
        regency=ctx.regency_code,
        hour=settings.daily_summary_hour,
        line_id=settings.system_line_id,
        topic=ctx.notification_requests_topic,
    )
    return DailySummaryJob(ctx.pool, ctx.producer, ctx.officers, ctx.areas.name, config, clock)
