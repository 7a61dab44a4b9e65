"""The notifier's plain rules: error codes, backoff, status monotony, offsets, pacing,
addresses and the 24-hour window."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from contracts.directory import DirectorySnapshot
from contracts.lines import citizen_key
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from contracts.roster import load_roster
from services.notifier import send_states as st
from services.notifier.addressing import to_e164
from services.notifier.error_policy import Backoff, SendFailure, Verdict, classify, needs_alert
from services.notifier.graph_client import parse_accepted, parse_error
from services.notifier.officer_directory import OfficerDirectory
from services.notifier.offsets import OffsetTracker
from services.notifier.pacing import RecipientPacer, TokenBucket
from services.notifier.service_window import identities, is_open
from tests.conftest import SAMPLE_ROSTER


@pytest.mark.parametrize(
    "code", [130429, 131056, 4, 80007, 131000, 131016, 131057, 1, 2, 133004]
)
def test_transient_codes_are_retried(code: int) -> None:
    assert classify(SendFailure(code=code, http_status=400), used_template=False) == Verdict.RETRY


@pytest.mark.parametrize(
    "code", [131026, 131051, 100, 132000, 132001, 132015, 368, 190, 131021, 130472, 131031]
)
def test_permanent_codes_are_not_retried(code: int) -> None:
    # by code, whatever the HTTP status says
    assert classify(SendFailure(code=code, http_status=500), used_template=False) == (
        Verdict.GIVE_UP
    )


def test_reengagement_switches_to_the_template_once() -> None:
    failure = SendFailure(code=131047, http_status=400)
    assert classify(failure, used_template=False) == Verdict.USE_TEMPLATE
    assert classify(failure, used_template=True) == Verdict.GIVE_UP


def test_no_answer_and_5xx_without_code_are_retried() -> None:
    assert classify(SendFailure(code=None, no_answer=True), used_template=False) == Verdict.RETRY
    assert classify(SendFailure(code=None, http_status=502), used_template=False) == Verdict.RETRY
    assert classify(SendFailure(code=None, http_status=404), used_template=False) == (
        Verdict.GIVE_UP
    )


@pytest.mark.parametrize("code", [190, 368, 131031, 131048])
def test_alert_codes(code: int) -> None:
    assert needs_alert(code)


def test_no_alert_for_ordinary_codes() -> None:
    assert not needs_alert(131026) and not needs_alert(130429) and not needs_alert(None)


def test_backoff_grows_with_jitter_and_is_bounded() -> None:
    backoff = Backoff(base_s=1.0, max_s=10.0)
    rng = random.Random(7)
    failure = SendFailure(code=130429)
    delays = [backoff.delay(failure, n, rng) for n in range(1, 8)]
    for n, delay in enumerate(delays, start=1):
        plain = min(10.0, 2 ** (n - 1))
        assert plain / 2 <= delay <= plain
    assert len({round(d, 6) for d in delays}) == len(delays)


def test_pair_rate_limit_waits_four_to_the_x() -> None:
    backoff = Backoff(pair_unit_s=1.0, max_s=1000)
    failure = SendFailure(code=131056)
    for x in (1, 2, 3):
        assert 4**x <= backoff.delay(failure, x, random.Random(x)) <= 4**x * 1.25


def test_graph_error_body_is_read_by_code_and_details() -> None:
    failure = parse_error(
        429,
        {"error": {"message": "(#130429) Rate limit hit", "type": "OAuthException",
                   "code": 130429, "error_data": {"messaging_product": "whatsapp",
                                                   "details": "Cloud API throughput reached"},
                   "fbtrace_id": "Az8or2"}},
    )
    assert (failure.code, failure.details, failure.fbtrace_id) == (
        130429, "Cloud API throughput reached", "Az8or2",
    )
    assert "#130429" in failure.reason()
    assert parse_error(502, "<html>bad gateway</html>").code is None


def test_accepted_answer_gives_the_wamid() -> None:
    accepted = parse_accepted(
        {"messaging_product": "whatsapp", "contacts": [{"input": "+62812", "wa_id": "62812"}],
         "messages": [{"id": "wamid.HBg", "message_status": "accepted"}]}
    )
    assert accepted is not None and accepted.wamid == "wamid.HBg"
    assert accepted.message_status == "accepted"
    assert parse_accepted({"messages": []}) is None


@pytest.mark.parametrize(
    ("current", "incoming", "expected"),
    [
        ("sent", "delivered", "delivered"),
        ("sent", "read", "read"),
        ("delivered", "read", "read"),
        ("read", "delivered", None),
        ("read", "sent", None),
        ("delivered", "delivered", None),
        ("sent", "failed", "failed"),
        ("delivered", "failed", None),
        ("failed", "read", None),
        ("sending", "sent", "sent"),
        ("unknown", "delivered", "delivered"),
        ("dead_lettered", "sent", None),
        ("sent", "played", None),
    ],
)
def test_status_never_moves_backwards(current: str, incoming: str, expected: str | None) -> None:
    assert st.advance(current, incoming) == expected


def test_offsets_commit_only_below_the_lowest_unfinished() -> None:
    tracker = OffsetTracker()
    tickets = [tracker.started("p0", offset) for offset in range(10, 15)]
    for ticket in tickets[1:4]:
        tracker.finished(ticket)
    assert tracker.committable() == {"p0": 10}
    tracker.finished(tickets[0])
    assert tracker.committable() == {"p0": 14}
    tracker.finished(tickets[4])
    assert tracker.committable() == {"p0": 15}
    assert tracker.in_flight() == 0


def test_offsets_of_a_revoked_partition_are_forgotten() -> None:
    tracker = OffsetTracker()
    old = tracker.started("p0", 5)
    tracker.forget(["p0"])
    assert tracker.committable() == {}
    new = tracker.started("p0", 5)
    tracker.finished(old)  # a job from before the revocation finishing late
    assert tracker.committable() == {"p0": 5}
    tracker.finished(new)
    assert tracker.committable() == {"p0": 6}


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_recipient_pacing_is_per_recipient_and_line() -> None:
    clock = FakeClock()
    pacer = RecipientPacer(6.0, clock)
    pacer.sent("line", "alice")
    assert pacer.wait_for("line", "alice") == 6.0
    assert pacer.wait_for("line", "bob") == 0.0
    assert pacer.wait_for("other-line", "alice") == 0.0
    clock.now += 4
    assert pacer.wait_for("line", "alice") == pytest.approx(2.0)
    pacer.push_back("line", "alice", 16)
    assert pacer.wait_for("line", "alice") == pytest.approx(16.0)


def test_token_bucket_allows_the_rate_and_no_more() -> None:
    clock = FakeClock()
    bucket = TokenBucket(80, clock=clock)
    assert all(bucket.try_take() == 0 for _ in range(80))
    assert bucket.try_take() == pytest.approx(1 / 80)
    clock.now += 0.5
    assert sum(1 for _ in range(100) if bucket.try_take() == 0) == 40


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("6281234567890", "+6281234567890"),
        ("081234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("81234567890", "+6281234567890"),
        ("+16505551234", "+16505551234"),
    ],
)
def test_phone_numbers_are_sent_as_e164(raw: str, e164: str) -> None:
    assert to_e164(raw) == e164


def test_window_identities_match_the_inbound_sender_keys() -> None:
    keys = identities("ID.42", "081234567890")
    assert citizen_key(None, "6281234567890") in keys
    assert citizen_key("ID.42", None) in keys


def test_window_is_open_for_24_hours_minus_the_margin() -> None:
    now = datetime(2026, 11, 30, tzinfo=UTC)
    margin = timedelta(minutes=5)
    assert is_open(now - timedelta(hours=23), now, margin)
    assert not is_open(now - timedelta(hours=23, minutes=56), now, margin)
    assert not is_open(None, now, margin)


def test_an_officer_named_only_by_id_gets_his_number_from_the_roster() -> None:
    directory = OfficerDirectory({"off-7": "6281111111111"})
    req = NotificationRequest(
        message_id="x", kind=NotificationKind.OFFICER_ACTION_DONE, line_phone_number_id="",
        recipient=Recipient(kind=RecipientKind.OFFICER, key="off-7", officer_id="off-7"),
    )
    assert directory.complete(req).recipient.wa_id == "6281111111111"
    stranger = req.model_copy(update={"recipient": req.recipient.model_copy(
        update={"key": "off-9", "officer_id": "off-9"})})
    assert directory.complete(stranger).recipient.wa_id is None


def test_the_directory_numbers_follow_each_snapshot() -> None:
    directory = OfficerDirectory.of(load_roster(SAMPLE_ROSTER))
    assert len(directory) == 179  # the shipped sample's officers all have numbers
    officer = load_roster(SAMPLE_ROSTER).officers[0]
    moved = officer.model_copy(update={"wa_id": "6281199999999"})
    directory.apply(DirectorySnapshot(regency_code="35.22", officers=(moved,)))
    req = NotificationRequest(
        message_id="y", kind=NotificationKind.OFFICER_ACTION_DONE, line_phone_number_id="",
        recipient=Recipient(kind=RecipientKind.OFFICER, key=officer.officer_id,
                            officer_id=officer.officer_id),
    )
    assert len(directory) == 1 and directory.complete(req).recipient.wa_id == "6281199999999"
