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

The names are compared through `village_index.VillageTextIndex` (built once per
Directory; typo neighbourhoods per regency, for the most recently used ones), so a
candidate set spanning more than `MAX_FUZZY_REGENCIES` regencies (e.g. the whole country)
matches exact names only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from services.router.domain.classify_matching import KEYWORD_WORDS
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.directory import Directory, District, Village
from services.router.domain.village_index import (
    MAX_FUZZY_REGENCIES,
    VillageTextIndex,
    respell,
)
from services.router.domain.wording import Token, fold, tokens

MAX_RESULTS = 10
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
    reading = _Reading(text, index, _scope(candidates, directory))
    reading.read_marked_districts()
    for i in range(len(reading.words)):
        if i not in reading.consumed:
            reading.read_names_at(i)
    return reading.match(directory)


class _Reading:
    """One message read against the index: districts named after a marker first (their
    words are then not village names), then every span of up to MAX_NAME_TOKENS words."""

    def __init__(self, text: str, index: VillageTextIndex, scope: _Scope) -> None:
        self.index = index
        self.scope = scope
        self.toks = tokens(text)
        self.words = [t.text for t in self.toks]
        self.folded = fold(text)
        self.fuzzy_regencies = (
            scope.regencies if len(scope.regencies) <= MAX_FUZZY_REGENCIES else []
        )
        self.consumed: set[int] = set()
        self.marked_districts: list[tuple[int, District]] = []  # (score, district)
        self.unmarked_districts: set[str] = set()
        self.best: dict[str, tuple[int, Village]] = {}

    def read_marked_districts(self) -> None:
        words = self.words
        for i, word in enumerate(words):
            if word not in DISTRICT_MARKERS or i + 1 >= len(words):
                continue
            hit = _district_after(words, i + 1, self.index, self.scope, self.fuzzy_regencies)
            if hit is not None:
                score, district, length = hit
                self.marked_districts.append((score, district))
                self.consumed.update(range(i, i + 1 + length))

    def read_names_at(self, i: int) -> None:
        """Every name starting at word `i` (1 to MAX_NAME_TOKENS words)."""
        words = self.words
        before = words[i - 1] if i > 0 else ""
        strong = before in VILLAGE_MARKERS
        place = before in PLACE_WORDS
        for n in range(1, MAX_NAME_TOKENS + 1):
            span = words[i : i + n]
            if len(span) < n or any(
                j in self.consumed or words[j] in VILLAGE_MARKERS or words[j] in DISTRICT_MARKERS
                for j in range(i, i + n)
            ):
                break
            if not self._usable(span, i + n, strong, place):
                continue
            bonus = (
                _BONUS_STRONG_MARKER if strong else _BONUS_PLACE_WORD if place else 0
            ) + _BONUS_PER_EXTRA_TOKEN * (n - 1)
            self._score_name(span, strong, place, bonus)

    def _usable(self, span: list[str], end: int, strong: bool, place: bool) -> bool:
        key = respell("".join(span))
        all_common = all(_is_common(w) for w in span)
        if strong and all_common:
            # "desa Sudah, kec. Malo" names a village; "desa sudah ada ronda" does not
            return _ends_name(self.toks, self.words, self.folded, end)
        return strong or (len(key) >= 4 and not all_common and (place or not self.scope.large))

    def _score_name(self, span: list[str], strong: bool, place: bool, bonus: int) -> None:
        index, scope = self.index, self.scope
        key = respell("".join(span))
        if len(key) >= 5 and key not in index.regency_keys:
            for district in index.districts_by_key.get(key, ()):
                if scope.keep_district(district):
                    self.unmarked_districts.add(district.code)
        exact = [v for v in index.villages_by_key.get(key, ()) if scope.keep_village(v)]
        if exact:
            for village in exact:
                _keep_best(self.best, village, _SCORE_EXACT + bonus)
            return
        if any(_is_common(w) for w in span):
            return
        budget = _typo_budget(len(key), strong) if strong or place else 0
        for regency in self.fuzzy_regencies if budget else ():
            for near, distance in index.typos(regency).villages.near(key, budget):
                for village in index.villages_by_key.get(near, ()):
                    if scope.keep_village(village):
                        _keep_best(self.best, village, _SCORE_TYPO[distance] + bonus)

    def match(self, directory: Directory) -> VillageMatch:
        """The best-scored villages (a district the text names counts for its villages)."""
        hint: District | None = None
        if self.marked_districts:
            hint = max(self.marked_districts, key=lambda item: item[0])[1]
        elif len(self.unmarked_districts) == 1:
            hint = directory.district(next(iter(self.unmarked_districts)))
        marked_codes = {d.code for _, d in self.marked_districts}
        scored: list[tuple[int, Village]] = []
        for score, village in self.best.values():
            if village.district_code in marked_codes:
                score += _BONUS_MARKED_DISTRICT
            elif village.district_code in self.unmarked_districts:
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
        key = respell("".join(words[start : start + n]))
        key = DISTRICT_ALIASES.get(key, key)
        exact = [d for d in index.districts_by_key.get(key, ()) if scope.keep_district(d)]
        if exact:
            return 2, min(exact, key=lambda d: d.code), n
    for n in range(min(3, len(words) - start), 0, -1):
        key = respell("".join(words[start : start + n]))
        budget = _typo_budget(len(key), strong_marker=True)
        if not budget:
            continue
        for regency in fuzzy_regencies:
            for near, _distance in index.typos(regency).districts.near(key, budget):
                for district in index.districts_by_key.get(near, ()):
                    if scope.keep_district(district):
                        return 1, district, n
    return None
