"""Messages written for issue 12, one idea each (data/issue12_fresh.tsv): every new
category, Javanese ngoko and krama, slang, short and long, now and before."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.hierarchy import Category
from services.router.domain.classify import classify

DATA = Path(__file__).parent / "data" / "issue12_fresh.tsv"


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            category, emergency, text = line.split("\t")
            rows.append((category, emergency, text))
    return rows


def test_every_new_category_is_written() -> None:
    shown = {Category(category) for category, _, _ in _rows()}
    assert {
        Category.LIVESTOCK_THEFT, Category.SEXUAL_VIOLENCE, Category.CHILD_PROTECTION,
        Category.THREAT, Category.DEBT_COLLECTOR, Category.DISASTER,
        Category.ENVIRONMENTAL_CRIME, Category.FOUND_BODY,
    } <= shown  # fmt: skip


@pytest.mark.parametrize(("category", "emergency", "text"), _rows())
def test_fresh_message(category: str, emergency: str, text: str) -> None:
    result = classify(text)
    assert result.category.value == category, result.matched
    if emergency != "-":
        assert result.emergency is (emergency == "1"), result.matched
