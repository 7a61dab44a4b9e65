"""The verdict, from three records: what the load generator sent (and what ingest
answered), what the sandbox WhatsApp API accepted, the API's case list, and the case event
log. Plain code over plain data."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiokafka.partitioner import DefaultPartitioner

from contracts.lines import citizen_key
from contracts.topics import WHATSAPP_INBOUND
from services.sandbox.identities import bsuid_for_phone
from tests.chaos.event_log import EventLog
from tests.chaos.load import Report
from tests.e2e.whatsapp import Sent

ESCALATION_KINDS = ("escalated", "officer_escalated_case")
_PARTITIONER = DefaultPartitioner()


def inbound_partition(phone: str) -> int:
    """Where ingest put the citizen's message: keyed by his citizen key (the sandbox gives
    every phone a deterministic BSUID), Kafka's default partitioner."""
    key = citizen_key(bsuid_for_phone(phone), phone).encode()
    partitions = list(range(WHATSAPP_INBOUND.partitions))
    return int(_PARTITIONER(key, partitions, partitions))


@dataclass
class Verdict:
    counts: dict[str, int] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, text: str) -> None:
        self.problems[kind].append(text)

    @property
    def ok(self) -> bool:
        return not any(self.problems.values())

    def report(self, limit: int = 8) -> str:
        lines = ["counts: " + ", ".join(f"{k}={v}" for k, v in self.counts.items())]
        for kind, items in self.problems.items():
            if items:
                lines.append(f"{kind}: {len(items)}")
                lines += [f"    {item}" for item in items[:limit]]
        return "\n".join(lines)


def judge(reports: list[Report], cases: list[dict[str, Any]], sent: list[Sent],
          log: EventLog) -> Verdict:
    v = Verdict()
    by_phone: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        phone = ((case.get("reporter") or {}).get("wa_id") or "").lstrip("+")
        by_phone[phone].append(case)
    sends = Counter(s.notification_id for s in sent if s.notification_id)
    per_case: dict[str, list[Sent]] = defaultdict(list)
    for s in sent:
        if s.case_id:
            per_case[s.case_id].append(s)

    accepted = [r for r in reports if r.outcome == "accepted"]
    lost = duplicates = receipts = 0
    for r in accepted:
        mine = by_phone.get(r.phone, [])
        if not mine:
            lost += 1
            v.add("accepted report without a case",
                  f"#{r.number} {r.phone} (inbound partition {inbound_partition(r.phone)})")
            continue
        if len(mine) > 1:
            duplicates += len(mine) - 1
            v.add("report that became several cases",
                  f"#{r.number} {r.phone}: {[c['case_id'] for c in mine]}")
        for case in mine:
            _judge_case(v, r, case, per_case.get(case["case_id"], []))
            receipts += sum(1 for s in per_case.get(case["case_id"], [])
                            if s.kind == "receipt")
    for r in reports:
        if r.outcome in ("refused", "unknown") and len(by_phone.get(r.phone, [])) > 1:
            v.add("report that became several cases", f"#{r.number} ({r.outcome})")

    twice = {nid: n for nid, n in sends.items() if n > 1}
    for nid, n in twice.items():
        v.add("notification sent more than once", f"{nid} x{n}")
    escalations_sent = sum(1 for s in sent if s.kind in ESCALATION_KINDS)

    _judge_projection(v, cases, log)
    v.counts = {
        "sent": sum(1 for r in reports if r.outcome != "unsent"),
        "accepted": len(accepted),
        "refused": sum(1 for r in reports if r.outcome == "refused"),
        "unknown": sum(1 for r in reports if r.outcome == "unknown"),
        "cases": len(cases),
        "receipts": receipts,
        "duplicates": duplicates + sum(n - 1 for n in twice.values()),
        "lost": lost,
        "escalation_messages": escalations_sent,
        "cases_escalated": sum(1 for c in cases if c.get("escalations")),
        "log_records": log.records,
        "log_repeats": sum(log.repeated.values()),
    }
    return v


def _judge_case(v: Verdict, r: Report, case: dict[str, Any], sent: list[Sent]) -> None:
    cid = case["case_id"]
    kinds = Counter(s.kind for s in sent)
    if kinds["receipt"] != 1:
        v.add("case without exactly one receipt", f"{cid}: {kinds['receipt']} receipts")
    if case.get("village_code") != r.village.code:
        v.add("case in the wrong village",
              f"{cid}: {case.get('village_code')} instead of {r.village.code}")
    assignee = (case.get("assignee") or {}).get("officer_id")
    if not r.fast and (case.get("tier"), assignee) != ("bhabin", r.village.bhabin_id):
        v.add("case not at the village's Bhabin",
              f"{cid}: {case.get('tier')} {assignee}, expected {r.village.bhabin_id}")
    alerts = [s.to.lstrip("+") for s in sent if s.kind == "officer_new_case"]
    if any(to != r.village.bhabin_wa_id for to in alerts):
        v.add("new-case alert to someone else than the village's Bhabin", f"{cid}: {alerts}")
    elif len(alerts) != 1:
        v.add("new-case alert to the Bhabin not sent exactly once", f"{cid}: {len(alerts)}")
    escalations = int(case.get("escalations") or 0)
    expected = 2 if r.fast else 0
    if escalations != expected:
        v.add("case with the wrong number of escalations",
              f"{cid}: {escalations} (expected {expected}, fast={r.fast})")
    for kind in ESCALATION_KINDS:
        if kinds[kind] != escalations:
            v.add("escalation messages not one per escalation",
                  f"{cid}: {kinds[kind]} x {kind} for {escalations} escalations")


def _judge_projection(v: Verdict, cases: list[dict[str, Any]], log: EventLog) -> None:
    api = {c["case_id"]: c for c in cases}
    for case_id, event in log.latest.items():
        row = api.get(case_id)
        if row is None:
            v.add("case in the event log missing from the API", case_id)
        elif (row["version"], row["status"]) != (event.case.version, event.case.status.value):
            v.add("API projection differs from the event log",
                  f"{case_id}: API v{row['version']} {row['status']}, log "
                  f"v{event.case.version} {event.case.status.value}")
    for case_id in api.keys() - log.latest.keys():
        v.add("API case not in the event log", case_id)
