"""A set of cases across areas, published once, to check what each role may see."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from contracts.case_events import CaseEvent
from tests.api.conftest import VILLAGE_A1, VILLAGE_A2, VILLAGE_B1
from tests.api.factories import opened

WINDOW_START = datetime(2031, 3, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ScopedCases:
    word: str  # a word only these cases contain (full-text search isolates them)
    a1: CaseEvent  # village A1
    a2_about_bhb_a: CaseEvent  # village A2, a complaint about officer bhb-a
    b1: CaseEvent  # village B1
    b1_confidential: CaseEvent  # village B1, confidential reporter
    no_village: CaseEvent  # awaiting village: regency only

    @property
    def all(self) -> tuple[CaseEvent, ...]:
        return (self.a1, self.a2_about_bhb_a, self.b1, self.b1_confidential, self.no_village)

    def ids(self, *names: str) -> set[str]:
        return {getattr(self, n).case.case_id for n in names}


ALL_NAMES = ("a1", "a2_about_bhb_a", "b1", "b1_confidential", "no_village")
A_NAMES = ("a1", "a2_about_bhb_a")
B_NAMES = ("b1", "b1_confidential")

# Who sees which of them (admin: no case access at all; an officer never sees a
# complaint about himself).
VISIBLE: dict[str, tuple[str, ...]] = {
    "bhabin_a": ("a1",),
    "bhabin_b": B_NAMES,
    "kapolsek_a": A_NAMES,
    "kapolsek_b": B_NAMES,
    "kapolres": ALL_NAMES,
    "dashboard": ALL_NAMES,
    "system_a": A_NAMES,
    "system_reveal": ALL_NAMES,
}


def make_scoped_cases() -> ScopedCases:
    word = "zq" + uuid.uuid4().hex[:10]
    at = WINDOW_START

    def text(what: str) -> str:
        return f"{what} {word}"

    return ScopedCases(
        word=word,
        a1=opened(
            VILLAGE_A1, text("Maling ayam"), wa_id="6281200000001", name="Warga Satu", at=at
        ),
        a2_about_bhb_a=opened(
            VILLAGE_A2,
            text("Oknum minta uang"),
            wa_id="6281200000002",
            name="Warga Dua",
            about_officer_id="bhb-a",
            at=at + timedelta(minutes=1),
        ),
        b1=opened(
            VILLAGE_B1,
            text("Tawuran"),
            wa_id="6281200000003",
            name="Warga Tiga",
            at=at + timedelta(minutes=2),
        ),
        b1_confidential=opened(
            VILLAGE_B1,
            text("Narkoba di warung"),
            wa_id="6281200000004",
            name="Warga Empat",
            confidential=True,
            at=at + timedelta(minutes=3),
        ),
        no_village=opened(
            None,
            text("Ada keributan"),
            wa_id="6281200000005",
            name="Warga Lima",
            at=at + timedelta(minutes=4),
        ),
    )
