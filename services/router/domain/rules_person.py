"""Rules for harm to people: violence, domestic and sexual violence, child protection,
threats, brawls, missing people and found bodies.
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import (
    FAMILY,
    HIT,
    PERSON,
    WEAPON,
    Rule,
    forms,
    rule,
    w,
)

C = Category

PERSON_RULES: tuple[Rule, ...] = (
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
)
