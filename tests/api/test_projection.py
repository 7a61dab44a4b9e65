"""The projection: events become rows, replays change nothing, a rebuild from offset 0
equals the live projection."""

from __future__ import annotations

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from contracts.case_events import CaseEventKind, TimelineEntry
from contracts.notifications import NotificationStatus
from contracts.record_deadletter import RecordDeadLetter
from contracts.topics import API_DEADLETTER, CASES_EVENTS, NOTIFICATIONS_EVENTS
from contracts.whatsapp_events import MediaRef
from services.api.rebuild import rebuild
from tests.api.conftest import VILLAGE_A1, Publish, RunningApi, wait_for, wait_projected
from tests.api.factories import acknowledged, next_event, notification, opened
from tests.conftest import Infra


async def test_events_build_the_case_and_its_timeline(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    e1 = opened(VILLAGE_A1, "Ada pencurian sapi di kandang pak Karto")
    e2 = next_event(
        e1,
        CaseEventKind.MESSAGE_ADDED,
        TimelineEntry(text="Pelaku dua orang", media=MediaRef(kind="image", media_id="m1")),
    )
    e3 = acknowledged(e2, "bhb-a", "Bripka Adi")
    await publish([e1, e2, e3, notification(e1.case.case_id, NotificationStatus.DELIVERED)])
    await wait_projected(infra, e1.case.case_id, 3)

    r = await client.get(f"/cases/{e1.case.case_id}", headers=api.headers("kapolres"))
    assert r.status_code == 200, r.text
    case = r.json()
    assert case["status"] == "acknowledged" and case["version"] == 3
    assert case["village_name"] == "Luwihaji" and case["district_name"] == "Ngraho"
    assert [t["kind"] for t in case["timeline"]] == ["opened", "message_added", "acknowledged"]
    assert case["timeline"][1]["media"]["media_id"] == "m1"
    assert case["timeline"][2]["actor_name"] == "Bripka Adi"

    async def notified() -> list[dict[str, str]]:
        body = (await client.get(f"/cases/{e1.case.case_id}", headers=api.headers("kapolres")))
        return list(body.json()["notifications"])

    notes = await wait_for(notified)
    assert notes[0]["status"] == "delivered"


async def test_replays_change_nothing_and_statuses_never_go_down(
    api: RunningApi,
    client: httpx.AsyncClient,
    publish: Publish,
    producer: AIOKafkaProducer,
    infra: Infra,
) -> None:
    e1 = opened(VILLAGE_A1, "Jalan rusak dan gelap rawan begal")
    e2 = next_event(e1, CaseEventKind.MESSAGE_ADDED, TimelineEntry(text="tolong segera"))
    await publish([e1, e2])
    await wait_projected(infra, e1.case.case_id, 2)
    before = (await client.get(f"/cases/{e1.case.case_id}", headers=api.headers("kapolres"))).json()

    e3 = next_event(e2, CaseEventKind.NOTE_ADDED, TimelineEntry(text="dicek besok"))
    await publish([e1, e2, e1, e3])  # replays, then one new event as a marker
    await wait_projected(infra, e1.case.case_id, 3)
    after = (await client.get(f"/cases/{e1.case.case_id}", headers=api.headers("kapolres"))).json()
    assert [t["version"] for t in after["timeline"]] == [1, 2, 3]
    assert after["timeline"][:2] == before["timeline"]

    # The reporter's texts are searchable once each, not once per replay.
    conn = await asyncpg.connect(infra.database_url)
    try:
        text = await conn.fetchval(
            "SELECT messages_text FROM projection.cases WHERE case_id = $1", e1.case.case_id
        )
    finally:
        await conn.close()
    assert text == "Jalan rusak dan gelap rawan begal tolong segera"

    # Notification statuses only move up: read, then a late delivered, stays read.
    cid = e1.case.case_id
    nid = f"{cid}:1:receipt:c_y"
    topic = NOTIFICATIONS_EVENTS.full_name(infra.topic_prefix)
    marker = notification(cid, NotificationStatus.SENT, notification_id=nid + ":marker")
    for event in (
        notification(cid, NotificationStatus.SENT, nid),
        notification(cid, NotificationStatus.READ, nid),
        notification(cid, NotificationStatus.DELIVERED, nid),
        marker,
    ):
        await producer.send_and_wait(topic, event.to_bytes(), key=nid.encode())

    async def statuses() -> dict[str, str] | None:
        body = (await client.get(f"/cases/{cid}", headers=api.headers("kapolres"))).json()
        found = {n["notification_id"]: n["status"] for n in body["notifications"]}
        return found if marker.notification_id in found else None

    found = await wait_for(statuses)
    assert found[nid] == "read"


async def test_rebuild_from_offset_zero_equals_the_live_projection(
    api: RunningApi, publish: Publish, infra: Infra
) -> None:
    e1 = opened(VILLAGE_A1, "Kebakaran lahan tebu")
    await publish([e1, next_event(e1, CaseEventKind.ESCALATED, escalations=1)])
    await wait_projected(infra, e1.case.case_id, 2)
    await rebuild(api.settings, schema="projection_check", swap=False)

    conn = await asyncpg.connect(infra.database_url)
    queries = {
        "cases": "SELECT case_id, version, status, messages_text, snapshot, search::text"
        " FROM {s}.cases ORDER BY case_id",
        "timeline": "SELECT case_id, version, kind, entry, snapshot, village_code"
        " FROM {s}.case_timeline ORDER BY case_id, version",
        "notifications": "SELECT * FROM {s}.notifications ORDER BY notification_id",
    }
    try:
        for name, query in queries.items():
            rebuilt = [dict(r) for r in await conn.fetch(query.format(s="projection_check"))]

            async def same(q: str = query, expected: list[dict[str, object]] = rebuilt) -> bool:
                return [dict(r) for r in await conn.fetch(q.format(s="projection"))] == expected

            await wait_for(same)
            assert rebuilt, name
    finally:
        await conn.execute("DROP SCHEMA projection_check CASCADE")
        await conn.close()


async def test_rebuild_swaps_in_while_the_api_serves(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    before = opened(VILLAGE_A1, "Sebelum dibangun ulang")
    await publish([before])
    await wait_projected(infra, before.case.case_id, 1)
    h = api.headers("kapolres")
    assert (await client.get(f"/cases/{before.case.case_id}", headers=h)).status_code == 200
    seq_before = await _max_seq(infra)

    await rebuild(api.settings)  # the default: fresh schema, swapped in for the live one

    r = await client.get(f"/cases/{before.case.case_id}", headers=h)
    assert r.status_code == 200, r.text
    assert (await client.get("/cases", params={"limit": 5}, headers=h)).status_code == 200
    # New events still arrive, with stream ids after every id handed out before.
    after = opened(VILLAGE_A1, "Sesudah dibangun ulang")
    await publish([after])
    await wait_projected(infra, after.case.case_id, 1)
    body = (await client.get(f"/cases/{after.case.case_id}", headers=h)).json()
    assert body["timeline"][0]["seq"] > seq_before


async def _max_seq(infra: Infra) -> int:
    conn = await asyncpg.connect(infra.database_url)
    try:
        return int(await conn.fetchval("SELECT max(seq) FROM projection.case_timeline"))
    finally:
        await conn.close()


async def test_a_record_that_cannot_be_applied_is_dead_lettered_and_later_cases_appear(
    api: RunningApi, client: httpx.AsyncClient, producer: AIOKafkaProducer, infra: Infra
) -> None:
    """A NUL smuggled onto cases.events (PostgreSQL refuses it in text and jsonb) and a
    record that is no case event go to api.deadletter; the next record of the same
    partition and later cases are projected, /readyz stays true."""
    topic = CASES_EVENTS.full_name(infra.topic_prefix)
    poison = opened(VILLAGE_A1, "Ada maling\x00 di sawah")
    unreadable = b'{"message_id": "not a case event"}'
    after = opened(VILLAGE_A1, "Laporan sesudah racun")
    key = poison.case.case_id.encode()  # one partition: `after` comes after both
    for value in (poison.to_bytes(), unreadable, after.to_bytes()):
        await producer.send_and_wait(topic, value, key=key)
    await wait_projected(infra, after.case.case_id, 1)

    h = api.headers("kapolres")
    assert (await client.get(f"/cases/{after.case.case_id}", headers=h)).status_code == 200
    assert (await client.get(f"/cases/{poison.case.case_id}", headers=h)).status_code == 404
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["projection"] is True

    letters = await _dead_letters(infra, {poison.to_bytes(), unreadable})
    by_value = {letter.raw_value(): letter for letter in letters}
    assert by_value[poison.to_bytes()].source_topic == topic
    assert by_value[poison.to_bytes()].raw_key() == key
    assert by_value[poison.to_bytes()].error_type.endswith("Error")
    assert by_value[unreadable].error_type == "ValidationError"
    for letter in letters:
        assert letter.message_id == (
            f"dl:{topic}:{letter.source_partition}:{letter.source_offset}"
        )
        assert "maling" not in letter.reason  # the reason never carries the content
    metrics = (await client.get("/metrics")).text
    assert f'matur_api_projection_dead_letters_total{{topic="{topic}"}}' in metrics

    # The same case, written again without the NUL, is projected as usual.
    fixed = opened(VILLAGE_A1, "Ada maling di sawah", case_id=poison.case.case_id)
    await producer.send_and_wait(topic, fixed.to_bytes(), key=key)
    await wait_projected(infra, poison.case.case_id, 1)


async def _dead_letters(infra: Infra, values: set[bytes]) -> list[RecordDeadLetter]:
    """The api.deadletter records whose raw value is one of `values`, read from the start."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=infra.kafka_bootstrap_servers, enable_auto_commit=False
    )
    await consumer.start()
    try:
        partition = TopicPartition(API_DEADLETTER.full_name(infra.topic_prefix), 0)
        consumer.assign([partition])
        await consumer.seek_to_beginning(partition)
        found: dict[bytes, RecordDeadLetter] = {}

        async def all_found() -> list[RecordDeadLetter] | None:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                for record in records:
                    letter = RecordDeadLetter.from_bytes(record.value or b"{}")
                    if letter.raw_value() in values:
                        found[letter.raw_value() or b""] = letter
            return list(found.values()) if set(found) == values else None

        return await wait_for(all_found)
    finally:
        await consumer.stop()
