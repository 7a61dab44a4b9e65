"""Which village a citizen's message names: "di desa Sukorejo kec. Bojonegoro".

Tolerates abbreviations ("ds.", "kel.", "kec.", "dsn"), Javanese phrasing ("neng deso
...", "ing dusun ..."), case, punctuation, names split or joined ("Sumber Agung" /
"Sumberagung"), old spelling ("Soekoredjo") and typos (after "desa"/"ds."/"kel.": one
edit on names of 5+ letters, two on names of 8+; after "di"/"neng": one edit on names of
6+ letters). A district named after
"kec."/"kecamatan"/"polsek" narrows names that repeat across districts.

Guards against false matches: an everyday word ("sudah", "bareng", "pasar", "tolong",
the classifier's keywords) is taken for a village only right after "desa"/"ds."/"kel.",
never through a typo; names shorter than 4 letters need such a marker too. A typo is
forgiven only after a marker or a place word ("di", "neng", "dari", ...), so that an
ordinary word one letter away from a village name ("kondangan" ~ Kandangan) is not taken
for it. Among more than LARGE_SCOPE villages, a bare name needs a place word as well.

The normalised index is built once per Directory (`VillageTextIndex.for_directory`);
typo neighbourhoods are built lazily per regency (a few hundred names each) and kept for
the most recently used regencies, so a candidate set spanning more than
`MAX_FUZZY_REGENCIES` regencies (e.g. the whole country) matches exact names only.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from services.router.domain.classify import KEYWORD_WORDS
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.directory import Directory, District, Village
from services.router.domain.wording import Token, TypoIndex, fold, tokens

MAX_RESULTS = 10
MAX_FUZZY_REGENCIES = 16
MAX_NAME_TOKENS = 4
# Among more villages than this (several regencies, the country), a bare name is weak
# evidence: it must follow "di"/"neng"/... or a marker such as "desa".
LARGE_SCOPE = 2000

VILLAGE_MARKERS = frozenset(
    "desa ds dsa des deso kel kelurahan kelurhn kal dusun dsn dukuh dkh kampung kmp".split()
)
PLACE_WORDS = frozenset(
    "di neng ning nang ing teng wonten daerah wilayah dari soko saka seko ke menyang "
    "sekitar dekat cedak kawasan lingkungan".split()
)
DISTRICT_MARKERS = frozenset("kec kecamatan kecamatane kc kcm kcmt kcmtn kecmtn polsek".split())
# Abbreviations people use for district names (normalised key -> normalised key).
DISTRICT_ALIASES = {"bjn": "bojonegoro", "bojo": "bojonegoro"}

_SCORE_EXACT = 100
_SCORE_TYPO = {1: 80, 2: 65}
_BONUS_STRONG_MARKER = 30
_BONUS_PLACE_WORD = 10
_BONUS_PER_EXTRA_TOKEN = 3
_BONUS_MARKED_DISTRICT = 50
_BONUS_UNMARKED_DISTRICT = 25

_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("dh", "d"), ("th", "t"), ("sj", "sy"))


def name_key(text: str) -> str:
    """A name as compared: lower case, no spaces or punctuation, modern spelling."""
    key = "".join(t.text for t in tokens(text))
    return _respell(key)


def _respell(key: str) -> str:
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


_INDEXES: weakref.WeakKeyDictionary[Directory, VillageTextIndex] = weakref.WeakKeyDictionary()
_NEVER_ALONE = COMMON_WORDS | KEYWORD_WORDS


def _is_common(word: str) -> bool:
    return word in _NEVER_ALONE or word.isdigit()


def _typo_budget(length: int, strong_marker: bool) -> int:
    if strong_marker:
        return 2 if length >= 8 else 1 if length >= 5 else 0
    return 1 if length >= 6 else 0


@dataclass
class _Scope:
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


def _scope(candidates: Sequence[Village], directory: Directory) -> _Scope:
    if not candidates or len(candidates) >= len(directory):
        return _Scope(None, directory.regency_codes(), len(directory))
    codes = {v.code for v in candidates}
    regencies = sorted({v.regency_code for v in candidates})
    return _Scope(codes, regencies, len(codes))


def resolve_village(text: str, candidates: Sequence[Village], directory: Directory) -> VillageMatch:
    """The villages among `candidates` that `text` names (empty candidates: the whole
    directory), ordered best first, and the district the text names."""
    index = VillageTextIndex.for_directory(directory)
    scope = _scope(candidates, directory)
    toks = tokens(text)
    words = [t.text for t in toks]
    folded = fold(text)
    fuzzy_regencies = scope.regencies if len(scope.regencies) <= MAX_FUZZY_REGENCIES else []

    consumed: set[int] = set()
    marked_districts: list[tuple[int, District]] = []  # (score, district)
    for i, word in enumerate(words):
        if word not in DISTRICT_MARKERS or i + 1 >= len(words):
            continue
        hit = _district_after(words, i + 1, index, scope, fuzzy_regencies)
        if hit is not None:
            score, district, length = hit
            marked_districts.append((score, district))
            consumed.update(range(i, i + 1 + length))

    unmarked_districts: set[str] = set()
    best: dict[str, tuple[int, Village]] = {}
    for i in range(len(words)):
        if i in consumed:
            continue
        before = words[i - 1] if i > 0 else ""
        strong = before in VILLAGE_MARKERS
        place = before in PLACE_WORDS
        for n in range(1, MAX_NAME_TOKENS + 1):
            span = words[i : i + n]
            if len(span) < n or any(
                j in consumed or words[j] in VILLAGE_MARKERS or words[j] in DISTRICT_MARKERS
                for j in range(i, i + n)
            ):
                break
            key = _respell("".join(span))
            all_common = all(_is_common(w) for w in span)
            if strong and all_common:
                # "desa Sudah, kec. Malo" names a village; "desa sudah ada ronda" does not
                usable = _ends_name(toks, words, folded, i + n)
            else:
                usable = strong or (len(key) >= 4 and not all_common and (place or not scope.large))
            bonus = (
                _BONUS_STRONG_MARKER if strong else _BONUS_PLACE_WORD if place else 0
            ) + _BONUS_PER_EXTRA_TOKEN * (n - 1)
            if not usable:
                continue
            if len(key) >= 5 and key not in index.regency_keys:
                for district in index.districts_by_key.get(key, ()):
                    if scope.keep_district(district):
                        unmarked_districts.add(district.code)
            exact = [v for v in index.villages_by_key.get(key, ()) if scope.keep_village(v)]
            if exact:
                for village in exact:
                    _keep_best(best, village, _SCORE_EXACT + bonus)
                continue
            if any(_is_common(w) for w in span):
                continue
            budget = _typo_budget(len(key), strong) if strong or place else 0
            for regency in fuzzy_regencies if budget else ():
                for near, distance in index.typos(regency).villages.near(key, budget):
                    for village in index.villages_by_key.get(near, ()):
                        if scope.keep_village(village):
                            _keep_best(best, village, _SCORE_TYPO[distance] + bonus)

    hint: District | None = None
    if marked_districts:
        hint = max(marked_districts, key=lambda item: item[0])[1]
    elif len(unmarked_districts) == 1:
        hint = directory.district(next(iter(unmarked_districts)))

    marked_codes = {d.code for _, d in marked_districts}
    scored: list[tuple[int, Village]] = []
    for score, village in best.values():
        if village.district_code in marked_codes:
            score += _BONUS_MARKED_DISTRICT
        elif village.district_code in unmarked_districts:
            score += _BONUS_UNMARKED_DISTRICT
        scored.append((score, village))
    if not scored:
        return VillageMatch([], hint)
    top = max(score for score, _ in scored)
    winners = sorted((v for score, v in scored if score == top), key=lambda v: v.code)
    return VillageMatch(winners[:MAX_RESULTS], hint)


def _ends_name(toks: list[Token], words: list[str], folded: str, end: int) -> bool:
    """Whether a name ending before token `end` stands alone: end of text, punctuation,
    a district marker or an RT/RW number follows."""
    if end >= len(toks):
        return True
    if any(ch in folded[toks[end - 1].end : toks[end].start] for ch in ",.;:!?()\n"):
        return True
    return words[end] in DISTRICT_MARKERS or words[end] in {"rt", "rw"} or words[end].isdigit()


def _keep_best(best: dict[str, tuple[int, Village]], village: Village, score: int) -> None:
    current = best.get(village.code)
    if current is None or score > current[0]:
        best[village.code] = (score, village)


def _district_after(
    words: list[str],
    start: int,
    index: VillageTextIndex,
    scope: _Scope,
    fuzzy_regencies: list[str],
) -> tuple[int, District, int] | None:
    """The district named right after a marker: (score, district, tokens used)."""
    for n in range(min(3, len(words) - start), 0, -1):
        key = _respell("".join(words[start : start + n]))
        key = DISTRICT_ALIASES.get(key, key)
        exact = [d for d in index.districts_by_key.get(key, ()) if scope.keep_district(d)]
        if exact:
            return 2, min(exact, key=lambda d: d.code), n
    for n in range(min(3, len(words) - start), 0, -1):
        key = _respell("".join(words[start : start + n]))
        budget = _typo_budget(len(key), strong_marker=True)
        if not budget:
            continue
        for regency in fuzzy_regencies:
            for near, _distance in index.typos(regency).districts.near(key, budget):
                for district in index.districts_by_key.get(near, ()):
                    if scope.keep_district(district):
                        return 1, district, n
    return None
