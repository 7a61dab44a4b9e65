"""The classifier's rules for crimes against people and property: theft, vehicle theft,
robbery, traffic accidents, drugs, domestic violence, brawls and violence."""

from __future__ import annotations

from services.router.domain.rule_forms import (
    FAMILY,
    HIT,
    TAKEN,
    VEHICLE,
    WEAPON,
    C,
    Rule,
    forms,
    rule,
    w,
)

CRIME_RULES: tuple[Rule, ...] = (
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
)
