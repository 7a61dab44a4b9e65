"""The classifier's vocabulary: Indonesian, Javanese and chat slang, as data.

A rule is a tag (a Category value, or a signal such as "emergency" or "police"), a
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

    @property
    def window(self) -> int:
        return len(self.slots) + 3


def rule(tag: str | Category, weight: int, *slots: frozenset[str], label: str = "") -> Rule:
    name = label or "+".join(sorted(s)[0] for s in slots)
    return Rule(str(tag), weight, tuple(slots), name)


# -- shared word groups -----------------------------------------------------------------

VEHICLE = w(
    "motor motorku motore motornya montor montorku montore spm r2 r4 mobil mobilku mobile "
    "mobilnya pikap pickup truk honda yamaha suzuki kawasaki vario beat scoopy nmax supra "
    "mio jupiter satria cbr pcx aerox revo kendaraan ranmor sepmor"
)
TAKEN = forms("curi colong gondol gasak embat", "di ke", "an") | w(
    "hilang ilang kemalingan kehilangan dimalingi raib digondol nyolong maling lenyap"
)
PERSON = w(
    "anak anakku anake anaknya adik adikku adike kakak kakakku bapakku bapake ibuku ibune "
    "simbah mbah kakek nenek suami suamiku istri istriku orang wong warga putri putra "
    "putriku putraku ponakan keponakan cucu cucuku bocah pemuda remaja siswa pelajar lansia"
)
HIT = forms(
    "pukul gebuk hajar tampar tempeleng tendang siksa aniaya jambak cekik keplak gampar "
    "tonjok antem bogem",
    "di me mem nge ke ng",
    "i in e nya an ne",
) | w("mukul mukuli nampar nendang nyiksa menyiksa ngantem")
FAMILY = w(
    "suami suamiku suamine suaminya istri istriku istrine istrinya bojo bojoku bojone "
    "ayah ayahku ayahnya bapakku bapake bapakne bapaknya ibuku ibune ibunya mertua mertuaku "
    "mertuanya menantu tiri mantan pacar pacarku pacarnya kdrt"
)
WEAPON = w("pisau celurit clurit arit sajam golok parang pedang badik keris samurai")

# -- categories -------------------------------------------------------------------------

CATEGORY_RULES: tuple[Rule, ...] = (
    # theft
    rule(C.THEFT, 3, forms("maling", "ke di ny", "an i e ne nya"), label="maling"),
    rule(C.THEFT, 3, forms("curi", "pen ke di men ny", "an in kan nya ne"), label="curi"),
    rule(C.THEFT, 3, forms("colong", "di ke n ny", "an i e ne nya") | w("nyolong"), label="colong"),
    rule(C.THEFT, 3, forms("copet", "di ke pen", "an nya e"), label="copet"),
    rule(C.THEFT, 2, forms("bobol", "di ke pem", "an nya e"), label="bobol"),
    rule(C.THEFT, 2, forms("gasak gondol embat", "di"), label="gasak"),
    rule(C.THEFT, 2, w("raib kehilangan kecurian"), label="kehilangan"),
    rule(C.THEFT, 1, w("hilang ilang"), label="hilang"),
    rule(C.THEFT, 2, w("lenyap congkel dicongkel nyongkel gembok jebol"), label="dicongkel"),
    rule(C.THEFT, 2, w("diambil dijupuk digawa"), w("orang wong seseorang"), label="diambil orang"),
    # vehicle theft
    rule(C.VEHICLE_THEFT, 6, w("curanmor curanmor2"), label="curanmor"),
    rule(C.VEHICLE_THEFT, 5, VEHICLE, TAKEN, label="motor hilang"),
    rule(
        C.VEHICLE_THEFT,
        5,
        VEHICLE,
        w("dibawa digawa"),
        w("lari kabur minggat"),
        label="motor dibawa kabur",
    ),
    rule(C.VEHICLE_THEFT, 3, VEHICLE, w("tidak gak ora"), w("ada ana"), label="motor tidak ada"),
    # robbery
    rule(C.ROBBERY, 5, forms("begal", "di ke m nge pem", "an i e nya"), label="begal"),
    rule(C.ROBBERY, 5, forms("rampok", "pe per di ke nge me", "an i e nya"), label="rampok"),
    rule(C.ROBBERY, 5, forms("jambret", "di ke pen n nje men", "an nya e"), label="jambret"),
    rule(
        C.ROBBERY,
        5,
        forms("todong", "di pe pen me men", "an nya i e") | w("nodong"),
        label="todong",
    ),
    rule(C.ROBBERY, 5, forms("rampas", "di pe me pera", "an nya e"), label="rampas"),
    # traffic accident
    rule(
        C.TRAFFIC_ACCIDENT,
        5,
        w("kecelakaan celaka kecelakan kacilakan kecilakan laka lakalantas"),
        label="kecelakaan",
    ),
    rule(
        C.TRAFFIC_ACCIDENT,
        4,
        forms("tabrak", "di ke ter na", "an nya e") | w("nabrak"),
        label="tabrakan",
    ),
    rule(
        C.TRAFFIC_ACCIDENT,
        4,
        forms("serempet", "di ke ter", "an") | w("senggolan"),
        label="serempet",
    ),
    rule(
        C.TRAFFIC_ACCIDENT,
        3,
        w("terguling terbalik tergelincir nyungsep"),
        VEHICLE,
        label="terguling",
    ),
    rule(C.TRAFFIC_ACCIDENT, 3, w("jatuh tiba ceblok"), VEHICLE, label="jatuh dari motor"),
    # drugs
    rule(
        C.DRUGS,
        5,
        w(
            "narkoba narkotika narkotik nakoba sabu shabu sabusabu nyabu ganja "
            "ekstasi ekstasy inex putaw tramadol trihex trihexyphenidyl hexymer "
            "dextro dekstro psikotropika"
        ),
        label="narkoba",
    ),
    rule(C.DRUGS, 5, w("pil"), w("koplo dobel double y ekstasi"), label="pil koplo"),
    rule(C.DRUGS, 2, w("koplo pengedar"), label="koplo"),
    rule(C.DRUGS, 5, w("obat"), w("terlarang keras"), label="obat terlarang"),
    rule(C.DRUGS, 5, w("tembakau"), w("gorila gorilla sintetis"), label="tembakau gorila"),
    # domestic violence
    rule(C.DOMESTIC_VIOLENCE, 7, w("kdrt"), label="kdrt"),
    rule(
        C.DOMESTIC_VIOLENCE,
        6,
        HIT | w("kekerasan kasar ngamuk ngancam mengancam diancam"),
        FAMILY,
        label="dipukuli suami",
    ),
    rule(C.DOMESTIC_VIOLENCE, 6, w("kekerasan"), w("rumah"), w("tangga"), label="kekerasan rt"),
    # brawl
    rule(C.BRAWL, 5, w("tawuran tawur"), label="tawuran"),
    rule(C.BRAWL, 5, forms("gelut gelud", "", "an e") | w("gegeran"), label="gelut"),
    rule(
        C.BRAWL,
        5,
        forms("keroyok", "di pe nge ng ke", "an i e") | w("pengeroyokan"),
        label="keroyok",
    ),
    rule(
        C.BRAWL,
        3,
        w(
            "perkelahian berkelahi kelahi bertengkar pertengkaran tarung "
            "bentrok bentrokan kerusuhan rusuh carok"
        ),
        label="perkelahian",
    ),
    rule(C.BRAWL, 5, w("perang"), w("sarung"), label="perang sarung"),
    rule(C.BRAWL, 2, w("antar"), w("kampung desa perguruan kelompok geng suporter"), label="antar"),
    # violence
    rule(
        C.VIOLENCE,
        5,
        forms("aniaya", "pe di me meng ng peng", "an") | w("penganiayaan"),
        label="aniaya",
    ),
    rule(C.VIOLENCE, 5, forms("bacok", "di ke mem m", "an i"), label="bacok"),
    rule(C.VIOLENCE, 5, forms("tusuk", "di ke me pe pen", "an") | w("nusuk"), label="tusuk"),
    rule(C.VIOLENCE, 5, forms("bunuh", "di pem mem ter", "an"), label="bunuh"),
    rule(C.VIOLENCE, 4, w("mayat jenazah"), label="mayat"),
    rule(C.VIOLENCE, 3, w("orang wong warga"), w("mati tewas meninggal"), label="orang mati"),
    rule(
        C.VIOLENCE,
        5,
        forms("tembak", "di ke ter", "an") | w("penembakan menembak penembak"),
        label="tembak",
    ),
    rule(C.VIOLENCE, 3, HIT, label="pukul"),
    rule(
        C.VIOLENCE,
        5,
        forms("perkosa", "di pe pem mem", "an")
        | forms("cabul", "di pen men", "i an")
        | w("pelecehan dilecehkan rudapaksa"),
        label="pelecehan",
    ),
    rule(C.VIOLENCE, 5, forms("culik", "di pen men", "an") | w("nyulik"), label="culik"),
    rule(C.VIOLENCE, 3, forms("ancam", "di peng meng ng", "an i"), label="ancam"),
    rule(C.VIOLENCE, 2, WEAPON, label="senjata"),
    rule(C.VIOLENCE, 2, w("luka berdarah"), label="luka"),
    # gambling
    rule(
        C.GAMBLING,
        5,
        forms("judi", "per ber pen", "an") | w("judol togel kopyok capjiki taruhan gaple"),
        label="judi",
    ),
    rule(C.GAMBLING, 5, w("sabung adu"), w("ayam jago"), label="sabung ayam"),
    rule(C.GAMBLING, 3, w("sabung dadu slot remi domino"), label="sabung"),
    # alcohol
    rule(C.ALCOHOL, 5, w("miras tuak oplosan congyang arak ciu"), label="miras"),
    rule(C.ALCOHOL, 4, forms("mabuk mabok", "", "an") | w("mendem"), label="mabuk"),
    rule(C.ALCOHOL, 5, w("minuman"), w("keras"), label="minuman keras"),
    rule(C.ALCOHOL, 4, w("anggur"), w("merah"), label="anggur merah"),
    rule(C.ALCOHOL, 2, w("bir ngombe"), label="bir"),
    # illegal racing
    rule(
        C.ILLEGAL_RACING,
        6,
        forms("balap", "", "an") | w("balapliar"),
        w("liar"),
        label="balap liar",
    ),
    rule(C.ILLEGAL_RACING, 4, forms("balap", "", "an"), label="balapan"),
    rule(C.ILLEGAL_RACING, 5, w("trek trekan trektrekan treknya"), label="trek-trekan"),
    rule(
        C.ILLEGAL_RACING,
        3,
        forms("kebut", "nge", "an") | w("ugal ugalan geber"),
        label="kebut-kebutan",
    ),
    # flood and other natural disasters
    rule(C.FLOOD, 5, forms("banjir", "ke", "an") | w("bandang"), label="banjir"),
    rule(
        C.FLOOD,
        3,
        w("meluap luapan tanggul longsor tenggelam hanyut keli kelelep terseret tergenang"),
        label="meluap",
    ),
    rule(C.FLOOD, 4, w("air banyu"), w("naik munggah masuk"), label="air naik"),
    rule(C.FLOOD, 4, w("puting angin"), w("beliung kencang ribut"), label="puting beliung"),
    rule(C.FLOOD, 3, w("pohon wit"), w("tumbang ambruk roboh"), label="pohon tumbang"),
    # fire
    rule(
        C.FIRE,
        5,
        forms("bakar", "ke ter di mem", "an") | forms("kobong", "", "an"),
        label="kebakaran",
    ),
    rule(C.FIRE, 4, w("meledak ledakan mbledos hangus"), label="meledak"),
    rule(C.FIRE, 2, w("api geni korsleting konslet damkar pemadam"), label="api"),
    rule(C.FIRE, 1, w("asap"), label="asap"),
    # extortion
    rule(C.EXTORTION, 6, w("pungli"), label="pungli"),
    rule(C.EXTORTION, 5, w("pungutan"), w("liar"), label="pungutan liar"),
    rule(C.EXTORTION, 5, forms("palak", "di pe me pem", "an") | w("malak"), label="palak"),
    rule(
        C.EXTORTION,
        5,
        forms("peras", "di", "an") | w("meras memeras pemeras pemerasan"),
        label="peras",
    ),
    rule(C.EXTORTION, 4, w("uang duit"), w("keamanan"), label="uang keamanan"),
    rule(C.EXTORTION, 4, w("parkir jukir"), w("liar"), label="parkir liar"),
    rule(
        C.EXTORTION,
        2,
        w("minta dimintai njaluk jaluk dimintain"),
        w("uang duit jatah"),
        label="minta uang",
    ),
    rule(C.EXTORTION, 2, w("pungutan setoran preman"), label="pungutan"),
    # fraud
    rule(
        C.FRAUD,
        5,
        forms("tipu", "pe di ke me pen", "an")
        | w("penipuan penipu nipu ketipu scam scammer phising phishing hipnotis gendam"),
        label="penipuan",
    ),
    rule(
        C.FRAUD,
        4,
        forms("apus", "di ng", "i an") | w("bodong pinjol diretas dihack hacker"),
        label="diapusi",
    ),
    rule(C.FRAUD, 4, w("pinjaman"), w("online"), label="pinjaman online"),
    rule(C.FRAUD, 3, w("otp apk"), label="otp"),
    rule(
        C.FRAUD,
        4,
        w("ngaku mengaku ngakunya"),
        w("polisi petugas anggota saudara bank"),
        label="mengaku",
    ),
    rule(C.FRAUD, 4, w("gadungan palsu"), label="gadungan"),
    rule(C.FRAUD, 2, w("transfer rekening undian arisan olshop"), label="transfer"),
    rule(C.FRAUD, 3, w("tidak gak ga ora belum"), w("dikirim"), label="barang tidak dikirim"),
    # missing person
    rule(C.MISSING_PERSON, 5, PERSON, w("hilang ilang menghilang"), label="orang hilang"),
    rule(
        C.MISSING_PERSON,
        4,
        w("belum tidak gak ga ora durung nggak blm tdk"),
        w("pulang mulih"),
        label="belum pulang",
    ),
    rule(C.MISSING_PERSON, 4, w("minggat"), label="minggat"),
    rule(
        C.MISSING_PERSON,
        3,
        w("belum tidak gak durung ora"),
        w("kembali bali"),
        label="belum kembali",
    ),
    rule(C.MISSING_PERSON, 3, w("tidak gak ora belum"), w("kabar"), label="tidak ada kabar"),
    rule(C.MISSING_PERSON, 4, w("kabur"), w("rumah omah"), label="kabur dari rumah"),
    rule(C.MISSING_PERSON, 4, w("hilang"), w("kontak"), label="hilang kontak"),
    # public order
    rule(
        C.PUBLIC_ORDER,
        3,
        w(
            "keributan ribut rusuh onar meresahkan resah meresahke "
            "berisik bising mengganggu ngganggu provokator"
        ),
        label="keributan",
    ),
    rule(C.PUBLIC_ORDER, 4, w("horeg petasan mercon odgj vandalisme"), label="petasan"),
    rule(C.PUBLIC_ORDER, 4, w("orang wong"), w("gila edan stres"), label="orang gila"),
    rule(
        C.PUBLIC_ORDER, 3, forms("amuk", "ng meng", "") | w("mencurigakan curiga"), label="ngamuk"
    ),
    rule(C.PUBLIC_ORDER, 4, w("geng"), w("motor"), label="geng motor"),
    rule(C.PUBLIC_ORDER, 3, w("knalpot brong brung"), label="knalpot brong"),
    rule(C.PUBLIC_ORDER, 3, w("musik sound"), w("keras kenceng banter"), label="musik keras"),
    rule(C.PUBLIC_ORDER, 3, w("coret corat pilox grafiti"), label="corat-coret"),
    rule(C.PUBLIC_ORDER, 2, w("preman nongkrong kenakalan"), label="preman"),
    # services
    rule(C.SERVICE_SKCK, 8, w("skck"), label="skck"),
    rule(C.SERVICE_SKCK, 8, w("kelakuan"), w("baik"), label="surat kelakuan baik"),
    rule(C.SERVICE_SKCK, 6, w("catatan"), w("kepolisian"), label="catatan kepolisian"),
    rule(C.SERVICE_SIM, 6, w("sim sima simc simb simd simb1 simb2 satpas simling"), label="sim"),
    rule(C.SERVICE_OTHER, 8, w("surat"), w("kehilangan"), label="surat kehilangan"),
    rule(C.SERVICE_OTHER, 3, w("laporan lapor"), w("kehilangan"), label="lapor kehilangan"),
    rule(C.SERVICE_OTHER, 6, w("izin ijin"), w("keramaian"), label="izin keramaian"),
    rule(C.SERVICE_OTHER, 4, w("stnk bpkb samsat tilang ditilang etle pengawalan"), label="stnk"),
    rule(C.SERVICE_OTHER, 4, w("surat"), w("keterangan"), label="surat keterangan"),
    # information and advice
    rule(
        C.INFORMATION,
        2,
        w(
            "info informasi infonya tanya nanya bertanya takon tanyakan "
            "konsultasi saran solusi syarat persyaratan syaratnya caranya "
            "prosedur"
        ),
        label="tanya",
    ),
    rule(
        C.INFORMATION,
        1,
        w("cara bagaimana gimana piye kepriye berapa biaya apakah jam"),
        label="bagaimana",
    ),
)

# Categories in order of precedence when scores tie (the more serious first).
PRECEDENCE: tuple[Category, ...] = (
    C.VIOLENCE, C.ROBBERY, C.DOMESTIC_VIOLENCE, C.FIRE, C.BRAWL, C.TRAFFIC_ACCIDENT,
    C.MISSING_PERSON, C.VEHICLE_THEFT, C.THEFT, C.DRUGS, C.FLOOD, C.GAMBLING, C.ALCOHOL,
    C.ILLEGAL_RACING, C.EXTORTION, C.FRAUD, C.PUBLIC_ORDER, C.OFFICER_CONDUCT,
    C.SERVICE_SKCK, C.SERVICE_SIM, C.SERVICE_OTHER, C.INFORMATION, C.OTHER,
)  # fmt: skip

# -- signals ----------------------------------------------------------------------------

EMERGENCY = "emergency"  # life in danger or a crime in progress, on its own
DISTRESS = "distress"  # a cry for help: emergency together with a dangerous category
PRESENT = "present"  # it is happening now
PAST = "past"  # it happened before
DEATH = "death"

SIGNAL_RULES: tuple[Rule, ...] = (
    rule(
        EMERGENCY,
        1,
        forms("todong", "di", "")
        | forms("bacok", "di ke", "")
        | WEAPON
        | w(
            "berdarah getihen ditusuk nusuk pistol senpi ditembak penembakan tembakan sekarat "
            "kritis pingsan darurat gawat disandera diculik tenggelam hanyut kelelep terseret "
            "terjebak terjepit evakuasi kebakaran terbakar kobong kobongan meledak sajam"
        ),
        label="bahaya",
    ),
    rule(EMERGENCY, 1, w("senjata"), w("tajam api"), label="senjata"),
    rule(
        EMERGENCY,
        1,
        w("tidak gak ga ora nggak"),
        w("sadar napas nafas bernapas bernafas ambegan"),
        label="tidak sadar",
    ),
    rule(
        EMERGENCY,
        1,
        w("mau arep"),
        forms("bunuh bacok tusuk", "di mem", ""),
        label="mau dibunuh",
    ),
    rule(EMERGENCY, 1, w("bunuh gantung"), w("diri"), label="bunuh diri"),
    rule(EMERGENCY, 1, w("lagi sedang masih"), w("terjadi berlangsung"), label="lagi terjadi"),
    rule(EMERGENCY, 1, w("luka"), w("parah serius"), label="luka parah"),
    rule(
        DISTRESS,
        1,
        w("tolong tulung toloong help cepat cepet cepetan segera buruan lekas ndang"),
        label="tolong",
    ),
    rule(
        PRESENT,
        1,
        w("sekarang skrg skrng saiki sekarng sedang barusan ngamuk dikejar kejar"),
        label="sekarang",
    ),
    rule(PRESENT, 1, w("saat"), w("ini"), label="saat ini"),
    rule(
        PRESENT,
        1,
        w("ada ana ono onok enek"),
        forms("maling", "", "") | w("begal rampok jambret copet"),
        label="ada maling",
    ),
    rule(
        PAST, 1, w("kemarin kemaren kmrn kmarin wingi semalam dulu tadi td biyen"), label="kemarin"
    ),
    rule(
        PAST,
        1,
        w("minggu bulan tahun hari malam"),
        w("lalu kemarin kepungkur wingi"),
        label="minggu lalu",
    ),
    rule(PAST, 1, w("kapan"), w("hari"), label="kapan hari"),
    rule(DEATH, 1, w("mati meninggal tewas modar"), label="meninggal"),
)

# -- about a police officer --------------------------------------------------------------

POLICE = w(
    "polisi polsek polres polda polri kepolisian bhabin babin bhabinkamtibmas babinkamtibmas "
    "kapolsek kapolres kanit kasat reskrim polantas provos intel buser polwan brimob sabhara "
    "aparat bripka brigadir aiptu aipda bripda briptu bripol brigpol ipda iptu akp pol"
)
OKNUM = w("oknum")
NOT_POLICE = w(
    "ormas desa perangkat pegawai dinas pejabat guru lsm wartawan satpol pns kades lurah "
    "camat tni dishub"
)
# Corruption: counts wherever a police officer is the subject of the message.
MONEY = w(
    "pungli suap disuap nyuap sogok disogok nyogok backing beking membekingi dibekingi "
    "calo imbalan setoran pungutan peras memeras diperas pemerasan meras palak malak "
    "dipalak"
)
MONEY_PHRASES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (w("minta dimintai njaluk jaluk dimintain meminta"), w("uang duit jatah imbalan rokok")),
    (w("uang duit"), w("damai rokok bensin")),
    (w("salam"), w("tempel")),
    (w("damai"), w("ditempat tempat")),
    (w("nembak"), w("sim")),
)
# Neglect: counts even when the officer is only the one the citizen reported to.
NEGLECT_PHRASES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        w("tidak gak ga ora nggak blm belum tdk ndak"),
        w(
            "ditanggapi direspon direspons merespon merespons menanggapi diproses memproses "
            "ditindaklanjuti menindaklanjuti datang teko dilayani digubris diurus profesional "
            "peduli bertindak"
        ),
    ),
    (w("laporan laporanku"), w("ditolak diabaikan mandek dicuekin")),
    (w("menolak nolak"), w("laporan")),
)
NEGLECT = w("dicuekin cuek lambat lamban diabaikan dibiarkan")
# Abuse: counts only close to a police officer named as the subject.
ABUSE = HIT | w(
    "kasar arogan bentak membentak dibentak ancam mengancam diancam intimidasi "
    "mabuk mabok judi selingkuh semena sewenang kurang sopan nakal"
)
# "lagi"/"masih" mean "now" before a verb or a place ("lagi dipukuli", "lagi ada maling"),
# "again"/"still" after one ("dicuri lagi").
NOW_BEFORE_VERB = w("lagi masih")
VERB_PREFIXES = ("di", "me", "ng", "ny", "ke", "ter", "ber")
NOW_NEXT_WORDS = w("ada ana ono onok enek terjadi berlangsung rame ramai ngamuk gelut")
PLACE_NEXT_WORDS = w("di neng nang ning disini disana")
VOCATIVE_BEFORE = w(
    "pak bapak bu ibu mas mbak yth halo hallo assalamualaikum pagi siang sore malam selamat"
)
VOCATIVE_AFTER = w(
    "tolong tulung mohon saya aku kulo kami ada nyuwun izin ijin mau bantu lapor help permisi"
)
REPORTED_TO = w("lapor melapor laporkan dilaporkan ke hubungi panggil telpon telepon nelpon")
IMPERSONATION = w("ngaku mengaku ngakunya gadungan palsu menyamar")
