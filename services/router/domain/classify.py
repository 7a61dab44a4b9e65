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
- a complaint about a police officer (about_officer, category OFFICER_CONDUCT; the rules
  in about_police.py);
- urgency from the category and the signals (urgency.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from contracts.hierarchy import Category, Urgency
from services.router.domain import classify_rules as R
from services.router.domain.about_police import about_officer_in
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.rule_match import within
from services.router.domain.units import Unit, handling
from services.router.domain.urgency import assess, is_over, is_young
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
# Possessive and definite endings of Indonesian and Javanese, longest first.
ENDINGS = ("nipun", "ipun", "nya", "ne", "ku", "mu", "e")
_TYPOS = TypoIndex((word for word in KEYWORD_WORDS if len(word) >= 8), min_length=8)


@lru_cache(maxsize=65536)
def canonical_word(word: str) -> str:
    """A known keyword for a word with a possessive or definite ending the vocabulary does
    not list ("sapine", "malingipun", "pelakunya" -> the stem), or a misspelt one (8+
    letters, 1 edit; 10+ letters, 2 edits)."""
    if word in KEYWORD_WORDS or word in COMMON_WORDS or word.isdigit():
        return word
    for ending in ENDINGS:
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= 4 and stem in KEYWORD_WORDS:
            return stem
    if len(word) < 8:
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
        if len(r.slots) == 1 or within(words, r.slots, r.window):
            found.append(r)
    return found


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

    about_officer = about_officer_in(toks, words, present, folded, scores)
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
