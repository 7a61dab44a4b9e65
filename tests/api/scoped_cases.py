"""A set of cases across areas, published once, to check what each role may see."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from contracts.case_events import CaseEvent
from contracts.hierarchy import Category, Tier
from tests.api.conftest import VILLAGE_A1, VILLAGE_A2, VILLAGE_B1
from tests.api.factories import opened

WINDOW_START = datetime(2031, 3, 1, tzinfo=UTC)
# Only these cases were opened in this window: a filter that isolates them for every role
# (dashboards cannot search texts for `word`).
WINDOW = {"opened_from": WINDOW_START.isoformat(), "opened_to": "2031-03-02T00:00:00+00:00"}


@dataclass(frozen=True)
class ScopedCases:
    word: str  # a word only these cases contain (full-text search isolates them)
    a1: CaseEvent  # village A1
    a2_about_bhb_a: CaseEvent  # village A2, a complaint about officer bhb-a (Kapolres's)
    b1: CaseEvent  # village B1
    b1_confidential: CaseEvent  # village B1, a complaint about the police (Kapolres's)
    no_village: CaseEvent  # awaiting village: regency only
    a1_escalated: CaseEvent  # village A1, escalated to the Kapolsek
    a2_complaint_unassigned: CaseEvent  # village A2, a complaint not assigned yet
    b1_about_kapolres: CaseEvent  # village B1, a complaint about the Kapolres himself

    @property
    def all(self) -> tuple[CaseEvent, ...]:
        return tuple(getattr(self, n) for n in ALL_NAMES)

    def ids(self, *names: str) -> set[str]:
        return {getattr(self, n).case.case_id for n in names}


ALL_NAMES = (
    "a1", "a2_about_bhb_a", "b1", "b1_confidential", "no_village", "a1_escalated",
    "a2_complaint_unassigned", "b1_about_kapolres",
)  # fmt: skip
A_NAMES = ("a1", "a2_about_bhb_a", "a1_escalated", "a2_complaint_unassigned")
COMPLAINTS = ("a2_about_bhb_a", "b1_confidential", "a2_complaint_unassigned", "b1_about_kapolres")

# Who sees which of them (admin: no case access at all). Officers: their areas, never a
# complaint about himself, and a case only when it is visible to their tier or one below
# (a complaint about the police, visible to the Kapolres only, is hidden from Bhabins and
# Kapolseks, also before the router assigned it). Dashboards and systems: their areas.
VISIBLE: dict[str, tuple[str, ...]] = {
    "bhabin_a": ("a1", "a1_escalated"),
    "bhabin_b": ("b1",),
    "kapolsek_a": ("a1", "a1_escalated"),
    "kapolsek_b": ("b1",),
    "kapolres": tuple(n for n in ALL_NAMES if n != "b1_about_kapolres"),
    "dashboard": ALL_NAMES,
    "system_a": A_NAMES,
    "system_reveal": ALL_NAMES,
}


def make_scoped_cases() -> ScopedCases:
    word = "zq" + uuid.uuid4().hex[:10]
    at = WINDOW_START

    def text(what: str) -> str:
        return f"{what} {word}"

    def complaint(
        village: str, what: str, n: int, about: str | None, assigned: bool = True
    ) -> CaseEvent:
        """As the router opens a complaint about the police (confidential) and assigns it
        (the Kapolres's, visible to his tier only)."""
        return opened(
            village, text(what), wa_id=f"628120000000{n}", name=f"Warga {n}",
            about_officer_id=about, confidential=True, category=Category.OFFICER_CONDUCT,
            tier=Tier.KAPOLRES if assigned else None,
            visible_to_tiers=[Tier.KAPOLRES] if assigned else [],
            at=at + timedelta(minutes=n - 1),
        )  # fmt: skip

    return ScopedCases(
        word=word,
        a1=opened(
            VILLAGE_A1, text("Maling ayam"), wa_id="6281200000001", name="Warga Satu", at=at
        ),
        a2_about_bhb_a=complaint(VILLAGE_A2, "Oknum Bripka Adi minta uang", 2, "bhb-a"),
        b1=opened(
            VILLAGE_B1,
            text("Tawuran"),
            wa_id="6281200000003",
            name="Warga Tiga",
            at=at + timedelta(minutes=2),
        ),
        b1_confidential=complaint(VILLAGE_B1, "Polisi minta uang damai", 4, None),
        no_village=opened(
            None,
            text("Ada keributan"),
            wa_id="6281200000005",
            name="Warga Lima",
            at=at + timedelta(minutes=4),
        ),
        a1_escalated=opened(
            VILLAGE_A1, text("Judi sabung ayam"), wa_id="6281200000006", name="Warga Enam",
            tier=Tier.KAPOLSEK, visible_to_tiers=[Tier.BHABIN, Tier.KAPOLSEK],
            at=at + timedelta(minutes=5),
        ),
        a2_complaint_unassigned=complaint(
            VILLAGE_A2, "Oknum polisi pungli", 7, None, assigned=False
        ),
        b1_about_kapolres=complaint(VILLAGE_B1, "Kapolres minta setoran", 8, "kpr"),
    )
