"""Realistic citizen messages with their expected classification (category, urgency,
about_officer). Shared by the classification test and the village-text false-match test
(none of these messages names a village of Bojonegoro)."""

from __future__ import annotations

from contracts.hierarchy import Category as C
from contracts.hierarchy import Urgency as U

E, H, N, L = U.EMERGENCY, U.HIGH, U.NORMAL, U.LOW

# (message, category, urgency, about_officer)
TABLE: list[tuple[str, C, U, bool]] = [
    # theft
    ("kemarin malam rumah saya kemalingan, tv sama hp dicolong", C.THEFT, N, False),
    ("Pak, hp saya dicuri orang waktu sholat jumat di masjid", C.THEFT, N, False),
    ("pencurain hp di warung kopi tadi sore", C.THEFT, N, False),
    ("TOLONG PAK ADA MALING MASUK RUMAH TETANGGA SEKARANG", C.THEFT, E, False),
    ("omahku dibobol maling pas ditinggal kondangan", C.THEFT, N, False),
    ("dompet saya kecopetan di pasar hewan", C.THEFT, N, False),
    ("lagi ada maling di kandang sapi, warga lagi ngejar", C.LIVESTOCK_THEFT, E, False),
    # vehicle theft
    ("motor saya hilang di parkiran pasar tadi siang", C.VEHICLE_THEFT, N, False),
    ("lapor curanmor, honda beat hitam plat S 1234 XY", C.VEHICLE_THEFT, N, False),
    ("motorku ilang neng ngarep omah wingi bengi", C.VEHICLE_THEFT, N, False),
    ("kemalingan motor vario, dicolong pas diparkir di sawah", C.VEHICLE_THEFT, N, False),
    ("mobil pikap bapak saya digondol maling semalam", C.VEHICLE_THEFT, N, False),
    # robbery
    ("saya dibegal di jalan sepi, motor dibawa kabur", C.ROBBERY, H, False),
    ("istri saya dijambret pas naik motor, tasnya diambil", C.ROBBERY, H, False),
    ("tolong saya ditodong pisau sama dua orang", C.ROBBERY, E, False),
    ("ada perampokan toko emas kemarin", C.ROBBERY, H, False),
    # traffic accident
    ("ada kecelakaan di jalan raya depan sd, korban berdarah", C.TRAFFIC_ACCIDENT, E, False),
    ("laka lantas truk vs motor di tikungan, satu orang meninggal", C.TRAFFIC_ACCIDENT, E, False),
    ("kemarin anak saya ditabrak lari mobil putih", C.TRAFFIC_ACCIDENT, H, False),
    ("kecelakan tunggal motor nyungsep ke selokan", C.TRAFFIC_ACCIDENT, H, False),
    # drugs
    ("ada pesta sabu di rumah kosong dekat sawah", C.DRUGS, N, False),
    ("anak2 sekolah beli pil koplo di warung belakang sekolah", C.DRUGS, N, False),
    ("tetangga saya sering transaksi narkoba malam malam", C.DRUGS, N, False),
    ("sekarang ada yang nyabu di pos ronda", C.DRUGS, H, False),
    # domestic violence
    ("tolong pak saya dipukuli suami saya", C.DOMESTIC_VIOLENCE, E, False),
    ("mau lapor kdrt, kakak saya sering disiksa suaminya", C.DOMESTIC_VIOLENCE, H, False),
    ("bojoku ngamuk mukuli aku karo anakku", C.DOMESTIC_VIOLENCE, E, False),
    # brawl
    ("tawuran pelajar di lapangan sekarang", C.BRAWL, E, False),
    ("wonge gelut neng pasar, ana sing nggawa clurit", C.BRAWL, E, False),
    ("semalam ada pengeroyokan pemuda di depan balai", C.BRAWL, H, False),
    ("perang sarung tiap subuh, meresahkan warga", C.BRAWL, H, False),
    # violence
    ("adik saya dibacok orang tidak dikenal, sekarang di puskesmas", C.VIOLENCE, E, False),
    ("ada penemuan mayat di pinggir bengawan", C.FOUND_BODY, H, False),
    ("saya diancam mau dibunuh sama mantan suami", C.DOMESTIC_VIOLENCE, E, False),
    ("anak saya jadi korban pencabulan tetangga", C.SEXUAL_VIOLENCE, H, False),
    # gambling
    ("ada judi togel di warung tiap malam", C.GAMBLING, N, False),
    ("sabung ayam rutin tiap minggu di kebon jati", C.GAMBLING, N, False),
    ("suami saya kecanduan judi online, habis jutaan", C.GAMBLING, N, False),
    # alcohol
    ("anak2 muda mabuk mabukan di pos ronda bikin resah", C.ALCOHOL, N, False),
    ("sing ngombe ciu neng pos ronda saben bengi", C.ALCOHOL, N, False),
    ("warung itu jual miras oplosan", C.ALCOHOL, N, False),
    ("ada pesta tuak di pinggir kali", C.ALCOHOL, N, False),
    # illegal racing
    ("balap liar tiap malam minggu di jalan baru", C.ILLEGAL_RACING, N, False),
    ("ono trek trekan neng dalan", C.ILLEGAL_RACING, N, False),
    ("anak muda balapan pakai knalpot brong jam 2 pagi", C.ILLEGAL_RACING, N, False),
    # flood
    ("banjir sudah masuk rumah warga", C.FLOOD, H, False),
    ("bengawan solo meluap, air naik terus", C.FLOOD, H, False),
    ("tolong ada warga hanyut terbawa arus banjir", C.FLOOD, E, False),
    # fire
    ("kebakaran gudang di pasar, api besar", C.FIRE, E, False),
    ("omahku kobong", C.FIRE, E, False),
    ("kemarin ada rumah terbakar, sekarang sudah padam", C.FIRE, H, False),
    # extortion
    ("ada pungli di jembatan timbang", C.EXTORTION, N, False),
    ("pedagang dipalak preman tiap hari", C.EXTORTION, N, False),
    ("Pak polisi, tolong ada pungli di pasar", C.EXTORTION, N, False),
    ("lapor polisi ada pungli parkir di alun alun", C.EXTORTION, N, False),
    # fraud
    ("saya ditipu online shop, uang sudah transfer barang tidak dikirim", C.FRAUD, N, False),
    ("ada orang mengaku polisi minta transfer uang", C.FRAUD, N, False),
    ("ibu saya kena gendam di pasar, perhiasan diambil", C.FRAUD, N, False),
    ("dapat pesan undian berhadiah disuruh klik file apk", C.FRAUD, N, False),
    # missing person
    ("anak saya belum pulang dari kemarin", C.MISSING_PERSON, E, False),
    ("simbah saya pikun, hilang sejak pagi", C.MISSING_PERSON, E, False),
    # public order
    ("ada orang gila ngamuk lempar batu ke rumah warga", C.PUBLIC_ORDER, E, False),
    ("sound horeg sampai jam 3 pagi, berisik sekali", C.PUBLIC_ORDER, N, False),
    ("ada orang asing mencurigakan mondar mandir", C.PUBLIC_ORDER, N, False),
    # officer conduct
    ("oknum polisi minta uang waktu razia", C.OFFICER_CONDUCT, N, True),
    ("anggota polsek minta uang 500rb buat ngurus laporan", C.OFFICER_CONDUCT, N, True),
    ("pak bhabin tidak pernah datang ke desa kami", C.OFFICER_CONDUCT, N, True),
    ("polisi pungli di pos lantas", C.OFFICER_CONDUCT, N, True),
    ("saya lapor ke polsek malah dimintai uang", C.OFFICER_CONDUCT, N, True),
    (
        "sudah lapor ke polsek seminggu tapi laporan saya tidak ditanggapi",
        C.OFFICER_CONDUCT,
        N,
        True,
    ),
    ("polisi itu kasar dan membentak ibu saya waktu tilang", C.OFFICER_CONDUCT, N, True),
    ("ada anggota polres yang jadi beking judi sabung ayam", C.OFFICER_CONDUCT, N, True),
    # services and information
    ("bagaimana cara bikin SKCK?", C.SERVICE_SKCK, L, False),
    ("syarat perpanjang SIM C apa saja ya", C.SERVICE_SIM, L, False),
    ("mau buat surat kehilangan ktp, bawa apa saja?", C.SERVICE_OTHER, L, False),
    ("izin keramaian untuk hajatan ngurusnya di mana", C.SERVICE_OTHER, L, False),
    ("mau tanya jam buka pelayanan", C.INFORMATION, L, False),
    ("pak mau konsultasi soal tanah warisan yang disengketakan", C.INFORMATION, L, False),
    ("nomer telpon polsek berapa?", C.INFORMATION, L, False),
    # nothing recognisable
    ("tulung!!", C.OTHER, E, False),
    ("pak saya mau melapor", C.OTHER, N, False),
    # categories added for issue 12 (each phrased independently of the corpus)
    ("wedhus tanggaku telu digondol maling mau bengi", C.LIVESTOCK_THEFT, N, False),
    ("sapi kula ical saking kandhang dalu wau", C.LIVESTOCK_THEFT, N, False),
    ("keponakan saya dicabuli tukang ojek minggu lalu", C.SEXUAL_VIOLENCE, H, False),
    ("ada pria suka ngintip cewek mandi di sungai", C.SEXUAL_VIOLENCE, H, False),
    ("murid SD dibully kakak kelasnya tiap hari", C.CHILD_PROTECTION, H, False),
    ("bocah 13 tahun mau dinikahkan paksa bulan depan", C.CHILD_PROTECTION, H, False),
    ("aku diteror wong ora dikenal lewat wa terus", C.THREAT, H, False),
    ("debt collector gedor2 pintu rumah saya tiap malam", C.DEBT_COLLECTOR, H, False),
    ("pinjol nyebar data saya ke semua kontak", C.DEBT_COLLECTOR, H, False),
    ("gempa semalam bikin tembok sekolah retak", C.DISASTER, H, False),
    ("tanah longsor menimbun dua rumah, penghuninya belum ditemukan", C.DISASTER, E, False),
    ("ada yang nebang kayu jati di hutan perhutani pakai truk", C.ENVIRONMENTAL_CRIME, N, False),
    ("pabrik buang limbah ke sungai, ikan mati", C.ENVIRONMENTAL_CRIME, N, False),
    ("warga menemukan mayat di kebun tebu", C.FOUND_BODY, H, False),
]
