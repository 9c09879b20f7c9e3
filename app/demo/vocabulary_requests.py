"""Demand requests, written the way procurement officers in Jakarta write them.

Each entry: buyer key, title, description, category, quantity, unit, HPS per unit (whole rupiah),
stage, and optionally language, required certifications, umkm_only and delivery place
(kota, kecamatan; default: the buyer's). ``{ta}`` is the budget year, ``{ta1}`` the next one.
"""
from __future__ import annotations


# Days from today to "needed by", by stage (fulfilled ones lie in the past).
STAGE_OFFSETS: dict[str, tuple[int, int]] = {
    "draft": (25, 60), "open": (10, 40), "under_review": (14, 35), "invited": (7, 25),
    "quoted": (5, 20), "awarded": (2, 14), "fulfilled": (-45, -3), "cancelled": (-10, 20),
}


def req(buyer: str, title: str, description: str, category: str, quantity: int, unit: str,
        unit_price: int, stage: str, *, language: str = "id", certs: tuple[str, ...] = (),
        umkm_only: bool = True, place: tuple[str, str] | None = None) -> dict:
    return {"buyer": buyer, "title": title, "description": description, "category": category,
            "quantity": quantity, "unit": unit, "unit_price": unit_price, "stage": stage,
            "language": language, "certs": list(certs), "umkm_only": umkm_only, "place": place}


REQUESTS: list[dict] = [
    # --- Dinas Pendidikan (the fixed demo buyer): one request at most stages -----------------
    req("disdik", "Belanja Alat Tulis Kantor Semester II TA {ta}",
        "Kebutuhan ATK untuk Sekretariat dan Bidang SMP: kertas HVS A4 80 gr 150 rim, F4 80 gr 50 rim, "
        "pulpen gel hitam 20 lusin, map snelhecter 30 lusin, serta lakban dan isi staples. Barang dikirim "
        "ke gudang kantor Kuningan; pembayaran LS setelah BAST.",
        "stationery", 200, "rim", 62_000, "open"),
    req("disdik", "Pengadaan Meja Kursi Siswa untuk Ruang Kelas Baru SD Negeri",
        "Meja kursi siswa SD model satu meja dua kursi, rangka kayu atau besi dengan top multipleks HPL, "
        "sudut tumpul. Pengiriman ke tiga SD negeri di Jakarta Timur, termasuk bongkar muat.",
        "furniture", 96, "set", 950_000, "draft", place=("Jakarta Timur", "Duren Sawit")),
    req("disdik", "Pengadaan Seragam Batik Guru Motif Khas Jakarta",
        "Kemeja batik pria dan blus wanita motif Betawi (ondel-ondel atau tumpal) untuk guru penggerak. "
        "Bahan katun primisima, ukuran diambil per sekolah. Mohon lampirkan contoh motif dan kain.",
        "uniform", 180, "pcs", 275_000, "under_review"),
    req("disdik", "Cetak Modul Pelatihan Kurikulum Merdeka Angkatan III",
        "Modul A4 120 halaman, isi hitam putih HVS 70 gr, sampul art carton 210 gr full color laminasi doff, "
        "jilid lem panas. File siap cetak dari panitia.",
        "printing", 400, "eksemplar", 42_000, "invited"),
    req("disdik", "Belanja Makanan dan Minuman Rapat Koordinasi Triwulan III",
        "Nasi kotak dan snack untuk rapat koordinasi kepala sekolah di aula lantai 3. Menu nasi, ayam atau "
        "ikan, sayur, buah, air mineral; snack isi tiga kue. Wajib bersertifikat halal.",
        "catering", 120, "kotak", 55_000, "quoted", certs=("halal",)),
    req("disdik", "Pengadaan Kaos Olahraga Peserta O2SN Tingkat Provinsi",
        "Kaos dry-fit lengan pendek sablon logo dinas di dada dan tulisan kontingen di punggung, ukuran "
        "S sampai XXL. Diserahkan paling lambat seminggu sebelum pembukaan.",
        "uniform", 250, "pcs", 95_000, "awarded"),
    req("disdik", "Nasi kotak untuk panitia MPLS tingkat provinsi",
        "Makan siang panitia dan relawan selama tiga hari MPLS, diantar jam 11.30 ke aula. Menu berganti "
        "tiap hari, halal, air mineral botol.",
        "catering", 180, "kotak", 40_000, "fulfilled", certs=("halal",)),
    # --- Dinas PPKUKM -------------------------------------------------------------------------
    req("ppkukm", "Makan siang untuk 120 peserta bimtek UMKM",
        "Bimtek pemasaran digital untuk UMKM binaan Jakpreneur, satu hari di aula Dinas PPKUKM. Nasi kotak "
        "dengan lauk ayam atau ikan, sayur, buah dan air mineral 600 ml. Diutamakan katering UMKM "
        "Jakarta Timur, bersertifikat halal.",
        "catering", 120, "kotak", 45_000, "open", certs=("halal",)),
    req("ppkukm", "Sewa Tenda dan Kursi Bazar Jakpreneur Akhir Pekan",
        "Tenda sarnafil 5x5 m 20 unit lengkap lampu dan stop kontak, dipasang H-1 di lapangan parkir "
        "kantor wali kota. Harga per unit sudah termasuk bongkar pasang selama dua hari acara.",
        "event", 20, "unit", 1_100_000, "invited", place=("Jakarta Timur", "Cakung")),
    req("ppkukm", "Plakat Penghargaan UMKM Berprestasi {ta}",
        "Plakat kayu jati dengan plat kuningan grafir logo Pemprov dan nama penerima, kotak beludru. "
        "Nama penerima menyusul setelah penjurian.",
        "souvenir", 25, "pcs", 375_000, "quoted"),
    req("ppkukm", "Hampers produk UMKM Jakarta untuk delegasi kota kembar",
        "Kotak hampers berisi produk UMKM binaan: dodol Betawi, kopi lokal, keripik dan batik kecil. "
        "Kemasan kotak kayu atau kraft dengan kartu keterangan produk dalam bahasa Inggris.",
        "hampers", 60, "paket", 300_000, "awarded"),
    req("ppkukm", "Jasa Dokumentasi dan Live Streaming Jakpreneur Festival",
        "Dokumentasi foto, video highlight tiga menit dan live streaming YouTube dua hari acara. "
        "Hasil mentah diserahkan dalam hard disk.",
        "event", 1, "paket", 14_500_000, "cancelled"),
    # --- Dinas Kesehatan / puskesmas / RSUD ---------------------------------------------------
    req("dinkes", "Cetak Leaflet Pencegahan DBD untuk Kader Jumantik",
        "Leaflet A4 lipat tiga, art paper 120 gr full color dua sisi, desain dari Seksi Promkes. "
        "Dikirim ke 10 puskesmas kecamatan di Jakarta Timur dan Jakarta Utara.",
        "printing", 20_000, "lembar", 900, "open"),
    req("dinkes", "Belanja Minuman Sehat Kegiatan Gerakan Masyarakat Hidup Sehat",
        "Jamu kunyit asam dan beras kencur botol 250 ml untuk peserta senam massal Minggu pagi. "
        "Produk harus memiliki izin edar (PIRT atau BPOM) dan tanggal produksi.",
        "beverage", 800, "botol", 10_000, "fulfilled", place=("Jakarta Pusat", "Gambir")),
    req("pkm_cakung", "Jasa Laundry Linen Puskesmas Kecamatan Cakung Periode Juli-Desember",
        "Pencucian linen ruang bersalin dan rawat inap, termasuk linen infeksius yang dipisahkan. "
        "Jemput-antar tiga kali seminggu dengan berita acara timbang.",
        "laundry", 2_400, "kg", 12_000, "under_review"),
    req("pkm_cakung", "Makanan tambahan balita kegiatan posyandu",
        "Paket kue basah dan bubur kacang hijau untuk 200 balita di posyandu se-Kecamatan Cakung. "
        "Tanpa pemanis buatan, dikemas per porsi.",
        "snack", 200, "kotak", 12_000, "fulfilled", certs=("halal",)),
    req("pkm_priok", "Pengadaan Alat Pelindung Diri (APD) Petugas Kesehatan Lingkungan",
        "Sarung tangan karet panjang, masker respirator debu, sepatu boots karet dan apron plastik untuk "
        "petugas sanitasi dan pemantau jentik. Rincian per item terlampir.",
        "ppe", 150, "pcs", 85_000, "open"),
    req("pkm_priok", "Servis dan cuci AC ruang pelayanan",
        "Cuci AC split 1-2 PK sebanyak 28 unit dan pengecekan freon; dikerjakan Sabtu agar pelayanan tidak "
        "terganggu.",
        "repair", 28, "unit", 125_000, "awarded"),
    req("rsud_pasmi", "Pengadaan Beras Premium untuk Instalasi Gizi Triwulan IV",
        "Beras premium kualitas setara setra ramos, pulen, kadar patah maksimal 15%, kemasan karung 25 kg. "
        "Pengiriman bertahap setiap minggu ke instalasi gizi.",
        "produce", 4_500, "kg", 14_500, "invited"),
    req("rsud_pasmi", "Sayur dan buah segar harian dapur pasien",
        "Pasokan sayur dan buah sesuai daftar menu siklus 10 hari, dikirim sebelum pukul 06.00. "
        "Harga per kg rata-rata; daftar item terlampir.",
        "produce", 1_800, "kg", 22_000, "quoted"),
    req("dinkes", "Pengadaan Tas Seminar Rapat Kerja Kesehatan Daerah",
        "Tas seminar bahan kulit sintetis dengan sekat dokumen dan slot laptop 14 inci, bordir logo Dinas "
        "Kesehatan. Warna hitam atau cokelat tua.",
        "leather", 350, "pcs", 135_000, "under_review"),
    # --- Lingkungan hidup & pertamanan ---------------------------------------------------------
    req("dlh", "Pengadaan Pakaian Dinas Lapangan Petugas Kebersihan",
        "PDL oranye bahan drill tebal dengan scotlight di lengan dan punggung, sablon logo DLH. "
        "Satu stel kemeja dan celana, ukuran M sampai XXXL sesuai daftar.",
        "uniform", 250, "stel", 285_000, "quoted"),
    req("dlh", "Pengadaan Sarung Tangan dan Masker Petugas Pengangkut Sampah",
        "Sarung tangan kain bintik dan sarung tangan karet panjang, masker kain dua lapis, untuk petugas "
        "angkut sampah di lima TPS.",
        "ppe", 600, "pasang", 18_000, "fulfilled", place=("Jakarta Timur", "Cakung")),
    req("dlh", "Tempat sampah pilah tiga warna untuk RPTRA",
        "Tempat sampah pilah organik, anorganik dan B3 kapasitas 60 liter per kompartemen, rangka besi. "
        "Dipasang di 15 RPTRA.",
        "cleaning", 45, "unit", 850_000, "cancelled"),
    req("distamhut_jb", "Pengadaan Bibit Tabebuya Tinggi 2 Meter",
        "Bibit tabebuya kuning dan pink tinggi minimal 2 m, diameter batang 3 cm, dalam polybag besar. "
        "Diantar ke persemaian Kembangan secara bertahap.",
        "plants", 400, "batang", 225_000, "open"),
    req("distamhut_jb", "Jasa Pemeliharaan Taman Kantor Wali Kota",
        "Pangkas rumput, pemupukan, pengendalian hama dan penggantian tanaman mati selama enam bulan "
        "dengan laporan foto mingguan.",
        "plants", 6, "bulan", 3_500_000, "draft"),
    # --- Kelurahan ------------------------------------------------------------------------------
    req("kel_cpt", "Snack rapat LMK dan pengurus RT/RW bulan ini",
        "Snack box isi tiga kue dan air mineral gelas untuk rapat koordinasi di aula kelurahan. "
        "Kue basah fresh, diantar jam 09.00.",
        "snack", 60, "kotak", 15_000, "fulfilled", certs=("halal",)),
    req("kel_cpt", "Belanja Cetak Spanduk Sosialisasi PSN dan Bank Sampah",
        "Spanduk flexi 340 gr ukuran 1x3 m sebanyak 20 lembar, dipasang di setiap RW.",
        "printing", 60, "m²", 35_000, "awarded"),
    req("kel_cpt", "Rompi Kader Jumantik dan Dasawisma",
        "Rompi drill hijau dengan sablon tulisan 'Jumantik Kel. Cempaka Putih Timur' di punggung, "
        "ukuran campur.",
        "uniform", 80, "pcs", 95_000, "draft"),
    req("kel_pulogebang", "Sewa tenda, sound system dan kursi lomba HUT RI tingkat kelurahan",
        "Satu paket: tenda sarnafil 6 unit, sound system 3000 watt, 200 kursi futura, panggung kecil. "
        "Acara satu hari di lapangan RW 07.",
        "event", 1, "paket", 12_500_000, "quoted"),
    req("kel_pulogebang", "Pengadaan Bibit Pohon Buah untuk Program Kampung Iklim",
        "Bibit mangga, kelengkeng dan jambu tinggi minimal 1 m untuk dibagikan ke 12 RW.",
        "plants", 150, "batang", 75_000, "under_review"),
    req("kel_pulogebang", "Paket sembako bakti sosial warga lansia",
        "Isi beras 5 kg, minyak goreng 2 liter, gula 1 kg, telur 1 kg dan teh; dikemas tas kain. "
        "Pembagian di kantor kelurahan.",
        "hampers", 150, "paket", 185_000, "cancelled"),
    req("kel_tidung", "Sewa kapal untuk distribusi logistik Pemilu antar pulau",
        "Kapal kayu kapasitas 40 orang atau barang setara untuk pengantaran logistik ke Pulau Payung dan "
        "Pulau Tidung Kecil, enam trip pulang pergi.",
        "transport", 6, "trip", 1_500_000, "fulfilled"),
    req("kel_tidung", "Konsumsi kegiatan bersih pantai dan tanam mangrove",
        "Nasi kotak untuk peserta dari sekolah dan komunitas, diutamakan katering warga Pulau Tidung.",
        "catering", 150, "kotak", 35_000, "open", certs=("halal",)),
    # --- Sekolah ------------------------------------------------------------------------------
    req("smpn115", "Kaos olahraga siswa baru tahun pelajaran {ta}/{ta1}",
        "Kaos olahraga bahan lotto atau dry-fit warna biru sesuai contoh, sablon logo sekolah di dada. "
        "Ukuran sesuai daftar dari wali kelas.",
        "uniform", 320, "pcs", 85_000, "invited"),
    req("smpn115", "Belanja Jasa Pemeliharaan AC Ruang Kelas Semester I",
        "Cuci dan cek AC split di 24 ruang kelas dan laboratorium, termasuk isi freon bila perlu.",
        "repair", 32, "unit", 135_000, "open"),
    req("sdn_menteng01", "Pengadaan Lemari Kelas dan Papan Tulis",
        "Lemari kelas kayu dua pintu dengan kunci dan papan tulis whiteboard 120x240 cm, dipasang di "
        "dinding kelas.",
        "furniture", 12, "unit", 1_650_000, "under_review"),
    req("sdn_menteng01", "Konsumsi kegiatan Masa Pengenalan Lingkungan Sekolah",
        "Snack box untuk siswa kelas 1 dan orang tua, dua kali rehat. Tidak pedas, ramah anak.",
        "snack", 220, "kotak", 14_000, "fulfilled"),
    req("sman8", "Cetak Buku Tahunan Siswa Angkatan {ta}",
        "Buku tahunan hard cover 160 halaman full color art paper 150 gr. Layout dari tim siswa; mohon "
        "sertakan proof cetak.",
        "printing", 360, "eksemplar", 165_000, "quoted"),
    req("sman8", "Sewa bus pariwisata untuk kunjungan studi ke Bandung",
        "Empat bus 59 kursi, berangkat pagi pulang malam, termasuk tol, BBM, parkir dan sopir cadangan.",
        "transport", 4, "unit", 4_800_000, "cancelled"),
    # --- BUMD -----------------------------------------------------------------------------------
    req("transjakarta", "Pengadaan Rompi Reflektif Petugas Layanan Halte",
        "Rompi reflektif hijau stabilo bahan drill dengan scotlight 5 cm dan sablon logo di punggung. "
        "Pengiriman ke depo Cawang.",
        "ppe", 400, "pcs", 85_000, "awarded"),
    req("transjakarta", "Sepatu Safety Petugas Bengkel Depo",
        "Sepatu safety ankle boots kulit, ujung baja, sol anti slip; wajib berlabel SNI. Ukuran 38-45.",
        "ppe", 120, "pasang", 425_000, "invited", certs=("sni",)),
    req("pamjaya", "Pengadaan Helm Proyek dan Rompi Petugas Lapangan Jaringan Pipa",
        "Helm safety SNI warna biru dengan suspensi ratchet dan stiker logo, rompi reflektif oranye. "
        "Harga per set helm dan rompi.",
        "ppe", 150, "set", 165_000, "open", certs=("sni",)),
    req("pamjaya", "Air minum kemasan untuk kegiatan donor darah dan pelayanan pelanggan",
        "Air mineral gelas 220 ml isi 48 per dus, dikirim ke kantor pusat Pejompongan.",
        "beverage", 120, "dus", 32_000, "fulfilled"),
    req("mrt", "Reusable tumblers with MRT Jakarta logo for the Earth Day campaign",
        "Double-wall stainless steel tumblers, 500 ml, laser-engraved logo, packed in kraft boxes. Please "
        "quote a sample first; delivery to Lebak Bulus depot.",
        "souvenir", 500, "pcs", 85_000, "quoted", language="en", umkm_only=False,
        place=("Jakarta Selatan", "Cilandak")),
    req("mrt", "Halal lunch boxes for 80 participants of a safety induction",
        "Lunch boxes with rice, chicken or fish, vegetables, fruit and bottled water for a half-day "
        "safety induction at Lebak Bulus. Halal certificate required.",
        "catering", 80, "kotak", 50_000, "under_review", language="en", certs=("halal",),
        place=("Jakarta Selatan", "Cilandak")),
    req("pasarjaya", "Pengadaan Tempat Sampah Terpilah untuk Pasar Tradisional",
        "Tempat sampah pilah tiga kompartemen rangka besi untuk pasar-pasar di Jakarta Selatan, dengan "
        "stiker petunjuk pemilahan.",
        "cleaning", 60, "unit", 750_000, "open", place=("Jakarta Selatan", "Pasar Minggu")),
    req("pasarjaya", "Cetak Spanduk dan Banner Program Belanja di Pasar",
        "Spanduk flexi 280 gr aneka ukuran total sekitar 120 m² dan 30 x-banner, desain dari Humas.",
        "printing", 120, "m²", 32_000, "draft"),
    req("bankdki", "Parsel Lebaran untuk Mitra UMKM Binaan",
        "Parsel berisi kue kering dua toples, kopi dan sirup, wadah keranjang rotan dengan kartu ucapan. "
        "Dikirim ke 200 alamat mitra di Jakarta.",
        "hampers", 200, "paket", 350_000, "invited"),
    req("jakpro", "Jasa kebersihan pasca acara di kawasan stadion",
        "Pembersihan area tribun dan concourse setelah acara komunitas, termasuk pengangkutan sampah terpilah.",
        "cleaning", 12_000, "m²", 12_000, "under_review", place=("Jakarta Utara", "Tanjung Priok")),
    # --- Corporates -----------------------------------------------------------------------------
    req("graha_kelola", "Office cleaning crew for a 12-storey building (12 months)",
        "Six cleaning staff on weekdays, uniforms and cleaning chemicals included, with a supervisor "
        "visiting weekly. Price per person per month.",
        "cleaning", 6, "orang", 6_500_000, "open", language="en", umkm_only=False),
    req("sentra_logistik", "Daily coffee, tea and snacks for warehouse staff",
        "Morning and afternoon snack boxes for 40 warehouse staff, Monday to Saturday, delivered to "
        "Marunda. Please quote a monthly price per box.",
        "snack", 960, "kotak", 14_000, "awarded", language="en", umkm_only=False),
    req("cahaya_media", "LAN cabling and Wi-Fi for a new office floor (40 points)",
        "Cat6 cabling for 40 points, rack and patch panel, three access points; testing report and floor "
        "plan required.",
        "it", 40, "titik", 450_000, "draft", language="en", umkm_only=False),
    req("cahaya_media", "Branded tote bags and lanyards for a product launch",
        "Canvas tote bags with one-colour screen print and printed lanyards with ID holders for 300 guests.",
        "souvenir", 300, "pcs", 55_000, "cancelled", language="en", umkm_only=False),
]
