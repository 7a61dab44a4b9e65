"""Category and urgency of a citizen's report, from Indonesian and Javanese text.

Rules and vocabulary live in classify_rules; this module applies them:
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

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from contracts.hierarchy import Category, Urgency
from services.router.domain import classify_rules as R
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.units import Unit, handling
from services.router.domain.urgency import NOT_A_CRIME, assess, is_over, is_young
from services.router.domain.wording import Token, TypoIndex, fold, tokens

_CATEGORY_RULES = R.CATEGORY_RULES
_SIGNAL_RULES = R.SIGNAL_RULES

# (specific, general): when both match, the specific one takes the general one's score.
SPECIALISATIONS: tuple[tuple[Category, Category], ...] = (
    (Category.VEHICLE_THEFT, Category.THEFT),
    (Category.DOMESTIC_VIOLENCE, Category.VIOLENCE),
    (Category.ROBBERY, Category.VIOLENCE),
    (Category.BRAWL, Category.VIOLENCE),
    (Category.ILLEGAL_RACING, Category.PUBLIC_ORDER),
    (Category.LIVESTOCK_THEFT, Category.THEFT),
    (Category.LIVESTOCK_THEFT, Category.MISSING_PERSON),
    (Category.DEBT_COLLECTOR, Category.ROBBERY),
    (Category.DEBT_COLLECTOR, Category.FRAUD),
    (Category.SEXUAL_VIOLENCE, Category.THREAT),
    (Category.SEXUAL_VIOLENCE, Category.VIOLENCE),
    (Category.CHILD_PROTECTION, Category.VIOLENCE),
    (Category.CHILD_PROTECTION, Category.EXTORTION),
    (Category.THREAT, Category.VIOLENCE),
    (Category.ENVIRONMENTAL_CRIME, Category.THEFT),
    (Category.ENVIRONMENTAL_CRIME, Category.FIRE),
    (Category.ENVIRONMENTAL_CRIME, Category.DISASTER),
    (Category.DOMESTIC_VIOLENCE, Category.THREAT),
    (Category.DISASTER, Category.MISSING_PERSON),
)


@dataclass(frozen=True)
class Classification:
    category: Category
    urgency: Urgency
    emergency: bool
    about_officer: bool
    matched: tuple[str, ...] = ()

    @property
    def unit(self) -> Unit:
        """The police unit that handles this category (units.py)."""
        return handling(self.category).unit


def _vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for r in (*_CATEGORY_RULES, *_SIGNAL_RULES):
        for slot in r.slots:
            words |= slot
    for group in (R.POLICE, R.OKNUM, R.MONEY, R.NEGLECT, R.ABUSE, R.IMPERSONATION):
        words |= group
    for a, b in (*R.MONEY_PHRASES, *R.NEGLECT_PHRASES):
        words |= a | b
    return frozenset(words)


KEYWORD_WORDS: frozenset[str] = _vocabulary()
_TYPOS = TypoIndex((word for word in KEYWORD_WORDS if len(word) >= 8), min_length=8)


@lru_cache(maxsize=65536)
def canonical_word(word: str) -> str:
    """A known keyword for a misspelt one (8+ letters, 1 edit; 10+ letters, 2 edits)."""
    if word in KEYWORD_WORDS or word in COMMON_WORDS or len(word) < 8 or word.isdigit():
        return word
    near = _TYPOS.near(word, 2 if len(word) >= 10 else 1)
    return near[0][0] if near else word


def is_keyword(word: str) -> bool:
    return canonical_word(word) in KEYWORD_WORDS


class _RuleIndex:
    """Rules by the words of their smallest slot: a text can only match the rules listed
    under one of its words, so each message looks at a handful of rules, not all."""

    def __init__(self, rules: Sequence[R.Rule]) -> None:
        self.source = rules
        self.rules = tuple(rules)
        by_word: dict[str, list[int]] = {}
        for n, r in enumerate(self.rules):
            for word in min(r.slots, key=len):
                by_word.setdefault(word, []).append(n)
        self.by_word = {word: tuple(ns) for word, ns in by_word.items()}

    def candidates(self, present: set[str]) -> list[R.Rule]:
        found: set[int] = set()
        for word in present:
            found.update(self.by_word.get(word, ()))
        return [self.rules[n] for n in sorted(found)]  # the rules' own order


_INDEXES: dict[int, _RuleIndex] = {}


def _matching(rules: Sequence[R.Rule], words: list[str], present: set[str]) -> list[R.Rule]:
    index = _INDEXES.get(id(rules))
    if index is None or index.source is not rules:
        index = _INDEXES[id(rules)] = _RuleIndex(rules)
    found = []
    for r in index.candidates(present):
        if any(slot.isdisjoint(present) for slot in r.slots):
            continue
        if len(r.slots) == 1 or _within(words, r.slots, r.window):
            found.append(r)
    return found


def _within(words: list[str], slots: tuple[frozenset[str], ...], window: int) -> bool:
    first = [i for i, word in enumerate(words) if word in slots[0]]
    others = [[i for i, word in enumerate(words) if word in slot] for slot in slots[1:]]
    for i in first:
        if all(any(abs(i - j) <= window and j != i for j in positions) for positions in others):
            return True
    return False


def _near(words: list[str], a: frozenset[str], b: frozenset[str], window: int = 3) -> bool:
    return _within(words, (a, b), window)


@lru_cache(maxsize=4096)  # pure; the router reads a message for its intent, then its case
def classify(text: str) -> Classification:
    toks = tokens(text)
    words = [canonical_word(t.text) for t in toks]
    present = set(words)

    category_rules = _matching(_CATEGORY_RULES, words, present)
    signals = {r.tag for r in _matching(_SIGNAL_RULES, words, present)}
    if _happening_now(toks, words, folded := fold(text)):
        signals.add(R.PRESENT_WEAK)
    if is_over(words):
        signals.add(R.DONE)
    if is_young(words):
        signals.add(R.VULNERABLE)
    scores: dict[Category, int] = {}
    for r in category_rules:
        category = Category(r.tag)
        scores[category] = scores.get(category, 0) + r.weight
    for special, general in SPECIALISATIONS:
        if special in scores and general in scores:
            scores[special] += scores.pop(general)
    # "balita dipukul ibu tirinya": a young child beaten at home is child protection
    if (
        scores.get(Category.CHILD_PROTECTION, 0) >= R.CHILD_OVER_DOMESTIC
        and Category.DOMESTIC_VIOLENCE in scores
    ):
        scores[Category.CHILD_PROTECTION] += scores.pop(Category.DOMESTIC_VIOLENCE)
    # "tabung gas ilang dicolong wong": a theft word, not a missing person
    if scores.get(Category.THEFT, 0) >= R.THEFT_OVER_MISSING and Category.MISSING_PERSON in scores:
        scores[Category.THEFT] += scores.pop(Category.MISSING_PERSON)

    if scores:
        top = max(scores.values())
        category = min((c for c, s in scores.items() if s == top), key=R.PRECEDENCE.index)
    else:
        category = Category.INFORMATION if "?" in text else Category.OTHER

    about_officer = _about_officer(toks, words, present, folded, scores)
    emergency, urgency = assess(category, signals, len(words))
    if about_officer:
        category = Category.OFFICER_CONDUCT
        if not emergency:
            urgency = assess(category, signals, len(words))[1]

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
        if following in R.AFTERMATH:  # "masih trauma", "isih dirawat": after the fact
            continue
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
    money = not present.isdisjoint(R.MONEY) or any(_near(words, a, b) for a, b in R.MONEY_PHRASES)
    asked_money = _near(words, R.w("dimintai dimintain disuruh"), R.w("uang duit bayar"))
    neglect = not present.isdisjoint(R.NEGLECT) or any(
        _near(words, a, b, window=2) for a, b in R.NEGLECT_PHRASES
    )
    abuse_near = any(
        words[j] in R.ABUSE for i in subjects for j in range(max(0, i - 6), min(len(words), i + 7))
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
    complaint = (
        not present.isdisjoint(R.COMPLAINT)
        or any(  # "bhabin ... ora diangkat"
            _near(words[max(0, i - 8) : i + 9], a, b, window=2)
            for i in subjects
            for a, b in R.NEGLECT_PHRASES
        )
    )
    if (subjects or reported_to) and neglect and (other_crime < 4 or complaint or reported_to):
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
