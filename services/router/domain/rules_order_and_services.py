"""The classifier's rules for the other categories: gambling, alcohol, illegal racing,
disasters, fire, extortion, fraud, missing persons, public order, police services and
requests for information."""

from __future__ import annotations

from services.router.domain.rule_forms import (
    PERSON,
    C,
    Rule,
    forms,
    rule,
    w,
)

ORDER_AND_SERVICE_RULES: tuple[Rule, ...] = (
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
