"""Emergency advice names the kind of danger (issue 18): fire, medical, disaster, crime."""

from __future__ import annotations

from dataclasses import replace

from contracts.hierarchy import Category
from contracts.notifications import DangerKind, NotificationKind
from services.router.cases.citizen import handle_inbound
from services.router.domain.danger import danger_kind
from tests.router.test_case_flow import ctx_at, describe, fresh, inbound, village_with_bhabin


def test_danger_kind_by_category_and_words():
    assert danger_kind(Category.FIRE, "rumah terbakar") == DangerKind.FIRE
    assert danger_kind(Category.FLOOD, "banjir") == DangerKind.DISASTER
    assert danger_kind(Category.DISASTER, "longsor") == DangerKind.DISASTER
    assert danger_kind(Category.TRAFFIC_ACCIDENT, "tabrakan") == DangerKind.MEDICAL
    assert danger_kind(Category.VIOLENCE, "korban dibacok berdarah") == DangerKind.MEDICAL
    assert danger_kind(Category.VIOLENCE, "orangnya tidak sadar") == DangerKind.MEDICAL
    assert danger_kind(Category.ROBBERY, "begal bawa celurit") == DangerKind.CRIME
    assert danger_kind(Category.OTHER, None) == DangerKind.CRIME


def _advice(text: str, **ctx_changes: object) -> dict[str, object]:
    ctx = replace(ctx_at(), **ctx_changes)  # type: ignore[arg-type]
    _, out = handle_inbound(fresh(), inbound(f"{text} {describe(village_with_bhabin())}"), ctx)
    advice = [n for n in out.notifications if n.kind == NotificationKind.EMERGENCY_ADVICE]
    assert len(advice) == 1, [n.kind for n in out.notifications]
    return advice[0].params


def test_a_fire_report_is_advised_as_a_fire_with_the_bpbd_line_as_data():
    params = _advice("tolong ada kebakaran rumah sekarang api besar", bpbd_number="0353-123")
    assert params["danger"] == DangerKind.FIRE
    assert params["bpbd_number"] == "0353-123"


def test_a_robbery_in_progress_is_advised_for_the_police():
    assert _advice("tolong ada begal bawa celurit sekarang")["danger"] == DangerKind.CRIME
