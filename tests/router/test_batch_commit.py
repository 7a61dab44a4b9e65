"""The commit sequence of a batch, with a fake producer (no Kafka): the states with their
outbox are in Kafka before any output is sent, every output is in Kafka before the
source offsets count as handled, and a failure puts the rows back and reads the records
again."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import pytest

from services.router.batch_commit import Batch, BatchCommit, Row
from services.router.cases.state import OutboxItem, ReporterState

CHANGELOG = "reporters-changelog"
TPS: set[Any] = {("whatsapp.inbound", 0)}


class FakeProducer:
    """Records every send and every delivery in one log; deliveries wait for `ack`
    when `hold` is set, and records to `failing` topics fail."""

    def __init__(self, log: list[tuple[str, ...]], hold: bool = False) -> None:
        self.log = log
        self.hold = hold
        self.failing: set[str] = set()
        self.pending: list[tuple[str, asyncio.Future[None]]] = []

    async def send(
        self, topic: str, key: bytes, value: bytes, partition: int | None = None
    ) -> Awaitable[Any]:
        self.log.append(("sent", topic, key.decode(), value.decode()))
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.pending.append((topic, future))
        if not self.hold:
            self.ack()
        return future

    def ack(self, topic: str | None = None) -> None:
        for name, future in list(self.pending):
            if topic is None or name == topic:
                self.pending.remove((name, future))
                if name in self.failing:
                    future.set_exception(ConnectionError("broker gone"))
                else:
                    future.set_result(None)
                self.log.append(("delivered", name))


class FakeRows:
    """The reporters table: a dict, changelog records through the fake producer."""

    def __init__(self, producer: FakeProducer, data: dict[bytes, bytes]) -> None:
        self.producer = producer
        self.data = data

    def items(self) -> list[tuple[bytes, bytes | None]]:
        return list(self.data.items())

    async def write(self, key: bytes, partition: int, value: bytes) -> Awaitable[Any]:
        self.data[key] = value
        return await self.producer.send(CHANGELOG, key, value, partition)

    def put_back(self, key: bytes, value: bytes | None) -> None:
        if value is None:
            self.data.pop(key, None)
        else:
            self.data[key] = value


class FakeProgress:
    def __init__(self, log: list[tuple[str, ...]]) -> None:
        self.log = log

    def handled(self, tps: Any) -> None:
        self.log.append(("handled",))

    async def failed(self, tps: Any) -> None:
        self.log.append(("failed",))


def item(topic: str, key: str) -> OutboxItem:
    return OutboxItem(topic=topic, key=key, value=f'{{"message_id": "{key}"}}')


def changed(key: str, seen: str) -> ReporterState:
    return ReporterState.empty(key).model_copy(update={"partition": 0, "seen": [seen]})


def setup(
    hold: bool = False, data: dict[bytes, bytes] | None = None
) -> tuple[BatchCommit, FakeProducer, FakeRows, list[tuple[str, ...]]]:
    log: list[tuple[str, ...]] = []
    producer = FakeProducer(log, hold)
    rows = FakeRows(producer, dict(data or {}))

    def committed(batch: Batch) -> None:
        log.append(("committed", *sorted(k.decode() for k in batch.rows)))

    return BatchCommit(rows, producer, FakeProgress(log), committed), producer, rows, log


def new_case_batch() -> Batch:
    """Reporter a's first message (empty row before), with two outputs; an officer's
    message with one output and no row."""
    empty = ReporterState.empty("a")
    batch = Batch(direct=[item("notifications.requests", "officer-reply")])
    batch.rows[b"a"] = Row(0, empty, changed("a", "in:w1"), [item("cases.events", "a-1")])
    batch.rows[b"a"].outbox.append(item("cases.bhabin", "a-1:bhabin"))
    return batch


def sends(log: list[tuple[str, ...]]) -> list[str]:
    return [entry[1] for entry in log if entry[0] == "sent"]


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


async def test_the_states_with_their_outbox_are_in_kafka_before_any_output_goes_out() -> None:
    commit, producer, rows, log = setup(hold=True)
    task = asyncio.create_task(commit.commit(new_case_batch(), TPS))
    await settle()
    assert sends(log) == [CHANGELOG]  # the state, with its outbox, and nothing else yet
    first = ReporterState.from_bytes(rows.data[b"a"])
    assert [o.key for o in first.outbox] == ["a-1", "a-1:bhabin"]

    producer.ack(CHANGELOG)
    await settle()
    assert sends(log)[1:] == ["cases.events", "cases.bhabin", "notifications.requests"]
    assert ("handled",) not in log and not task.done()  # outputs sent, not yet in Kafka

    producer.ack()
    assert await task is True
    assert sends(log)[-1] == CHANGELOG  # the state again, without its outbox
    assert ReporterState.from_bytes(rows.data[b"a"]).outbox == []
    last_delivered = max(i for i, e in enumerate(log) if e[:2] == ("delivered", "cases.bhabin"))
    assert log.index(("committed", "a")) > last_delivered
    assert log.index(("handled",)) > log.index(("committed", "a"))


async def test_a_failed_output_puts_the_rows_back_and_reads_the_records_again() -> None:
    before = changed("b", "in:old")
    commit, producer, rows, log = setup(data={b"b": before.to_bytes()})
    producer.failing.add("cases.events")
    batch = new_case_batch()
    batch.rows[b"b"] = Row(0, before, changed("b", "in:new"), [item("cases.events", "b-2")])

    assert await commit.commit(batch, TPS) is False
    assert b"a" not in rows.data  # a new reporter's row is gone again
    assert rows.data[b"b"] == before.to_bytes()  # the others are as the batch found them
    assert ("failed",) in log and ("handled",) not in log
    assert not any(entry[0] == "committed" for entry in log)  # no deadline taken


async def test_a_failed_state_write_sends_no_output() -> None:
    commit, producer, rows, log = setup()
    producer.failing.add(CHANGELOG)
    assert await commit.commit(new_case_batch(), TPS) is False
    assert sends(log) == [CHANGELOG]
    assert rows.data == {} and ("failed",) in log


async def test_a_row_changed_without_outputs_is_written_and_not_waited_for() -> None:
    """Faust flushes the producer before every offset commit, so the record is in Kafka
    before any commit passes the message that changed the row."""
    commit, producer, _, log = setup(hold=True)
    batch = Batch(direct=[item("cases.commands", "wa:w9")])
    batch.rows[b"c"] = Row(0, ReporterState.empty("c"), changed("c", "in:w2"))
    task = asyncio.create_task(commit.commit(batch, TPS))
    await settle()
    assert sends(log) == [CHANGELOG, "cases.commands"]
    producer.ack("cases.commands")
    assert await task is True
    assert ("handled",) in log and producer.pending  # the row's record still in flight


async def test_an_unchanged_row_is_not_written() -> None:
    commit, _, rows, log = setup()
    state = changed("d", "in:w3")
    batch = Batch()
    batch.rows[b"d"] = Row(0, state, state)
    assert await commit.commit(batch, TPS) is True
    assert sends(log) == [] and rows.data == {}


async def test_recovery_resends_pending_outboxes_of_active_partitions_only() -> None:
    pending = changed("e", "in:w4").model_copy(
        update={"outbox": [item("cases.events", "e-1")]}
    )
    elsewhere = pending.model_copy(update={"key": "f", "partition": 5})
    commit, _, rows, log = setup(
        data={b"e": pending.to_bytes(), b"f": elsewhere.to_bytes()}
    )
    found = await commit.finish_outboxes(active={0})
    assert [key for key, _ in found] == [b"e"]
    assert sends(log) == ["cases.events", CHANGELOG]
    assert ReporterState.from_bytes(rows.data[b"e"]).outbox == []
    assert ReporterState.from_bytes(rows.data[b"f"]).outbox  # another worker's


async def test_recovery_that_cannot_send_an_outbox_raises_and_keeps_it() -> None:
    pending = changed("g", "in:w5").model_copy(update={"outbox": [item("cases.events", "g")]})
    commit, producer, rows, _ = setup(data={b"g": pending.to_bytes()})
    producer.failing.add("cases.events")
    with pytest.raises(ConnectionError):
        await commit.finish_outboxes(active={0})
    assert ReporterState.from_bytes(rows.data[b"g"]).outbox == pending.outbox
