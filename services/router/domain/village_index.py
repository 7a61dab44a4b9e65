"""The names of one Directory's villages and districts as a message's words are compared
with them: normalised keys (lower case, no spaces or punctuation, modern spelling:
"Soekoredjo" -> "sukorejo"), built once per Directory (`VillageTextIndex.for_directory`),
and typo neighbourhoods built lazily per regency (a few hundred names each), kept for the
`MAX_FUZZY_REGENCIES` most recently used regencies.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass

from services.router.domain.directory import Directory, District, Village
from services.router.domain.wording import TypoIndex, tokens

MAX_FUZZY_REGENCIES = 16

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


@dataclass
class RegencyTypos:
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
        self._typos: OrderedDict[str, RegencyTypos] = OrderedDict()

    @classmethod
    def for_directory(cls, directory: Directory) -> VillageTextIndex:
        index = _INDEXES.get(directory)
        if index is None:
            index = cls(directory)
            _INDEXES[directory] = index
        return index

    def typos(self, regency_code: str) -> RegencyTypos:
        found = self._typos.get(regency_code)
        if found is not None:
            self._typos.move_to_end(regency_code)
            return found
        villages = self.directory.villages_in(regency_code)
        districts = self.directory.districts_in(regency_code)
        found = RegencyTypos(
            villages=TypoIndex(name_key(v.name) for v in villages),
            districts=TypoIndex(name_key(d.name) for d in districts),
        )
        self._typos[regency_code] = found
        if len(self._typos) > MAX_FUZZY_REGENCIES:
            self._typos.popitem(last=False)
        return found


_INDEXES: weakref.WeakKeyDictionary[Directory, VillageTextIndex] = weakref.WeakKeyDictionary()
