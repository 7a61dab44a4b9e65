"""Kenalan ("getting to know"): a citizen asks who the Bhabinkamtibmas of a village is
("siapa bhabin desa Sukorejo kec. Malo", "nomor pak bhabin", "nyuwun pirsa
Bhabinkamtibmas desa Drajat").

The answer names the officer (rank and name) and the WhatsApp line to write to: the Bhabin
line serving the village, else its Polsek's line, else the Kapolres line. An officer's own
number is never part of it. A village without a Bhabin gets its first handler (Kapolsek,
else Kapolres) instead.

`detect_intent` says the message asks this (`Intent.ASK_BHABIN`); `only_asks_contact`
makes sure it reports nothing besides (a complaint about the Bhabin, a theft, an
emergency are reports).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contracts.hierarchy import TIER_ORDER, Category, Tier
from contracts.lines import Line
from contracts.roster import Officer
from services.router.domain.classify import classify
from services.router.domain.directory import Directory, Village
from services.router.domain.officers import NoHandler, OfficerDirectory
from services.router.domain.village_text import resolve_village

ONLY_A_QUESTION = frozenset({Category.OTHER, Category.INFORMATION})


@dataclass(frozen=True)
class BhabinContact:
    """Who serves a village first (`tier`, `officer`; None when nobody does) and the line
    to write to (None when no configured line with a number serves it)."""

    village: Village
    tier: Tier | None
    officer: Officer | None
    line: Line | None


def only_asks_contact(text: str) -> bool:
    """The message reports nothing (no crime, no emergency, no complaint about police)."""
    found = classify(text)
    return not found.emergency and not found.about_officer and found.category in ONLY_A_QUESTION


def villages_asked(
    text: str,
    candidates: Sequence[Village],
    directory: Directory,
    last_village: Village | None = None,
) -> list[Village]:
    """The village(s) the question is about: those the text names among `candidates` (the
    line's area); none named: the line's only village, else the reporter's last village;
    else none (ask). Several: ambiguous (ask which)."""
    named = list(resolve_village(text, candidates, directory).villages)
    if named:
        return named
    if len(candidates) == 1:
        return [candidates[0]]
    return [last_village] if last_village is not None else []


def contact_for(village: Village, officers: OfficerDirectory) -> BhabinContact:
    try:
        tier, officer = officers.handler_from(Tier.BHABIN, village.code)
    except NoHandler:
        tier, officer = None, None
    return BhabinContact(village, tier, officer, _line_for(village, officers))


def _line_for(village: Village, officers: OfficerDirectory) -> Line | None:
    """The closest line that serves the village and has a number people can write to."""
    for tier in TIER_ORDER:
        for line in officers.lines_for(tier, village.code):
            if line.display_phone_number:
                return line
    return None
