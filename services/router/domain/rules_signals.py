"""Signals the classifier reads besides the category: danger, a cry for help, now or
before, death; and the words that tell a complaint about a police officer.
"""

from __future__ import annotations

from services.router.domain.rules_base import HIT, WEAPON, Rule, forms, rule, w

# -- signals ----------------------------------------------------------------------------

EMERGENCY = "emergency"  # life in danger or a crime in progress, on its own
DISTRESS = "distress"  # a cry for help: emergency together with a dangerous category
PRESENT = "present"  # it is happening now (overrides words of the past)
PRESENT_WEAK = "present_weak"  # "ada maling": now, unless the text says when it was
PAST = "past"  # it happened before
DONE = "done"  # it is over: "sudah diamankan", "wis mati", "sampun ngungsi"
DEATH = "death"
AT_RISK = "at_risk"  # someone trapped, missing, not yet evacuated or found
VULNERABLE = "vulnerable"  # a child, an elderly, disabled or confused person
BURNING = "burning"  # a fire: an emergency when the report is about a fire
SINCE = "since"  # "wiwit wau", "sejak kemarin": began before and still goes on
NOW_DONE = "now_done"  # "saiki wis ...", "sekarang sudah ...": now it is over, not going on
SUICIDE = "suicide"  # someone says they will end their life: an emergency whenever said

_NOT = w("tidak gak ga ora nggak gk tdk ra blm belum durung dereng mboten ndak")
_HURT = w(
    "berdarah getihen getihe getih ditusuk nusuk pistol senpi ditembak penembakan tembakan "
    "sekarat kritis pingsan semaput kejang kejangkejang overdosis darurat gawat disandera "
    "diculik disekap tenggelam hanyut kelelep kecemplung nyemplung keseret terseret terjebak "
    "terjepit kejepit ketimbun tertimbun meledak sajam bedhil pentungan jantungan sesak sesek "
    "keracunan kesetrum tersetrum tersengat kintir klelep bersimbah sekarat linggis senapan "
    "bedil disandera kejebak kejeblos terperosok stroke lemas"
)

# "sudah diamankan", "wis mati", "sampun ngungsi": over, unless negated in between.
DONE_FIRST = w("sudah udah udh wis wes uwis sampun")
DONE_STATE = w(
    "diamankan ditangkap ketangkep tertangkap mati padam dipadamkan ngungsi mengungsi "
    "diungsikan dievakuasi selamat aman dibawa digawa diobati diperiksa rukun ketemu "
    "ditemukan kapanggih kepanggih mulih pulang wangsul kondur"
)
NEGATION = _NOT

SIGNAL_RULES: tuple[Rule, ...] = (
    rule(
        EMERGENCY,
        1,
        forms("todong", "di", "") | forms("bacok", "di ke", "") | WEAPON | _HURT,
        label="bahaya",
    ),
    rule(EMERGENCY, 1, w("senjata"), w("tajam api"), label="senjata"),
    rule(
        EMERGENCY,
        1,
        _NOT | w("tak"),  # "tak sadarkan diri"
        w("sadar sadarkan napas nafas bernapas bernafas ambegan obah bangun tangi"),
        label="tidak sadar",
    ),
    rule(
        EMERGENCY,
        1,
        w("sirah sirahe sirahipun kepala kepalane"),
        w("bocor pecah"),
        label="luka kepala",
    ),
    rule(
        EMERGENCY,
        1,
        w("mau arep bade badhe"),
        forms("bunuh bacok tusuk pateni", "di mem m", ""),
        label="mau dibunuh",
    ),
    rule(SUICIDE, 1, w("bunuh gantung"), w("diri dhiri"), label="bunuh diri"),
    rule(
        SUICIDE,
        1,
        w("mungkasi mengakhiri nyudahi"),
        w("gesang gesangipun hidup urip nyawa"),
        label="mengakhiri hidup",
    ),
    rule(SUICIDE, 1, w("mending mendingan luwih"), w("mati modar"), label="mending mati"),
    rule(SUICIDE, 1, w("pamit pamitan"), w("kuat tali"), label="pamitan"),
    rule(SUICIDE, 1, w("kuat betah"), w("urip hidup"), label="tidak kuat hidup"),
    rule(SUICIDE, 1, w("wasiat"), label="surat wasiat"),
    rule(SUICIDE, 1, w("wedi takut khawatir kuatir ajrih"), w("nekat"), label="takut nekat"),
    rule(EMERGENCY, 1, w("dibawa digawa digowo dijak diajak"), w("paksa"), label="dibawa paksa"),
    rule(EMERGENCY, 1, w("lagi sedang masih"), w("terjadi berlangsung"), label="lagi terjadi"),
    rule(
        EMERGENCY,
        1,
        w("anak anakku anake bocah lare adik adikku adek adekku putri putra"),
        w("digowo digawa dibawa dijak diajak"),
        w("dikenal asing"),
        label="anak dibawa orang asing",
    ),
    rule(EMERGENCY, 1, w("luka"), w("parah serius"), label="luka parah"),
    rule(
        EMERGENCY,
        1,
        w("ngamuk mengamuk ngamuke"),
        w("mbalangi balang melempar lempar mecahi pecah ngrusak merusak nggowo mbekta membawa"),
        label="ngamuk merusak",
    ),
    rule(
        EMERGENCY,
        1,
        w("bensin jerigen"),
        forms("obong bakar", "di ng m mem", "") | w("ngobong"),
        label="mau dibakar",
    ),
    rule(
        EMERGENCY,
        1,
        w("kebakaran terbakar kobongan"),
        w("omah rumah griya wong orang tiyang"),
        label="kebakaran rumah",
    ),
    rule(
        AT_RISK,
        1,
        _NOT,
        forms("evakuasi entas ungsi", "di ng me meng", "ne ke kan")
        | w("metu keluar medal mentas"),  # "durung iso metu"
        label="belum dievakuasi",
    ),
    rule(
        AT_RISK,
        1,
        _NOT,
        w("ketemu ditemukan kapanggih kepanggih wangsul mulih pulang kondur bali"),
        label="belum ketemu",
    ),
    rule(
        AT_RISK,
        1,
        w("isih masih taksih msh sik"),
        w("njero jero dalam nduwur genteng atap salebeting omah rumah griya lantai"),
        label="masih di dalam",
    ),
    rule(AT_RISK, 1, w("ketiban tertimpa ketimpa"), label="tertimpa"),
    rule(EMERGENCY, 1, w("merambat menjalar ngrembet mendekati nyedaki"), label="api merambat"),
    rule(BURNING, 1, w("kebakaran terbakar kobong kobongan murub"), label="kebakaran"),
    rule(
        VULNERABLE,
        1,
        w(
            "anak anakku anake bocah bocahe lare bayi balita bocil "
            "lansia pikun demensia kesupen pikunen tunawicara tunarungu odgj lumpuh hamil stroke "
            "autis disabilitas difabel tunagrahita "
            "simbah mbah mbahku sepuh yuswa jiwa jiwanipun"
        ),
        label="rentan",
    ),
    rule(
        DISTRESS,
        1,
        w("tolong tulung toloong tlg help cepetan buruan lekas ndang"),
        label="tolong",
    ),
    rule(
        PRESENT,
        1,
        w(
            "sekarang skrg skrng saiki sekarng sedang barusan ngamuk dikejar kejar sakmenika "
            "sakniki saniki nembe"
        ),
        label="sekarang",
    ),
    rule(PRESENT, 1, w("saat"), w("ini"), label="saat ini"),
    rule(PRESENT, 1, w("baru"), w("saja wae aja mawon"), label="baru saja"),
    rule(
        NOW_DONE,
        1,
        w("saiki sekarang skrg sakmenika sakniki"),
        w("wis wes sudah udah udh sampun dirawat opname diopname trauma takut wedi ajrih"),
        label="saiki wis",
    ),
    rule(
        PRESENT_WEAK,
        1,
        w("ada ana ono onok enek wonten"),
        forms("maling", "", "e ipun") | w("begal rampok jambret copet"),
        label="ada maling",
    ),
    rule(
        PAST,
        1,
        w("kemarin kemaren kmrn kmarin wingi semalam dulu tadi td biyen wau mbiyen"),
        label="kemarin",
    ),
    rule(
        PAST,
        1,
        w(
            "minggu bulan tahun hari malam wulan taun dinten dino pekan seminggu sebulan "
            "setahun waktu"
        ),
        w("lalu kemarin kepungkur wingi kapungkur"),
        label="minggu lalu",
    ),
    rule(PAST, 1, w("mau"), w("bengi sore isuk esuk awan subuh"), label="mau bengi"),
    rule(PAST, 1, w("dalu"), w("wau"), label="dalu wau"),
    rule(
        PAST,
        1,
        w("senin selasa rabu kamis jumat sabtu"),
        w("malam kemarin lalu sore pagi siang dalu bengi wingi kepungkur"),
        label="senin malam",
    ),
    rule(PAST, 1, w("kapan"), w("hari"), label="kapan hari"),
    rule(
        SINCE,
        1,
        w("wiwit sejak ket kawit mulai"),
        w("wau tadi td wingi kemarin kemaren kmrn subuh isuk esuk enjing"),
        label="sejak tadi",
    ),
    rule(DEATH, 1, w("mati meninggal tewas modar"), label="meninggal"),
)

# -- about a police officer --------------------------------------------------------------

POLICE = w(
    "polisi polsek polres polda polri kepolisian bhabin babin bhabinkamtibmas babinkamtibmas "
    "kapolsek kapolres kanit kasat reskrim polantas provos intel buser polwan brimob sabhara "
    "aparat bripka brigadir aiptu aipda bripda briptu bripol brigpol ipda iptu akp pol "
    "polisine polisinya polisinipun bhabine babine petugasipun satlantas propam 110 kanitreskrim "
    "kapolsekipun provost spkt"
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
    (
        w("minta dimintai njaluk jaluk dimintain meminta nyuwun"),
        w("uang duit jatah imbalan rokok arta artanipun damai biaya amplop"),
    ),
    (w("uang duit arta"), w("damai rokok bensin")),
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
            "peduli bertindak digagas diangkat ditanggepin dibales dibalas respon tindakan "
            "perkembangan kejelasan kelanjutan dicatet dicatat tanggung"
        ),
    ),
    (w("tau pernah"), w("teko datang rawuh dateng ana")),
    (w("urus golekana goleki cari"), w("dewe dhewe sendiri")),
    (w("laporan laporanku laporane"), w("ditolak tolak diabaikan mandek dicuekin")),
    (w("menolak nolak"), w("laporan")),
)
NEGLECT = w(
    "dicuekin cuek lambat lamban diabaikan dibiarkan dipersulit mempersulit berbelit "
    "dioper dilempar bertele"
)
# Abuse: counts only close to a police officer named as the subject.
ABUSE = HIT | w(
    "kasar arogan bentak membentak dibentak ancam mengancam diancam intimidasi "
    "mabuk mabok judi selingkuh semena sewenang kurang sopan nakal mengintimidasi memihak "
    "taruhan marah marahmarah nesu ngguyu diguyu ngece ngebut ugal"
)
# A complaint said as one: "komplain", "mengadukan".
COMPLAINT = w("komplain complain mengadukan mengadu ngadu keberatan kecewa kekecewaan")
# "lagi"/"masih" mean "now" before a verb or a place ("lagi dipukuli", "lagi ada maling"),
# "again"/"still" after one ("dicuri lagi").
NOW_BEFORE_VERB = w("lagi masih isih taksih msh lg")
# What a victim still feels or undergoes afterwards: "masih trauma", "isih dirawat".
AFTERMATH = w(
    "trauma ketakutan takut wedi sakit dirawat opname diopname syok shock lemas memar bengkak "
    "kepikiran nangis bingung belum blm durung dereng diulang diulangi berulang sering"
)
VERB_PREFIXES = ("di", "me", "ng", "ny", "ke", "ter", "ber")
NOW_NEXT_WORDS = w("ada ana ono onok enek terjadi berlangsung rame ramai ngamuk gelut")
PLACE_NEXT_WORDS = w("di neng nang ning ndek wonten ing ten disini disana")
VOCATIVE_BEFORE = w(
    "pak bapak bu ibu mas mbak yth halo hallo assalamualaikum pagi siang sore malam selamat"
)
VOCATIVE_AFTER = w(
    "tolong tulung mohon saya aku kulo kami ada nyuwun izin ijin mau bantu lapor help permisi"
)
REPORTED_TO = w("lapor melapor laporkan dilaporkan ke hubungi panggil telpon telepon nelpon")
IMPERSONATION = w("ngaku mengaku ngakunya gadungan palsu menyamar bukan dudu")
