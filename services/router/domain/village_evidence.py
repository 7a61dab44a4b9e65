"""What the words around a name say about it being the village where it happened.

- Marker words before a name: "desa", "ds", "deso", "kel", "dusun" (strong), "di", "neng",
  "ing", "wonten", "daerah" (a place word, weaker). Markers are evidence, not a requirement.
- A non-village place phrase: "pasar Kapas", "jembatan Kanor", "jalan raya Sukosewu",
  "pos lantas Baureno", "SPBU ...", "lapangan ...": a market, bridge or road named after a
  village does not say the incident was in that village, so such a name is no evidence.
- Home, not the incident: "asli ds. Kasiman" (where the writer comes from).
- Capitals: in a message that uses lower case, a capitalised word inside a sentence
  ("ing desa Geger nembe ...") is a name rather than the everyday word.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.router.domain.common_words import COMMON_WORDS
from services.router.domain.wording import Token, fold, tokens

VILLAGE_MARKERS = frozenset(
    "desa ds dsa des deso kel kelurahan kelurhn kal dusun dsn dukuh dkh kampung kmp".split()
)
# Written only to name a place: after these, even an everyday word is a name ("ds bareng").
ABBREVIATED_MARKERS = frozenset("ds dsa des kel dsn dkh kmp kal".split())
PLACE_WORDS = frozenset(
    "di neng ning nang ing teng wonten daerah wilayah dari soko saka seko ke menyang "
    "sekitar dekat cedak kawasan lingkungan ndek ten".split()
)
DISTRICT_MARKERS = frozenset(
    "kec kecamatan kecamatane kc kcm kcmt kcmtn kecmtn polsek kapolsek".split()
)
# Places named after a village that are not the village: "pasar Kapas", "jembatan Kanor".
NOT_VILLAGE_PLACES = frozenset(
    "pasar peken jembatan kreteg jalan jl jln dalan margi ratan pos spbu pom terminal "
    "stasiun lapangan alun waduk bendungan rsud puskesmas sd smp sma smk mts".split()
)
# Words that may sit between such a place and the name: "jalan raya X", "pos lantas X".
PLACE_QUALIFIERS = frozenset("raya baru gede ageng lantas lama besar umum induk".split())
ROADS = frozenset("jalan jl jln dalan margi ratan".split())
HOME_WORDS = frozenset("asli".split())


@dataclass(frozen=True)
class Reading:
    """A message's tokens, their words and whether each is written with a capital."""

    toks: list[Token]
    words: list[str]
    folded: str
    capitalised: frozenset[int]

    @classmethod
    def of(cls, text: str) -> Reading:
        toks = tokens(text)
        folded = fold(text)
        return cls(toks, [t.text for t in toks], folded, _capitalised(text, folded, toks))

    def gap_has(self, i: int, chars: str) -> bool:
        """Whether the text between token i - 1 and token i holds one of `chars`."""
        if i <= 0 or i >= len(self.toks):
            return True
        return any(ch in chars for ch in self.folded[self.toks[i - 1].end : self.toks[i].start])


def _capitalised(text: str, folded: str, toks: list[Token]) -> frozenset[int]:
    cased = fold(text, keep_case=True)
    if len(cased) != len(folded) or not any(ch.islower() for ch in cased):
        return frozenset()  # all capitals (or offsets differ): capitals say nothing
    found = set()
    for i, tok in enumerate(toks):
        sentence_start = i == 0 or any(ch in ".!?\n" for ch in folded[toks[i - 1].end : tok.start])
        if not sentence_start and cased[tok.start].isupper():
            found.add(i)
    return frozenset(found)


def in_place_phrase(words: list[str], i: int) -> bool:
    """Whether the name starting at token i follows a non-village place word."""
    before = words[i - 1] if i > 0 else ""
    if before in NOT_VILLAGE_PLACES:
        return True
    if i > 1 and words[i - 2] in ROADS and before not in COMMON_WORDS:
        return True  # "dalan Dander Ngunut": a road between two places
    return (before in PLACE_QUALIFIERS and i > 1 and words[i - 2] in NOT_VILLAGE_PLACES) or (
        before == "alun" or (i > 1 and words[i - 2] == "alun")
    )


def is_home(words: list[str], i: int) -> bool:
    """ "asli ds. Kasiman", "asli Kasiman": where the writer is from."""
    return any(words[j] in HOME_WORDS for j in range(max(0, i - 2), i))
