"""Complaints about officers, told apart from calling the police and from impostors."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.hierarchy import Category
from services.router.domain.classify import classify

_DATA = Path(__file__).parent / "data" / "issue12_police.tsv"
_ROWS = [
    tuple(line.split("\t"))
    for line in _DATA.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("complaint", "text"), _ROWS)
def test_about_an_officer(complaint: str, text: str) -> None:
    result = classify(text)
    assert result.about_officer is (complaint == "1"), result.matched
    if result.about_officer:
        assert result.category is Category.OFFICER_CONDUCT
