"""Rules for public matters: traffic, drugs, gambling, alcohol, racing, public order,
services and questions.
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import (
    VEHICLE,
    Rule,
    forms,
    rule,
    w,
)

C = Category

PUBLIC_RULES: tuple[Rule, ...] = (
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
        forms("serempet", "di ke ter", "an") | w("senggolan nyerempet nyenggol"),
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
    rule(
        C.TRAFFIC_ACCIDENT,
        3,
        w("tergeletak ngglethak gumlethak nggeletak"),
        VEHICLE | w("jalan dalan margi aspal"),
        label="tergeletak di jalan",
    ),
    rule(
        C.TRAFFIC_ACCIDENT,
        4,
        VEHICLE,
        w("nyemplung kecemplung terjun tercebur nyungsep masuk"),
        w("kali kalen sungai jurang sawah selokan parit"),
        label="mobil nyemplung",
    ),
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
    rule(
        C.DRUGS,
        5,
        w("pil"),
        w("mendem mabuk sade jual dijual bakul bakule kecanduan teler merek dextro koplo"),
        label="pil mendem",
    ),
    rule(C.DRUGS, 4, w("pipet bong cangklong sakau"), label="pipet"),
    rule(C.DRUGS, 3, w("plastik"), w("klip"), label="plastik klip"),
    rule(C.DRUGS, 4, w("ngelem nge lem"), label="ngelem"),
    rule(
        C.DRUGS,
        5,
        w("obat"),
        w("terlarang keras batuk dicampur oplos oplosan"),
        label="obat terlarang",
    ),
    rule(C.DRUGS, 5, w("nyimeng simeng cimeng nyabu ngepil"), label="nyimeng"),
    rule(C.DRUGS, 5, w("tembakau"), w("gorila gorilla sintetis"), label="tembakau gorila"),
    # gambling
    rule(
        C.GAMBLING,
        5,
        forms("judi", "per ber pen", "an") | w("judol togel kopyok capjiki taruhan gaple"),
        label="judi",
    ),
    rule(C.GAMBLING, 5, w("sabung adu"), w("ayam jago"), label="sabung ayam"),
    rule(C.GAMBLING, 3, w("sabung dadu slot remi domino"), label="sabung"),
    rule(C.GAMBLING, 4, w("slot"), w("online gacor depo deposit"), label="slot online"),
    rule(C.GAMBLING, 4, w("totoan toto jackpot higgs chip"), label="totoan"),
    rule(
        C.GAMBLING,
        5,
        w("main maen dolanan"),
        w("kertu kartu remi domino dadu"),
        w("arta duit uang taruhan taruhane"),
        label="main kartu pakai uang",
    ),
    # alcohol
    rule(C.ALCOHOL, 5, w("miras tuak oplosan congyang arak ciu badeg vodka"), label="miras"),
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
    rule(
        C.ILLEGAL_RACING,
        5,
        w("trek trekan trektrekan treknya ngetrek drag dragrace"),
        label="trek-trekan",
    ),
    rule(
        C.ILLEGAL_RACING,
        3,
        forms("kebut", "nge", "an") | w("ugal ugalan geber"),
        label="kebut-kebutan",
    ),
    # public order
    rule(
        C.PUBLIC_ORDER,
        3,
        w(
            "keributan ribut rusuh onar meresahkan resah meresahke padu cekcok tukaran "
            "berisik bising provokator"
        ),
        label="keributan",
    ),
    rule(
        C.PUBLIC_ORDER,
        3,
        w("mengganggu ngganggu nganggu ganggu"),
        w(
            "warga tetangga tonggo tanggi ketertiban keamanan kenyamanan lingkungan kampung "
            "turu tidur"
        ),
        label="mengganggu warga",
    ),  # not "mohon maaf mengganggu waktunya"
    rule(
        C.PUBLIC_ORDER,
        3,
        forms("teriak", "ber", "an") | w("mbengok bengok karaoke ngebut melintang"),
        label="berteriak",
    ),
    rule(C.PUBLIC_ORDER, 4, w("horeg petasan mercon odgj vandalisme"), label="petasan"),
    rule(C.PUBLIC_ORDER, 4, w("orang wong"), w("gila edan stres"), label="orang gila"),
    rule(
        C.PUBLIC_ORDER,
        3,
        forms("amuk", "ng meng", "") | w("mencurigakan curiga kuwatos khawatir"),
        label="ngamuk",
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
    rule(
        C.SERVICE_SIM,
        6,
        w("sim sima simc simb simd simb1 simb2 satpas simling simku sime simnya"),
        label="sim",
    ),
    rule(
        C.SERVICE_SIM,
        5,
        w("sim simku sime simnya simc sima"),
        w("hilang ilang ical penggantian ganti perpanjang perpanjangan mati"),
        label="sim hilang",
    ),
    rule(C.SERVICE_OTHER, 8, w("surat serat"), w("kehilangan"), label="surat kehilangan"),
    rule(
        C.SERVICE_OTHER,
        8,
        w("surat serat"),
        w("keterangan"),
        w("hilang ilang ical"),
        label="surat ket hilang",
    ),
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
        w("cara bagaimana gimana gmn piye kepriye berapa biaya apakah jam"),
        label="bagaimana",
    ),
    rule(
        C.INFORMATION,
        4,
        w("tanya nanya takon menanyakan"),
        w("cara gimana gmn bagaimana piye pripun apakah"),
        label="mau tanya cara",
    ),
    rule(C.INFORMATION, 3, w("nomer nomor no"), w("polsek polres kantor"), label="nomor polsek"),
    rule(C.INFORMATION, 3, w("aturan aturannya aturane pasal sanksi hukumnya"), label="aturan"),
    rule(C.INFORMATION, 3, w("boleh"), w("gk gak tidak nggak ora enggak"), label="boleh gak"),
    rule(C.INFORMATION, 3, w("mohon minta nyuwun"), w("informasi info"), label="mohon informasi"),
)
