"""The verdict's rules on hand-made records (no stack): it must be able to fail."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from contracts.case_events import Case, CaseEvent, CaseEventKind, Reporter
from contracts.hierarchy import CaseStatus
from tests.chaos.event_log import EventLog
from tests.chaos.load import Report, villages_with_a_bhabin
from tests.chaos.verdict import judge
from tests.e2e.whatsapp import Sent

VILLAGE = villages_with_a_bhabin()[0]
CASE_ID = "c_000000000000000000000001-000000000001"


def report(outcome: str = "accepted") -> Report:
    return Report(1, "6285800000001", VILLAGE, False, "text", outcome=outcome)


def api_case(version: int = 2) -> dict[str, Any]:
    return {"case_id": CASE_ID, "version": version, "status": "open", "tier": "bhabin",
            "assignee": {"officer_id": VILLAGE.bhabin_id}, "village_code": VILLAGE.code,
            "escalations": 0, "reporter": {"wa_id": "6285800000001"}}


def sent(kind: str, to: str, seq: int) -> Sent:
    return Sent(seq, 0.0, to, "text", True,
                {"biz_opaque_callback_data": f"{CASE_ID}:2:{kind}:x"})


def log(version: int = 2) -> EventLog:
    now = datetime.now(UTC)
    case = Case(case_id=CASE_ID, reference="BJN-000001", version=version,
                status=CaseStatus.OPEN, reporter=Reporter(key="c_1"),
                line_phone_number_id="103522000000000", opened_at=now, updated_at=now)
    event = CaseEvent(message_id=f"{CASE_ID}:{version}", occurred_at=now,
                      kind=CaseEventKind.ASSIGNED, case=case)
    return EventLog(latest={CASE_ID: event}, records=version)


def test_a_clean_run_passes() -> None:
    v = judge([report()], [api_case()],
              [sent("receipt", "+6285800000001", 1),
               sent("officer_new_case", VILLAGE.bhabin_wa_id, 2)], log())
    assert v.ok, v.report()
    assert v.counts["accepted"] == 1 and v.counts["receipts"] == 1


def test_lost_doubled_and_stale_projection_are_caught() -> None:
    v = judge([report()], [], [], log())
    assert v.counts["lost"] == 1 and not v.ok
    twice = [sent("receipt", "+6285800000001", 1), sent("receipt", "+6285800000001", 2),
             sent("officer_new_case", VILLAGE.bhabin_wa_id, 3)]
    v = judge([report()], [api_case(version=1)], twice, log(version=2))
    assert v.counts["duplicates"] == 1
    assert v.problems["API projection differs from the event log"]
    assert v.problems["case without exactly one receipt"]
