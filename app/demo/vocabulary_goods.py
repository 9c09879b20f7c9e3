"""Uniforms, printing and stationery ("uniform", "printing", "stationery")."""

from __future__ import annotations

from app.demo.vocabulary_base import product

UNIFORM: list[dict] = [
    product(
        "seragam_sekolah",
        ("Seragam {jenjang} {bagian}", "Seragam Sekolah {jenjang} {bagian}"),
        {
            "jenjang": (
                "SD Merah Putih",
                "SMP Biru Putih",
                "SMA Abu-Abu Putih",
                "Pramuka Penggalang",
                "Pramuka Siaga",
                "Batik Sekolah",
                "Olahraga SD",
            ),
            "bagian": (
                ("Kemeja Lengan Pendek", 0.2),
                ("Kemeja Lengan Panjang", 0.35),
                ("Celana Panjang", 0.4),
                ("Rok Panjang", 0.45),
                ("Setelan Lengkap", 1.0),
                ("Celana Pendek", 0.1),
            ),
        },
        (
            "Bahan katun drill yang adem dan tidak mudah kusut, jahitan rapi dengan kancing kuat.",
            "Ukuran lengkap dari anak kelas satu sampai ukuran jumbo; bisa ukur langsung ke sekolah.",
            "Logo sekolah dan badge OSIS bisa dibordir sekaligus, harga sudah termasuk.",
        ),
        "pcs",
        (65_000, 195_000),
        (24, 60),
        1_500,
        (10, 21),
    ),
    product(
        "pdh",
        ("Kemeja PDH {bahan} {detail}", "Seragam PDH {bahan}", "Kemeja PDH Instansi {detail}"),
        {
            "bahan": (
                ("Drill American", 0.5),
                ("Nagata Drill", 0.6),
                ("Ripstop", 0.8),
                ("Oxford", 0.3),
                ("Taipan Drill", 0.4),
                ("Kiwi Drill", 0.2),
            ),
            "detail": (
                ("Lengan Panjang", 0.5),
                ("Lengan Pendek", 0.3),
                ("Bordir Logo", 0.6),
                ("Model Saku Tutup", 0.5),
                ("Bordir Nama dan Logo", 0.8),
            ),
        },
        (
            "Kemeja PDH bahan {bahan_l}, pola pas badan dengan ukuran S sampai 5XL.",
            "Dijahit penjahit berpengalaman; kerah tegak, saku tutup dan tempat papan nama.",
            "Warna khaki, krem atau sesuai ketentuan instansi; bordir logo di lengan dan dada.",
        ),
        "pcs",
        (150_000, 350_000),
        (12, 30),
        600,
        (14, 30),
    ),
    product(
        "pdl",
        ("Seragam PDL {pengguna}", "Seragam PDL {pengguna} {bahan}", "Baju Lapangan {pengguna}"),
        {
            "pengguna": (
                "Petugas Kebersihan",
                "PPSU Kelurahan",
                "Petugas Pertamanan",
                "Petugas Pemadam",
                "Tim Survei Lapangan",
                "Petugas Dishub",
                "Relawan Bencana",
            ),
            "bahan": (("Drill Tebal", 0.4), ("Ripstop Anti Sobek", 0.8), ("American Drill", 0.6)),
        },
        (
            "Seragam lapangan tahan lama dengan scotlight di lengan dan punggung.",
            "Bahan {bahan_l} nyaman dipakai seharian di bawah matahari, banyak saku.",
            "Sudah biasa membuat seragam {pengguna_l}; warna oranye, hijau atau biru sesuai instansi.",
        ),
        "pcs",
        (175_000, 375_000),
        (24, 50),
        800,
        (14, 30),
    ),
    product(
        "batik_seragam",
        ("Batik {jenis} Motif {motif}", "Seragam Batik {motif} {jenis}", "Kemeja Batik {motif}"),
        {
            "jenis": (("Printing", 0.1), ("Cap", 0.45), ("Cap Kombinasi Tulis", 0.7), ("Tulis", 1.0)),
            "motif": (
                "Ondel-Ondel",
                "Tumpal Betawi",
                "Nusa Kelapa",
                "Salakanagara",
                "Monas",
                "Pucuk Rebung",
                "Mangrove Pulau Seribu",
                "Burung Hong",
                "Salak Condet",
                "Kembang Kelapa",
            ),
        },
        (
            "Batik motif {motif_l} khas Jakarta, tersedia kemeja pria dan blus wanita.",
            "Kain katun primisima dijahit lengkap dengan furing; bisa pesan warna khusus instansi.",
            "Dibuat perajin batik Betawi; cocok untuk seragam Jumat dan acara resmi.",
        ),
        "pcs",
        (125_000, 650_000),
        (12, 30),
        400,
        (14, 30),
    ),
    product(
        "kaos_olahraga",
        ("Kaos Olahraga {bahan} {fitur}", "Kaos Olahraga Instansi {bahan}", "Jersey {bahan} {fitur}"),
        {
            "bahan": (
                ("Dry-Fit", 0.5),
                ("Lotto", 0.3),
                ("Benzema", 0.6),
                ("Cotton Combed 30s", 0.4),
                ("Milano", 0.5),
                ("Jacquard", 0.8),
            ),
            "fitur": (
                ("Sablon Logo", 0.2),
                ("Full Printing", 0.8),
                ("Kerah Polo", 0.6),
                ("Lengan Panjang", 0.7),
            ),
        },
        (
            "Kaos {bahan_l} menyerap keringat, cocok untuk senam Jumat dan jalan sehat.",
            "Desain gratis; sablon logo depan dan nama belakang sudah termasuk harga.",
            "Bisa campur ukuran dalam satu pesanan, dari anak-anak sampai XXXL.",
        ),
        "pcs",
        (45_000, 135_000),
        (24, 48),
        3_000,
        (7, 14),
    ),
    product(
        "rompi",
        ("Rompi {jenis}", "Rompi {jenis} {bahan}"),
        {
            "jenis": (
                ("Relawan Bordir Logo", 0.4),
                ("Lapangan Multi Saku", 0.7),
                ("Kader Jumantik", 0.2),
                ("Kader Posyandu", 0.2),
                ("Panitia Acara", 0.1),
                ("Petugas Survei", 0.4),
                ("Dokumentasi", 0.8),
            ),
            "bahan": (("Drill", 0.4), ("Taslan", 0.6), ("Parasut", 0.2), ("Kanvas", 0.9)),
        },
        (
            "Rompi bahan {bahan_l} dengan bordir atau sablon tulisan di punggung.",
            "Ringan dipakai di lapangan; pilihan warna hijau, oranye, biru dan hitam.",
            "Sering dipesan kelurahan untuk kader Jumantik dan relawan kegiatan.",
        ),
        "pcs",
        (55_000, 225_000),
        (20, 50),
        1_200,
        (7, 14),
    ),
    product(
        "jaket",
        ("Jaket {jenis}", "Jaket {jenis} Bordir Logo"),
        {
            "jenis": (
                ("Bomber Instansi", 0.7),
                ("Parasut Taslan", 0.4),
                ("Almamater", 0.6),
                ("Softshell", 1.0),
                ("Hoodie Fleece", 0.3),
                ("Varsity", 0.6),
            )
        },
        (
            "Jaket {jenis_l} dengan furing, resleting kuat dan bordir logo di dada.",
            "Cocok untuk seragam tim, komunitas dan kegiatan lapangan.",
        ),
        "pcs",
        (125_000, 375_000),
        (12, 24),
        500,
        (10, 21),
    ),
    product(
        "polo_kerudung",
        ("{item} {warna}", "{item} Sekolah {warna}"),
        {
            "item": (
                ("Kaos Polo Lacoste CVC", 0.7),
                ("Kerudung Instan", 0.2),
                ("Kerudung Segi Empat", 0.15),
                ("Kaos Polo Bordir Dada", 0.8),
                ("Peci Beludru", 0.1),
            ),
            "warna": ("Putih", "Hitam", "Navy", "Abu-Abu", "Hijau Botol", "Marun"),
        },
        (
            "{item} warna {warna_l}, jahitan rapi dan tidak luntur setelah dicuci.",
            "Harga grosir untuk sekolah dan kantor; bisa bordir logo kecil.",
        ),
        "pcs",
        (25_000, 135_000),
        (24, 60),
        2_000,
        (5, 14),
    ),
]

PRINTING: list[dict] = [
    product(
        "spanduk",
        ("Cetak Spanduk {bahan}", "Spanduk {acara} {bahan}", "Baliho {bahan}"),
        {
            "bahan": (
                ("Flexi 280 gr", 0.0),
                ("Flexi 340 gr", 0.4),
                ("Flexi Korea 440 gr", 0.9),
                ("Flexi Frontlite", 0.6),
            ),
            "acara": ("Kegiatan Kelurahan", "Acara Sekolah", "Bazar UMKM", "Sosialisasi", "Promosi"),
        },
        (
            "Cetak spanduk bahan {bahan_l} dengan mesin outdoor, warna tajam dan tahan hujan.",
            "Harga per meter persegi, sudah termasuk mata ayam dan lipat pinggir; desain bantu gratis.",
            "File masuk pagi bisa jadi sore, asal desain sudah final.",
        ),
        "m²",
        (25_000, 45_000),
        (1, 3),
        3_000,
        (1, 2),
    ),
    product(
        "banner",
        ("{banner}", "{banner} Siap Pakai"),
        {
            "banner": (
                ("X-Banner 60x160 + Stand", 75_000, 125_000),
                ("Roll Up Banner 80x200", 250_000, 450_000),
                ("Y-Banner 60x160", 90_000, 140_000),
                ("Backdrop Panggung 3x2 m", 450_000, 850_000),
                ("Tripod Banner", 150_000, 250_000),
            )
        },
        (
            "Sudah termasuk cetak dan rangka; bahan albatros atau flexi sesuai pilihan.",
            "Cocok untuk meja informasi, pameran dan pelayanan publik keliling.",
        ),
        "pcs",
        (75_000, 850_000),
        (1, 2),
        400,
        (1, 3),
    ),
    product(
        "brosur",
        ("Cetak Brosur {kertas} {ukuran}", "Cetak Leaflet {ukuran} {kertas}", "Cetak Flyer {ukuran}"),
        {
            "kertas": (
                ("Art Paper 120 gr", 0.4),
                ("Art Paper 150 gr", 0.7),
                ("HVS 80 gr", 0.0),
                ("Art Carton 210 gr", 1.0),
            ),
            "ukuran": (("A4 Lipat 3", 0.7), ("A5", 0.2), ("A4 Bolak-Balik", 0.6), ("A6", 0.0)),
        },
        (
            "Harga per lembar untuk cetak offset minimal 500 lembar; cetak digital juga bisa untuk jumlah kecil.",
            "Full color dua sisi dengan kertas {kertas_l}, potong rapi.",
            "Sering dipakai untuk materi sosialisasi program kesehatan dan kependudukan.",
        ),
        "lembar",
        (600, 2_500),
        (500, 1_000),
        50_000,
        (3, 5),
    ),
    product(
        "buku",
        ("Cetak {jenis} {jilid}", "Cetak {jenis}"),
        {
            "jenis": (
                ("Modul Pelatihan", 0.4),
                ("Buku Saku", 0.1),
                ("Laporan Tahunan", 0.8),
                ("Buku Yasin", 0.2),
                ("Buku Panduan", 0.4),
                ("Buku Profil Instansi", 1.0),
                ("Majalah Sekolah", 0.5),
            ),
            "jilid": (("Soft Cover", 0.2), ("Hard Cover", 1.0), ("Jilid Spiral", 0.3), ("Jahit Kawat", 0.0)),
        },
        (
            "Harga per eksemplar untuk isi hitam putih dengan sampul full color, jilid {jilid_l}.",
            "Melayani layout, ISBN dan proofing sebelum naik cetak.",
            "Cetak {jenis_l} dalam jumlah ratusan sampai ribuan eksemplar.",
        ),
        "eksemplar",
        (12_000, 95_000),
        (50, 100),
        5_000,
        (7, 14),
    ),
    product(
        "kartu_nama",
        ("Kartu Nama {kertas}", "Cetak Kartu Nama {kertas} {finishing}"),
        {
            "kertas": (
                ("Art Carton 260 gr", 0.2),
                ("Linen Jepang", 0.7),
                ("Fancy Paper", 0.9),
                ("Ivory 310 gr", 0.4),
            ),
            "finishing": (("Laminasi Doff", 0.4), ("Spot UV", 0.9), ("Polos", 0.0), ("Rounded Corner", 0.5)),
        },
        (
            "Harga per box isi 100 lembar, cetak dua sisi; desain ulang kartu nama pegawai gratis.",
            "Bisa pesan banyak nama dalam satu order, selesai dalam dua hari kerja.",
        ),
        "box",
        (25_000, 85_000),
        (2, 5),
        800,
        (1, 3),
    ),
    product(
        "sablon",
        ("Jasa Sablon {media} {teknik}", "Sablon {media} {teknik}"),
        {
            "media": (
                ("Kaos", 0.5),
                ("Totebag", 0.4),
                ("Jaket", 0.8),
                ("Topi", 0.5),
                ("Goodie Bag Spunbond", 0.0),
            ),
            "teknik": (
                ("Plastisol", 0.6),
                ("Rubber", 0.4),
                ("DTF Full Color", 0.8),
                ("Manual 1 Warna", 0.0),
                ("Polyflex", 0.5),
            ),
        },
        (
            "Jasa sablon {teknik_l} untuk {media_l}, harga per titik sablon ukuran A4.",
            "Bisa bawa barang sendiri atau sekalian dengan kaos dari kami.",
        ),
        "pcs",
        (5_000, 35_000),
        (24, 50),
        8_000,
        (3, 7),
    ),
    product(
        "stiker_label",
        ("Stiker {bahan} {ukuran}", "Cetak Label {bahan}"),
        {
            "bahan": (
                ("Vinyl Cutting", 0.9),
                ("Chromo Label Produk", 0.2),
                ("Vinyl Transparan", 0.7),
                ("One Way Vision Kaca", 1.0),
                ("Stiker Tahan Air", 0.5),
            ),
            "ukuran": ("A3+", "Ukuran Custom", "Bulat Diameter 5 cm"),
        },
        (
            "Harga per lembar A3+, bisa potong sesuai bentuk logo (kiss cut).",
            "Label kemasan untuk produk UMKM, lengkap dengan komposisi dan nomor izin.",
        ),
        "lembar",
        (5_000, 35_000),
        (10, 20),
        5_000,
        (1, 3),
    ),
    product(
        "papan_nama",
        ("{papan}", "Pembuatan {papan}"),
        {
            "papan": (
                ("Neon Box 1 Sisi", 650_000, 1_200_000),
                ("Huruf Timbul Stainless", 1_500_000, 3_500_000),
                ("Papan Nama Kantor Akrilik", 450_000, 950_000),
                ("Plang Nama Jalan Besi", 350_000, 750_000),
                ("Papan Informasi Kaca", 850_000, 1_800_000),
            )
        },
        (
            "Harga per unit ukuran standar; survei lokasi dan pemasangan di Jakarta sudah termasuk.",
            "Dikerjakan di bengkel sendiri, garansi lampu dan sambungan listrik enam bulan.",
        ),
        "unit",
        (350_000, 3_500_000),
        (1, 1),
        40,
        (7, 14),
    ),
    product(
        "sertifikat_kalender",
        ("Cetak {item}", "{item} Logo Instansi"),
        {
            "item": (
                ("Sertifikat Pelatihan", 2_000, 6_000),
                ("Piagam Penghargaan", 4_000, 9_000),
                ("Kalender Dinding 6 Lembar", 18_000, 38_000),
                ("Kalender Meja", 15_000, 32_000),
                ("Undangan Resmi", 2_500, 7_500),
                ("Map Raport", 12_000, 25_000),
            )
        },
        (
            "Dicetak di kertas tebal dengan nama peserta berbeda tiap lembar (variable data).",
            "Bisa pesan sekaligus dengan desain; revisi dua kali gratis.",
        ),
        "lembar",
        (2_000, 38_000),
        (50, 100),
        10_000,
        (2, 7),
    ),
]

STATIONERY: list[dict] = [
    product(
        "kertas",
        ("Kertas HVS {ukuran} {gram}", "Kertas Fotokopi {ukuran} {gram}", "HVS {ukuran} {gram} per Rim"),
        {"ukuran": (("A4", 0.3), ("F4", 0.7)), "gram": (("70 gr", 0.0), ("75 gr", 0.4), ("80 gr", 0.9))},
        (
            "Kertas putih bersih, tidak mudah macet di printer dan mesin fotokopi.",
            "Harga per rim isi 500 lembar; stok selalu ada untuk kebutuhan kantor.",
            "Bisa kirim per karton isi 5 rim ke lantai kantor.",
        ),
        "rim",
        (45_000, 65_000),
        (5, 10),
        1_500,
        (1, 2),
    ),
    product(
        "pulpen",
        ("Pulpen {jenis} {warna}", "Pulpen {jenis} Isi 12"),
        {
            "jenis": (
                ("Gel 0,5 mm", 0.6),
                ("Ballpoint Standar", 0.1),
                ("Ballpoint Cetek", 0.3),
                ("Gel Retractable", 0.8),
                ("Pena Tanda Tangan", 1.0),
            ),
            "warna": ("Hitam", "Biru", "Merah"),
        },
        (
            "Harga per lusin, tinta lancar dan tidak mudah blobor.",
            "Tersedia juga pulpen dengan cetak nama instansi untuk jumlah di atas 500 batang.",
        ),
        "lusin",
        (18_000, 90_000),
        (5, 10),
        800,
        (1, 2),
    ),
    product(
        "map",
        ("{map}", "{map} per Lusin"),
        {
            "map": (
                ("Map Snelhecter Plastik", 15_000, 25_000),
                ("Map Plastik Kancing", 18_000, 30_000),
                ("Map Batik Logo Instansi", 60_000, 95_000),
                ("Ordner Box File", 280_000, 380_000),
                ("Map Gantung", 45_000, 75_000),
                ("Stopmap Kertas", 12_000, 20_000),
            )
        },
        (
            "Harga per lusin; warna bisa campur sesuai kebutuhan arsip.",
            "Cocok untuk arsip dan berkas rapat; bisa cetak logo untuk pesanan banyak.",
        ),
        "lusin",
        (12_000, 380_000),
        (5, 10),
        600,
        (1, 3),
    ),
    product(
        "amplop",
        ("Amplop {jenis} Kop Instansi", "Amplop {jenis}"),
        {
            "jenis": (
                ("Putih 90", 25_000, 40_000),
                ("Putih 104 Jaya", 22_000, 35_000),
                ("Coklat Folio", 55_000, 85_000),
                ("Coklat Kancing", 90_000, 140_000),
                ("Putih Berjendela", 35_000, 55_000),
            )
        },
        (
            "Harga per box isi 100 lembar; cetak kop surat dan logo satu warna bisa ditambahkan.",
            "Sedia amplop untuk surat dinas dan undangan rapat, siap kirim.",
        ),
        "box",
        (22_000, 140_000),
        (5, 10),
        500,
        (1, 5),
    ),
    product(
        "paket_atk",
        ("Paket ATK {tujuan}", "Seminar Kit {tujuan}"),
        {
            "tujuan": (
                ("Siswa Baru", 0.3),
                ("Peserta Pelatihan", 0.5),
                ("Peserta Rapat", 0.2),
                ("Bimtek UMKM", 0.6),
                ("Premium Kulit", 1.0),
            )
        },
        (
            "Isi map, notes, pulpen dan tas kecil; semua bisa dicetak logo penyelenggara.",
            "Dikemas per paket siap bagi ke peserta; isi dapat disesuaikan anggaran.",
        ),
        "paket",
        (15_000, 85_000),
        (50, 100),
        2_000,
        (5, 10),
    ),
    product(
        "tinta_toner",
        ("{tinta}", "{tinta} Compatible"),
        {
            "tinta": (
                ("Tinta Isi Ulang 100 ml", 25_000, 45_000),
                ("Tinta Refill 1 Liter", 110_000, 180_000),
                ("Toner Laser 85A", 250_000, 450_000),
                ("Catridge Printer Hitam", 180_000, 320_000),
                ("Pita Printer Dot Matrix", 35_000, 65_000),
            )
        },
        (
            "Kualitas cetak setara original dengan harga lebih hemat; garansi tukar bila bermasalah.",
            "Sedia berbagai tipe untuk printer kantor yang umum dipakai di instansi.",
        ),
        "pcs",
        (25_000, 450_000),
        (3, 6),
        400,
        (1, 2),
    ),
    product(
        "atk_kecil",
        ("{item}", "{item} Grosir"),
        {
            "item": (
                ("Spidol Whiteboard Isi 12", 60_000, 95_000),
                ("Isi Staples No. 10 Isi 20 Kotak", 28_000, 45_000),
                ("Lakban Coklat 2 Inci Isi 6", 45_000, 70_000),
                ("Sticky Notes Isi 12", 40_000, 75_000),
                ("Correction Tape Isi 12", 55_000, 90_000),
                ("Stapler HD-10 Isi 12", 70_000, 120_000),
                ("Buku Tulis 38 Lembar Isi 10", 28_000, 45_000),
                ("Penggaris Besi 30 cm Isi 12", 45_000, 70_000),
                ("Klip Kertas Isi 10 Kotak", 18_000, 30_000),
            )
        },
        (
            "Harga grosir untuk kebutuhan kantor dan sekolah; barang ready di toko kami.",
            "Melayani belanja ATK bulanan instansi dengan nota lengkap.",
        ),
        "pak",
        (18_000, 120_000),
        (3, 6),
        600,
        (1, 2),
    ),
    product(
        "stempel",
        ("Stempel {jenis}", "Pembuatan Stempel {jenis}"),
        {
            "jenis": (
                ("Flash Otomatis", 0.6),
                ("Warna Biru Kantor", 0.3),
                ("Tanggal Otomatis", 0.7),
                ("Karet Gagang Kayu", 0.0),
                ("Flash 2 Warna", 1.0),
            )
        },
        (
            "Stempel dibuat sesuai desain dari instansi, jadi dalam satu hari kerja.",
            "Hasil cap tajam dan tinta tahan lama; bisa isi ulang tinta.",
        ),
        "pcs",
        (45_000, 175_000),
        (1, 3),
        300,
        (1, 2),
    ),
]

SELLING_POINTS: dict[str, tuple[str, ...]] = {
    "uniform": (
        "Gratis ukur ke kantor atau sekolah untuk pesanan di atas {free_min} {unit}.",
        "Bisa custom logo dan bordir nama, harga sudah termasuk.",
        "Penjahit tetap {staff} orang, pengerjaan sekitar {lead} hari untuk {moq} {unit}.",
        "Berpengalaman menjahit seragam instansi dan sekolah negeri di {kota}.",
        "Sampel bisa dikirim lebih dulu sebelum produksi massal.",
        "Garansi jahitan: bila ada yang lepas, kami perbaiki gratis.",
    ),
    "printing": (
        "Desain bantu gratis, revisi sampai cocok.",
        "Bisa kirim file lewat WhatsApp atau email; cetak kilat tersedia.",
        "Gratis antar untuk wilayah {kota} dengan pesanan di atas {free_min} {unit}.",
        "Mesin cetak sendiri di {kecamatan}, jadi jadwal pengerjaan bisa dipegang.",
        "Sudah biasa melayani kebutuhan cetak kelurahan dan suku dinas.",
        "Faktur dan kuitansi resmi tersedia.",
    ),
    "stationery": (
        "Barang ready stok, kirim hari yang sama untuk pesanan sebelum jam 12.",
        "Harga khusus untuk langganan kantor dan sekolah.",
        "Gratis ongkir di {kota} untuk belanja di atas {free_min} {unit}.",
        "Bisa pesan lewat daftar kebutuhan; kami siapkan dan antar ke kantor.",
        "Melayani pembelian dengan nota dan faktur pajak.",
    ),
}
