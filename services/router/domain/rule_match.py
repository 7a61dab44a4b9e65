"""Whether words of several sets stand within a few words of each other in a message."""

from __future__ import annotations


def within(words: list[str], slots: tuple[frozenset[str], ...], window: int) -> bool:
    first = [i for i, word in enumerate(words) if word in slots[0]]
    others = [[i for i, word in enumerate(words) if word in slot] for slot in slots[1:]]
    for i in first:
        if all(any(abs(i - j) <= window and j != i for j in positions) for positions in others):
            return True
    return False


def near(words: list[str], a: frozenset[str], b: frozenset[str], window: int = 3) -> bool:
    return within(words, (a, b), window)
