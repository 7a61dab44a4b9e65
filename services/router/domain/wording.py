"""Text normalisation and typo tolerance shared by the message rules.

WhatsApp text is lower-cased, stripped of accents and emoji, elongations are shortened
("tolooong" -> "tolong") and Indonesian reduplication shorthand is undone ("anak2" ->
"anak", "trek2an" -> "trektrekan"). Typos are measured with the optimal-string-alignment
distance (a swap of two neighbouring letters is one edit).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_NON_WORD = re.compile(r"[^0-9a-z]+")
_ELONGATION = re.compile(r"([a-z])\1{2,}")
_REDUPLICATION = re.compile(r"^([a-z]{2,})2$")
_REDUPLICATION_AFFIX = re.compile(r"^([a-z]{2,})2(an|nya|e|ne|in)$")
_APOSTROPHES = re.compile(r"['’`´]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # character offsets in the normalised string
    end: int


def fold(text: str, keep_case: bool = False) -> str:
    """Lower case, accents removed, apostrophes dropped (`Ba'u` -> `bau`); with
    `keep_case`, the same string in its own case (same length and offsets as a rule)."""
    if text.isascii():  # nearly every message: nothing to decompose
        return _APOSTROPHES.sub("", text if keep_case else text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", stripped if keep_case else stripped.lower())


def _clean_word(word: str) -> str:
    word = _ELONGATION.sub(r"\1", word)
    match = _REDUPLICATION.match(word)
    if match:
        return match.group(1)
    match = _REDUPLICATION_AFFIX.match(word)  # "trek2an" -> "trektrekan"
    return match.group(1) * 2 + match.group(2) if match else word


def words(text: str) -> list[str]:
    """The words of a message, normalised: `"TOLOOONG!! anak2 dipukul"` ->
    `["tolong", "anak", "dipukul"]`."""
    return [_clean_word(w) for w in _NON_WORD.split(fold(text)) if w]


def tokens(text: str) -> list[Token]:
    """Words with their offsets in `fold(text)` (to look at the punctuation around them)."""
    folded = fold(text)
    return [
        Token(_clean_word(m.group()), m.start(), m.end()) for m in re.finditer(r"[0-9a-z]+", folded)
    ]


def deletions(word: str) -> Iterator[str]:
    """Every string made by deleting one character of `word`."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance, or `limit + 1` as soon as it exceeds `limit`."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


class TypoIndex:
    """Finds the known words within one or two edits of a word, fast.

    Symmetric single deletions: a word and every known word are both expanded by one
    deleted letter; sharing any variant means they are at most two edits apart (one
    substitution, insertion, deletion or swap; or an insertion plus a deletion), which
    is then checked exactly. Two substitutions in one word are not found, on purpose:
    that is where false matches between ordinary words begin.
    """

    def __init__(self, known: Iterable[str], min_length: int = 5) -> None:
        self.min_length = min_length
        self._variants: dict[str, list[str]] = {}
        for word in dict.fromkeys(known):
            if len(word) < min_length:
                continue
            self._variants.setdefault(word, []).append(word)
            for variant in set(deletions(word)):
                self._variants.setdefault(variant, []).append(word)

    def near(self, word: str, max_distance: int) -> list[tuple[str, int]]:
        """Known words within `max_distance` edits (excluding the word itself), nearest
        first."""
        if max_distance <= 0 or len(word) < self.min_length - 1:
            return []
        found: dict[str, int] = {}
        for key in (word, *deletions(word)):
            for known in self._variants.get(key, ()):
                if known == word or known in found:
                    continue
                distance = osa_distance(word, known, max_distance)
                if distance <= max_distance:
                    found[known] = distance
        return sorted(found.items(), key=lambda item: (item[1], item[0]))

    def __len__(self) -> int:
        return len(self._variants)
