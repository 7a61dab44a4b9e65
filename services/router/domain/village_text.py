"""Which village a citizen's message names, weighing the whole text.

Every span of 1-4 words that is a village's name (joined or split, old spelling, typos)
is a reading; the words around it are evidence (village_evidence): a marker before it
("desa", "ds.", "kel.", "dusun": strong; "di", "neng", "ing", "wonten": weaker), its own
district named beside it ("Ngunut Dander", "Dander, Ngunut") or after "kec."/"polsek", a
capital inside a lower-case sentence. A non-village place phrase ("pasar Kapas",
"jembatan Kanor", "jalan raya Sukosewu") and "asli ds. X" (the writer's home) are no
evidence. An everyday word that is also a village's name ("sudah", "geger", "nganti",
the classifier's keywords) is read as a village only after a strong marker and when it
stands alone (punctuation, a district name, a capital follows or it has one), never
through a typo; a typo is forgiven only after a marker or a place word, or beside the
village's own district. A district's namesake village read from the district's name
gives way to another village of that district named elsewhere in the text. The best
readings are all returned (the router asks when there are several), never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from services.router.domain.classify import KEYWORD_WORDS
from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.directory import Directory, District, Village
from services.router.domain.village_evidence import (
    ABBREVIATED_MARKERS,
    DISTRICT_MARKERS,
    PLACE_WORDS,
    VILLAGE_MARKERS,
    Reading,
    in_place_phrase,
    is_home,
)
from services.router.domain.village_index import (
    DISTRICT_ALIASES,
    MAX_FUZZY_REGENCIES,
    Scope,
    VillageMatch,
    VillageTextIndex,
    district_after,
    name_key,
    respell,
    scope_of,
    typo_budget,
)

__all__ = ["MAX_RESULTS", "VillageMatch", "name_key", "resolve_village"]

MAX_RESULTS = 10
MAX_NAME_TOKENS = 4
_SCORE_EXACT = 100
_SCORE_TYPO = {1: 80, 2: 65}
_BONUS_STRONG_MARKER = 30
_BONUS_PLACE_WORD = 10
_BONUS_PER_EXTRA_TOKEN = 3
_BONUS_MARKED_DISTRICT = 50
_BONUS_UNMARKED_DISTRICT = 25
_BONUS_CAPITAL = 5
_PENALTY_HOME = 40


_NEVER_ALONE = COMMON_WORDS | KEYWORD_WORDS


def _is_common(word: str) -> bool:
    return word in _NEVER_ALONE or word.isdigit()


@dataclass
class _Hit:
    score: int
    village: Village
    start: int  # the tokens the name was read from
    end: int
    strong: bool  # right after "desa"/"ds."/"kel."


@dataclass
class _Search:
    """One message being read against one directory."""

    index: VillageTextIndex
    scope: Scope
    text: Reading
    fuzzy_regencies: list[str]
    consumed: set[int] = field(default_factory=set)
    # token index -> (tokens, codes) of a district named there without a marker
    districts_at: dict[int, tuple[int, set[str]]] = field(default_factory=dict)
    hits: dict[str, _Hit] = field(default_factory=dict)

    def keep(self, hit: _Hit) -> None:
        current = self.hits.get(hit.village.code)
        if current is None or hit.score > current.score:
            self.hits[hit.village.code] = hit

    def district_next_to(self, start: int, end: int) -> set[str]:
        """Codes of a district named right after or right before tokens [start, end)."""
        codes: set[str] = set()
        after = self.districts_at.get(end)
        if after is not None:
            codes |= after[1]
        for at, (length, found) in self.districts_at.items():
            if at + length == start:
                codes |= found
        return codes


def resolve_village(text: str, candidates: Sequence[Village], directory: Directory) -> VillageMatch:
    """The villages among `candidates` that `text` names (empty candidates: the whole
    directory), ordered best first, and the district the text names."""
    index = VillageTextIndex.for_directory(directory)
    scope = scope_of(candidates, directory)
    fuzzy = scope.regencies if len(scope.regencies) <= MAX_FUZZY_REGENCIES else []
    search = _Search(index, scope, Reading.of(text), fuzzy)
    marked = _marked_districts(search)
    _unmarked_districts(search)
    for i in range(len(search.text.words)):
        if i not in search.consumed:
            _names_at(search, i)
    _drop_district_namesakes(search)

    unmarked = {code for _, codes in search.districts_at.values() for code in codes}
    hint: District | None = None
    if marked:
        hint = max(marked, key=lambda item: item[0])[1]
    elif len(unmarked) == 1:
        hint = directory.district(next(iter(unmarked)))
    marked_codes = {d.code for _, d in marked}
    scored: list[tuple[int, Village]] = []
    for hit in search.hits.values():
        score = hit.score
        if hit.village.district_code in marked_codes:
            score += _BONUS_MARKED_DISTRICT
        elif hit.village.district_code in unmarked:
            score += _BONUS_UNMARKED_DISTRICT
        scored.append((score, hit.village))
    if not scored:
        return VillageMatch([], hint)
    top = max(score for score, _ in scored)
    winners = sorted((v for score, v in scored if score == top), key=lambda v: v.code)
    return VillageMatch(winners[:MAX_RESULTS], hint)


def _marked_districts(search: _Search) -> list[tuple[int, District]]:
    """Districts named after "kec."/"kecamatan"/"polsek": (score, district)."""
    words = search.text.words
    found: list[tuple[int, District]] = []
    for i, word in enumerate(words):
        if word not in DISTRICT_MARKERS or i + 1 >= len(words):
            continue
        hit = district_after(words, i + 1, search.index, search.scope, search.fuzzy_regencies)
        if hit is not None:
            score, district, length = hit
            found.append((score, district))
            search.consumed.update(range(i, i + 1 + length))
    return found


def _unmarked_districts(search: _Search) -> None:
    """Districts named without a marker ("Ngunut Dander"), outside place phrases."""
    words = search.text.words
    for i in range(len(words)):
        if i in search.consumed or in_place_phrase(words, i):
            continue
        if respell(words[i]) not in search.index.district_prefixes:
            continue
        for n in range(3, 0, -1):
            span = words[i : i + n]
            if len(span) < n or any(j in search.consumed for j in range(i, i + n)):
                continue
            key = respell("".join(span))
            if key in search.index.regency_keys:
                continue
            key = DISTRICT_ALIASES.get(key, key) if n == 1 and i > 0 else key
            if len(key) < 4 or (n == 1 and _is_common(span[0]) and key == span[0]):
                continue
            codes = {
                d.code
                for d in search.index.districts_by_key.get(key, ())
                if search.scope.keep_district(d)
            }
            if codes:
                search.districts_at[i] = (n, codes)
                break


def _names_at(search: _Search, i: int) -> None:
    """Every village name (1 to MAX_NAME_TOKENS tokens) that starts at token i."""
    words = search.text.words
    before = words[i - 1] if i > 0 else ""
    strong = before in VILLAGE_MARKERS
    place = before in PLACE_WORDS
    if not strong and in_place_phrase(words, i):
        return
    home_penalty = _PENALTY_HOME if is_home(words, i) else 0
    for n in range(1, MAX_NAME_TOKENS + 1):
        span = words[i : i + n]
        if len(span) < n or any(
            j in search.consumed or words[j] in VILLAGE_MARKERS or words[j] in DISTRICT_MARKERS
            for j in range(i, i + n)
        ):
            break
        key = respell("".join(span))
        beside = search.district_next_to(i, i + n)
        if key not in search.index.village_prefixes and not (strong or place or beside):
            break  # no name begins so, and no typo is forgiven here
        if not _usable(search, i, n, key, strong, place, beside):
            continue
        bonus = (
            (_BONUS_STRONG_MARKER if strong else _BONUS_PLACE_WORD if place else 0)
            + _BONUS_PER_EXTRA_TOKEN * (n - 1)
            + (_BONUS_CAPITAL if i in search.text.capitalised else 0)
            - home_penalty
        )
        exact = [
            v for v in search.index.villages_by_key.get(key, ()) if search.scope.keep_village(v)
        ]
        for village in exact:
            search.keep(_Hit(_SCORE_EXACT + bonus, village, i, i + n, strong))
        if exact or any(_is_common(w) for w in span):
            continue
        _typos_at(search, i, n, key, bonus, strong, place, beside)


def _usable(
    search: _Search, i: int, n: int, key: str, strong: bool, place: bool, beside: set[str]
) -> bool:
    span = search.text.words[i : i + n]
    all_common = all(_is_common(w) for w in span)
    if strong and all_common:
        # "desa Sudah, kec. Malo" names a village; "desa sudah ada ronda" does not
        return (
            search.text.words[i - 1] in ABBREVIATED_MARKERS
            or _ends_name(search.text, i + n)
            or bool(beside)
            or all(j in search.text.capitalised for j in range(i, i + n))
        )
    if strong:
        return True
    return len(key) >= 4 and not all_common and (place or bool(beside) or not search.scope.large)


def _typos_at(
    search: _Search,
    i: int,
    n: int,
    key: str,
    bonus: int,
    strong: bool,
    place: bool,
    beside: set[str],
) -> None:
    """A misspelt name: after a marker or a place word, or right beside its district."""
    if strong or place:
        budget, districts = typo_budget(len(key), strong), None
    elif beside:
        budget, districts = typo_budget(len(key), False), beside
    else:
        return
    for regency in search.fuzzy_regencies if budget else ():
        for near, distance in search.index.typos(regency).villages.near(key, budget):
            for village in search.index.villages_by_key.get(near, ()):
                if not search.scope.keep_village(village):
                    continue
                if districts is not None and village.district_code not in districts:
                    continue
                search.keep(_Hit(_SCORE_TYPO[distance] + bonus, village, i, i + n, strong))


def _drop_district_namesakes(search: _Search) -> None:
    """ "Ngunut Dander": the district's namesake village (Dander) was read from the
    district's name; another village of that district, named elsewhere, is the one meant."""
    for code, hit in list(search.hits.items()):
        if hit.strong:
            continue
        named = search.districts_at.get(hit.start)
        if named is None or named[0] != hit.end - hit.start:
            continue
        district = hit.village.district_code
        if district not in named[1]:
            continue
        if any(
            other.village.district_code == district and other.start != hit.start
            for other_code, other in search.hits.items()
            if other_code != code
        ):
            del search.hits[code]


def _ends_name(text: Reading, end: int) -> bool:
    """Whether a name ending before token `end` stands alone: end of text, punctuation,
    a district marker or an RT/RW number follows."""
    words = text.words
    if end >= len(words) or text.gap_has(end, ",.;:!?()\n"):
        return True
    return words[end] in DISTRICT_MARKERS or words[end] in {"rt", "rw"} or words[end].isdigit()
