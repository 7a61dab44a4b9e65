"""A typed answer to the village list: which of the offered villages it picks.

The router asked "di desa mana?" with a list of candidates; the citizen typed instead of
tapping. The answer is read ONLY against the offered villages, never the wider area:

- a number: "2", "nomor 2", "no. 2", "no2", "yang ke-2", "yg kedua", "nomer loro" (the
  message holds the number and nothing but words like "yang", "nomor", "pilih");
- a village's name, exactly or with a typo (one edit from 5 letters, two from 8), e.g.
  "Sukorjo"; when several offered villages share the name, the district named with it
  decides ("Sukorejo yang di Malo");
- the district's name alone, when exactly one offered village lies in it ("yang di Malo").

It picks nothing (the question is asked again) when the answer names none or several of
them, when it names a village that was not offered ("bukan, desa Ngujung"), or when a
number is out of range. A typo never matches a word that is itself the exact name of
another village or district of the same regencies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.directory import Directory, Village
from services.router.domain.wording import osa_distance, words

MAX_SPAN_WORDS = 4
MIN_NAME_KEY = 4  # shorter names only count when typed exactly

_NUMBER_MARKERS = frozenset(
    "nomor nomer nmr no nom angka pilih pilihan urutan yang yg sing ingkang kang ke kaping "
    "nggih njih ya pak bu mas mbak min desa ds deso itu aja saja wae mawon".split()
)
_NUMBER_WORDS = {
    "satu": 1, "siji": 1, "setunggal": 1, "dua": 2, "loro": 2, "kalih": 2, "tiga": 3,
    "telu": 3, "tigo": 3, "empat": 4, "papat": 4, "sekawan": 4, "lima": 5, "limo": 5,
    "gangsal": 5, "enam": 6, "enem": 6, "tujuh": 7, "pitu": 7, "delapan": 8, "wolu": 8,
    "sembilan": 9, "songo": 9, "sepuluh": 10,
}  # fmt: skip
_ORDINALS = {
    "pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5,
    "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
    "kapisan": 1, "kapindho": 2, "kapindo": 2, "katelu": 3,
}  # fmt: skip
# "no2", "ke2": apart before the words are read (else "no2" reads as reduplicated "no")
_GLUED_NUMBER = re.compile(r"\b(no|nmr|nomor|nomer|ke)(\d{1,2})\b", re.IGNORECASE)
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"))
_ALIASES = {"bjn": "bojonegoro", "bojo": "bojonegoro"}  # how people shorten district names


@dataclass(frozen=True)
class OfferedPick:
    """`villages`: the offered villages the answer points at (exactly one: resolved).
    `outside`: it also named a village that was not offered (then nothing is picked)."""

    villages: list[Village] = field(default_factory=list)
    by_number: bool = False
    outside: bool = False

    @property
    def resolved(self) -> Village | None:
        return self.villages[0] if len(self.villages) == 1 else None


def name_key(text: str) -> str:
    """A name as compared here: folded words joined, old spelling made new
    ("Soekoredjo" -> "sukorejo", "Sumber Agung" -> "sumberagung")."""
    key = "".join(words(text))
    for old, new in _OLD_SPELLING:
        key = key.replace(old, new)
    return key


def pick_offered(text: str, options: Sequence[Village], directory: Directory) -> OfferedPick:
    """Which of `options` (in the order they were offered) a typed answer picks."""
    said = words(_GLUED_NUMBER.sub(r"\1 \2", text))
    if not said or not options:
        return OfferedPick()
    number = _number(said)
    if number is not None:
        chosen = [options[number - 1]] if 1 <= number <= len(options) else []
        return OfferedPick(chosen, by_number=True)
    return _by_names(said, options, directory)


def _number(said: list[str]) -> int | None:
    """The list position the message gives, if it gives nothing else."""
    found: list[int] = []
    for word in said:
        if word.isdigit():
            found.append(int(word))
        elif word in _ORDINALS:
            found.append(_ORDINALS[word])
        elif word in _NUMBER_WORDS:
            found.append(_NUMBER_WORDS[word])
        elif word not in _NUMBER_MARKERS:
            return None
    return found[0] if len(found) == 1 else None


@dataclass
class _Spans:
    """Where the answer names offered villages, their districts, and other villages."""

    village_score: dict[str, int] = field(default_factory=dict)  # code -> 2 exact, 1 typo
    district_named: set[str] = field(default_factory=set)  # offered codes whose district
    matched: list[set[int]] = field(default_factory=list)  # word positions of the above
    outside: list[set[int]] = field(default_factory=list)  # positions of other villages

    def names_another_village(self) -> bool:
        """A village that was not offered is named, outside any offered name."""
        return any(not any(o <= m for m in self.matched) for o in self.outside)


def _by_names(said: list[str], options: Sequence[Village], directory: Directory) -> OfferedPick:
    spans = _read_spans(said, options, directory)
    if spans.names_another_village():
        return OfferedPick(outside=True)
    if spans.village_score:
        top = max(spans.village_score.values())
        best = [v for v in options if spans.village_score.get(v.code) == top]
        narrowed = [v for v in best if v.code in spans.district_named]
        return OfferedPick(narrowed if len(best) > 1 and narrowed else best)
    return OfferedPick([v for v in options if v.code in spans.district_named])


def _read_spans(said: list[str], options: Sequence[Village], directory: Directory) -> _Spans:
    spans = _Spans()
    district_keys = {v.code: name_key(_district_name(v, directory)) for v in options}
    option_keys = {name_key(v.name) for v in options} | set(district_keys.values())
    known = _known_names(directory, tuple(sorted({v.regency_code for v in options})))
    short = len(said) <= 3
    for i in range(len(said)):
        for n in range(1, MAX_SPAN_WORDS + 1):
            span = said[i : i + n]
            if len(span) < n or any(w.isdigit() for w in span):
                break
            key = name_key(" ".join(span))
            key = _ALIASES.get(key, key)
            common = n == 1 and span[0] in COMMON_WORDS
            if common and not short:
                continue
            positions = set(range(i, i + n))
            for village in options:
                score = _likeness(key, name_key(village.name), known, common)
                if score > spans.village_score.get(village.code, 0):
                    spans.village_score[village.code] = score
                if score:
                    spans.matched.append(positions)
                if _likeness(key, district_keys[village.code], known, common):
                    spans.district_named.add(village.code)
                    spans.matched.append(positions)
            if key in known.villages and key not in option_keys and not common:
                spans.outside.append(positions)
    return spans


def _likeness(said: str, name: str, known: _KnownNames, common: bool) -> int:
    """2: the same name; 1: the name with a typo; 0: not it."""
    if said == name:
        return 2
    if common or len(name) < 5 or said in known.all:
        return 0
    budget = 2 if len(name) >= 8 else 1
    return 1 if osa_distance(said, name, budget) <= budget else 0


def _district_name(village: Village, directory: Directory) -> str:
    district = directory.district(village.district_code)
    return district.name if district else ""


@dataclass(frozen=True)
class _KnownNames:
    villages: frozenset[str]
    all: frozenset[str]  # villages and districts


_KNOWN: WeakKeyDictionary[Directory, dict[tuple[str, ...], _KnownNames]] = WeakKeyDictionary()


def _known_names(directory: Directory, regencies: tuple[str, ...]) -> _KnownNames:
    """The name keys of every village and district of these regencies (kept while the
    directory lives)."""
    per_directory = _KNOWN.setdefault(directory, {})
    known = per_directory.get(regencies)
    if known is None:
        known = per_directory[regencies] = _read_known_names(directory, regencies)
    return known


def _read_known_names(directory: Directory, regencies: tuple[str, ...]) -> _KnownNames:
    villages = {name_key(v.name) for r in regencies for v in directory.villages_in(r)}
    districts = {name_key(d.name) for r in regencies for d in directory.districts_in(r)}
    villages = {k for k in villages if len(k) >= MIN_NAME_KEY}
    return _KnownNames(frozenset(villages), frozenset(villages | districts))
