"""The officer directory in the API: followed live, written by the admin endpoints.

- Reads: `officer(id)` and `snapshot` come from the latest snapshot of the directory feed
  (a caller's scope is his current areas there); `api.officers` is kept in step for the
  SQL that needs it (`officer_projection.py`); cached callers are dropped at each change.
- Writes: `put` / `remove` publish to `directory.officers` (acks=all) and return once this
  process's feed has applied the record, projection included (read-your-writes): the next
  GET shows it, and every other service applies it from the same topic.
"""

from __future__ import annotations

import logging

import asyncpg
from aiokafka import AIOKafkaProducer

from contracts.directory import DirectorySnapshot
from contracts.directory_state import DirectoryRecord
from contracts.roster import Officer
from contracts.topics import DIRECTORY_OFFICERS
from servicekit.directory_feed import DirectoryFeed
from services.api.access.cache import PrincipalCache
from services.api.directory.officer_projection import project_officers
from services.api.directory.publishing import publish_records

log = logging.getLogger(__name__)


class LiveOfficers:
    def __init__(
        self,
        feed: DirectoryFeed,
        pool: asyncpg.Pool,
        producer: AIOKafkaProducer,
        principals: PrincipalCache,
        topic_prefix: str,
    ) -> None:
        self.feed = feed
        self.pool = pool
        self.producer = producer
        self.principals = principals
        self.topic_prefix = topic_prefix
        self._by_id: dict[str, Officer] = {}
        feed.subscribe(self._apply)

    @property
    def snapshot(self) -> DirectorySnapshot:
        return self.feed.snapshot

    def officer(self, officer_id: str) -> Officer | None:
        return self._by_id.get(officer_id)

    async def start(self) -> DirectorySnapshot:
        """Read the directory (and project it) before the API answers."""
        return await self.feed.start()

    async def stop(self) -> None:
        await self.feed.stop()

    async def _apply(self, snapshot: DirectorySnapshot) -> None:
        self._by_id = {o.officer_id: o for o in snapshot.officers}
        self.principals.clear()  # scopes come from the directory
        await project_officers(self.pool, snapshot.officers)

    async def put(self, officer: Officer) -> None:
        """Create or replace an officer; returns once applied here."""
        await self._write(DirectoryRecord(DIRECTORY_OFFICERS, officer.officer_id, officer))

    async def remove(self, officer_id: str) -> None:
        """Remove an officer (a tombstone); returns once applied here."""
        await self._write(DirectoryRecord(DIRECTORY_OFFICERS, officer_id, None))

    async def _write(self, record: DirectoryRecord) -> None:
        [written] = await publish_records(self.producer, self.topic_prefix, [record])
        await self.feed.wait_applied(DIRECTORY_OFFICERS, written.partition, written.offset)
        log.info("officer written", extra={"officer_id": record.key,
                                           "removed": record.value is None})
