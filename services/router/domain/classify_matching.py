"""Which of the classifier's rules a text matches: the rules' vocabulary (with misspelt
keywords corrected to the nearest known form, "pencurain" -> "pencurian"), an index of
the rules by word (a text looks only at the rules listed under its words), and the test
that the words of a rule's slots stand within a few words of each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from services.router.domain import classify_rules as R
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.wording import TypoIndex


def _vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for r in (*R.CATEGORY_RULES, *R.SIGNAL_RULES):
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


def matching(rules: Sequence[R.Rule], words: list[str], present: set[str]) -> list[R.Rule]:
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


def within(words: list[str], slots: tuple[frozenset[str], ...], window: int) -> bool:
    first = [i for i, word in enumerate(words) if word in slots[0]]
    others = [[i for i, word in enumerate(words) if word in slot] for slot in slots[1:]]
    for i in first:
        if all(any(abs(i - j) <= window and j != i for j in positions) for positions in others):
            return True
    return False


def near(words: list[str], a: frozenset[str], b: frozenset[str], window: int = 3) -> bool:
    return within(words, (a, b), window)
