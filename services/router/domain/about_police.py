"""Whether a message complains about a police officer (category OFFICER_CONDUCT).

A police officer as the subject of corruption or abuse words, "oknum polisi", a complaint
said as one ("komplain", "kecewa", "mengadukan") about them, or a police station that did
not act on a report. Calling for the police ("Pak polisi, tolong ...", "lapor polisi ada
pungli") and impostors ("mengaku polisi", "bukan polisi") are not complaints about them.
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain import classify_rules as R
from services.router.domain.rule_match import near
from services.router.domain.urgency import NOT_A_CRIME
from services.router.domain.wording import Token


def about_officer_in(
    toks: list[Token],
    words: list[str],
    present: set[str],
    folded: str,
    scores: dict[Category, int],
) -> bool:
    if present.isdisjoint(R.POLICE) and present.isdisjoint(R.OKNUM):
        return False
    subjects, reported_to = _police_mentions(toks, words, folded)
    oknum = any(
        word in R.OKNUM and not (i + 1 < len(words) and words[i + 1] in R.NOT_POLICE)
        for i, word in enumerate(words)
    )
    money = not present.isdisjoint(R.MONEY) or any(near(words, a, b) for a, b in R.MONEY_PHRASES)
    asked_money = near(words, R.w("dimintai dimintain disuruh"), R.w("uang duit bayar"))
    neglect = not present.isdisjoint(R.NEGLECT) or any(
        near(words, a, b, window=2) for a, b in R.NEGLECT_PHRASES
    )
    abuse_near = any(
        words[j] in R.ABUSE for i in subjects for j in range(max(0, i - 6), min(len(words), i + 7))
    )
    complaint = (
        not present.isdisjoint(R.COMPLAINT)
        or any(  # "bhabin ... ora diangkat"
            near(words[max(0, i - 8) : i + 9], a, b, window=2)
            for i in subjects
            for a, b in R.NEGLECT_PHRASES
        )
    )
    other_crime = max(
        (s for c, s in scores.items() if c not in NOT_A_CRIME and c is not Category.EXTORTION),
        default=0,
    )
    if subjects and (money or abuse_near or oknum or complaint):
        return True
    if reported_to and asked_money:
        return True
    if (subjects or reported_to) and neglect and (other_crime < 4 or complaint or reported_to):
        return True
    return oknum and (money or not present.isdisjoint(R.ABUSE))


def _police_mentions(
    toks: list[Token], words: list[str], folded: str
) -> tuple[list[int], list[int]]:
    """Where the police are the subject, and where they are who the citizen reported to;
    not an impostor ("ngaku polisi", "bukan polisi") nor "Pak polisi, tolong ..."."""
    subjects: list[int] = []
    reported_to: list[int] = []
    for i, word in enumerate(words):
        if word not in R.POLICE:
            continue
        if any(words[j] in R.IMPERSONATION for j in range(max(0, i - 2), min(len(words), i + 3))):
            continue
        if _vocative(toks, words, folded, i):
            continue
        if any(words[j] in R.REPORTED_TO for j in range(max(0, i - 3), i)):
            reported_to.append(i)
        else:
            subjects.append(i)
    return subjects, reported_to


def _vocative(toks: list[Token], words: list[str], folded: str, i: int) -> bool:
    """`Pak polisi, tolong ...`: the officer is addressed, not talked about."""
    start = i
    while start > 0 and words[start - 1] in R.VOCATIVE_BEFORE:
        start -= 1
    if start > 0 and not any(
        ch in folded[toks[start - 1].end : toks[start].start] for ch in ",.!?\n"
    ):
        return False
    if i + 1 >= len(toks):
        return True
    gap = folded[toks[i].end : toks[i + 1].start]
    return any(ch in gap for ch in ",.!?:\n") or words[i + 1] in R.VOCATIVE_AFTER
