"""Messages that talk to the police without reporting anything new, at any length.

`detect_intent` asks these before it takes a message for a report:
- `asks_bhabin`: who the village's Bhabin is or how to reach them ("siapa bhabin desa X",
  "nyuwun nomere pak bhabin", "Bhabin Tembeling menika sinten?");
- `asks_progress`: how a report already made stands ("laporanku wingi piye kelanjutane",
  "bagaimana perkembangan laporan kami");
- `withdraws`: a report taken back ("badhe nyabut laporan", "mencabut laporan");
- `brings_news`: news about a report already made: the missing came home, the stolen thing
  was found ("wis ketemu", "sampun wangsul", "sudah ditemukan"), or more details
  ("tambahan", "menindaklanjuti laporan");
- `thanks_only`: gratitude, however long, that asks for nothing new;
- `greets_only`: a greeting, wishes or an introduction that carries no report.
Each takes the message's normalised words and its classification, so that a message that
also reports a crime or an emergency stays a report.
"""

from __future__ import annotations

from itertools import pairwise

from contracts.hierarchy import Category
from services.router.domain.classify import Classification
from services.router.domain.urgency import NOT_A_CRIME

BHABIN = frozenset(
    "bhabin babin bhabinkamtibmas babinkamtibmas binmas bhabinkantibmas bhabinnya babinnya "
    "bhabine babine bhabinipun bhabinkamtibmasnya bhabinkamtibmase".split()
)
WHO_OR_CONTACT = frozenset(
    "siapa siapakah sopo sapa sinten nomor nomer no nomere nomornya nomernya nomeripun kontak "
    "wa hp telp telepon nama namanya jenenge asmanipun asmane kenalan kontake alamat alamate "
    "kantor pundi endi ngendi hubungi menghubungi dihubungi sowan bertemu handphone hape "
    "whatsapp telpon mana dimana kenal pirsa".split()  # "nyuwun pirsa": may I know (krama)
)
REPORT_WORDS = frozenset(
    "laporan laporanku laporane laporanipun lapuran aduan aduanku pengaduan laporke laporkan "
    "laporaken lapor".split()
)
MY_REPORT = frozenset(
    "laporan laporanku laporane laporanipun aduan aduanku pengaduan laporke kasus kasusnya "
    "kasuse perkara perkarane perkawis".split()
)
HOW = frozenset("cara carane caranya surat".split())
SERVICES = frozenset(
    {Category.SERVICE_SKCK, Category.SERVICE_SIM, Category.SERVICE_OTHER, Category.INFORMATION}
)
PROGRESS = frozenset(
    "piye gimana gmn bagaimana pripun kepriye kelanjutan kelanjutane kelanjutanipun "
    "kelanjutannya perkembangannya perkembanganipun "
    "perkembangan perkembangane progres kabar kabare kabarnya kabaripun tindak tindaklanjut "
    "ditindaklanjuti sampai sampe kapan".split()
)
WITHDRAW = frozenset("nyabut mencabut dicabut cabut mbatalke membatalkan".split())
DONE = frozenset("sudah udah udh wis wes uwis sampun".split())
FOUND = frozenset(
    "ketemu ketemune ditemukan ditemokke ditemokake ditemokaken kapanggih kepanggih "
    "dipanggihaken mulih pulang wangsul kondur bali balik kembali ketangkep ditangkap "
    "tertangkap diamankan".split()
)
NEGATION = frozenset("tidak gak ga ora nggak gk tdk ra blm belum durung dereng mboten".split())
MORE = frozenset("tambahan tambahane imbuhan menindaklanjuti nambahi".split())
THANKS = frozenset(
    "makasih makasi maksih trims trimakasih terimakasih thanks thank thx tq ty tengkyu "
    "suwun maturnuwun matursuwun nuwun kasih kesuwun mksh trmksh terimaksih tks maacih "
    "hatur nuhun mkasih makasihh".split()
)
THANKS_PHRASES = (
    ("terima", "kasih"), ("matur", "nuwun"), ("matur", "suwun"), ("hatur", "nuhun"),
    ("sembah", "nuwun"), ("trima", "kasih"), ("terima", "ksh"), ("mtur", "nuwun"),
)  # fmt: skip
# Words of a request: a message that thanks and asks for something is a report.
REQUEST = frozenset(
    "tolong tulung tlg pitulung mohon segera enggal ditindak ditindaklanjuti menanyakan "
    "tanya nanya takon apakah".split()
)
GRATEFUL_FOR = frozenset(
    "bantu dibantu bantuan bantuannya bantuanipun respon responnya cepet cepat cepetan "
    "teko rawuh datang dibubarin dibubarkan diamankan ketangkep ditangkap selesai beres "
    "rukun aman wilujeng selamat sehat membantu pencarian menolong ditolong nolong tanggap "
    "sigap hadir ditangani menangani penanganan kinerja pelayanan pelayanannya layanan "
    "dilayani ramah ketemu ditemukan kapanggih kepanggih kembali pulang mulih wangsul "
    "tertangkap tuntas rampung berhasil menangkap mengamankan menemukan mengembalikan "
    "dikembalikan penangkapan pengamanan pertolongan kehadiran kedatangan tanggapan "
    "patroli".split()
)
# Greetings on their own; times and feasts only after "selamat"/"sugeng" ("tadi malam" is no
# greeting).
GREETINGS = frozenset(
    "halo hallo hai assalamualaikum asalamualaikum permisi punten kulonuwun marhaban "
    "shalom swastiastu dirgahayu".split()
)
WISHING = frozenset("selamat slamat met sugeng wilujeng".split())
WISHED = frozenset(
    "pagi siang sore malam enjing enjang siyang sonten dalu idul idulfitri fitri ramadhan "
    "ramadan hari lebaran natal puasa tahun ulang hut bertugas makaryo datang rawuh".split()
)
TIMES_OF_DAY = frozenset("pagi siang sore malam enjing sonten dalu".split())
REPORTING = frozenset("lapor melapor melaporkan laporkan laporan ngelaporke".split())
MAX_GREETING_WORDS = 40
VILLAGE_POLICE = frozenset("polisi polisine polisinya anggota petugas".split())
VILLAGE_WORDS = frozenset("desa deso ds kelurahan kel dusun wilayah kampung".split())
# A letter's closing, not gratitude: "atas perhatiannya kami ucapkan terima kasih".
CLOSING = frozenset(
    "perhatian perhatiannya perhatianipun kerjasama kerjasamanya kerjasamanipun".split()
)
MINE = frozenset("saya sy aku kula kulo kami".split())
WHO_DID = frozenset("yang sing ingkang ingkan".split())
EARLIER = frozenset("kemarin kemaren kmrn wingi tadi td wau mbiyen kapan dulu lalu".split())
BUT = frozenset("tapi tetapi namun nanging tp cuma".split())
SORRY = frozenset("maaf maap pangapunten".split())
# What "sudah ketemu / wis mulih" is news about.
FOUND_AGAIN = NOT_A_CRIME | {
    Category.MISSING_PERSON,
    Category.THEFT,
    Category.VEHICLE_THEFT,
    Category.LIVESTOCK_THEFT,
}


def _quiet(c: Classification) -> bool:
    """Nothing urgent, no complaint about an officer."""
    return not c.emergency and not c.about_officer


def _crime(c: Classification) -> bool:
    return c.category not in NOT_A_CRIME


def _near(ws: list[str], first: frozenset[str], second: frozenset[str], gap: int) -> bool:
    for i, word in enumerate(ws):
        if word in first and any(other in second for other in ws[max(0, i - gap) : i + gap + 1]):
            return True
    return False


def _is_bhabin(word: str) -> bool:
    """ "bhabin", "babinkamtibmas", "bhabinkamtipmas", "bhabine": the word's family."""
    return word in BHABIN or word.startswith(("bhabin", "babinkam", "bhabinkam"))


def asks_bhabin(ws: list[str], c: Classification) -> bool:
    """Who the Bhabin is, or "the police officer of desa X" (the same officer)."""
    bhabin = frozenset(w for w in ws if _is_bhabin(w)) | _village_police(ws)
    if not bhabin or WHO_OR_CONTACT.isdisjoint(ws):
        return False
    if not _quiet(c):
        return False
    if _near(ws, bhabin, WHO_OR_CONTACT, 3):  # "siapa bhabin ...", "nomor pak bhabin"
        return True
    return not _crime(c) and _near(ws, bhabin, WHO_OR_CONTACT, 6)


def _village_police(ws: list[str]) -> frozenset[str]:
    """ "polisi desa", "polisi yang bertugas di desa X": the Bhabin by another name."""
    for i, word in enumerate(ws):
        if word in VILLAGE_POLICE and not VILLAGE_WORDS.isdisjoint(ws[i + 1 : i + 6]):
            return frozenset({word})
    return frozenset()


def asks_progress(ws: list[str], c: Classification) -> bool:
    """How "my report" stands; not how to report ("cara lapor"), nor a service."""
    if not _quiet(c) or c.category in SERVICES or not HOW.isdisjoint(ws):
        return False
    return _near(ws, MY_REPORT, PROGRESS, 8)


def withdraws(ws: list[str]) -> bool:
    return _near(ws, WITHDRAW, REPORT_WORDS, 3)


def brings_news(ws: list[str], c: Classification) -> bool:
    if not _quiet(c):
        return False
    if (ws and ws[0] in MORE) or _near(ws, MORE, REPORT_WORDS, 4):
        return True
    if _earlier_report(ws) and not _crime(c) and not _requests(ws):
        return True  # "soal laporan kemarin, ...", "kula ingkang wingi lapor ..."
    if c.category not in FOUND_AGAIN and REPORT_WORDS.isdisjoint(ws):
        return False  # "anak saya sudah pulang tapi dipukuli" is a report
    if _requests(ws):
        return False  # "pelaku sudah diamankan warga, mohon segera datang" is a report
    for i, word in enumerate(ws):
        if word not in DONE:
            continue
        for following in ws[i + 1 : i + 4]:
            if following in NEGATION:
                break
            if following in FOUND:
                return True
    return False


def _earlier_report(ws: list[str]) -> bool:
    """ "laporan kemarin", "laporan saya kemarin", "ingkang wingi lapor"; not "lapor pak,
    kemarin ayam saya dicuri" (a new report of yesterday's theft)."""
    for i, word in enumerate(ws):
        if word in MY_REPORT:
            following = ws[i + 1 : i + 3]
            if following[:1] and following[0] in EARLIER:
                return True
            if len(following) == 2 and following[0] in MINE and following[1] in EARLIER:
                return True
        if word in EARLIER and i + 1 < len(ws) and ws[i + 1] in REPORT_WORDS and i > 0:
            if ws[i - 1] in WHO_DID:
                return True
    return False


def thanked(ws: list[str]) -> bool:
    """A thanking word: "nuwun" alone thanks, "nuwun sewu" asks leave."""
    alone = any(
        word in THANKS
        and word != "kasih"
        and not (word == "nuwun" and i + 1 < len(ws) and ws[i + 1] == "sewu")
        for i, word in enumerate(ws)
    )
    return alone or any(pair in THANKS_PHRASES for pair in pairwise(ws))


def thanks_only(ws: list[str], c: Classification) -> bool:
    """Gratitude that asks for nothing; beside a crime, only gratitude for what was done
    ("sudah dibantu", "motor sampun kapanggih"), never "... ada maling, terima kasih"."""
    if not thanked(ws) or not _quiet(c) or _requests(ws):
        return False
    grateful = not GRATEFUL_FOR.isdisjoint(ws)
    if c.category in SERVICES:
        return grateful  # "pelayanan SKCK cepet", not "syarat SKCK apa, terima kasih"
    if _crime(c):  # "terima kasih, tapi malingnya datang lagi" is a report
        return grateful and BUT.isdisjoint(ws) and CLOSING.isdisjoint(ws)
    return True


def _requests(ws: list[str]) -> bool:
    """A request word, "mohon maaf" aside."""
    return any(
        word in REQUEST and not (word == "mohon" and i + 1 < len(ws) and ws[i + 1] in SORRY)
        for i, word in enumerate(ws)
    )


def greets_only(ws: list[str], c: Classification) -> bool:
    return (
        len(ws) <= MAX_GREETING_WORDS
        and (
            not GREETINGS.isdisjoint(ws)
            or _near(ws, WISHING, WISHED, 1)
            or (bool(ws) and ws[0] in TIMES_OF_DAY)  # "Malam pak, ..."
        )
        and REPORTING.isdisjoint(ws)
        and c.category in (Category.OTHER,)
        and not c.emergency
        and not any(signal in c.matched for signal in ("distress", "present", "emergency"))
    )
