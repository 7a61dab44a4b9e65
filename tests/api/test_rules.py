"""The plain rules, without Kafka or PostgreSQL: cursors, scope, masking, areas."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contracts.case_events import Reporter
from contracts.hierarchy import Tier
from services.api.access.masking import (
    case_fields_for,
    entry_fields_for,
    mask_name,
    searches_texts,
    visible_reporter,
)
from services.api.access.roles import Principal, Role, split_scope, within
from services.api.cases.commands import serves_case
from services.api.cases.listing import BadCursor, CaseSort, Cursor, decode_cursor, encode_cursor
from services.api.directory.rules import officer_visible, wrong_level_codes
from services.api.projection.rows import area_codes
from tests.api.factories import opened


def principal(role: Role, scope: tuple[str, ...] = (), officer_id: str | None = None,
              reveal: bool = False) -> Principal:  # fmt: skip
    return Principal("tok", role, "n", officer_id, scope, reveal)


def test_cursor_round_trip_and_refusals() -> None:
    c = Cursor(CaseSort.OPENED_ASC, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), "case_1")
    assert decode_cursor(encode_cursor(c), CaseSort.OPENED_ASC) == c
    with pytest.raises(BadCursor, match="sort"):
        decode_cursor(encode_cursor(c), CaseSort.UPDATED_DESC)
    for bad in ("", "%%%", "bm90IGpzb24", encode_cursor(c)[:-3]):
        with pytest.raises(BadCursor):
            decode_cursor(bad, CaseSort.OPENED_ASC)


def test_scope_levels() -> None:
    s = split_scope(("35.22", "35.22.01", "35.22.01.2001", "junk", "35"))
    assert (s.regencies, s.districts, s.villages) == (("35.22",), ("35.22.01",), ("35.22.01.2001",))
    assert within("35.22.01.2001", ("35.22.01",)) and not within("35.22.011", ("35.22.01",))


def test_masking_rules() -> None:
    rep = Reporter(key="c_1", wa_id="6281234567890", name="Siti Aminah")
    assert visible_reporter(principal(Role.BHABIN, officer_id="b1"), rep, None) == (rep, False)
    assert visible_reporter(principal(Role.BHABIN, officer_id="b1"), rep, "b1") == (None, False)
    assert visible_reporter(principal(Role.DASHBOARD), rep, None) == (None, False)
    masked, is_masked = visible_reporter(principal(Role.SYSTEM), rep, None)
    assert is_masked and masked is not None and masked.wa_id == "62812******90"
    assert visible_reporter(principal(Role.SYSTEM, reveal=True), rep, None)[0] == rep
    secret = rep.model_copy(update={"confidential": True})
    assert visible_reporter(principal(Role.KAPOLRES, officer_id="k"), secret, None)[0] is None
    assert mask_name("Siti Aminah") == "S*** A***"


def test_case_areas_fall_back_to_what_is_known() -> None:
    assert area_codes(opened("35.22.07.2001").case, "35.22") == (
        "35.22", "35.22.07", "35.22.07.2001",
    )  # fmt: skip
    no_village = opened(None).case.model_copy(update={"regency_code": None})
    assert area_codes(no_village, "35.22") == ("35.22", None, None)


def test_roster_rules() -> None:
    assert wrong_level_codes(Tier.BHABIN, ("35.22.01.2001", "35.22.01")) == ["35.22.01"]
    assert officer_visible(principal(Role.BHABIN, ("35.22.01.2001",)), ("35.22.01",))
    assert not officer_visible(principal(Role.BHABIN, ("35.22.01.2001",)), ("35.22.02.2001",))
    assert serves_case(("35.22.01",), ("35.22.01.2003", "35.22.01", "35.22"))
    assert not serves_case(("35.22.02.2001",), ("35.22.01.2003", "35.22.01", "35.22"))


def test_dashboards_get_no_texts_from_any_case_or_entry() -> None:
    fields = {"summary": "Motor dicuri", "resolution_note": "Sudah", "location": {"x": 1},
              "category": "theft"}  # fmt: skip
    entry = {"text": "Tolong", "media": {"id": "m"}, "location": {"x": 1}, "reason": "sla",
             "actor_name": "Bripka Adi"}  # fmt: skip
    dash, officer = principal(Role.DASHBOARD), principal(Role.BHABIN, officer_id="b1")
    assert case_fields_for(officer, fields) == fields
    assert case_fields_for(dash, fields) == {
        "summary": None, "resolution_note": None, "location": None, "category": "theft",
    }  # fmt: skip
    assert entry_fields_for(officer, entry) == entry
    assert entry_fields_for(dash, entry) == {"reason": "sla", "actor_name": "Bripka Adi"}
    # A manual escalation's reason is the officer's note: not for dashboards.
    assert entry_fields_for(dash, {**entry, "reason": "warga takut"})["reason"] is None
    assert not searches_texts(dash) and searches_texts(officer)
