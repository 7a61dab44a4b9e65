"""Group commit: POSTs waiting together share one transaction, and each gets its share."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from services.ingest.durable_publish import GroupCommitter, split_by_post
from services.ingest.lines_config import LineDirectory
from services.ingest.normalise import Outgoing, normalise_body
from tests.ingest.webhooks import change, encode, text_message, webhook

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def events(*wamids: str) -> list[Outgoing]:
    body = webhook([change(messages=[text_message(w) for w in wamids])])
    return normalise_body(encode(body), LineDirectory(None), NOW).events


def test_a_key_is_published_for_the_first_post_carrying_it() -> None:
    first, second = events("wamid.1", "wamid.2"), events("wamid.2", "wamid.3")
    a, b = split_by_post([first, second], {"in:wamid.1", "in:wamid.2", "in:wamid.3"})
    assert [e.message_id for e in a.published] == ["in:wamid.1", "in:wamid.2"]
    assert [e.message_id for e in b.published] == ["in:wamid.3"]
    assert [e.message_id for e in b.duplicates] == ["in:wamid.2"]


def test_keys_seen_before_are_duplicates() -> None:
    (result,) = split_by_post([events("wamid.1", "wamid.1", "wamid.2")], {"in:wamid.2"})
    assert [e.message_id for e in result.published] == ["in:wamid.2"]
    assert [e.message_id for e in result.duplicates] == ["in:wamid.1", "in:wamid.1"]


async def test_waiting_posts_share_one_transaction() -> None:
    calls: list[list[str]] = []
    release = asyncio.Event()

    async def transaction(batch: list[Outgoing]) -> set[str]:
        calls.append([e.message_id for e in batch])
        await release.wait()
        return {e.message_id for e in batch}

    committer = GroupCommitter(transaction, workers=1, max_group_events=100)
    try:
        first = asyncio.create_task(committer.publish(events("wamid.a")))
        await asyncio.sleep(0.01)  # the worker is now busy with the first POST
        later = [asyncio.create_task(committer.publish(events(f"wamid.{i}"))) for i in "bcd"]
        await asyncio.sleep(0.01)
        release.set()
        results = await asyncio.gather(first, *later)
    finally:
        await committer.stop()
    assert calls == [["in:wamid.a"], ["in:wamid.b", "in:wamid.c", "in:wamid.d"]]
    assert [len(r.published) for r in results] == [1, 1, 1, 1]


async def test_a_failed_group_fails_every_post_in_it() -> None:
    async def transaction(batch: list[Outgoing]) -> set[str]:
        raise TimeoutError

    committer = GroupCommitter(transaction, workers=2, max_group_events=100)
    try:
        for task in [asyncio.create_task(committer.publish(events(f"wamid.{i}"))) for i in "xy"]:
            with pytest.raises(TimeoutError):
                await task
    finally:
        await committer.stop()
