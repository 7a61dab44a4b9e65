"""Signals the classifier reads besides the category: danger, a cry for help, now or
before, death; and the words that tell a complaint about a police officer.
"""

from __future__ import annotations

from services.router.domain.rules_base import HIT, WEAPON, Rule, forms, rule, w

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
