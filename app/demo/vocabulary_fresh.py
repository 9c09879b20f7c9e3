"""Beverages, fresh produce and hampers ("beverage", "produce", "hampers")."""

from __future__ import annotations

from app.demo.vocabulary_base import product

BEVERAGE: list[dict] = [
    product(
        "kopi",
        ("Kopi {asal} {jenis} {berat}", "Kopi {asal} {berat}"),
        {
            "asal": (
                ("Arabika Gayo", 0.8),
                ("Arabika Toraja", 0.85),
                ("Robusta Lampung", 0.2),
                ("Arabika Kerinci", 0.7),
                ("Robusta Temanggung", 0.3),
                ("Arabika Flores Bajawa", 0.75),
                ("House Blend", 0.3),
                ("Arabika Java Preanger", 0.7),
                ("Robusta Dampit", 0.25),
            ),
            "jenis": ("Biji Sangrai", "Bubuk Halus", "Bubuk Tubruk", "Medium Roast"),
            "berat": (("200 gr", 0.0), ("250 gr", 0.1), ("500 gr", 0.45), ("1 kg", 1.0)),
        },
        (
            "Disangrai sendiri di {kecamatan} setiap minggu, tanggal sangrai tertera di kemasan.",
            "Kopi {asal_l} dengan karakter rasa manis dan asam yang seimbang, cocok untuk pantry kantor.",
            "Kemasan valve bag {berat} supaya aroma tetap terjaga; bisa digiling sesuai alat seduh.",
        ),
        "bungkus",
        (40_000, 320_000),
        (5, 10),
        400,
        (2, 4),
    ),
    product(
        "kopi_literan",
        ("Kopi Susu {rasa} Literan", "Es Kopi Susu {rasa} 1 Liter", "Kopi Susu {rasa} Kemasan 1 Liter"),
        {"rasa": ("Gula Aren", "Pandan", "Karamel", "Original", "Oat Milk", "Rum Nonalkohol")},
        (
            "Kopi susu {rasa_l} dibuat dari espresso segar, disimpan dingin dan tahan tiga hari di kulkas.",
            "Sering dipesan untuk rapat pagi dan acara kantor; botol bisa diberi stiker logo.",
            "Gula bisa dikurangi sesuai permintaan; dikirim dengan cooler box.",
        ),
        "liter",
        (55_000, 120_000),
        (5, 10),
        600,
        (1, 2),
    ),
    product(
        "teh",
        ("Teh {jenis} {kemasan}", "Teh {jenis} Premium"),
        {
            "jenis": (
                ("Melati Tubruk", 0.2),
                ("Hijau Lokal", 0.4),
                ("Rosella Kering", 0.6),
                ("Serai Jahe", 0.5),
                ("Hitam Orthodox", 0.5),
                ("Telang Kering", 0.7),
                ("Putih Gunung", 1.0),
            ),
            "kemasan": (("Celup Isi 25", 0.2), ("Kemasan 100 gr", 0.5), ("Pouch 250 gr", 0.9)),
        },
        (
            "Teh {jenis_l} dari kebun rakyat Jawa Barat, dikemas ulang di Jakarta.",
            "Seduhan wangi dan tidak pahit; pas untuk jamuan tamu dan pantry kantor.",
            "Tersedia kemasan besar untuk kebutuhan dapur kantor dan katering.",
        ),
        "bungkus",
        (15_000, 120_000),
        (10, 20),
        800,
        (2, 4),
    ),
    product(
        "jamu",
        ("Jamu {jenis} {kemasan}", "Jamu {jenis} Segar"),
        {
            "jenis": (
                "Kunyit Asam",
                "Beras Kencur",
                "Temulawak",
                "Sinom",
                "Jahe Merah",
                "Wedang Uwuh",
                "Kunyit Sirih",
                "Temulawak Madu",
            ),
            "kemasan": (
                ("Botol 250 ml", 0.0),
                ("Botol 330 ml", 0.2),
                ("Botol 500 ml", 0.5),
                ("Botol 1 Liter", 1.0),
            ),
        },
        (
            "Jamu {jenis_l} diracik dari rempah segar tanpa pemanis buatan.",
            "Dibuat setiap hari dan diantar dingin; tahan lima hari di lemari es.",
            "Cocok untuk program kebugaran pegawai dan acara senam pagi kantor.",
        ),
        "botol",
        (8_000, 45_000),
        (20, 50),
        2_000,
        (1, 2),
    ),
    product(
        "bir_pletok",
        ("Bir Pletok {kemasan}", "Bir Pletok Betawi {kemasan}", "Bir Pletok Siap Seduh {kemasan}"),
        {
            "kemasan": (
                ("Botol 250 ml", 0.1),
                ("Botol 500 ml", 0.5),
                ("Serbuk Sachet Isi 10", 0.4),
                ("Botol 1 Liter", 1.0),
            )
        },
        (
            "Minuman rempah khas Betawi dari jahe, secang, serai dan kayu manis, tanpa alkohol.",
            "Resep turun-temurun keluarga Betawi; hangat diminum panas atau dingin.",
            "Sering jadi suguhan tamu di acara kebudayaan dan kantor pemerintahan.",
        ),
        "botol",
        (10_000, 40_000),
        (20, 50),
        1_500,
        (1, 3),
    ),
    product(
        "air_mineral",
        ("Air Mineral {kemasan}", "Air Minum {kemasan}"),
        {
            "kemasan": (
                ("Gelas 220 ml Isi 48", 25_000, 35_000),
                ("Botol 330 ml Isi 24", 35_000, 48_000),
                ("Botol 600 ml Isi 24", 45_000, 62_000),
                ("Botol 1500 ml Isi 12", 48_000, 65_000),
            )
        },
        (
            "Agen resmi air minum dalam kemasan; stok selalu tersedia untuk rapat dan acara.",
            "Harga per dus, sudah termasuk antar ke lantai gedung bila ada lift.",
            "Tersedia juga merek lokal produksi Jabodetabek dengan harga lebih hemat.",
        ),
        "dus",
        (25_000, 65_000),
        (10, 20),
        3_000,
        (1, 1),
    ),
    product(
        "sari_buah",
        ("Sari Buah {buah} {ml}", "Jus {buah} Cold Pressed {ml}", "Minuman {buah} {ml}"),
        {
            "buah": (
                "Jeruk Peras",
                "Markisa",
                "Jambu Merah",
                "Sirsak",
                "Lemon Madu",
                "Belimbing Wuluh",
                "Salak Condet",
                "Nanas Madu",
            ),
            "ml": (("250 ml", 0.1), ("330 ml", 0.3), ("500 ml", 0.6), ("1 Liter", 1.0)),
        },
        (
            "Diperas dari buah segar tanpa tambahan pengawet, dibotolkan dalam kemasan {ml}.",
            "Sari {buah_l} dengan manis alami; cocok untuk suguhan rapat dan acara outdoor.",
            "Produksi harian dalam jumlah terbatas agar tetap segar; simpan dingin.",
        ),
        "botol",
        (10_000, 45_000),
        (20, 50),
        1_500,
        (1, 2),
    ),
    product(
        "minuman_pulau",
        ("Minuman Rumput Laut {rasa} {ml}", "Sirup Rumput Laut {rasa}", "Jeli Minum Rumput Laut {rasa}"),
        {
            "rasa": ("Jeruk Nipis", "Mangga", "Leci", "Sirsak", "Pandan", "Markisa"),
            "ml": (("250 ml", 0.1), ("330 ml", 0.4), ("500 ml", 0.9)),
        },
        (
            "Dibuat dari rumput laut budidaya warga pulau, menyegarkan dan kaya serat.",
            "Produk kelompok usaha perempuan Kepulauan Seribu; dikirim ke daratan dua kali seminggu.",
        ),
        "botol",
        (8_000, 30_000),
        (20, 40),
        800,
        (3, 6),
        island=True,
    ),
]

PRODUCE: list[dict] = [
    product(
        "sayur",
        ("{sayur} Segar", "{sayur} Segar per kg", "{sayur} dari Petani"),
        {
            "sayur": (
                ("Kangkung", 10_000, 15_000),
                ("Bayam Hijau", 12_000, 18_000),
                ("Sawi Hijau", 10_000, 16_000),
                ("Kol Kubis", 8_000, 14_000),
                ("Wortel Brastagi", 14_000, 22_000),
                ("Buncis", 14_000, 22_000),
                ("Tomat Merah", 12_000, 20_000),
                ("Cabai Merah Keriting", 45_000, 85_000),
                ("Cabai Rawit Merah", 50_000, 95_000),
                ("Bawang Merah Brebes", 35_000, 55_000),
                ("Bawang Putih Kating", 35_000, 48_000),
                ("Kentang Dieng", 16_000, 24_000),
                ("Labu Siam", 7_000, 12_000),
                ("Timun", 9_000, 14_000),
                ("Selada Hidroponik", 35_000, 60_000),
            )
        },
        (
            "Diambil langsung dari Pasar Induk Kramat Jati dan petani mitra setiap subuh.",
            "{sayur} dipilih dan disortir ulang sebelum dikirim, cocok untuk dapur katering dan kantin.",
            "Harga mengikuti pasar harian; pengiriman pagi ke dapur pelanggan.",
        ),
        "kg",
        (7_000, 95_000),
        (5, 10),
        3_000,
        (1, 1),
    ),
    product(
        "beras",
        ("Beras {jenis} {karung}", "Beras {jenis} per kg"),
        {
            "jenis": (
                ("Setra Ramos", 13_000, 15_000),
                ("Pandan Wangi Cianjur", 16_000, 19_000),
                ("IR 64 Premium", 12_500, 14_500),
                ("Rojolele Delanggu", 15_000, 17_500),
                ("Merah Organik", 20_000, 28_000),
                ("Medium Super", 11_500, 13_000),
            ),
            "karung": ("Karung 5 kg", "Karung 10 kg", "Karung 25 kg", "Karung 50 kg"),
        },
        (
            "Beras {jenis_l} pulen dan bersih, diambil dari Pasar Induk Beras Cipinang.",
            "Harga per kg, dikemas {karung_l}; bisa antar rutin ke dapur katering dan asrama.",
            "Tanpa pemutih dan pewangi; ada sampel untuk dicoba sebelum pesan partai besar.",
        ),
        "kg",
        (11_000, 28_000),
        (25, 50),
        8_000,
        (1, 2),
    ),
    product(
        "telur",
        ("Telur {jenis}", "Telur {jenis} Segar", "Telur {jenis} Peti Isi 15 kg"),
        {
            "jenis": (
                ("Ayam Negeri", 27_000, 32_000),
                ("Ayam Kampung", 55_000, 70_000),
                ("Bebek", 45_000, 55_000),
                ("Puyuh", 35_000, 45_000),
                ("Omega-3", 38_000, 48_000),
            )
        },
        (
            "Telur {jenis_l} dari peternak mitra, disortir agar tidak ada yang retak.",
            "Harga per kg, kiriman harian untuk katering, kantin sekolah dan warung.",
        ),
        "kg",
        (25_000, 80_000),
        (5, 15),
        2_500,
        (1, 2),
    ),
    product(
        "ikan",
        ("{jenis} Segar", "{jenis} Segar Muara Angke", "{jenis} Beku Kemasan Vakum"),
        {
            "jenis": (
                ("Ikan Kembung", 40_000, 55_000),
                ("Ikan Tongkol", 35_000, 48_000),
                ("Bandeng", 32_000, 42_000),
                ("Kakap Merah", 80_000, 120_000),
                ("Ikan Tenggiri", 90_000, 130_000),
                ("Cumi-Cumi", 70_000, 110_000),
                ("Udang Vaname", 75_000, 110_000),
                ("Gurame", 45_000, 60_000),
                ("Ikan Dori", 55_000, 75_000),
            )
        },
        (
            "{jenis} dibeli langsung dari tempat pelelangan, dikirim dalam box es.",
            "Bisa dibersihkan, dipotong atau di-fillet sesuai kebutuhan dapur.",
            "Pasokan rutin untuk katering dan restoran di Jakarta Utara dan Jakarta Pusat.",
        ),
        "kg",
        (30_000, 130_000),
        (5, 10),
        2_000,
        (1, 1),
    ),
    product(
        "ayam",
        ("Ayam {potong}", "Daging Ayam {potong} Segar"),
        {
            "potong": (
                ("Karkas Utuh", 35_000, 42_000),
                ("Fillet Dada", 55_000, 68_000),
                ("Paha Atas Bawah", 40_000, 48_000),
                ("Potong 8 Bagian", 36_000, 44_000),
                ("Sayap", 32_000, 40_000),
                ("Kampung Utuh", 70_000, 95_000),
            )
        },
        (
            "Ayam dipotong di RPHU bersertifikat, dikirim dingin di hari yang sama.",
            "Bisa dipotong sesuai ukuran menu katering; kemasan plastik food grade per 1 kg.",
        ),
        "kg",
        (32_000, 95_000),
        (5, 10),
        2_500,
        (1, 1),
    ),
    product(
        "ikan_asin",
        ("Ikan Asin {jenis}", "{jenis} Kering Pulau Seribu", "Ikan Asin {jenis} Kemasan Vakum"),
        {
            "jenis": (
                ("Jambal Roti", 150_000, 240_000),
                ("Teri Nasi", 120_000, 180_000),
                ("Peda", 60_000, 90_000),
                ("Selar", 55_000, 80_000),
                ("Japuh", 60_000, 85_000),
                ("Tembang", 45_000, 70_000),
            )
        },
        (
            "Ikan {jenis_l} dijemur di bawah matahari pulau tanpa bahan pengawet kimia.",
            "Hasil tangkapan nelayan Kepulauan Seribu, kadar garam sedang dan tidak bau apak.",
            "Kemasan vakum per 250 gr atau per kg, aman dikirim ke daratan.",
        ),
        "kg",
        (45_000, 240_000),
        (2, 5),
        300,
        (2, 5),
        island=True,
    ),
    product(
        "buah",
        ("{buah}", "{buah} Segar", "Buah {buah} untuk Katering"),
        {
            "buah": (
                ("Salak Condet", 18_000, 28_000),
                ("Jeruk Medan", 22_000, 32_000),
                ("Pisang Cavendish", 18_000, 26_000),
                ("Semangka Merah", 8_000, 12_000),
                ("Melon Golden", 16_000, 24_000),
                ("Pepaya California", 10_000, 15_000),
                ("Apel Malang", 25_000, 35_000),
                ("Nanas Madu", 12_000, 18_000),
                ("Jambu Kristal", 18_000, 26_000),
            )
        },
        (
            "{buah} pilihan, dipotong atau utuh sesuai permintaan untuk snack dan katering.",
            "Diambil dari pasar induk setiap pagi; harga per kg mengikuti pasar.",
        ),
        "kg",
        (8_000, 35_000),
        (5, 10),
        2_000,
        (1, 1),
    ),
    product(
        "tempe_tahu",
        (
            "Tempe Kedelai {ukuran}",
            "Tahu Putih {ukuran}",
            "Tempe Bungkus Daun {ukuran}",
            "Tahu Kuning {ukuran} {area}",
        ),
        {
            "ukuran": (
                ("Papan Kecil", 4_000, 6_000),
                ("Papan Besar", 9_000, 13_000),
                ("Isi 10 Potong", 6_000, 9_000),
            )
        },
        (
            "Dibuat setiap hari dari kedelai pilihan di sentra tempe tahu {kecamatan}.",
            "Langganan warung, katering dan kantin sekolah; dikirim pagi sebelum jam tujuh.",
        ),
        "pcs",
        (4_000, 13_000),
        (20, 50),
        6_000,
        (1, 1),
    ),
]

HAMPERS: list[dict] = [
    product(
        "parsel_lebaran",
        ("Parsel Lebaran {isi} {wadah}", "Hampers Lebaran {isi}", "Parsel Idulfitri {isi}"),
        {
            "isi": (
                ("Kue Kering 4 Toples", 0.5),
                ("Sirup dan Biskuit", 0.2),
                ("Sembako Premium", 0.4),
                ("Kurma dan Kacang", 0.4),
                ("Kue Kering dan Kopi", 0.6),
                ("Keramik dan Kue", 1.0),
            ),
            "wadah": (
                ("Keranjang Rotan", 0.4),
                ("Kotak Kayu Jati Belanda", 0.7),
                ("Box Premium", 0.8),
                ("Tampah Bambu", 0.2),
                ("Kotak Kraft", 0.3),
            ),
        },
        (
            "Isi dan wadah bisa disesuaikan anggaran, dibungkus rapi dengan kartu ucapan.",
            "Parsel untuk relasi dan pegawai, kirim serentak ke banyak alamat di Jabodetabek.",
            "Produk isian kebanyakan dari UMKM Jakarta: kue kering, kopi, sirup dan keripik.",
        ),
        "paket",
        (150_000, 850_000),
        (5, 10),
        300,
        (5, 14),
    ),
    product(
        "hampers_natal",
        ("Hampers Natal {isi}", "Christmas Hampers {isi}"),
        {
            "isi": (
                ("Kue Kering dan Cokelat", 0.4),
                ("Wine Nonalkohol dan Cookies", 0.8),
                ("Teh dan Cookies", 0.3),
                ("Stollen dan Selai", 0.9),
                ("Mug dan Cokelat", 0.2),
            )
        },
        (
            "Hampers Natal dengan nuansa merah-hijau, isi {isi_l}, dan kartu ucapan tulisan tangan.",
            "Bisa tambah logo perusahaan di pita atau kartu; pengiriman ke banyak alamat.",
        ),
        "paket",
        (175_000, 650_000),
        (5, 10),
        200,
        (5, 10),
    ),
    product(
        "hampers_imlek",
        ("Hampers Imlek {isi}", "Parsel Imlek {isi}"),
        {
            "isi": (
                ("Kue Keranjang dan Jeruk", 0.3),
                ("Lapis Legit dan Teh", 0.7),
                ("Kue Kering dan Angpao", 0.4),
                ("Teh Premium dan Kacang", 0.5),
                ("Bakcang dan Kue Mangkok", 0.3),
            )
        },
        (
            "Nuansa merah emas khas Imlek, isi {isi_l}, dikemas kotak eksklusif.",
            "Pesan jauh hari sebelum Tahun Baru Imlek; bisa kirim langsung ke relasi.",
        ),
        "paket",
        (150_000, 600_000),
        (5, 10),
        200,
        (5, 10),
    ),
    product(
        "bingkisan_kantor",
        ("Bingkisan {acara}", "Hampers {acara}", "Paket Bingkisan {acara}"),
        {
            "acara": (
                ("HUT Instansi", 0.5),
                ("Tamu Kunjungan Kerja", 0.7),
                ("Akhir Tahun", 0.6),
                ("Ulang Tahun Pegawai", 0.3),
                ("Purnabakti Pegawai", 1.0),
                ("Peserta Seminar", 0.1),
            )
        },
        (
            "Bingkisan berisi produk UMKM Jakarta yang dikurasi: kopi, kue kering, batik kecil atau tumbler.",
            "Kemasan bisa dicetak logo instansi; kami bantu pilihkan isi sesuai anggaran per paket.",
            "Cocok untuk {acara_l}; bisa dikirim ke kantor atau langsung ke alamat penerima.",
        ),
        "paket",
        (75_000, 450_000),
        (10, 25),
        300,
        (4, 10),
    ),
    product(
        "parsel_buah",
        ("Parsel Buah {ukuran}", "Keranjang Buah {ukuran}"),
        {"ukuran": (("Kecil", 0.1), ("Sedang", 0.45), ("Besar", 0.8), ("Jumbo dengan Anggur Impor", 1.0))},
        (
            "Buah segar pilihan disusun dalam keranjang rotan dan dibungkus plastik bening dengan pita.",
            "Untuk menjenguk, ucapan selamat atau tamu kantor; kirim di hari yang sama dalam kota.",
        ),
        "paket",
        (200_000, 750_000),
        (1, 2),
        150,
        (1, 2),
    ),
    product(
        "paket_sembako",
        ("Paket Sembako {isi}", "Paket Sembako untuk {tujuan}"),
        {
            "isi": (
                ("Beras 5 kg + Minyak 2 L", 0.3),
                ("Hemat", 0.0),
                ("Lengkap 8 Item", 0.8),
                ("Premium 10 Item", 1.0),
            ),
            "tujuan": (
                ("Santunan Warga", 0.4),
                ("Kegiatan CSR", 0.6),
                ("Bakti Sosial", 0.4),
                ("Pegawai Harian", 0.5),
            ),
        },
        (
            "Isi standar: beras, minyak goreng, gula, telur, mi instan dan teh; bisa diganti sesuai daftar pemesan.",
            "Dikemas per paket dalam tas belanja kain yang bisa disablon logo penyelenggara.",
            "Kami biasa menyiapkan ratusan paket sembako untuk bakti sosial kelurahan dan perusahaan.",
        ),
        "paket",
        (125_000, 375_000),
        (20, 50),
        1_500,
        (3, 7),
    ),
    product(
        "hampers_umkm",
        (
            "Hampers Produk UMKM Jakarta {tema}",
            "Kotak Oleh-Oleh Jakarta {tema}",
            "Hampers UMKM {tema} {kemasan}",
        ),
        {
            "tema": (
                ("Edisi Betawi", 0.5),
                ("Kopi Nusantara", 0.6),
                ("Camilan Lokal", 0.2),
                ("Premium Kayu", 1.0),
                ("Edisi Kepulauan Seribu", 0.4),
                ("Edisi Ramadan", 0.5),
                ("Teh dan Kue", 0.3),
            ),
            "kemasan": (
                ("Kotak Kraft", 0.2),
                ("Kotak Kayu", 0.9),
                ("Besek Bambu", 0.4),
                ("Tas Anyaman Pandan", 0.5),
            ),
        },
        (
            "Isi kurasi produk UMKM binaan: dodol Betawi, kopi lokal, keripik dan kain batik kecil.",
            "Kotak hampers bertema Jakarta untuk cendera mata tamu luar kota dan delegasi asing.",
            "Setiap isi mencantumkan nama UMKM pembuatnya, jadi sekaligus mempromosikan produk lokal.",
        ),
        "paket",
        (125_000, 550_000),
        (10, 20),
        250,
        (4, 10),
    ),
]

SELLING_POINTS: dict[str, tuple[str, ...]] = {
    "beverage": (
        "Bisa pesan dengan label atau stiker logo instansi.",
        "Minimal pesan {moq} {unit}; antar gratis di {kota} untuk di atas {free_min} {unit}.",
        "Tanpa pemanis buatan dan pengawet.",
        "Produksi di {kecamatan}, dikemas rapi dan aman sampai tujuan.",
        "Langganan beberapa kantor untuk kebutuhan pantry bulanan.",
    ),
    "produce": (
        "Pengiriman subuh agar tiba sebelum dapur mulai masak.",
        "Harga bisa dikunci per bulan untuk pelanggan kontrak.",
        "Minimal pesan {moq} {unit}; antar ke seluruh {kota}.",
        "Barang yang rusak saat diterima langsung kami ganti.",
        "Melayani dapur katering, kantin sekolah dan rumah sakit.",
    ),
    "hampers": (
        "Gratis kartu ucapan dan pita sesuai warna instansi.",
        "Pesan minimal {moq} {unit}, pengerjaan sekitar {lead} hari.",
        "Isi bisa disesuaikan dengan anggaran per paket.",
        "Pengiriman ke banyak alamat sekaligus di Jabodetabek.",
        "Bisa menyertakan logo instansi pada kemasan dan pita.",
    ),
}
