"""Protective equipment, plants, cleaning and laundry ("ppe", "plants", "cleaning", "laundry")."""

from __future__ import annotations

from app.demo.vocabulary_base import product

PPE: list[dict] = [
    product(
        "helm",
        ("Helm Proyek SNI {tipe} {warna}", "Helm Safety {tipe} {warna}"),
        {
            "tipe": (
                ("Tali Dagu Biasa", 0.0),
                ("Model Fastrack", 0.4),
                ("Model V-Gard Lokal", 0.7),
                ("Full Brim", 1.0),
            ),
            "warna": ("Putih", "Kuning", "Biru", "Merah", "Hijau", "Oranye"),
        },
        (
            "Helm keselamatan bertanda SNI 1811, suspensi empat titik dan tali dagu bisa diatur.",
            "Bisa cetak logo dan nama instansi di bagian depan helm.",
            "Warna {warna_l} untuk membedakan peran di lapangan; stok ratusan pcs siap kirim.",
        ),
        "pcs",
        (35_000, 185_000),
        (10, 24),
        1_500,
        (2, 5),
    ),
    product(
        "sepatu_safety",
        ("Sepatu Safety {model} SNI", "Sepatu Safety {model} {bahan}"),
        {
            "model": (("Low Boots", 0.3), ("Ankle Boots", 0.6), ("Slip On", 0.2), ("Boots Tinggi", 0.9)),
            "bahan": (("Kulit Sapi", 0.8), ("Kulit Sintetis", 0.1), ("Suede", 0.5)),
        },
        (
            "Ujung baja (steel toe) dan sol anti tusuk, lolos uji SNI 7079.",
            "Nyaman dipakai petugas lapangan seharian; ukuran 38 sampai 46.",
            "Jahitan sol dobel sehingga tidak mudah lepas.",
        ),
        "pasang",
        (185_000, 650_000),
        (6, 12),
        400,
        (3, 10),
    ),
    product(
        "rompi_reflektif",
        ("Rompi Reflektif {bahan} {fitur}", "Rompi Safety {bahan} {fitur}"),
        {
            "bahan": (("Jaring", 0.0), ("Drill", 0.6), ("Parasut", 0.3), ("Oxford", 0.7)),
            "fitur": (("Sablon Logo", 0.4), ("Resleting", 0.5), ("Multi Saku", 0.8), ("Scotlight 3M", 1.0)),
        },
        (
            "Rompi {bahan_l} dengan scotlight yang memantul terang di malam hari.",
            "Dipakai petugas parkir, PPSU dan pengatur lalu lintas; warna hijau stabilo atau oranye.",
        ),
        "pcs",
        (25_000, 125_000),
        (20, 50),
        2_500,
        (3, 7),
    ),
    product(
        "masker",
        ("Masker {jenis}", "Masker {jenis} Grosir"),
        {
            "jenis": (
                ("Medis 3 Ply Box 50", 25_000, 45_000),
                ("KN95 Box 20", 45_000, 80_000),
                ("Kain 2 Lapis Sablon Logo", 6_000, 12_000),
                ("Respirator Debu Karbon", 15_000, 35_000),
            )
        },
        (
            "Masker untuk petugas kebersihan dan fasilitas kesehatan, stok tersedia.",
            "Tersedia dalam jumlah besar untuk puskesmas dan petugas lapangan.",
        ),
        "box",
        (6_000, 80_000),
        (10, 20),
        1_500,
        (1, 3),
    ),
    product(
        "sarung_tangan",
        ("Sarung Tangan {jenis}", "Sarung Tangan Kerja {jenis}"),
        {
            "jenis": (
                ("Kain Bintik per Lusin", 24_000, 40_000),
                ("Karet Panjang Kebersihan per Lusin", 100_000, 180_000),
                ("Nitril Anti Minyak per Lusin", 150_000, 280_000),
                ("Kulit Las per Lusin", 180_000, 300_000),
                ("Katun Tebal per Lusin", 30_000, 50_000),
            )
        },
        (
            "Melindungi tangan petugas saat membersihkan saluran, taman dan sampah.",
            "Harga per lusin; bisa campur ukuran M, L dan XL.",
        ),
        "lusin",
        (24_000, 300_000),
        (5, 10),
        1_000,
        (1, 3),
    ),
    product(
        "apd_kesehatan",
        ("{item}", "{item} untuk Puskesmas"),
        {
            "item": (
                ("Baju Hazmat Spunbond", 35_000, 75_000),
                ("Gown Medis Sekali Pakai", 12_000, 25_000),
                ("Face Shield", 8_000, 18_000),
                ("Apron Plastik Isi 50", 45_000, 80_000),
                ("Penutup Kepala Nurse Cap Isi 100", 35_000, 60_000),
            )
        },
        (
            "APD sekali pakai untuk tenaga kesehatan, dikemas per lusin atau per pak.",
            "Sering dipesan puskesmas kecamatan dan klinik; ada ukuran all size.",
        ),
        "pcs",
        (8_000, 80_000),
        (20, 50),
        2_000,
        (2, 5),
    ),
    product(
        "wearpack",
        ("Wearpack {model} {bahan}", "Coverall {bahan} {model}"),
        {
            "model": (("Terusan", 0.6), ("Atasan Bawahan", 0.5), ("Terusan Scotlight", 1.0)),
            "bahan": (("Drill", 0.4), ("American Drill", 0.6), ("Katun Tahan Api", 1.0)),
        },
        (
            "Wearpack bahan {bahan_l} untuk petugas teknik, pompa dan bengkel.",
            "Bordir logo dan nama, ukuran S sampai 4XL.",
        ),
        "pcs",
        (185_000, 450_000),
        (10, 20),
        600,
        (10, 21),
    ),
    product(
        "apd_lain",
        ("{item}", "{item} Standar Proyek"),
        {
            "item": (
                ("Body Harness Full Body", 350_000, 950_000),
                ("Kacamata Safety Anti Gores", 20_000, 65_000),
                ("Earplug Silikon", 8_000, 20_000),
                ("Jas Hujan Setelan Petugas", 95_000, 225_000),
                ("Sepatu Boots Karet", 85_000, 175_000),
                ("Ear Muff Peredam", 65_000, 150_000),
            )
        },
        (
            "Perlengkapan K3 untuk petugas lapangan; tersedia sertifikat uji dari pabrikan.",
            "Bisa dipaket bersama helm dan rompi untuk satu tim.",
        ),
        "pcs",
        (8_000, 950_000),
        (5, 20),
        600,
        (2, 5),
    ),
]

PLANTS: list[dict] = [
    product(
        "tanaman_hias",
        ("{tanaman} {pot}", "Tanaman {tanaman} {pot}"),
        {
            "tanaman": (
                ("Monstera Deliciosa", 0.7),
                ("Sansevieria", 0.2),
                ("Aglaonema Red Sumatra", 0.6),
                ("Philodendron Burle Marx", 0.5),
                ("Calathea", 0.4),
                ("Lidah Mertua Variegata", 0.3),
                ("Pucuk Merah", 0.2),
                ("Bonsai Beringin", 1.0),
                ("Kuping Gajah", 0.5),
                ("Palem Kuning", 0.6),
            ),
            "pot": (
                ("Polybag", 0.0),
                ("Pot 20 cm", 0.3),
                ("Pot Tanah Liat", 0.4),
                ("Pot Semen Minimalis", 0.7),
                ("Pot Fiber Besar", 1.0),
            ),
        },
        (
            "{tanaman} sehat dan rimbun, cocok untuk lobi kantor dan ruang tunggu pelayanan.",
            "Sudah diadaptasikan di dalam ruangan; kami beri petunjuk perawatan singkat.",
            "Dirawat di kebun kami di {kecamatan}, bisa datang pilih sendiri.",
        ),
        "pcs",
        (25_000, 650_000),
        (5, 10),
        800,
        (1, 3),
    ),
    product(
        "bibit_pohon",
        ("Bibit {pohon} Tinggi {tinggi}", "Bibit Pohon {pohon} {tinggi}"),
        {
            "pohon": (
                ("Tabebuya", 0.4),
                ("Trembesi", 0.3),
                ("Ketapang Kencana", 0.5),
                ("Mangga Harum Manis", 0.4),
                ("Salam", 0.1),
                ("Kelengkeng", 0.6),
                ("Pucuk Merah", 0.2),
                ("Bintaro", 0.3),
                ("Mahoni", 0.1),
            ),
            "tinggi": (("50 cm", 0.0), ("1 m", 0.3), ("1,5 m", 0.6), ("2 m", 1.0)),
        },
        (
            "Bibit {pohon_l} sehat dalam polybag, akar kuat dan siap tanam.",
            "Cocok untuk penghijauan jalan, RPTRA dan halaman sekolah.",
            "Pengiriman dengan truk bak terbuka; bisa sekalian jasa tanam.",
        ),
        "batang",
        (15_000, 375_000),
        (20, 50),
        1_500,
        (2, 7),
    ),
    product(
        "jasa_taman",
        ("Jasa {jasa}", "{jasa} Profesional"),
        {
            "jasa": (
                ("Pembuatan Taman Kering", 175_000, 450_000),
                ("Pembuatan Taman Vertikal", 450_000, 950_000),
                ("Pembuatan Taman Halaman Kantor", 150_000, 350_000),
                ("Pemasangan Rumput Gajah Mini", 35_000, 65_000),
                ("Pemasangan Rumput Sintetis", 110_000, 185_000),
            )
        },
        (
            "Harga per meter persegi sudah termasuk material tanaman, media tanam dan tenaga kerja.",
            "Gratis survei dan gambar desain; garansi tanaman hidup satu bulan.",
            "Tim tukang taman berpengalaman mengerjakan taman kantor dan sekolah.",
        ),
        "m²",
        (35_000, 950_000),
        (10, 20),
        600,
        (5, 14),
    ),
    product(
        "perawatan_taman",
        ("Perawatan Taman {skala}", "Jasa Perawatan Taman {skala}"),
        {
            "skala": (
                ("Bulanan Kantor", 0.5),
                ("Mingguan Rumah Dinas", 0.3),
                ("Sekolah per Bulan", 0.4),
                ("Kawasan Besar per Bulan", 1.0),
            )
        },
        (
            "Pangkas rumput, pupuk, semprot hama dan bersihkan daun kering sesuai jadwal.",
            "Kontrak bulanan dengan laporan foto sebelum dan sesudah pekerjaan.",
        ),
        "bulan",
        (750_000, 4_500_000),
        (1, 3),
        30,
        (3, 7),
    ),
    product(
        "pot_media",
        ("{item}", "{item} Grosir"),
        {
            "item": (
                ("Pot Tanah Liat Diameter 30 cm", 25_000, 45_000),
                ("Pot Semen Kotak 40 cm", 85_000, 175_000),
                ("Pot Fiber Tinggi 80 cm", 250_000, 450_000),
                ("Media Tanam Siap Pakai 20 L", 15_000, 28_000),
                ("Pupuk Kompos Organik 25 kg", 25_000, 45_000),
                ("Sekam Bakar 20 L", 10_000, 18_000),
            )
        },
        (
            "Produksi sendiri; kompos dari sampah organik pasar yang diolah dengan benar.",
            "Pembelian partai untuk taman kantor dan RPTRA, antar dengan pick up.",
        ),
        "pcs",
        (10_000, 450_000),
        (10, 20),
        1_500,
        (1, 3),
    ),
    product(
        "bunga",
        ("{item}", "{item} Rawa Belong"),
        {
            "item": (
                ("Karangan Bunga Papan Ucapan", 450_000, 1_250_000),
                ("Rangkaian Bunga Meja", 250_000, 750_000),
                ("Bunga Potong Mawar per Ikat", 35_000, 75_000),
                ("Bunga Krisan per Ikat", 25_000, 50_000),
                ("Standing Flower Peresmian", 650_000, 1_500_000),
                ("Bouquet Bunga Segar", 150_000, 450_000),
            )
        },
        (
            "Bunga segar langsung dari pasar bunga Rawa Belong, dirangkai pada hari pengiriman.",
            "Kirim cepat ke kantor dan gedung acara di seluruh Jakarta.",
            "Tulisan ucapan dan logo instansi bisa disesuaikan.",
        ),
        "pcs",
        (25_000, 1_500_000),
        (1, 3),
        300,
        (1, 1),
    ),
    product(
        "hidroponik",
        ("Paket Hidroponik {kapasitas}", "Instalasi Hidroponik {kapasitas}"),
        {
            "kapasitas": (
                ("36 Lubang", 0.1),
                ("60 Lubang", 0.3),
                ("100 Lubang", 0.6),
                ("Rak NFT 200 Lubang", 1.0),
            )
        },
        (
            "Lengkap dengan rak, pompa, nutrisi AB mix dan bibit sayur; kami ajari cara merawat.",
            "Cocok untuk program urban farming RW, sekolah dan kantor kelurahan.",
        ),
        "paket",
        (350_000, 4_500_000),
        (1, 3),
        40,
        (5, 10),
    ),
    product(
        "mangrove",
        ("Bibit Mangrove {jenis}", "Bibit Bakau {jenis} Pulau Seribu"),
        {
            "jenis": (
                ("Rhizophora Stylosa", 0.5),
                ("Rhizophora Mucronata", 0.6),
                ("Avicennia", 0.3),
                ("Siap Tanam 60 cm", 1.0),
            )
        },
        (
            "Bibit dari persemaian kelompok tani mangrove, cocok untuk kegiatan penanaman CSR dan sekolah.",
            "Kami bantu pendampingan penanaman di pesisir pulau.",
        ),
        "batang",
        (2_500, 12_000),
        (100, 200),
        8_000,
        (3, 10),
        island=True,
    ),
]

CLEANING: list[dict] = [
    product(
        "cleaning_service",
        (
            "Jasa Cleaning Service {lokasi}",
            "Tenaga Kebersihan {lokasi}",
            "Outsourcing Cleaning Service {lokasi}",
        ),
        {
            "lokasi": (
                ("Kantor Harian", 0.4),
                ("Gedung Sekolah", 0.3),
                ("Puskesmas", 0.6),
                ("Shift Malam", 0.9),
                ("Kantor Kelurahan", 0.3),
                ("Ruang Pelayanan Publik", 0.5),
            )
        },
        (
            "Harga per orang per bulan, sudah termasuk gaji sesuai UMP, BPJS, seragam dan bahan pembersih.",
            "Petugas berseragam dan terlatih, diawasi supervisor yang datang berkala.",
            "Ada petugas pengganti bila petugas utama sakit atau cuti.",
        ),
        "orang",
        (5_600_000, 7_500_000),
        (1, 2),
        25,
        (7, 14),
    ),
    product(
        "jasa_kebersihan",
        ("Jasa {jasa}", "Jasa Kebersihan {jasa}"),
        {
            "jasa": (
                ("Deep Cleaning Gedung", 15_000, 35_000),
                ("Poles Lantai Marmer", 35_000, 65_000),
                ("Bersih Kaca Gedung", 12_000, 25_000),
                ("Kristalisasi Lantai", 30_000, 55_000),
                ("Bersih Pasca Renovasi", 10_000, 22_000),
            )
        },
        (
            "Tim membawa alat dan bahan sendiri; harga per meter persegi luas area.",
            "Bisa dijadwalkan di luar jam kantor atau akhir pekan.",
            "Cocok sebelum acara besar atau setelah renovasi ruangan.",
        ),
        "m²",
        (10_000, 65_000),
        (50, 100),
        6_000,
        (2, 7),
    ),
    product(
        "sabun",
        ("{sabun} {kemasan}", "{sabun} Isi Ulang {kemasan}"),
        {
            "sabun": (
                ("Sabun Cuci Tangan", 0.5),
                ("Sabun Cuci Piring", 0.3),
                ("Pembersih Lantai Wangi", 0.4),
                ("Deterjen Cair", 0.5),
                ("Pembersih Kaca", 0.4),
                ("Karbol Sereh", 0.2),
                ("Disinfektan", 0.8),
            ),
            "kemasan": (
                ("Jerigen 5 Liter", 55_000, 120_000),
                ("Jerigen 20 Liter", 180_000, 350_000),
                ("Botol 1 Liter", 15_000, 35_000),
                ("Pouch 800 ml", 12_000, 25_000),
            ),
        },
        (
            "{sabun} produksi sendiri dengan wangi segar dan busa cukup, aman di tangan.",
            "Kemasan {kemasan_l} hemat untuk kantor, sekolah dan masjid.",
            "Sudah diuji di laboratorium; label lengkap dengan komposisi dan cara pakai.",
        ),
        "pcs",
        (12_000, 350_000),
        (5, 10),
        1_200,
        (1, 3),
    ),
    product(
        "alat_kebersihan",
        ("{alat}", "{alat} Grosir"),
        {
            "alat": (
                ("Sapu Ijuk", 20_000, 35_000),
                ("Alat Pel Putar dan Ember", 95_000, 185_000),
                ("Kain Pel Katun", 15_000, 30_000),
                ("Tempat Sampah Pilah 3 Warna", 450_000, 950_000),
                ("Sikat WC Bergagang", 15_000, 28_000),
                ("Kantong Sampah Besar Isi 10", 12_000, 25_000),
                ("Lap Microfiber Isi 10", 45_000, 85_000),
                ("Gerobak Sampah Fiber", 2_500_000, 4_500_000),
            )
        },
        (
            "Perlengkapan kebersihan kuat untuk pemakaian kantor dan fasilitas umum.",
            "Tersedia dalam jumlah banyak untuk puskesmas, sekolah dan kantor kelurahan.",
        ),
        "pcs",
        (12_000, 4_500_000),
        (5, 12),
        800,
        (1, 3),
    ),
    product(
        "fogging_hama",
        ("Jasa {jasa}", "{jasa} Gedung", "{jasa} {area}"),
        {
            "jasa": (
                ("Pengendalian Hama Tikus", 450_000, 900_000),
                ("Fogging Nyamuk DBD", 350_000, 750_000),
                ("Pengendalian Kecoa dan Semut", 300_000, 650_000),
                ("Semprot Disinfektan Ruangan", 350_000, 850_000),
            )
        },
        (
            "Petugas bersertifikat dengan bahan terdaftar, aman untuk ruang kerja.",
            "Harga per kunjungan untuk area sampai 300 m²; kontrak bulanan lebih hemat.",
        ),
        "kunjungan",
        (300_000, 900_000),
        (1, 2),
        60,
        (2, 5),
    ),
]

LAUNDRY: list[dict] = [
    product(
        "kiloan",
        ("Laundry Kiloan {paket}", "Cuci Kiloan {paket}", "Laundry Kiloan {area} {paket}"),
        {
            "paket": (
                ("Cuci Setrika", 0.4),
                ("Cuci Kering Lipat", 0.1),
                ("Ekspres 6 Jam", 1.0),
                ("Setrika Saja", 0.0),
                ("Reguler 2 Hari", 0.3),
            )
        },
        (
            "Pakaian dicuci terpisah per pelanggan dan dikemas plastik rapi.",
            "Antar jemput gratis di sekitar {kecamatan}; paket {paket_l}.",
            "Memakai deterjen lembut dan pewangi tahan lama.",
        ),
        "kg",
        (8_000, 15_000),
        (3, 5),
        3_000,
        (1, 3),
    ),
    product(
        "linen",
        ("Laundry Linen {pengguna}", "Cuci Linen {pengguna}"),
        {
            "pengguna": (
                ("Puskesmas dan Klinik", 0.6),
                ("Hotel dan Wisma", 0.5),
                ("Asrama", 0.2),
                ("Rumah Sakit", 0.8),
                ("Gedung Pertemuan", 0.4),
            )
        },
        (
            "Pencucian linen dengan suhu tinggi dan disinfektan, dipisah infeksius dan non-infeksius.",
            "Sprei, sarung bantal, handuk dan tirai dicuci, disetrika mesin lalu dilipat seragam.",
            "Sistem kontrak dengan jadwal jemput rutin dan berita acara serah terima.",
        ),
        "kg",
        (9_000, 18_000),
        (20, 50),
        8_000,
        (1, 3),
    ),
    product(
        "laundry_seragam",
        ("Laundry Seragam {jenis}", "Cuci Setrika Seragam {jenis}"),
        {
            "jenis": (
                ("Petugas Lapangan", 0.3),
                ("Satpam", 0.3),
                ("Kantor Dinas", 0.5),
                ("Sekolah", 0.2),
                ("Medis", 0.8),
            )
        },
        (
            "Harga per potong; seragam dicuci terpisah per warna dan disetrika licin dengan hanger.",
            "Jemput dan antar kembali ke kantor dua kali seminggu.",
        ),
        "pcs",
        (8_000, 15_000),
        (20, 50),
        3_000,
        (1, 3),
    ),
    product(
        "cuci_khusus",
        ("Cuci {item}", "Jasa Cuci {item}"),
        {
            "item": (
                ("Karpet Masjid", 12_000, 20_000),
                ("Karpet Kantor", 15_000, 25_000),
                ("Gorden", 15_000, 25_000),
                ("Karpet Permadani", 20_000, 35_000),
                ("Vertical Blind", 18_000, 30_000),
            )
        },
        (
            "Dicuci dengan mesin khusus dan dikeringkan sempurna agar tidak apek.",
            "Gratis jemput untuk pesanan besar di wilayah {kota}.",
            "Noda membandel ditangani terpisah tanpa merusak serat.",
        ),
        "m²",
        (12_000, 35_000),
        (10, 20),
        1_500,
        (3, 5),
    ),
    product(
        "dry_clean",
        ("Dry Clean {item}", "Laundry Satuan {item}"),
        {
            "item": (
                ("Bed Cover", 35_000, 60_000),
                ("Jas dan Blazer", 35_000, 60_000),
                ("Kebaya", 40_000, 75_000),
                ("Batik Sutra", 25_000, 45_000),
                ("Gaun Pesta", 50_000, 95_000),
                ("Jaket Kulit", 60_000, 110_000),
            )
        },
        (
            "Penanganan khusus dengan pelarut ramah bahan, warna tidak pudar.",
            "Selesai dalam tiga hari, bisa ekspres.",
        ),
        "pcs",
        (25_000, 110_000),
        (1, 5),
        600,
        (2, 4),
    ),
    product(
        "cuci_perabot",
        ("Cuci {item} {metode}", "Jasa Cuci {item} Panggilan", "Cuci {item} {area}"),
        {
            "item": (
                ("Sofa per Dudukan", 65_000, 110_000),
                ("Kasur Spring Bed", 150_000, 275_000),
                ("Kursi Kantor Kain", 25_000, 45_000),
                ("Kursi Lipat Berbusa", 15_000, 30_000),
            ),
            "metode": ("di Tempat", "Metode Ekstraksi", "Hydrovacuum", "Bisa Akhir Pekan"),
        },
        (
            "Dikerjakan di lokasi dengan mesin ekstraksi, kering dalam beberapa jam.",
            "Noda kopi, tinta dan bau apek diangkat tanpa merusak kain pelapis.",
        ),
        "pcs",
        (15_000, 275_000),
        (5, 10),
        800,
        (1, 3),
    ),
]

SELLING_POINTS: dict[str, tuple[str, ...]] = {
    "ppe": (
        "Produk sesuai standar K3; sertifikat uji dari produsen bisa dilampirkan.",
        "Stok siap; pengiriman {lead} hari ke seluruh Jakarta.",
        "Bisa cetak logo instansi untuk pesanan di atas {free_min} {unit}.",
        "Pernah menyuplai APD untuk petugas lapangan kelurahan dan BUMD.",
        "Garansi tukar ukuran sebelum dipakai.",
    ),
    "plants": (
        "Garansi tanaman hidup dua minggu setelah dikirim.",
        "Antar dengan pick up ke seluruh {kota}.",
        "Kebun sendiri di {kecamatan}, bisa datang memilih.",
        "Melayani penghijauan kantor, sekolah dan RPTRA.",
        "Minimal pesan {moq} {unit}; harga grosir untuk jumlah besar.",
    ),
    "cleaning": (
        "Tenaga kerja terdaftar BPJS Ketenagakerjaan.",
        "Bahan pembersih ramah lingkungan dan aman untuk lantai.",
        "Bisa kontrak bulanan dengan laporan kerja harian.",
        "Melayani kantor, sekolah dan puskesmas di {kota}.",
        "Petugas datang tepat jadwal, bisa kerja di luar jam pelayanan.",
    ),
    # Goods rather than services: these replace the category's points.
    "sabun": (
        "Produksi di {kecamatan}; kirim gratis untuk pesanan di atas {free_min} {unit}.",
        "Wangi bisa dipilih: lemon, sereh, lavender atau apel.",
        "Harga grosir untuk kantor, sekolah dan masjid.",
        "Minimal pesan {moq} {unit}, stok selalu siap.",
    ),
    "alat_kebersihan": (
        "Barang ready stok di toko kami di {kecamatan}.",
        "Antar gratis di {kota} untuk pesanan di atas {free_min} {unit}.",
        "Melayani pengadaan perlengkapan kebersihan kantor dan sekolah.",
    ),
    "laundry": (
        "Antar jemput gratis untuk kontrak bulanan.",
        "Setiap cucian ditimbang dan dicatat saat serah terima.",
        "Ganti rugi bila ada cucian yang hilang atau rusak.",
        "Mesin cuci kapasitas besar, bisa menangani {cap} {unit} per bulan.",
        "Melayani klinik, wisma dan kantor di sekitar {kecamatan}.",
    ),
}
