"""What kind of danger an emergency report is, so the citizen is told the right number.

From the case's category (fire, flood and disasters: `units.py` names Damkar and BPBD as
their partners) and, for the rest, from the reporter's words: someone injured or
unconscious is a medical emergency (119) whatever else happened; anything else is for
the police (110). The catalogue writes the numbers' words.
"""

from __future__ import annotations

from contracts.hierarchy import Category
from contracts.notifications import DangerKind
from services.router.domain.units import handling
from services.router.domain.wording import words

_PARTNER_DANGER = {"Damkar": DangerKind.FIRE, "BPBD": DangerKind.DISASTER}
_MEDICAL_WORDS = frozenset(
    "luka terluka luka2 berdarah darah pingsan semaput kelenger sekarat kritis kejang sesak "
    "ambulan ambulans ambulance patah tertabrak ketabrak kecelakaan laka".split()
)
_UNCONSCIOUS = (("tidak", "sadar"), ("gak", "sadar"), ("ora", "sadar"), ("ga", "sadar"))


def danger_kind(category: Category, text: str | None) -> DangerKind:
    """The kind of danger of an emergency of `category` told in `text`."""
    partner = handling(category).partner
    if partner in _PARTNER_DANGER:
        return _PARTNER_DANGER[partner]
    ws = words(text or "")
    if category == Category.TRAFFIC_ACCIDENT or not _MEDICAL_WORDS.isdisjoint(ws):
        return DangerKind.MEDICAL
    if any(ws[i : i + 2] == list(pair) for pair in _UNCONSCIOUS for i in range(len(ws))):
        return DangerKind.MEDICAL
    return DangerKind.CRIME
