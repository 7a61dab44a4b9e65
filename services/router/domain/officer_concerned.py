"""Which officer a complaint about police conduct is about, when the text says so.

The complaint is handled at Kapolres level whatever this finds; the officer found is
kept on the case (`about_officer_id`) so that he can never be assigned to it, act on it,
or see who made it. In order:
- a roster officer named in full ("Agus Santoso"), or by his last name after a title or
  rank ("pak Santoso", "Aipda Santoso"); a name several officers share counts only for
  the one serving the reporter's village, and is otherwise not guessed;
- the role of the officer serving the reporter's village: "bhabin", "babin",
  "bhabinkamtibmas" -> that village's Bhabin; "kapolsek", "polsek", "kanit" -> the
  Kapolsek of its district. "Kapolres" is not matched: it is how people address the line.
Nothing found -> None (the complaint stays hidden from every officer below Kapolres).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from contracts.hierarchy import Tier
from contracts.roster import Officer
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.officers import OfficerDirectory
from services.router.domain.wording import words

TITLES = frozenset(
    {
        "pak", "bapak", "bp", "pk", "mas", "bu", "ibu", "om",
        "bripda", "briptu", "brigpol", "brigadir", "bripka", "aipda", "aiptu",
        "ipda", "iptu", "akp", "kompol", "akbp", "kombes",
    }
)  # fmt: skip
BHABIN_WORDS = frozenset({"bhabin", "babin", "bhabinkamtibmas", "babinkamtibmas", "binmas"})
KAPOLSEK_WORDS = frozenset({"kapolsek", "polsek", "kanit"})
MIN_LAST_NAME = 4


def officer_concerned(
    text: str, village_code: str | None, officers: OfficerDirectory
) -> Officer | None:
    said = words(text)
    if not said:
        return None
    named = _named(said, officers.officers())
    if len(named) > 1 and village_code is not None:  # a shared name: the one serving here
        named = [o for o in named if officers.serves(o, village_code)]
    if len(named) == 1:
        return named[0]
    if named or village_code is None:
        return None  # several officers share the name: do not guess
    present = set(said)
    if present & BHABIN_WORDS:
        return officers.handler_at(Tier.BHABIN, village_code)
    if present & KAPOLSEK_WORDS:
        return officers.handler_at(Tier.KAPOLSEK, village_code)
    return None


def _named(said: Sequence[str], roster: Sequence[Officer]) -> list[Officer]:
    """Officers named in full; else those whose last name follows a title or rank."""
    joined = " " + " ".join(said) + " "
    names = [(officer, words(officer.name)) for officer in roster]
    full = [o for o, name in names if len(name) >= 2 and f" {' '.join(name)} " in joined]
    if full:
        return full
    titled = {word for before, word in pairwise(said) if before in TITLES}
    return [
        o
        for o, name in names
        if name
        and len(name[-1]) >= MIN_LAST_NAME
        and name[-1] not in COMMON_WORDS
        and name[-1] in titled
    ]
