"""Rules for nature and the environment: floods, other natural disasters, fire and crimes
against the environment (logging, mining, waste, electro-fishing, protected animals).
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import Rule, forms, rule, w

C = Category

NATURE_RULES: tuple[Rule, ...] = (
    # flood and other natural disasters
    rule(C.FLOOD, 5, forms("banjir", "ke", "an") | w("bandang kelep kelebon"), label="banjir"),
    rule(
        C.FLOOD,
        3,
        w("meluap luapan tanggul tenggelam hanyut keli kelelep terseret tergenang"),
        label="meluap",
    ),
    rule(
        C.FLOOD,
        4,
        w("air banyu toya banyune toyane airnya"),
        w("naik munggah masuk minggah mlebet mlebu"),
        label="air naik",
    ),
    # fire
    rule(
        C.FIRE,
        6,
        forms("bakar", "ke ter di mem", "an") | forms("kobong", "", "an"),
        label="kebakaran",
    ),
    rule(C.FIRE, 4, w("meledak ledakan mbledos hangus"), label="meledak"),
    rule(C.FIRE, 2, w("api geni korsleting konslet damkar pemadam"), label="api"),
    rule(C.FIRE, 1, w("asap"), label="asap"),
    # natural disasters other than floods
    rule(
        C.DISASTER, 6, w("longsor longsoran lindu gempa ambles amblas kekeringan"), label="longsor"
    ),
    rule(
        C.DISASTER,
        6,
        w("puting angin lesus"),
        w("beliung kencang kenceng ribut gedhe gede banter"),
        label="puting beliung",
    ),
    rule(C.DISASTER, 5, w("pohon wit"), w("tumbang ambruk roboh rubuh"), label="pohon tumbang"),
    rule(
        C.DISASTER,
        6,
        w("petir bledheg gludug geledek"),
        w("samber disambar kesamber tersambar nyamber"),
        label="disambar petir",
    ),
    rule(
        C.DISASTER, 3, w("jembatan tanggul"), w("putus ambruk roboh ambrol"), label="jembatan putus"
    ),
    rule(C.DISASTER, 4, w("tanah lemah"), w("retak gerak bergerak ambles"), label="tanah retak"),
    rule(C.DISASTER, 4, w("ketimbun tertimbun kelindes ketiban tertimpa"), label="tertimbun"),
    rule(C.DISASTER, 4, w("sumur air banyu"), w("kering asat bersih resik"), label="kekeringan"),
    # crimes against the environment
    rule(
        C.ENVIRONMENTAL_CRIME,
        8,
        forms("balak", "pem di", "an") | w("illegal logging"),
        label="pembalakan",
    ),
    rule(
        C.ENVIRONMENTAL_CRIME,
        6,
        forms("tebang tebas", "di", "an")
        | w("nebang negor ditegor menebang penebangan nebangi ditegori")
        | w("nyolong nyuri dicolong dicuri colong curi"),
        w("kayu kajeng jati pohon wit sono mahoni") | w("alas hutan perhutani"),
        w("alas hutan perhutani liar ilegal truk petak"),
        label="tebang liar",
    ),
    rule(
        C.ENVIRONMENTAL_CRIME,
        6,
        forms("tambang galian", "pe", "an")
        | w(
            "penambangan menambang nambang sedot pasir sumur ngebor pengeboran penggalian "
            "eskavator ekskavator beko bego"
        ),
        w("ilegal liar izin ijin dewe mesin"),
        label="tambang ilegal",
    ),
    rule(C.ENVIRONMENTAL_CRIME, 6, w("limbah limbahe limbahnya"), label="limbah"),
    rule(
        C.ENVIRONMENTAL_CRIME,
        6,
        forms("cemar", "pen ter di men", "an i") | w("racun tuba"),
        label="pencemaran",
    ),
    rule(
        C.ENVIRONMENTAL_CRIME,
        4,
        w("sampah"),
        w("buang dibuang mbuang membuang"),
        w("kali sungai bengawan kalen"),
        label="buang sampah ke kali",
    ),
    rule(C.ENVIRONMENTAL_CRIME, 6, w("bom setrum"), w("ikan iwak"), label="bom ikan"),
    rule(
        C.ENVIRONMENTAL_CRIME,
        6,
        forms("setrum strum potas portas", "di", "") | w("nyetrum nyetrom"),
        w("iwak ikan kali sungai"),
        label="setrum ikan",
    ),
    rule(
        C.ENVIRONMENTAL_CRIME,
        6,
        w("satwa lutung manuk burung kewan"),
        w("dilindungi lindhungi dilindhungi langka buru diburu mbedhil ditembak"),
        label="satwa",
    ),
    rule(
        C.ENVIRONMENTAL_CRIME,
        7,
        forms("bakar obong", "pem di m mem ng", "an") | w("kobong"),
        w("lahan semak hutan alas gambut tebu jerami"),
        label="membakar lahan",
    ),
)
