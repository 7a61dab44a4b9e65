"""The source ledger decides what the router may commit: never past a record it has not
handled with durable effects, whatever order the consumer delivers records in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.router.source_ledger import SourceLedger, Verdict

TP = ("whatsapp.inbound", 3)


def test_records_in_order_are_handled_and_committed_once_durable() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 10)
    assert [ledger.admit(TP, o) for o in (10, 11, 12)] == [Verdict.HANDLE] * 3
    assert ledger.durable_offset(TP) == 10  # nothing durable yet: commit stays
    ledger.made_durable([TP])
    assert ledger.durable_offset(TP) == 13


def test_records_dropped_by_the_consumer_are_read_again_not_committed_over() -> None:
    """The loss seen in the chaos test: 10 and 11 fetched then dropped, 12 arrives."""
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 10)
    assert ledger.admit(TP, 12) is Verdict.AHEAD
    ledger.made_durable([TP])
    assert ledger.durable_offset(TP) == 10
    assert ledger.next_offset(TP) == 10  # where the partition is read again from


def test_a_re_read_of_handled_records_is_a_replay() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 0)
    for o in range(5):
        ledger.admit(TP, o)
    assert ledger.admit(TP, 2) is Verdict.REPLAYED
    assert ledger.admit(TP, 5) is Verdict.HANDLE


def test_a_failed_batch_is_rolled_back_to_its_durable_point() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 0)
    ledger.admit(TP, 0)
    ledger.made_durable([TP])
    ledger.admit(TP, 1)
    ledger.admit(TP, 2)
    assert ledger.roll_back([TP]) == {TP: 1}
    assert ledger.admit(TP, 1) is Verdict.HANDLE
    assert ledger.durable_offset(TP) == 1


def test_records_deleted_by_retention_are_skipped_explicitly() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 4)
    assert ledger.skip_to(TP, 9) == 5
    assert ledger.admit(TP, 9) is Verdict.HANDLE


def test_a_revoked_partition_starts_again_from_its_committed_offset() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 0)
    ledger.admit(TP, 0)
    ledger.forget([TP])
    assert not ledger.knows(TP)
    assert ledger.durable_offset(TP) is None
    ledger.made_durable([TP])  # a batch finishing after the revoke changes nothing
    assert not ledger.knows(TP)


def test_a_partition_is_read_again_at_most_once_per_interval() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 4)
    assert ledger.may_read_again(TP, now=100.0, every_s=1.0)
    assert not ledger.may_read_again(TP, now=100.5, every_s=1.0)  # older fetches still come
    assert ledger.may_read_again(TP, now=101.0, every_s=1.0)
    ledger.forget([TP])
    ledger.start(TP, 4)
    assert ledger.may_read_again(TP, now=101.1, every_s=1.0)  # a new assignment starts afresh


def test_reading_again_from_the_same_offset_twice_means_the_records_may_be_gone() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 4)
    assert not ledger.read_again_before(TP)
    ledger.reading_again_from(TP, 4)
    assert ledger.read_again_before(TP)  # still stuck at 4: ask for the earliest offset
    ledger.admit(TP, 4)
    assert not ledger.read_again_before(TP)  # it moved on


@given(
    deliveries=st.lists(st.integers(min_value=0, max_value=40), max_size=200),
    durable_every=st.integers(min_value=1, max_value=10),
)
def test_the_commit_never_passes_an_offset_that_was_not_handled(
    deliveries: list[int], durable_every: int
) -> None:
    """Any delivery order (drops, repeats, jumps): every offset below the committable
    one was handled exactly once."""
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 0)
    handled: list[int] = []
    for i, offset in enumerate(deliveries):
        if ledger.admit(TP, offset) is Verdict.HANDLE:
            handled.append(offset)
        if i % durable_every == 0:
            ledger.made_durable([TP])
    ledger.made_durable([TP])
    committable = ledger.durable_offset(TP)
    assert committable is not None
    assert handled == list(range(committable))


def test_a_partition_with_records_waiting_but_no_progress_is_reported_as_stalled() -> None:
    """The last records of a burst dropped by the consumer: no later record reveals the
    gap, but the log end is past the next offset and nothing moves."""
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    quiet = ("whatsapp.inbound", 4)
    ledger.start(TP, 0, now=0.0)
    ledger.start(quiet, 7, now=0.0)
    ledger.admit(TP, 0, now=1.0)
    ends = {TP: 3, quiet: 7}  # TP: records 1 and 2 never came; quiet: all read
    assert ledger.stalled(ends, now=4.0, after_s=5.0) == []  # not yet
    assert ledger.stalled(ends, now=6.5, after_s=5.0) == [(TP, 3)]
    assert ledger.stalled(ends, now=7.0, after_s=5.0) == []  # once per interval
    assert ledger.stalled(ends, now=12.0, after_s=5.0) == [(TP, 3)]
    ledger.admit(TP, 1, now=12.5)  # the re-read arrives: progress again
    assert ledger.stalled(ends, now=13.0, after_s=5.0) == []


def test_records_read_ahead_are_not_progress() -> None:
    ledger: SourceLedger[tuple[str, int]] = SourceLedger()
    ledger.start(TP, 0, now=0.0)
    assert ledger.admit(TP, 5, now=9.0) is Verdict.AHEAD
    assert ledger.stalled({TP: 6}, now=9.0, after_s=5.0) == [(TP, 6)]
