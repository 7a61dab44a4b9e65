"""Category and urgency of a citizen's report, from Indonesian and Javanese text.

Rules and vocabulary live in classify_rules; which rules a text matches (typo correction,
the index of rules by word, the word window) in classify_matching; this module weighs them:
- every word is normalised (wording.words) and a misspelt keyword of 8+ letters is
  corrected to the nearest known form ("pencurain" -> "pencurian");
- each category adds up the weights of its matching rules; a more specific category takes
  over the general one ("motor ... dicuri" is vehicle theft, not theft; "dipukul suami"
  domestic violence, not violence); ties go to the more serious category;
- emergency: a danger word on its own (weapons, blood, fire, "sekarat"), or a cry for help
  or "now" together with a dangerous category, unless the text says it happened before
  ("kemarin") without saying it still goes on;
- a complaint about a police officer (about_officer, category OFFICER_CONDUCT): a police
  officer as the subject of corruption or abuse words, "oknum polisi", or a police station
  that did not act on a report. Calling for the police ("Pak polisi, tolong ...", "lapor
  polisi ada pungli") and impostors ("mengaku polisi") are not complaints about them.
"""

from __future__ import annotations

from dataclasses import dataclass

from contracts.hierarchy import Category, Urgency
from services.router.domain import classify_rules as R
from services.router.domain.classify_matching import (
    KEYWORD_WORDS,
    canonical_word,
    matching,
    near,
)
from services.router.domain.wording import Token, fold, tokens

# (specific, general): when both match, the specific one takes the general one's score.
SPECIALISATIONS: tuple[tuple[Category, Category], ...] = (
    (Category.VEHICLE_THEFT, Category.THEFT),
    (Category.DOMESTIC_VIOLENCE, Category.VIOLENCE),
    (Category.ROBBERY, Category.VIOLENCE),
    (Category.BRAWL, Category.VIOLENCE),
    (Category.ILLEGAL_RACING, Category.PUBLIC_ORDER),
)
DEADLY: frozenset[Category] = frozenset(
    {
        Category.VIOLENCE,
        Category.DOMESTIC_VIOLENCE,
        Category.BRAWL,
        Category.FIRE,
        Category.FLOOD,
        Category.TRAFFIC_ACCIDENT,
        Category.ROBBERY,
    }
)
# Usually discovered afterwards: a cry for help alone does not make them an emergency.
AFTER_THE_FACT: frozenset[Category] = frozenset(
    {Category.THEFT, Category.VEHICLE_THEFT, Category.MISSING_PERSON}
)
# Happening now, they make a report an emergency.
DANGEROUS: frozenset[Category] = DEADLY | AFTER_THE_FACT
HIGH_URGENCY: frozenset[Category] = DEADLY | {Category.MISSING_PERSON}
LOW_URGENCY: frozenset[Category] = frozenset(
    {
        Category.SERVICE_SKCK,
        Category.SERVICE_SIM,
        Category.SERVICE_OTHER,
        Category.INFORMATION,
    }
)
NOT_A_CRIME: frozenset[Category] = LOW_URGENCY | {Category.OTHER}


@dataclass(frozen=True)
class Classification:
    category: Category
    urgency: Urgency
    emergency: bool
    about_officer: bool
    matched: tuple[str, ...] = ()


def classify(text: str) -> Classification:
    toks = tokens(text)
    words = [canonical_word(t.text) for t in toks]
    present = set(words)

    category_rules = matching(R.CATEGORY_RULES, words, present)
    signals = {r.tag for r in matching(R.SIGNAL_RULES, words, present)}
    if _happening_now(toks, words, folded := fold(text)):
        signals.add(R.PRESENT)
    scores: dict[Category, int] = {}
    for r in category_rules:
        category = Category(r.tag)
        scores[category] = scores.get(category, 0) + r.weight
    for special, general in SPECIALISATIONS:
        if special in scores and general in scores:
            scores[special] += scores.pop(general)

    if scores:
        top = max(scores.values())
        category = min((c for c, s in scores.items() if s == top), key=R.PRECEDENCE.index)
    else:
        category = Category.INFORMATION if "?" in text else Category.OTHER

    about_officer = _about_officer(toks, words, present, folded, scores)
    happened_before = R.PAST in signals and R.PRESENT not in signals
    emergency = not happened_before and (
        R.EMERGENCY in signals
        or (R.DEATH in signals and category in DEADLY)
        or (R.PRESENT in signals and category in DANGEROUS)
        or (R.DISTRESS in signals and category in DANGEROUS - AFTER_THE_FACT)
        or (R.DISTRESS in signals and category is Category.OTHER and len(words) <= 3)
    )
    if about_officer:
        category = Category.OFFICER_CONDUCT

    if emergency:
        urgency = Urgency.EMERGENCY
    elif category in HIGH_URGENCY or (
        R.PRESENT in signals and category not in NOT_A_CRIME and not happened_before
    ):
        urgency = Urgency.HIGH
    elif category in LOW_URGENCY:
        urgency = Urgency.LOW
    else:
        urgency = Urgency.NORMAL

    matched = tuple(
        dict.fromkeys(
            [r.label for r in category_rules]
            + sorted(signals)
            + (["polisi"] if about_officer else [])
        )
    )
    return Classification(category, urgency, emergency, about_officer, matched)


def _happening_now(toks: list[Token], words: list[str], folded: str) -> bool:
    """ "lagi"/"masih" before a verb or place mean "now" ("lagi dipukuli"), after a verb
    "again"/"still" ("dicuri lagi")."""
    for i, word in enumerate(words[:-1]):
        if word not in R.NOW_BEFORE_VERB:
            continue
        if any(ch in folded[toks[i].end : toks[i + 1].start] for ch in ",.!?\n"):
            continue
        following = words[i + 1]
        if following in R.PLACE_NEXT_WORDS:
            # "warga lagi di sana" is now; "begal beraksi lagi di jalur hutan" is again
            previous = words[i - 1] if i else ""
            if not _verb_like(previous):
                return True
        elif following in R.NOW_NEXT_WORDS or following in KEYWORD_WORDS or _verb_like(following):
            return True
    return False


def _verb_like(word: str) -> bool:
    return word in KEYWORD_WORDS or (len(word) > 5 and word.startswith(R.VERB_PREFIXES))


def _about_officer(
    toks: list[Token],
    words: list[str],
    present: set[str],
    folded: str,
    scores: dict[Category, int],
) -> bool:
    if present.isdisjoint(R.POLICE) and present.isdisjoint(R.OKNUM):
        return False
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
        words[j] in R.ABUSE for i in subjects for j in range(max(0, i - 4), min(len(words), i + 5))
    )
    abuse_any = not present.isdisjoint(R.ABUSE)
    other_crime = max(
        (s for c, s in scores.items() if c not in NOT_A_CRIME and c is not Category.EXTORTION),
        default=0,
    )
    if subjects and (money or abuse_near or oknum):
        return True
    if reported_to and asked_money:
        return True
    if (subjects or reported_to) and neglect and other_crime < 4:
        return True
    return oknum and (money or abuse_any)


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
