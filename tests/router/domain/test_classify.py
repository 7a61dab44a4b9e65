"""Category, urgency, emergency and officer complaints from realistic messages."""

from __future__ import annotations

import pytest

from contracts.hierarchy import Category, Urgency
from services.router.domain.classify import classify

from .classification_table import TABLE


def test_the_table_covers_every_category_that_text_can_show() -> None:
    assert len(TABLE) >= 60
    shown = {category for _, category, _, _ in TABLE}
    assert shown == set(Category)


@pytest.mark.parametrize(("text", "category", "urgency", "about_officer"), TABLE)
def test_classification(
    text: str, category: Category, urgency: Urgency, about_officer: bool
) -> None:
    result = classify(text)
    assert (result.category, result.urgency, result.about_officer) == (
        category,
        urgency,
        about_officer,
    ), result.matched
    assert result.emergency == (urgency is Urgency.EMERGENCY)


@pytest.mark.parametrize(
    "text",
    [
        "tolong dibantu info syarat SKCK",  # a polite "tolong" is no emergency
        "kemarin rumah saya kebakaran, mau minta surat keterangan",
        "motor saya mati di jalan, bisa minta nomor bengkel?",
    ],
)
def test_not_an_emergency(text: str) -> None:
    assert not classify(text).emergency


def test_matched_words_explain_the_result() -> None:
    result = classify("TOLOOONG ada begal bawa celurit sekarang!!!")
    assert result.category is Category.ROBBERY
    assert result.emergency
    assert "begal" in result.matched


def test_a_complaint_is_not_confused_with_calling_the_police() -> None:
    assert classify("pak polisi, tolong ada preman minta uang").about_officer is False
    assert classify("oknum polisi minta uang damai").about_officer is True
    assert classify("polisi gadungan minta uang damai").category is Category.FRAUD
