"""Handovers told to officers (issue 18), in Bahasa Indonesia."""

from __future__ import annotations

from contracts.notifications import NotificationKind
from services.notifier.catalogue.texts import text_of
from tests.notifier.catalogue_requests import request


def _text(kind: NotificationKind, **params: object) -> str:
    req = request(kind)
    return text_of(req.model_copy(update={"params": {**req.params, **params}}))


def test_escalated_past_him_names_the_tier_and_officer_and_that_he_may_still_take_it() -> None:
    text = _text(NotificationKind.OFFICER_CASE_UPDATE, update="escalated", to_tier="kapolsek",
                 to_officer_name="AKP Sutrisno", may_acknowledge=True)
    assert "dinaikkan kepada Kapolsek AKP Sutrisno" in text
    assert "terima BJN-7K3Q9" in text


def test_escalated_when_he_may_no_longer_take_it_says_only_where_it_went() -> None:
    text = _text(NotificationKind.OFFICER_CASE_UPDATE, update="escalated", to_tier="kapolres")
    assert "dinaikkan kepada Kapolres" in text and "terima" not in text


def test_reassigned_tells_the_previous_officer_and_the_new_one() -> None:
    before = _text(NotificationKind.OFFICER_CASE_UPDATE, update="reassigned",
                   to_tier="bhabin", to_officer_name="Bripka Anton")
    assert "dialihkan kepada Bhabinkamtibmas Bripka Anton" in before
    after = _text(NotificationKind.OFFICER_NEW_CASE, handed_over=True, from_tier="kapolsek")
    assert "dialihkan kepada Anda (sebelumnya di Kapolsek)" in after
