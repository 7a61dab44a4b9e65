"""The directory feed against the real Kafka: caught up at start, changes applied live,
a bad record skipped without stopping it, a writer's record awaited (read-your-writes)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiokafka import AIOKafkaProducer
from prometheus_client import REGISTRY

from contracts.directory import DirectorySnapshot, Polres
from contracts.hierarchy import Tier
from contracts.lines import Line
from contracts.roster import Officer
from contracts.topics import DIRECTORY_LINES, DIRECTORY_OFFICERS, DIRECTORY_POLRES, Topic
from servicekit.directory_feed import DirectoryFeed, DirectoryTopicsMissing, read_directory
from tests.conftest import Infra

ADI = Officer(officer_id="bhb-a", name="Bripka Adi", tier=Tier.BHABIN, wa_id="6281100000001",
              area_codes=("35.22.01.2001",))
BUDI = Officer(officer_id="bhb-b", name="Bripka Budi", tier=Tier.BHABIN, wa_id="6281100000002",
               area_codes=("35.22.02.2001",))
POLRES = Polres(regency_code="35.22", name="Polres Bojonegoro")
LINE = Line(phone_number_id="103522000000000", tier=Tier.KAPOLRES, area_codes=("35.22",))


@pytest.fixture
async def producer(infra: Infra) -> AsyncIterator[AIOKafkaProducer]:
    p = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers, acks="all")
    await p.start()
    yield p
    await p.stop()


async def put(producer: AIOKafkaProducer, prefix: str, topic: Topic, key: str,
              value: bytes | None) -> tuple[int, int]:
    meta = await producer.send_and_wait(topic.full_name(prefix), value, key=key.encode())
    return meta.partition, meta.offset


def skipped(topic: str) -> float:
    return REGISTRY.get_sample_value(
        "matur_directory_records_skipped_total", {"topic": topic}) or 0.0


async def test_the_feed_catches_up_then_applies_changes_live(
    infra: Infra, prefix: str, producer: AIOKafkaProducer
) -> None:
    await put(producer, prefix, DIRECTORY_POLRES, "35.22", POLRES.to_bytes())
    await put(producer, prefix, DIRECTORY_LINES, LINE.phone_number_id, LINE.to_bytes())
    for officer in (ADI, BUDI):
        await put(producer, prefix, DIRECTORY_OFFICERS, officer.officer_id, officer.to_bytes())
    feed = DirectoryFeed(infra.kafka_bootstrap_servers, prefix)
    seen: list[DirectorySnapshot] = []
    feed.subscribe(seen.append)
    try:
        first = await asyncio.wait_for(feed.start(), 30)
        assert feed.caught_up and seen == [first]
        assert (first.regency_code, first.lines, first.officers) == ("35.22", (LINE,), (ADI, BUDI))

        moved = ADI.model_copy(update={"area_codes": ("35.22.01.2002",)})
        where = await put(producer, prefix, DIRECTORY_OFFICERS, "bhb-a", moved.to_bytes())
        await feed.wait_applied(DIRECTORY_OFFICERS, *where)
        assert feed.snapshot.officers == (moved, BUDI) and seen[-1] == feed.snapshot

        before = skipped(DIRECTORY_OFFICERS.name)
        await put(producer, prefix, DIRECTORY_OFFICERS, "bhb-b", b'{"officer_id": "bhb-b"}')
        where = await put(producer, prefix, DIRECTORY_OFFICERS, "bhb-a", None)  # tombstone
        await feed.wait_applied(DIRECTORY_OFFICERS, *where)
        assert feed.snapshot.officers == (BUDI,)  # the bad record kept the last good value
        assert skipped(DIRECTORY_OFFICERS.name) == before + 1

        again = await read_directory(infra.kafka_bootstrap_servers, prefix)
        assert again.officers == (BUDI,) and again.polres == (POLRES,)
    finally:
        await feed.stop()


async def test_an_empty_directory_is_caught_up_at_once(infra: Infra, prefix: str) -> None:
    snapshot = await asyncio.wait_for(read_directory(infra.kafka_bootstrap_servers, prefix), 30)
    assert (snapshot.regency_code, snapshot.officers, snapshot.lines) == ("", (), ())


async def test_missing_topics_are_a_clear_error_for_a_one_shot_reader(infra: Infra) -> None:
    with pytest.raises(DirectoryTopicsMissing, match=r"directory\.officers"):
        await asyncio.wait_for(
            read_directory(infra.kafka_bootstrap_servers, "no-such-prefix."), 30)
