"""Rules for harm to people: violence, domestic and sexual violence, child protection,
threats and brawls (missing people and found bodies: rules_missing.py).
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import (
    CHILD,
    FAMILY,
    HIT,
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
        HIT | w("kekerasan kasar ngamuk ngancam mengancam diancam ngancem diancem"),
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
    rule(
        C.BRAWL,
        6,
        w("saling"),
        w("pukul lempar bacok serang tonjok antem gebuk keroyok balang"),
        label="saling pukul",
    ),
    rule(C.BRAWL, 3, w("perguruan suporter konvoi"), label="perguruan"),
    # violence
    rule(
        C.VIOLENCE,
        5,
        forms("aniaya", "pe di me meng ng peng", "an") | w("penganiayaan"),
        label="aniaya",
    ),
    rule(C.VIOLENCE, 5, forms("bacok", "di ke mem m", "an i"), label="bacok"),
    rule(C.VIOLENCE, 5, forms("tusuk", "di ke me pe pen", "an") | w("nusuk"), label="tusuk"),
    rule(
        C.VIOLENCE, 5, forms("bunuh", "di pem mem ter", "an") - w("bunuh"), label="bunuh"
    ),  # "bunuh diri" is no violence
    rule(C.VIOLENCE, 3, w("orang wong warga"), w("mati tewas meninggal"), label="orang mati"),
    rule(
        C.VIOLENCE,
        5,
        forms("tembak", "di ke ter", "an") | w("penembakan menembak penembak"),
        label="tembak",
    ),
    rule(C.VIOLENCE, 3, HIT, label="pukul"),
    rule(C.VIOLENCE, 5, forms("culik", "di pen men", "an") | w("nyulik"), label="culik"),
    rule(C.VIOLENCE, 2, WEAPON, label="senjata"),
    rule(
        C.VIOLENCE,
        2,
        w("luka berdarah melukai dilukai patah bocor suwek lebam benjut"),
        label="luka",
    ),
    # sexual violence and harassment
    rule(
        C.SEXUAL_VIOLENCE,
        7,
        forms("perkosa", "di pe pem mem", "an")
        | forms("cabul", "di pen men", "i an")
        | forms("leceh", "di pe me", "kan ke an")
        | w("rudapaksa asusila senonoh mesum eksibisionis sextortion pelecehan"),
        label="pelecehan",
    ),
    rule(
        C.SEXUAL_VIOLENCE,
        6,
        forms("grepe gerayang raba colek intip", "di nge ng meng", "i in e an"),
        label="digrepe",
    ),
    rule(
        C.SEXUAL_VIOLENCE,
        7,
        w("foto video vidio fotoku videoku fotone videone fotonya videonya gambar rekaman"),
        w("pribadi bugil telanjang syur porno intim gak aneh tidak senonoh"),
        label="foto pribadi",
    ),
    rule(C.SEXUAL_VIOLENCE, 6, w("vc vcs videocall"), w("direkam rekam disebar"), label="vc"),
    rule(
        C.SEXUAL_VIOLENCE,
        6,
        w("dipaksa maksa paksa dipeksa meksa"),
        w("berhubungan hubungan begituan ngeseks"),
        label="dipaksa berhubungan",
    ),
    rule(
        C.SEXUAL_VIOLENCE,
        7,
        forms("setubuh gauli hamili", "di me meng ng", "i") | w("persetubuhan"),
        label="disetubuhi",
    ),
    rule(
        C.SEXUAL_VIOLENCE,
        5,
        w("remas diremas meremas pegang dipegang nyekeli"),
        w("dada payudara bokong pantat kelamin susu"),
        label="diremas",
    ),
    rule(
        C.SEXUAL_VIOLENCE,
        5,
        w("buka bukak mbukak mbikak copot nyopot nglepas melepas lepas pamer memamerkan mamerke"),
        w("baju celana celananipun celanane celananya klambi rok kelamin"),
        label="buka baju",
    ),
    rule(
        C.SEXUAL_VIOLENCE,
        4,
        w("nyekeli megang pegang dipegang"),
        w("wedok cewek perempuan"),
        label="memegang",
    ),
    # child protection
    rule(
        C.CHILD_PROTECTION,
        7,
        forms("bully buli", "di nge", "") | w("perundungan dirundung rundung"),
        label="bully",
    ),
    rule(
        C.CHILD_PROTECTION, 5, CHILD, HIT | w("sabet disabet dikunci disekap"), label="anak dipukul"
    ),
    rule(
        C.CHILD_PROTECTION,
        6,
        forms("nikah kawin jodoh", "di", "kan ke kake aken aken") - w("nikah kawin jodoh")
        | w("nikahaken nikah dini pernikahan perkawinan"),
        CHILD | w("umur usia"),
        label="pernikahan anak",
    ),
    rule(
        C.CHILD_PROTECTION,
        6,
        forms("ngemis emis", "me", ""),
        CHILD | w("disuruh dikongkon"),
        label="anak mengemis",
    ),
    rule(
        C.CHILD_PROTECTION,
        6,
        w("bayi balita bocah"),
        w("ditinggal dibuang buang ditelantarkan ditilar terlantar"),
        label="bayi dibuang",
    ),
    rule(C.CHILD_PROTECTION, 5, w("eksploitasi penelantaran ditelantarkan"), label="eksploitasi"),
    rule(C.CHILD_PROTECTION, 3, w("bawah"), w("umur"), label="di bawah umur"),
    rule(
        C.CHILD_PROTECTION,
        4,
        CHILD,
        w("ditinggal sendirian ditelantarkan terlantar kelaparan dikurung"),
        label="anak ditelantarkan",
    ),
    rule(
        C.CHILD_PROTECTION,
        2,
        w("bocah lare balita bayi murid siswa siswi santri bocil tiri tirine tirinipun tirinya"),
        label="anak kecil",
    ),
    # threats and intimidation
    rule(
        C.THREAT,
        5,
        forms("ancam ancem", "di peng meng ng", "an i e")
        | forms("teror", "di", "an e")
        | w("neror nerror")
        | forms("intimidasi", "di", ""),
        label="ancam",
    ),
    rule(
        C.THREAT,
        4,
        w("arep mau bade badhe"),
        w(
            "dipateni dibunuh mateni ngobong diobong dibakar diberesi membunuh mbunuh nusuk bakar "
            "mbakar membakar nyelakai dicelakai"
        ),
        label="mau dibunuh",
    ),
    rule(
        C.THREAT,
        4,
        w("mau arep bade badhe"),
        w("bunuh"),
        w("saya aku kula kamu kowe sampeyan keluarga keluargaku bojoku"),
        label="mau bunuh saya",
    ),  # not "arep bunuh diri"
    rule(
        C.THREAT, 5, w("tak kutak"), w("pateni bacok antem gebuk obong bunuh"), label="tak pateni"
    ),
    rule(C.THREAT, 4, w("surat sms pesan"), w("kaleng gelap ancaman"), label="surat kaleng"),
    rule(
        C.CHILD_PROTECTION,
        5,
        w("dipekerjakan perdagangan trafficking"),
        w("anak bocah lare orang"),
        label="pekerja anak",
    ),
)
