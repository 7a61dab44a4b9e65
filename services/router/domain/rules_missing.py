"""Rules for people missing and people found dead."""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import PERSON, Rule, forms, rule, w

C = Category

MISSING_RULES: tuple[Rule, ...] = (
    # missing person
    rule(
        C.MISSING_PERSON,
        5,
        PERSON | w("adhik adek adekku simbah bapak ibuk garwa bojoku"),
        w("hilang ilang menghilang ical"),
        label="orang hilang",
    ),
    rule(
        C.MISSING_PERSON,
        4,
        w("belum tidak gak ga gk ora durung dereng nggak blm tdk mboten"),
        w("pulang mulih wangsul kondur"),
        label="belum pulang",
    ),
    rule(C.MISSING_PERSON, 4, w("minggat"), label="minggat"),
    rule(C.MISSING_PERSON, 3, w("kesasar nyasar tersesat"), label="kesasar"),
    rule(
        C.MISSING_PERSON,
        4,
        w("lungo lunga kesah medal metu pergi minggat kabur"),
        w("saking seko soko dari dr"),
        w("omah griya rumah griyo"),
        label="pergi dari rumah",
    ),
    rule(
        C.MISSING_PERSON,
        2,
        forms("golek padosi madosi cari", "di", "i ki no ne") | w("nyari"),
        label="dicari",
    ),
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
    rule(
        C.MISSING_PERSON,
        3,
        w("tidak gak gk ora mboten nggak"),
        w("dihubungi aktif"),
        label="tidak bisa dihubungi",
    ),
    rule(
        C.MISSING_PERSON,
        5,
        PERSON | w("simbah mbah mbahku"),
        w("belum durung dereng blm gk gak ora tidak"),
        w("ketemu kapanggih ditemukan kepanggih"),
        label="belum ditemukan",
        reach=12,
    ),
    # found bodies
    rule(C.FOUND_BODY, 5, w("bayi orok janin"), w("mati meninggal tewas"), label="bayi mati"),
    rule(
        C.FOUND_BODY,
        4,
        w("ada ana ono onok enek wonten"),
        w("orang wong tiyang"),
        w("mati meninggal tewas"),
        label="ada orang mati",
    ),
    rule(C.FOUND_BODY, 7, w("mayat mayit jenazah layon jasad kerangka"), label="mayat"),
    rule(
        C.FOUND_BODY,
        6,
        forms("temu panggih temok", "di ke n me", "kan aken ake ke i an") | w("nemu"),
        w("meninggal mati tewas tilar donya membusuk ngambang kumambang mengambang nyawa"),
        label="ditemukan meninggal",
    ),
    rule(
        C.FOUND_BODY,
        5,
        w("gantung"),
        w("diri dhiri"),
        w("ditemukan dipanggihaken mati meninggal tilar"),
        label="gantung diri",
    ),
)
