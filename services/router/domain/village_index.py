"""The names of one Directory's villages and districts, normalised for reading text.

`name_key` compares names the way people write them: lower case, no spaces or
punctuation, modern spelling ("Soekoredjo" -> "sukorejo", "Sumber Agung" -> "sumberagung").
The index is built once per Directory (`VillageTextIndex.for_directory`); typo
neighbourhoods are built lazily per regency (a few hundred names each) and kept for the
`MAX_FUZZY_REGENCIES` most recently used regencies.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from services.router.domain.directory import Directory, District, Village
from services.router.domain.wording import TypoIndex, tokens

MAX_FUZZY_REGENCIES = 16
# Among more villages than this (several regencies, the country), a bare name is weak
# evidence: it must follow "di"/"neng"/... or a marker such as "desa".
LARGE_SCOPE = 2000
# Abbreviations people use for district names (normalised key -> normalised key).
DISTRICT_ALIASES = {"bjn": "bojonegoro", "bojo": "bojonegoro", "kota": "bojonegoro"}


_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("dh", "d"), ("th", "t"), ("sj", "sy"))


def name_key(text: str) -> str:
    """A name as compared: lower case, no spaces or punctuation, modern spelling."""
    key = "".join(t.text for t in tokens(text))
    return respell(key)


def respell(key: str) -> str:
    for old, new in _SPELLING:
        if old in key:
            key = key.replace(old, new)
    return key


@dataclass(frozen=True)
class VillageMatch:
    """`villages`: 0 = unknown, 1 = resolved, more = ambiguous (best first, at most 10).
    `district_hint`: the district the text names, if any (also when no village matched)."""

    villages: list[Village] = field(default_factory=list)
    district_hint: District | None = None

    @property
    def resolved(self) -> Village | None:
        return self.villages[0] if len(self.villages) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.villages) > 1


@dataclass
class _RegencyTypos:
    villages: TypoIndex
    districts: TypoIndex


class VillageTextIndex:
    """Normalised names of one Directory's villages and districts."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.villages_by_key: dict[str, list[Village]] = {}
        self.districts_by_key: dict[str, list[District]] = {}
        self.regency_keys: set[str] = set()
        for village in directory.villages():
            self.villages_by_key.setdefault(name_key(village.name), []).append(village)
        for district in directory.districts():
            self.districts_by_key.setdefault(name_key(district.name), []).append(district)
        for code in directory.regency_codes():
            name = directory.regency_name(code) or ""
            for prefix in ("Kabupaten ", "Kota ", "Kab. "):
                name = name.removeprefix(prefix)
            self.regency_keys.add(name_key(name))
        # Every beginning of a name: a span whose key is none of them cannot grow into one.
        self.village_prefixes = _prefixes(self.villages_by_key)
        self.district_prefixes = _prefixes(self.districts_by_key) | _prefixes(DISTRICT_ALIASES)
        self._typos: OrderedDict[str, _RegencyTypos] = OrderedDict()

    @classmethod
    def for_directory(cls, directory: Directory) -> VillageTextIndex:
        index = _INDEXES.get(directory)
        if index is None:
            index = cls(directory)
            _INDEXES[directory] = index
        return index

    def typos(self, regency_code: str) -> _RegencyTypos:
        found = self._typos.get(regency_code)
        if found is not None:
            self._typos.move_to_end(regency_code)
            return found
        villages = self.directory.villages_in(regency_code)
        districts = self.directory.districts_in(regency_code)
        found = _RegencyTypos(
            villages=TypoIndex(name_key(v.name) for v in villages),
            districts=TypoIndex(name_key(d.name) for d in districts),
        )
        self._typos[regency_code] = found
        if len(self._typos) > MAX_FUZZY_REGENCIES:
            self._typos.popitem(last=False)
        return found


def _prefixes(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


_INDEXES: weakref.WeakKeyDictionary[Directory, VillageTextIndex] = weakref.WeakKeyDictionary()


def typo_budget(length: int, strong_marker: bool) -> int:
    if strong_marker:
        return 2 if length >= 8 else 1 if length >= 5 else 0
    return 1 if length >= 6 else 0


@dataclass
class Scope:
    codes: set[str] | None  # None: every village of the directory
    regencies: list[str]
    size: int

    @property
    def large(self) -> bool:
        return self.size > LARGE_SCOPE

    def keep_village(self, village: Village) -> bool:
        return self.codes is None or village.code in self.codes

    def keep_district(self, district: District) -> bool:
        return district.regency_code in self.regencies


def scope_of(candidates: Sequence[Village], directory: Directory) -> Scope:
    if not candidates or len(candidates) >= len(directory):
        return Scope(None, directory.regency_codes(), len(directory))
    codes = {v.code for v in candidates}
    regencies = sorted({v.regency_code for v in candidates})
    return Scope(codes, regencies, len(codes))


def district_after(
    words: list[str],
    start: int,
    index: VillageTextIndex,
    scope: Scope,
    fuzzy_regencies: list[str],
) -> tuple[int, District, int] | None:
    """The district named right after a marker: (score, district, tokens used)."""
    for n in range(min(3, len(words) - start), 0, -1):
        key = respell("".join(words[start : start + n]))
        key = DISTRICT_ALIASES.get(key, key)
        exact = [d for d in index.districts_by_key.get(key, ()) if scope.keep_district(d)]
        if exact:
            return 2, min(exact, key=lambda d: d.code), n
    for n in range(min(3, len(words) - start), 0, -1):
        key = respell("".join(words[start : start + n]))
        budget = typo_budget(len(key), strong_marker=True)
        if not budget:
            continue
        for regency in fuzzy_regencies:
            for near, _distance in index.typos(regency).districts.near(key, budget):
                for district in index.districts_by_key.get(near, ()):
                    if scope.keep_district(district):
                        return 1, district, n
    return None
