"""The classifier's building blocks: rules, word-form generators and the word groups
several category families share.

A rule is a tag (a Category value, or a signal such as "emergency" or "present"), a
weight and one or more slots; each slot is a set of word forms. A rule with several slots
matches when every slot has a word within a few words of the others ("motor ... hilang").
Word forms are generated from stems with the usual affixes (`forms("curi", "pen ke di",
"an nya")` gives curi, pencuri, pencurian, kecurian, dicuri, ...), so that typo tolerance
can work on plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

from contracts.hierarchy import Category

C = Category


def forms(stems: str, prefixes: str = "", suffixes: str = "") -> frozenset[str]:
    """Every prefix + stem + suffix combination (the empty affix included)."""
    pre = ["", *prefixes.split()]
    suf = ["", *suffixes.split()]
    return frozenset(p + s + x for s in stems.split() for p in pre for x in suf)


def w(text: str) -> frozenset[str]:
    """Plain alternatives: `w("sabu shabu")`."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Rule:
    tag: str
    weight: int
    slots: tuple[frozenset[str], ...]
    label: str
    reach: int = 0  # how many words apart the slots' words may be; 0: len(slots) + 3

    @property
    def window(self) -> int:
        return self.reach or len(self.slots) + 3


def rule(
    tag: str | Category, weight: int, *slots: frozenset[str], label: str = "", reach: int = 0
) -> Rule:
    name = label or "+".join(sorted(s)[0] for s in slots)
    return Rule(str(tag), weight, tuple(slots), name, reach)


# -- shared word groups -----------------------------------------------------------------

VEHICLE = w(
    "motor motorku motore motornya montor montorku montore spm r2 r4 mobil mobilku mobile "
    "mobilnya pikap pickup truk honda yamaha suzuki kawasaki vario beat scoopy nmax supra "
    "mio jupiter satria cbr pcx aerox revo kendaraan ranmor sepmor bis bus avanza xenia "
    "vixion megapro tossa l300 colt kijang fino xride byson klx ninja grand karisma"
)
TAKEN = forms("curi colong gondol gasak embat", "di ke", "an") | w(
    "hilang ilang ical icali kecalan kelangan kemalingan kehilangan dimalingi raib digondol "
    "pendhet dipendhet dipundhut "
    "nyolong maling lenyap"
)
PERSON = w(
    "anak anakku anake anaknya adik adikku adike kakak kakakku bapakku bapake ibuku ibune "
    "simbah mbah kakek nenek suami suamiku istri istriku orang wong warga putri putra "
    "putriku putraku ponakan keponakan cucu cucuku bocah pemuda remaja siswa pelajar lansia "
    "tiyang sepuh lare anakku"
)
HIT = forms(
    "pukul gebuk hajar tampar tempeleng tendang siksa aniaya jambak cekik keplak gampar "
    "tonjok antem bogem kepruk jotos hantam pentung gebug gitik keroyok",
    "di me mem nge ke ng",
    "i in e nya an ne",
) | w(
    "mukul mukuli nampar nendang nyiksa menyiksa ngantem nyekek nyekik dicekek menghantam "
    "njotos mbogem nggebugi"
)
FAMILY = w(
    "suami suamiku suamine suaminya istri istriku istrine istrinya bojo bojoku bojone "
    "ayah ayahku ayahnya bapakku bapake bapakne bapaknya ibuku ibune ibunya mertua mertuaku "
    "mertuanya menantu tiri mantan pacar pacarku pacarnya kdrt garwa garwanipun garwane "
    "bojonipun ibuk ibu"
)
WEAPON = w("pisau celurit clurit arit sajam golok parang pedang badik keris samurai")
CHILD = w(
    "bocah bocahe lare larene bayi bayine balita murid muride siswa siswi santri santriwati "
    "anak anake anaknya anakku putra putri putrane putrine putu cucu bocil sd smp tk paud mi"
)
LIVESTOCK = forms(
    "sapi kambing wedus wedhus kebo kerbau bebek pitik jago entok mentok menthok jaran kuda "
    "domba lembu ternak ayam rajakaya lele",
    "",
    "ku ne e nya ipun",
)
# What is usually stolen: "hp ilang", "kabel dipotong", "pompa dipendhet".
THINGS = w(
    "hp handphone dompet tas laptop tv kabel aki besi tembaga pompa mesin gabah padi helm "
    "sepeda pit tabung gas perhiasan emas kalung cincin uang duit arta sandal sepatu"
)
