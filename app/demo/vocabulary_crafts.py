"""Furniture, souvenirs and leather goods ("furniture", "souvenir", "leather")."""

from __future__ import annotations

from app.demo.vocabulary_base import product

FURNITURE: list[dict] = [
    product(
        "meja_kantor",
        ("Meja Kantor {bahan} {ukuran}", "Meja Kerja {bahan} {ukuran}", "Meja Staf {bahan}"),
        {
            "bahan": (
                ("Multipleks HPL", 0.3),
                ("Kayu Jati Belanda", 0.2),
                ("Besi Hollow Top Kayu", 0.25),
                ("Solid Mahoni", 0.8),
                ("Jati Perhutani", 1.0),
                ("Partikel Melamin", 0.0),
            ),
            "ukuran": (
                ("120x60 cm", 0.1),
                ("140x70 cm", 0.4),
                ("160x80 cm", 0.7),
                ("Setengah Biro", 0.5),
                ("L-Shape", 0.9),
            ),
        },
        (
            "Meja {bahan_l} ukuran {ukuran_l} dengan laci kunci dan lubang kabel.",
            "Dibuat di bengkel sendiri; finishing melamin atau duco sesuai warna ruangan.",
            "Rangka kokoh, tidak goyang; bisa dibongkar pasang untuk pengiriman ke lantai atas.",
        ),
        "unit",
        (850_000, 4_500_000),
        (1, 2),
        40,
        (10, 21),
    ),
    product(
        "kursi",
        ("{kursi}", "{kursi} {warna}"),
        {
            "kursi": (
                ("Kursi Kantor Jaring Hidrolik", 650_000, 1_450_000),
                ("Kursi Kerja Sandaran Tinggi", 1_200_000, 2_500_000),
                ("Kursi Tunggu 3 Dudukan", 1_100_000, 2_200_000),
                ("Kursi Lipat Besi", 175_000, 320_000),
                ("Kursi Kuliah Lipat", 450_000, 850_000),
                ("Kursi Rapat Kaki Chrome", 550_000, 1_100_000),
                ("Kursi Rotan Teras", 450_000, 950_000),
            ),
            "warna": ("Hitam", "Abu-Abu", "Biru Dongker", "Cokelat Tua"),
        },
        (
            "Rangka kuat dan busa tebal; cocok untuk ruang kerja dan ruang rapat instansi.",
            "Garansi rangka satu tahun; suku cadang roda dan hidrolik tersedia di bengkel kami.",
            "Dirakit dan dicek satu per satu sebelum dikirim.",
        ),
        "unit",
        (175_000, 2_500_000),
        (2, 5),
        120,
        (5, 14),
    ),
    product(
        "lemari",
        ("{lemari}", "{lemari} {warna}"),
        {
            "lemari": (
                ("Lemari Arsip Besi 2 Pintu", 1_800_000, 3_200_000),
                ("Filing Cabinet 4 Laci", 1_600_000, 2_900_000),
                ("Lemari Arsip Kayu Pintu Kaca", 1_900_000, 4_200_000),
                ("Lemari Loker 12 Pintu", 2_800_000, 4_500_000),
                ("Lemari Pakaian 3 Pintu", 1_700_000, 3_500_000),
            ),
            "warna": ("Abu-Abu", "Krem", "Cokelat Jati", "Putih"),
        },
        (
            "Bahan tebal dengan kunci di setiap pintu; cocok untuk ruang arsip, tata usaha dan ruang ganti.",
            "Lemari dibuat rapi dengan engsel kuat dan rak yang bisa diatur tingginya.",
        ),
        "unit",
        (1_600_000, 4_500_000),
        (1, 2),
        40,
        (7, 21),
    ),
    product(
        "rak",
        ("{rak}", "{rak} Custom"),
        {
            "rak": (
                ("Rak Buku Perpustakaan 5 Susun", 1_200_000, 2_500_000),
                ("Rak Besi Siku Lubang 5 Susun", 350_000, 750_000),
                ("Rak Arsip Dokumen Kayu", 900_000, 1_800_000),
                ("Rak Sepatu Masjid", 450_000, 950_000),
                ("Rak Display Produk UMKM", 650_000, 1_400_000),
            )
        },
        (
            "Ukuran dan jumlah susun bisa disesuaikan dengan ruangan.",
            "Bahan tebal untuk beban berat; pengiriman dan pemasangan di Jakarta gratis.",
        ),
        "unit",
        (350_000, 2_500_000),
        (1, 4),
        60,
        (7, 14),
    ),
    product(
        "meubelair_sekolah",
        ("{item}", "Meubelair Sekolah {item}"),
        {
            "item": (
                ("Meja Kursi Siswa SD", 650_000, 950_000),
                ("Meja Kursi Siswa SMP/SMA", 750_000, 1_250_000),
                ("Meja Guru dengan Laci", 1_100_000, 2_200_000),
                ("Papan Tulis Whiteboard 120x240", 650_000, 1_500_000),
                ("Lemari Kelas Kayu", 1_300_000, 2_400_000),
                ("Meja Lab Komputer", 1_100_000, 2_000_000),
            )
        },
        (
            "Sesuai standar meubelair sekolah: kayu kering oven, sudut tumpul dan finishing aman untuk anak.",
            "Harga per set termasuk pengiriman ke sekolah di Jakarta; pernah menyuplai SD dan SMP negeri.",
        ),
        "set",
        (650_000, 2_400_000),
        (10, 30),
        300,
        (14, 30),
    ),
    product(
        "sofa_partisi",
        ("{item}", "{item} untuk Kantor"),
        {
            "item": (
                ("Sofa Tamu 3-1-1", 4_500_000, 9_500_000),
                ("Partisi Kubikal 4 Staf", 5_500_000, 11_000_000),
                ("Meja Rapat Oval 10 Orang", 4_500_000, 8_500_000),
                ("Kitchen Set Pantry 2 Meter", 4_500_000, 7_500_000),
                ("Meja Resepsionis", 3_500_000, 7_500_000),
            )
        },
        (
            "Dikerjakan custom setelah survei ukuran ruangan, gambar kerja dikirim sebelum produksi.",
            "Material HPL dan multipleks 18 mm; hasil rapi dan tahan lama.",
        ),
        "unit",
        (3_500_000, 11_000_000),
        (1, 1),
        20,
        (14, 30),
    ),
]

SOUVENIR: list[dict] = [
    product(
        "plakat",
        ("Plakat {bahan} {finishing}", "Plakat Penghargaan {bahan}", "Trofi {bahan}"),
        {
            "bahan": (
                ("Akrilik", 0.2),
                ("Kayu Jati", 0.6),
                ("Resin", 0.5),
                ("Kuningan", 0.9),
                ("Kristal", 1.0),
            ),
            "finishing": (
                ("Grafir Logo", 0.3),
                ("Cetak UV", 0.3),
                ("Kotak Beludru", 0.8),
                ("Kaki Kayu", 0.5),
            ),
        },
        (
            "Plakat {bahan_l} untuk kenang-kenangan tamu, purnabakti dan penghargaan pegawai.",
            "Desain gratis; logo instansi digrafir laser sehingga awet dan tidak pudar.",
            "Dikemas kotak eksklusif, siap diserahkan di atas panggung.",
        ),
        "pcs",
        (75_000, 650_000),
        (5, 10),
        400,
        (5, 10),
    ),
    product(
        "tumbler",
        ("Tumbler {bahan} {volume}", "Tumbler {bahan} Custom Logo", "Botol Minum {bahan} {volume}"),
        {
            "bahan": (
                ("Stainless Vakum", 0.8),
                ("Plastik BPA Free", 0.1),
                ("Kaca Sleeve Bambu", 0.5),
                ("Stainless Double Wall", 0.6),
            ),
            "volume": (("350 ml", 0.0), ("500 ml", 0.5), ("750 ml", 0.8)),
        },
        (
            "Tumbler {bahan_l} dengan cetak logo grafir atau UV print, minimal pesan kecil.",
            "Souvenir ramah lingkungan untuk seminar dan kampanye kurangi sampah plastik.",
            "Bisa dikemas kotak kraft dengan kartu ucapan.",
        ),
        "pcs",
        (25_000, 145_000),
        (24, 50),
        2_000,
        (5, 14),
    ),
    product(
        "totebag",
        ("Totebag {bahan} {sablon}", "Tas Jinjing {bahan} {sablon}", "Goodie Bag {bahan}"),
        {
            "bahan": (
                ("Kanvas", 25_000, 55_000),
                ("Blacu", 12_000, 22_000),
                ("Spunbond 75 gr", 5_000, 9_000),
                ("Drill", 18_000, 35_000),
                ("Kain Batik Betawi", 45_000, 85_000),
            ),
            "sablon": ("Sablon 1 Warna", "Sablon Full Color", "Bordir Logo", "Polos"),
        },
        (
            "Totebag {bahan_l} dengan jahitan rangkap di pegangan, kuat untuk membawa berkas.",
            "Pengganti kantong plastik untuk acara dan kampanye; sablon logo di satu atau dua sisi.",
            "Ukuran 35x40 cm, bisa tambah resleting dan saku dalam.",
        ),
        "pcs",
        (5_000, 85_000),
        (50, 100),
        3_000,
        (5, 10),
    ),
    product(
        "gantungan_kunci",
        ("Gantungan Kunci {bahan} {tema}", "Ganci {bahan} {tema}"),
        {
            "bahan": (("Akrilik", 0.3), ("Karet", 0.4), ("Kayu", 0.5), ("Logam Enamel", 1.0), ("Kulit", 0.7)),
            "tema": ("Ondel-Ondel", "Monas", "Logo Instansi", "Kerak Telor", "Bajaj", "Custom"),
        },
        (
            "Suvenir khas Jakarta untuk tamu luar kota, harga grosir per pcs.",
            "Gantungan kunci {bahan_l} desain {tema_l}, dikemas plastik dengan kartu kecil.",
        ),
        "pcs",
        (3_000, 25_000),
        (100, 200),
        8_000,
        (7, 14),
    ),
    product(
        "merchandise",
        ("{item}", "{item} Custom Logo"),
        {
            "item": (
                ("Mug Keramik Sablon", 18_000, 35_000),
                ("Payung Lipat Logo", 45_000, 85_000),
                ("Pin Logo Enamel", 8_000, 20_000),
                ("Lanyard dan ID Card Holder", 8_000, 18_000),
                ("Topi Bordir Logo", 25_000, 55_000),
                ("Flashdisk Kartu 16 GB", 45_000, 80_000),
                ("Jam Dinding Logo", 40_000, 75_000),
                ("Notebook Kulit Sintetis A5", 35_000, 70_000),
                ("Power Bank Logo 10.000 mAh", 110_000, 175_000),
            )
        },
        (
            "Cetak logo instansi dengan hasil rapi, cocok untuk seminar kit dan kenang-kenangan.",
            "Bisa minta mock-up desain dulu sebelum produksi.",
        ),
        "pcs",
        (8_000, 175_000),
        (50, 100),
        3_000,
        (7, 14),
    ),
    product(
        "kerajinan_betawi",
        ("Miniatur {item} {ukuran}", "Kerajinan {item} {ukuran}"),
        {
            "item": (
                ("Ondel-Ondel Sepasang", 0.6),
                ("Rumah Kebaya Betawi", 0.9),
                ("Bajaj", 0.4),
                ("Monas", 0.3),
                ("Kapal Pinisi", 1.0),
                ("Tanjidor", 0.5),
            ),
            "ukuran": (("15 cm", 0.0), ("30 cm", 0.4), ("50 cm", 0.8)),
        },
        (
            "Kerajinan tangan perajin Jakarta untuk cendera mata tamu dan delegasi.",
            "Dibuat dengan tangan; detail warna khas Betawi dan kotak mika pelindung.",
        ),
        "pcs",
        (35_000, 450_000),
        (5, 10),
        200,
        (7, 14),
    ),
    product(
        "kerajinan_kerang",
        ("Kerajinan Kerang {bentuk}", "{bentuk} dari Kerang Pulau Seribu"),
        {
            "bentuk": (
                ("Bingkai Foto", 0.4),
                ("Lampu Hias", 0.9),
                ("Gantungan Kunci", 0.0),
                ("Tempat Tisu", 0.5),
                ("Hiasan Dinding", 0.7),
            )
        },
        (
            "Dibuat dari kerang dan cangkang laut yang dikumpulkan warga Kepulauan Seribu.",
            "Kerajinan khas pulau untuk suvenir tamu; tiap bentuk sedikit berbeda karena buatan tangan.",
        ),
        "pcs",
        (15_000, 175_000),
        (10, 20),
        300,
        (5, 10),
        island=True,
    ),
]

LEATHER: list[dict] = [
    product(
        "tas_kulit",
        ("Tas {model} Kulit {jenis}", "Tas {model} Kulit {jenis} Handmade"),
        {
            "model": (
                ("Selempang", 0.3),
                ("Ransel", 0.7),
                ("Dokumen", 0.6),
                ("Laptop 14 Inci", 0.8),
                ("Tote Wanita", 0.5),
                ("Pinggang", 0.0),
            ),
            "jenis": (
                ("Sapi Asli", 450_000, 1_200_000),
                ("Domba", 350_000, 900_000),
                ("Sintetis", 150_000, 350_000),
                ("Sapi Crazy Horse", 650_000, 1_500_000),
            ),
        },
        (
            "Tas {model_l} kulit {jenis_l}, dijahit tangan dengan benang nilon kuat.",
            "Bisa emboss logo instansi atau inisial nama; cocok untuk kenang-kenangan purnabakti.",
            "Dikerjakan perajin kulit dengan pengalaman lebih dari sepuluh tahun.",
        ),
        "pcs",
        (150_000, 1_500_000),
        (1, 5),
        120,
        (7, 21),
    ),
    product(
        "dompet",
        ("Dompet {model} Kulit {jenis}", "Dompet Kulit {jenis} Model {model}"),
        {
            "model": (("Pria Lipat", 0.4), ("Wanita Panjang", 0.7), ("Kartu", 0.1), ("Paspor", 0.6)),
            "jenis": (
                ("Sapi Asli", 150_000, 450_000),
                ("Domba", 120_000, 350_000),
                ("Sintetis", 65_000, 150_000),
            ),
        },
        (
            "Dompet kulit {jenis_l} dengan banyak slot kartu, jahitan rapi dan tepi dicat.",
            "Tersedia warna hitam, cokelat tua dan tan; bisa grafir nama.",
        ),
        "pcs",
        (65_000, 450_000),
        (3, 10),
        250,
        (5, 14),
    ),
    product(
        "sepatu_pantofel",
        ("Sepatu Pantofel {pengguna} {jenis}", "Pantofel {pengguna}"),
        {
            "pengguna": (
                ("Pria", 0.6),
                ("Wanita Hak 3 cm", 0.5),
                ("PDH", 0.7),
                ("Paskibra", 0.8),
                ("Anak Sekolah", 0.1),
            ),
            "jenis": (
                ("Kulit Sapi", 350_000, 750_000),
                ("Kulit Kilap", 300_000, 650_000),
                ("Kulit Sintetis", 150_000, 300_000),
            ),
        },
        (
            "Sepatu {jenis_l} dengan sol karet anti licin, nyaman dipakai berdiri lama.",
            "Ukuran 36 sampai 45; bisa ukur kaki di tempat untuk pesanan seragam.",
            "Produksi perajin sepatu Jakarta, bisa pesan model sesuai contoh instansi.",
        ),
        "pasang",
        (150_000, 750_000),
        (6, 12),
        200,
        (10, 21),
    ),
    product(
        "ikat_pinggang",
        ("Ikat Pinggang Kulit {jenis} {gesper}", "Sabuk Kulit {jenis}"),
        {
            "jenis": (
                ("Sapi Asli", 150_000, 350_000),
                ("Sintetis", 50_000, 120_000),
                ("Kerbau", 120_000, 300_000),
            ),
            "gesper": (("Gesper Logo Instansi", 0.9), ("Gesper Rel Otomatis", 0.5), ("Gesper Klasik", 0.3)),
        },
        (
            "Ikat pinggang kulit {jenis_l} tebal 3,5 cm, awet dan tidak mudah retak.",
            "Gesper logo bisa dibuat khusus untuk seragam dinas.",
        ),
        "pcs",
        (50_000, 350_000),
        (12, 24),
        400,
        (7, 14),
    ),
    product(
        "tas_seminar",
        ("Tas Seminar {bahan} {detail}", "Tas Rapat {bahan}"),
        {
            "bahan": (
                ("Kulit Sintetis", 0.5),
                ("D300 Polyester", 0.2),
                ("Kanvas Kombinasi Kulit", 0.8),
                ("Oscar", 0.3),
            ),
            "detail": (("Bordir Logo", 0.6), ("Sablon Logo", 0.3), ("Slot Laptop", 0.8)),
        },
        (
            "Tas seminar bahan {bahan_l} dengan sekat dokumen, tempat pulpen dan tali selempang.",
            "Langganan panitia rapat kerja dan bimtek; pengerjaan ratusan pcs bisa bertahap.",
        ),
        "pcs",
        (55_000, 225_000),
        (50, 100),
        1_200,
        (10, 21),
    ),
    product(
        "kulit_lain",
        ("{item}", "{item} Handmade"),
        {
            "item": (
                ("Jaket Kulit Domba", 850_000, 2_200_000),
                ("Sandal Kulit Pria", 95_000, 250_000),
                ("Cover Agenda Kulit Logo", 85_000, 200_000),
                ("Gantungan Kunci Kulit", 10_000, 30_000),
                ("Tempat Kartu Nama Kulit", 45_000, 110_000),
                ("Sepatu Boots Kulit", 550_000, 1_200_000),
            )
        },
        (
            "Dikerjakan tangan dari kulit pilihan, jahitan rapat dan finishing halus.",
            "Bisa custom warna dan emboss logo untuk hadiah kantor.",
        ),
        "pcs",
        (10_000, 2_200_000),
        (3, 10),
        150,
        (7, 21),
    ),
]

SELLING_POINTS: dict[str, tuple[str, ...]] = {
    "furniture": (
        "Garansi rangka satu tahun dan servis purnajual di Jakarta.",
        "Survei dan ukur ruangan gratis untuk wilayah {kota}.",
        "Pengiriman dan pemasangan gratis untuk pesanan di atas {free_min} {unit}.",
        "Bengkel sendiri di {kecamatan}; bisa datang melihat contoh barang.",
        "Pernah menyuplai meubelair untuk sekolah dan kantor kelurahan.",
        "Kayu dari pemasok bersertifikat legalitas kayu (SVLK).",
    ),
    "souvenir": (
        "Desain dan mock-up gratis sebelum produksi.",
        "Minimal pesan {moq} {unit}; pengerjaan sekitar {lead} hari kerja.",
        "Bisa custom logo, nama acara dan kemasan.",
        "Kemasan bisa disesuaikan untuk suvenir tamu dan peserta acara.",
        "Gratis ongkir Jabodetabek untuk pesanan di atas {free_min} {unit}.",
    ),
    "leather": (
        "Garansi jahitan enam bulan.",
        "Bisa emboss logo atau nama untuk pesanan kantor.",
        "Workshop kami di {kecamatan}, terbuka untuk kunjungan dan ukur langsung.",
        "Bahan kulit dari penyamakan lokal.",
        "Pesanan massal {moq} {unit} ke atas dapat harga grosir.",
    ),
}
