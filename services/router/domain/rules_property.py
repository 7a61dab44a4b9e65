"""Rules for property crimes: theft, vehicle and livestock theft, robbery, extortion,
fraud and debt collectors.
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import (
    LIVESTOCK,
    TAKEN,
    THINGS,
    VEHICLE,
    WEAPON,
    Rule,
    forms,
    rule,
    w,
)

C = Category

PROPERTY_RULES: tuple[Rule, ...] = (
    # theft
    rule(C.THEFT, 4, forms("maling", "ke di ny", "an i e ne nya ipun"), label="maling"),
    rule(C.THEFT, 3, forms("curi", "pen ke di men ny", "an in kan nya ne"), label="curi"),
    rule(C.THEFT, 3, forms("colong", "di ke n ny", "an i e ne nya") | w("nyolong"), label="colong"),
    rule(C.THEFT, 3, forms("copet", "di ke pen", "an nya e"), label="copet"),
    rule(C.THEFT, 2, forms("bobol", "di ke pem", "an nya e"), label="bobol"),
    rule(C.THEFT, 2, forms("gasak gondol embat", "di"), label="gasak"),
    rule(C.THEFT, 2, w("raib kehilangan kecurian"), label="kehilangan"),
    rule(C.THEFT, 1, w("hilang ilang ical"), label="hilang"),
    rule(C.THEFT, 2, w("lenyap congkel dicongkel nyongkel gembok jebol"), label="dicongkel"),
    rule(C.THEFT, 2, w("diambil dijupuk digawa"), w("orang wong seseorang"), label="diambil orang"),
    rule(
        C.THEFT,
        3,
        w("griya omah rumah"),
        w("kosong suwung"),
        w("mlebet mlebu masuk dimasuki dilebeti"),
        label="rumah kosong dimasuki",
    ),
    rule(
        C.THEFT,
        3,
        w("mlebu mlebet masuk nyelinap menyelinap"),
        w("omah omahe griya rumah toko"),
        w("genteng jendela cendela atap pager lawang paksa"),
        label="masuk rumah lewat genteng",
        reach=8,
    ),
    rule(
        C.THEFT,
        4,
        THINGS,
        TAKEN | w("dipotong dipreteli dicopot"),
        label="barang hilang",
        reach=8,
    ),
    rule(
        C.FRAUD,
        5,
        w("akun fb ig wa whatsapp facebook instagram"),
        w("dibajak bajak diretas dihack"),
        label="akun dibajak",
    ),
    # vehicle theft
    rule(C.VEHICLE_THEFT, 6, w("curanmor curanmor2"), label="curanmor"),
    rule(C.VEHICLE_THEFT, 6, VEHICLE, TAKEN, label="motor hilang"),
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
    rule(
        C.ROBBERY,
        5,
        forms("cegat", "di ny", "") | w("nyegat"),
        w("arta artanipun duit uang dompet jaluk dijaluk rampas dirampas") | WEAPON,
        label="dicegat",
        reach=8,
    ),
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
        w("minta dimintai njaluk jaluk dimintain nyuwun"),
        w("uang duit jatah arta"),
        label="minta uang",
    ),
    rule(C.EXTORTION, 2, w("pungutan setoran preman"), label="pungutan"),
    rule(C.EXTORTION, 4, w("jatah upeti"), label="jatah"),
    # fraud
    rule(
        C.FRAUD,
        5,
        forms("tipu", "pe di ke me pen", "an")
        | w(
            "penipuan penipu nipu ketipu tertipu ditipu scam scammer phising phishing hipnotis "
            "gendam modus"
        ),
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
        w("polisi petugas anggota saudara bank dari saking seko dinas pegawai"),
        label="mengaku",
    ),
    rule(C.FRAUD, 4, w("gadungan palsu"), label="gadungan"),
    rule(C.FRAUD, 5, forms("gelap", "peng di ng", "an kan ke") - w("gelap"), label="penggelapan"),
    rule(C.FRAUD, 5, w("cek giro bilyet"), w("kosong palsu"), label="cek kosong"),
    rule(C.FRAUD, 2, w("transfer rekening undian arisan olshop"), label="transfer"),
    rule(C.FRAUD, 3, w("tidak gak ga ora belum"), w("dikirim"), label="barang tidak dikirim"),
    # livestock theft
    rule(
        C.LIVESTOCK_THEFT,
        7,
        LIVESTOCK,
        TAKEN
        | forms("maling", "", "e ne ipun")
        | w("digiring dijupuk diangkut dibobol jebol dijebol dirusak nggiring giring ngangkut"),
        label="sapi hilang",
    ),
    rule(
        C.LIVESTOCK_THEFT,
        3,
        forms("kandang kandhang", "", "e ne nya ipun"),
        TAKEN | forms("maling bobol jebol", "di", "e ipun"),
        label="kandang dibobol",
    ),
    # debt collectors
    rule(
        C.DEBT_COLLECTOR,
        7,
        w("debt debkolektor debtcollector dc matel penagih tukang"),
        w(
            "collector kolektor debt dc matel penagih tagih nagih ditagih menagih utang hutang "
            "ngaku ngakunya"
        )
        | w("dirampas nyita disita gedor nggedor"),
        label="debt collector",
        reach=8,
    ),
    rule(C.DEBT_COLLECTOR, 7, w("debkolektor debtcollector matel"), label="matel"),
    rule(C.DEBT_COLLECTOR, 6, w("mata"), w("elang"), label="mata elang"),
    rule(C.DEBT_COLLECTOR, 6, w("rentenir plecit titil emok"), label="rentenir"),
    rule(
        C.DEBT_COLLECTOR,
        6,
        w("pinjol pinjaman"),
        forms("teror ancam sebar", "di n ne ng nye me", "an in ke kan")
        | w("kontak malu isin nyebar nyebarin nyebarke"),
        label="teror pinjol",
    ),
    rule(
        C.DEBT_COLLECTOR,
        5,
        w("angsuran cicilan kredit utang hutang tunggakan nunggak leasing"),
        w("dirampas rampas dijupuk ditarik paksa nyita disita gedor nggedor dijabel"),
        label="tarik paksa",
        reach=10,
    ),
)
