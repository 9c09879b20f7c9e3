"""The vocabulary the synthetic catalogue (``synthetic.py``) is assembled from.

Indonesian product, selling-point, logistics and seller-profile words and sentences per
category; category names and places come from the app's reference data (``reference.py``).
"""

from __future__ import annotations

from typing import Any

from .reference import CATEGORIES, JAKARTA

# Category names and kecamatan come from the app's reference data (one copy, in ``reference``).
CATEGORY_NAMES: dict[str, str] = {str(c["slug"]): str(c["name_id"]) for c in CATEGORIES}

# Kota in the order the synthetic catalogue draws them (``KOTA_WEIGHTS`` follows this order).
_KOTA_ORDER = (
    "Jakarta Selatan",
    "Jakarta Timur",
    "Jakarta Pusat",
    "Jakarta Barat",
    "Jakarta Utara",
    "Kepulauan Seribu",
)
PLACES: dict[str, tuple[str, ...]] = {
    short: tuple(str(k["name"]) for entry in JAKARTA if entry["short"] == short for k in entry["kecamatan"])
    for short in _KOTA_ORDER
}
KOTA_WEIGHTS = (28, 30, 12, 22, 17, 1)

# category -> (unit, (low, high) price, [(title template, slot a options, slot b options)],
#              product sentences, seller heads)
CATEGORY_VOCABULARY: dict[str, tuple[Any, ...]] = {
    "catering": (
        "kotak",
        (18_000, 65_000),
        [
            (
                "Nasi Kotak {a} {b}",
                ("Ayam Bakar", "Rendang", "Ayam Goreng", "Ikan Bakar", "Empal", "Ayam Betutu"),
                ("Komplit", "Paket Rapat", "Prasmanan", "Hemat", "Spesial"),
            ),
            (
                "Tumpeng {a} {b}",
                ("Nasi Kuning", "Nasi Uduk", "Nasi Liwet"),
                ("Mini", "Syukuran", "Lengkap", "Peresmian"),
            ),
            (
                "Katering {a} {b}",
                ("Harian Karyawan", "Acara Kantor", "Pelatihan", "Posyandu"),
                ("Menu Nusantara", "Menu Betawi", "Sehat Bergizi"),
            ),
        ],
        (
            "Menu {a_l} dimasak setiap pagi dengan bumbu rempah asli.",
            "Nasi, lauk, sayur, kerupuk, buah dan air mineral dalam satu kotak.",
            "Cocok untuk rapat, pelatihan dan acara instansi.",
            "Menu bisa diganti setiap hari sesuai permintaan.",
        ),
        ("Katering", "Dapur", "Warung Nasi", "Rumah Makan"),
    ),
    "snack": (
        "kotak",
        (8_000, 35_000),
        [
            (
                "Snack Box {a} {b}",
                ("Kue Basah", "Kue Kering", "Roti Manis", "Jajanan Pasar"),
                ("Isi 3", "Isi 4", "Rapat", "Premium"),
            ),
            (
                "{a} {b}",
                ("Kue Lapis", "Risoles", "Lemper", "Pastel", "Dadar Gulung", "Bolu Pandan", "Kue Cubit"),
                ("Isi Ayam", "Mini", "Kotak Hias", "Tradisional"),
            ),
        ],
        (
            "{a_l} dibuat segar setiap hari tanpa pengawet.",
            "Dikemas rapi dalam kotak dengan label tanggal produksi.",
            "Cocok untuk suguhan rapat dan arisan.",
            "Rasa manis pas, bahan mentega asli.",
        ),
        ("Kue", "Dapur Kue", "Toko Roti", "Jajanan"),
    ),
    "uniform": (
        "pcs",
        (45_000, 350_000),
        [
            (
                "Seragam {a} {b}",
                ("PDH", "PDL", "Batik Kantor", "Sekolah SD", "Olahraga", "Satpam"),
                ("Lengan Panjang", "Lengan Pendek", "Bordir Logo", "Drill Tebal"),
            ),
            (
                "Kaos {a} {b}",
                ("Polo", "Olahraga", "Komunitas", "Kegiatan"),
                ("Sablon Logo", "Cotton Combed", "Dry-Fit", "Full Printing"),
            ),
        ],
        (
            "Bahan {b_l} adem dan jahitan rapi.",
            "Ukuran lengkap dari S sampai 5XL, bisa ukur langsung.",
            "Logo instansi dibordir sekaligus tanpa biaya tambahan.",
            "Sudah biasa melayani seragam {a_l} kantor pemerintah.",
        ),
        ("Konveksi", "Penjahit", "Garmen", "Butik"),
    ),
    "printing": (
        "lembar",
        (500, 250_000),
        [
            (
                "Cetak {a} {b}",
                ("Spanduk", "Brosur", "Kalender", "Buku Yasin", "Kartu Nama", "Banner", "Stiker"),
                ("Full Color", "Art Paper", "Flexi Korea", "Express"),
            ),
            (
                "{a} {b}",
                ("Papan Nama", "Neon Box", "Baliho", "Umbul-Umbul"),
                ("Kantor", "Acara", "Kelurahan", "Akrilik"),
            ),
        ],
        (
            "Cetak {a_l} hasil tajam dengan mesin digital.",
            "Desain gratis dan bisa revisi sampai cocok.",
            "Bisa selesai satu hari untuk pesanan mendesak.",
            "Harga grosir untuk pesanan instansi.",
        ),
        ("Percetakan", "Digital Printing", "Advertising", "Sablon"),
    ),
    "stationery": (
        "rim",
        (3_000, 75_000),
        [
            (
                "{a} {b}",
                ("Kertas HVS", "Map Plastik", "Pulpen", "Buku Tulis", "Amplop", "Tinta Printer", "Ordner"),
                ("A4 70 gsm", "F4", "Isi 12", "Grosir", "Kantor"),
            )
        ],
        (
            "{a_l} stok selalu tersedia untuk kebutuhan kantor.",
            "Harga grosir untuk pembelian partai.",
            "Bisa kirim rutin setiap bulan ke kantor.",
            "Produk original bergaransi.",
        ),
        ("Toko ATK", "Grosir ATK", "Toko Buku", "Fotokopi"),
    ),
    "furniture": (
        "unit",
        (350_000, 6_500_000),
        [
            (
                "{a} {b}",
                (
                    "Meja Kantor",
                    "Kursi Kerja",
                    "Lemari Arsip",
                    "Rak Buku",
                    "Meja Rapat",
                    "Sofa Tamu",
                    "Bangku Sekolah",
                ),
                ("Kayu Jati", "Besi", "Minimalis", "Custom", "HPL"),
            )
        ],
        (
            "{a_l} dibuat di bengkel sendiri dengan kayu pilihan.",
            "Finishing halus, tahan lama dan bergaransi.",
            "Bisa pesan ukuran dan warna sesuai ruangan.",
            "Termasuk antar dan pasang di lokasi.",
        ),
        ("Mebel", "Furnitur", "Meubel", "Bengkel Kayu"),
    ),
    "souvenir": (
        "pcs",
        (5_000, 150_000),
        [
            (
                "Suvenir {a} {b}",
                (
                    "Gantungan Kunci",
                    "Tumbler",
                    "Plakat",
                    "Miniatur Ondel-Ondel",
                    "Tas Anyaman",
                    "Batik Tulis",
                ),
                ("Logo Instansi", "Khas Betawi", "Seminar", "Ukir Nama"),
            )
        ],
        (
            "{a_l} buatan perajin lokal Jakarta.",
            "Bisa cetak logo dan nama acara.",
            "Cocok untuk kenang-kenangan tamu dan peserta seminar.",
            "Dikemas dalam kotak mika.",
        ),
        ("Kerajinan", "Suvenir", "Galeri", "Kriya"),
    ),
    "cleaning": (
        "paket",
        (15_000, 2_500_000),
        [
            (
                "{a} {b}",
                (
                    "Jasa Cleaning Service",
                    "Sabun Cuci Piring",
                    "Karbol Wangi",
                    "Pembersih Lantai",
                    "Fogging Nyamuk",
                    "Cuci Karpet",
                ),
                ("Kantor", "Sekolah", "Jerigen 5 Liter", "Bulanan", "Harian"),
            )
        ],
        (
            "{a_l} untuk gedung kantor dan sekolah.",
            "Tenaga terlatih dan peralatan lengkap.",
            "Produk aman, wangi tahan lama.",
            "Bisa kontrak bulanan dengan laporan kerja.",
        ),
        ("Cleaning", "Sabun", "Jasa Bersih", "Kebersihan"),
    ),
    "laundry": (
        "kg",
        (6_000, 45_000),
        [
            (
                "Laundry {a} {b}",
                ("Kiloan", "Seragam", "Linen Hotel", "Karpet", "Gorden", "Mukena Masjid"),
                ("Ekspres", "Antar Jemput", "Setrika Rapi", "Harian"),
            )
        ],
        (
            "Cuci {a_l} bersih, wangi dan disetrika rapi.",
            "Antar jemput gratis di sekitar kecamatan.",
            "Selesai dalam dua hari, ekspres enam jam.",
            "Kontrak rutin untuk kantor dan puskesmas.",
        ),
        ("Laundry", "Binatu", "Cuci Kilat", "Laundry Kiloan"),
    ),
    "ppe": (
        "pcs",
        (3_000, 450_000),
        [
            (
                "{a} {b}",
                (
                    "Masker Medis",
                    "Sarung Tangan",
                    "Helm Proyek",
                    "Rompi Scotlight",
                    "Sepatu Safety",
                    "Jas Hujan",
                ),
                ("3 Ply", "Nitril", "SNI", "Petugas Lapangan", "Grosir"),
            )
        ],
        (
            "{a_l} standar keselamatan kerja.",
            "Stok banyak untuk kebutuhan petugas lapangan.",
            "Sudah bertanda SNI dan bisa dilampirkan sertifikat.",
            "Harga khusus untuk pembelian instansi.",
        ),
        ("Toko Safety", "APD", "Alat Keselamatan", "Teknik"),
    ),
    "beverage": (
        "botol",
        (3_000, 60_000),
        [
            (
                "{a} {b}",
                ("Kopi Bubuk", "Teh Melati", "Jahe Merah", "Es Kopi Susu", "Air Mineral", "Sari Kedelai"),
                ("Botol 250 ml", "Sachet", "Literan", "Robusta Lokal", "Tanpa Gula"),
            )
        ],
        (
            "{a_l} diproduksi sendiri dari bahan segar.",
            "Cocok untuk suguhan rapat dan acara.",
            "Izin PIRT dan halal lengkap.",
            "Bisa pesan label dengan logo instansi.",
        ),
        ("Kedai", "Kopi", "Minuman", "Jamu"),
    ),
    "produce": (
        "kg",
        (5_000, 180_000),
        [
            (
                "{a} {b}",
                (
                    "Beras Premium",
                    "Sayur Segar",
                    "Telur Ayam",
                    "Ikan Kembung",
                    "Cabai Merah",
                    "Bawang Merah",
                    "Daging Sapi",
                ),
                ("Grosir", "Petani Lokal", "Pasar Induk", "Karungan", "Harian"),
            )
        ],
        (
            "{a_l} segar langsung dari petani dan pasar induk.",
            "Dikirim pagi hari ke dapur dan kantin.",
            "Harga mengikuti pasar dengan nota lengkap.",
            "Bisa langganan mingguan untuk posyandu dan panti.",
        ),
        ("Toko Sembako", "Grosir", "Agen", "Tani"),
    ),
    "plants": (
        "pcs",
        (10_000, 3_500_000),
        [
            (
                "{a} {b}",
                (
                    "Tanaman Hias",
                    "Bibit Pohon",
                    "Pot Tanaman",
                    "Jasa Taman",
                    "Rumput Gajah Mini",
                    "Tanaman Buah",
                ),
                ("Kantor", "Trembesi", "Vertikal Garden", "Perawatan Bulanan", "Anggrek"),
            )
        ],
        (
            "{a_l} sehat dan siap tanam.",
            "Bisa sekalian pasang dan rawat taman kantor.",
            "Cocok untuk penghijauan jalan dan RPTRA.",
            "Garansi tanaman hidup dua minggu.",
        ),
        ("Nursery", "Taman", "Kebun", "Florist"),
    ),
    "event": (
        "paket",
        (250_000, 25_000_000),
        [
            (
                "Sewa {a} {b}",
                ("Tenda", "Sound System", "Kursi Futura", "Panggung", "Genset", "Proyektor"),
                ("Acara Kantor", "Pernikahan", "Dekorasi", "Lengkap Operator"),
            )
        ],
        (
            "Sewa {a_l} lengkap dengan kru berpengalaman.",
            "Pasang dan bongkar di lokasi acara.",
            "Melayani acara kelurahan, sekolah dan instansi.",
            "Harga paket termasuk transport.",
        ),
        ("Event Organizer", "Sewa Tenda", "Dekorasi", "Persewaan"),
    ),
    "repair": (
        "unit",
        (75_000, 2_500_000),
        [
            (
                "Servis {a} {b}",
                ("AC Split", "Komputer", "Printer", "Genset", "Pompa Air", "Mobil Dinas", "Motor"),
                ("Panggilan", "Kontrak Rutin", "Ganti Sparepart", "Bergaransi"),
            )
        ],
        (
            "Servis {a_l} oleh teknisi berpengalaman.",
            "Bisa datang ke kantor pada hari yang sama.",
            "Sparepart original dan bergaransi.",
            "Kontrak perawatan rutin dengan laporan.",
        ),
        ("Teknik", "Bengkel", "Servis", "Elektronik"),
    ),
    "leather": (
        "pcs",
        (85_000, 1_200_000),
        [
            (
                "{a} {b}",
                (
                    "Tas Kulit",
                    "Sepatu Pantofel",
                    "Dompet Kulit",
                    "Ikat Pinggang",
                    "Tas Laptop",
                    "Sandal Kulit",
                ),
                ("Asli", "Pria", "Wanita", "Grafir Nama", "Dinas"),
            )
        ],
        (
            "{a_l} dibuat tangan dari kulit sapi asli.",
            "Jahitan kuat dan rapi, tahan bertahun-tahun.",
            "Bisa grafir nama atau logo instansi.",
            "Melayani pesanan seragam dinas.",
        ),
        ("Kulit", "Sepatu", "Tas", "Workshop"),
    ),
    "it": (
        "paket",
        (500_000, 45_000_000),
        [
            (
                "{a} {b}",
                (
                    "Pembuatan Website",
                    "Aplikasi Android",
                    "Instalasi Jaringan",
                    "CCTV",
                    "Sistem Informasi",
                    "Pelatihan Digital",
                ),
                ("Instansi", "Sekolah", "UMKM", "Kelurahan", "Lengkap"),
            )
        ],
        (
            "{a_l} dikerjakan tim programmer lokal.",
            "Termasuk pelatihan dan dukungan teknis setahun.",
            "Berpengalaman menangani proyek kelurahan dan sekolah.",
            "Domain, hosting dan perawatan bisa sekalian.",
        ),
        ("Digital", "Solusi", "Teknologi", "Komputer"),
    ),
    "transport": (
        "hari",
        (150_000, 4_500_000),
        [
            (
                "{a} {b}",
                ("Sewa Mobil", "Sewa Bus", "Jasa Kurir", "Pindahan Kantor", "Sewa Truk", "Ojek Barang"),
                ("Dengan Sopir", "Harian", "Antar Kota", "Engkel", "Box"),
            )
        ],
        (
            "{a_l} dengan armada terawat dan sopir berpengalaman.",
            "Harga sudah termasuk BBM dan tol dalam kota.",
            "Bisa kontrak bulanan untuk kantor.",
            "Melayani kunjungan kerja dan acara instansi.",
        ),
        ("Trans", "Rental", "Ekspedisi", "Angkutan"),
    ),
    "hampers": (
        "paket",
        (75_000, 1_500_000),
        [
            (
                "{a} {b}",
                ("Parsel Lebaran", "Hampers Natal", "Parsel Buah", "Hampers Kue Kering", "Parsel Sembako"),
                ("Premium", "Keranjang Rotan", "Eksklusif", "Kantor", "Hemat"),
            )
        ],
        (
            "{a_l} dikemas cantik dengan kartu ucapan.",
            "Isi bisa disesuaikan dengan anggaran.",
            "Antar ke alamat penerima di seluruh Jakarta.",
            "Cocok untuk relasi dan pegawai.",
        ),
        ("Parsel", "Hampers", "Bingkisan", "Gift"),
    ),
}
SELLING_POINTS = (
    "Pembayaran bisa termin sesuai aturan pengadaan.",
    "Faktur dan kuitansi lengkap untuk SPJ.",
    "Produk asli buatan UMKM Jakarta.",
    "Melayani pesanan kecil maupun besar.",
    "Minimal pesan {moq} {unit}.",
    "Kapasitas sampai {cap} {unit} per bulan.",
    "Gratis ongkir untuk wilayah {kota}.",
    "Pengiriman ke seluruh Jakarta.",
    "Sudah terdaftar di e-katalog lokal.",
    "Respons cepat lewat WhatsApp.",
)
SELLER_NICKNAMES = (
    "Sri",
    "Ani",
    "Rina",
    "Dewi",
    "Wati",
    "Yuni",
    "Ratna",
    "Lilis",
    "Ida",
    "Fitri",
    "Tuti",
    "Nur",
    "Agus",
    "Budi",
    "Joko",
    "Slamet",
    "Hendra",
    "Rudi",
    "Asep",
    "Iwan",
    "Eko",
    "Heru",
    "Yusuf",
    "Rizal",
    "Mamat",
    "Jali",
    "Sabeni",
    "Haris",
    "Acong",
    "Butet",
    "Imel",
    "Leha",
    "Odah",
    "Ros",
)
SELLER_NAME_WORDS = (
    "Berkah",
    "Barokah",
    "Jaya",
    "Makmur",
    "Sejahtera",
    "Mandiri",
    "Sentosa",
    "Abadi",
    "Lestari",
    "Cahaya",
    "Sinar",
    "Maju",
    "Karya",
    "Mulia",
    "Rezeki",
    "Amanah",
    "Bersama",
    "Nusantara",
)
SELLER_ABOUT = (
    "Usaha keluarga sejak {year} di {kec}, {kota}.",
    "Kami UMKM binaan Jakpreneur dari {kec}.",
    "Berdiri sejak {year}, mempekerjakan {staff} warga sekitar.",
    "Melayani kantor kelurahan, sekolah dan perusahaan di {kota}.",
    "Spesialis {cat} untuk instansi pemerintah dan swasta.",
)
REQUEST_OPENERS = ("Belanja", "Pengadaan", "Pengadaan Langsung", "Belanja Jasa", "Kebutuhan")
REQUEST_PURPOSES = (
    "untuk kantor kelurahan",
    "untuk kegiatan sosialisasi",
    "untuk Puskesmas Kecamatan",
    "untuk sekolah negeri",
    "untuk rapat koordinasi",
    "untuk petugas PPSU",
    "",
)
