"""Everyday Indonesian and Javanese words (and chat slang) that also happen to be village
names somewhere ("Sudah", "Bareng", "Soko", "Wedi", "Geger", "Pasar", "Tulung"), or sit one
typo away from one ("sekarang" ~ Sekaran, "tolong" ~ Tulung). Village matching takes such a
word for a village only right after "desa"/"ds."/"kel."/"dusun", and never through a typo.

The classifier's own keywords are added to this set by village_text.
"""

from __future__ import annotations

_WORDS = """
ada adalah adik agak agar air aja ajak akan aki aku akun alamat aman ambil amit anak
anakku ancam aneh angin anggota antar apa apakah api arah arep aris asal asu atau atas
ayah ayo bae bagaimana bagian baik bakal balai balik banget bangun banyak banyu bapak
bapake barang bareng baru barusan batal batas bawa bawah bayar beda begitu bejo belakang
belum benar bengi bensin beri berita besar besok betul biar biasa bikin bilang bisa bocah
bojo bojoku bolong boleh bos bro buat bukan bulan bulu bumi buru buruan butuh cah cak
cara cari cek cepat cepet cepetan cerita ciye cok cuma dalam dan dapat dari daerah dari
datang dadi dalan dekat dalem deket delok dengan depan desa deso di dia dibantu dicek
dijupuk dina dino dong dua dulu duit dusun dukuh embah emak enak endi enggak entuk gak
ganti gawe gede geger gek gelem geni gimana golek gong gudang gue gunung habis hadir hal
hari harus hati hujan ibu ijin ikut ilang ingin ini isih isuk itu iya iyo jadi jaga jalan
jaluk jam jangan janji jare jari jarene jaman jauh jelas jembatan jo juga jujur kabar
kadang kagak kakak kakek kali kalau kalian kalo kami kamu kampung kan kana kanan kancane
kang kantor karena kasih kata ke kebon kecil kemarin kemaren kemudian kena kenapa kene
kenek kepriye kerja kiri kita kok kondisi kono kota kowe kuat kudu kulo kulon kunci kurang
lagi lah lain lali lama lampu langsung lanang lapangan lapor laporan lebih lewat liat
lihat lingkungan lor lurah lwh mak makasih malah malam malem mana mangan mas masalah masih
masuk mati matur mau mbak mbah mbok melihat memang mendem mereka meneh mesti minggu minta
mlaku mohon monggo montor motor muga mulai mulih muncul mung musuh nak naik nama nang
nanti ndak ndang neng ngaten ngerti ngomong nggak nggih niku nika ning nomor nuwun nyuwun
ojo omah omong opo orang ora pada padang pak pakai paling panas panjang pasar pas pasti
pengen penting pergi perlu permisi pinggir piye pojok polisi pos pulang pun punya putra
putri rame rampung rek ri ribut rt ruang rumah rusak rw saat sakit saking saiki saja
sama sambil sampai sampe sana sangat sapa saya sawah sebelah sedang sedeng sedikit sega
segera sekali sekarang sekolah selatan selesai sembarang semua sendiri seng sepeda
sepertinya serius siang siapa sing sini situ soko sopo sore status suami sudah suwe
suwun tadi tahu tahun takut tanah tanya tapi tau teko tekan teman tempat tengah tepat
terus tetangga tiap tidak timur tolong tonggo tuku tulung tumbas turu uang ulah umah
umur untuk urip utara wae wah waktu wani warga warung wedi wetan wes wingi wis wong ya
yang yen yo

aja ala alas alun ana anu apa apik arek asli awak awan ayo badhe bagus balai bales bali
banget barang bareng batu bayi becik belakang beli belum bengkel biasa bocahe bojo buka
bukti bulan bupati buri cah campur cedak cilik dalane dalu dereng dewe dino dolan dompet
duduk dulur durung ee eh endi enjing esuk gampang ganti gelem gitu griya gudang guru hp
iki iku isi jaman jeneng jero kabeh kae kali kampus kapan karo kasur kebon kene kepala
kidul kok kolong kono kosong kuwi lare latar lawang lemah liyane loro lunga mbiyen mboten
menapa metu mlebu mriki mrika muda mundur murah nang ndisik ngalor ngarep ngendi ngetan
ngidul ngisor ngulon nduwur nggon niki nopo nyang omahe online ono onok opo ora pakde
parkir parkiran pasien pelajar pesta petak pinggir pira piro pojok pripun pesen pelem
razia rene ronda rumahe sampun samping sana sapi sedulur sega sekolahan sepi siji sisih
sisan sithik sonten sopo sugeng sumur sungai tangga tegal teka temu tengah tiyang tiap
toko tole uwong uwis wae wayah wengi wis wonge wonten jari gajah kunci tanjung pasar
sering putih raya kopi jumat solo arus timbang perhiasan teriak kebon jati kandang
sapi kondangan hajatan ladang hutan alas makam kuburan kebun katur nganti ngantos
bayar membayar dibayar bayaran pembayaran
lapak lahan pabrik pangkalan pertigaan perempatan prapatan gang pos kamling masjid musholla
langgar gereja stasiun terminal kecamatan kabupaten desa kelurahan dusun polisi pak mas
"""

COMMON_WORDS: frozenset[str] = frozenset(_WORDS.split())
