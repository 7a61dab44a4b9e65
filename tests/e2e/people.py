"""The people of the scenarios: officers of the sample roster, and fresh citizens."""

from __future__ import annotations

import random
from pathlib import Path

from contracts.roster import Officer, load_roster

REPO = Path(__file__).resolve().parents[2]
ROSTER = load_roster(REPO / "deploy/sample-data/roster.bojonegoro.sample.json")
KAPOLRES_LINE = "103522000000000"

_rng = random.SystemRandom()


def officer(officer_id: str) -> Officer:
    for candidate in ROSTER.officers:
        if candidate.officer_id == officer_id:
            return candidate
    raise KeyError(officer_id)


def officer_for_village(village_code: str) -> Officer:
    """The active Bhabin who serves the village (the scenarios pick villages that have one)."""
    for candidate in ROSTER.officers:
        if (candidate.tier.value == "bhabin" and candidate.active
                and village_code in candidate.area_codes):
            return candidate
    raise KeyError(village_code)


def citizen_phone() -> str:
    """A fresh Indonesian mobile number (digits), never an officer's."""
    return "62857" + "".join(_rng.choice("0123456789") for _ in range(8))
