"""Events, repair, IT and transport services ("event", "repair", "it", "transport")."""

from __future__ import annotations

from app.demo.vocabulary_base import product

EVENT: list[dict] = [
    product(
        "sewa_tenda",
        ("Sewa Tenda {tenda}", "Sewa Tenda {tenda} + Pasang"),
        {
            "tenda": (
                ("Sarnafil 5x5 m", 600_000, 1_200_000),
                ("Sarnafil 6x6 m", 800_000, 1_500_000),
                ("Kerucut 3x3 m", 350_000, 650_000),
                ("Roder 10x15 m", 6_000_000, 11_000_000),
                ("Dekorasi Plafon 4x6 m", 900_000, 1_800_000),
                ("Tenda Pleton 6x12 m", 1_500_000, 2_800_000),
            )
        },
        (
            "Harga per unit untuk satu hari acara, sudah termasuk bongkar pasang dan angkut.",
            "Tenda bersih dan tidak bocor; bisa tambah karpet, kain dekorasi dan lampu.",
            "Sering dipakai untuk bazar, posyandu akbar dan acara kelurahan.",
        ),
        "unit",
        (350_000, 11_000_000),
        (1, 2),
        60,
        (2, 5),
    ),
    product(
        "sewa_perabot_acara",
        ("Sewa {item}", "Sewa {item} untuk Acara"),
        {
            "item": (
                ("Kursi Futura + Cover", 8_000, 15_000),
                ("Kursi Chitose + Sarung", 12_000, 25_000),
                ("Meja Bulat + Taplak", 45_000, 85_000),
                ("Meja Prasmanan + Skirting", 75_000, 150_000),
                ("Kipas Angin Misty Cool", 200_000, 400_000),
                ("Pagar Pembatas Antrean", 35_000, 65_000),
            )
        },
        (
            "Harga per unit per hari, minimal sewa {moq} unit; antar jemput barang di Jakarta.",
            "Barang bersih dan terawat, cover kursi dicuci setiap habis pakai.",
        ),
        "unit",
        (8_000, 400_000),
        (20, 50),
        3_000,
        (1, 3),
    ),
    product(
        "sound_system",
        ("Sewa Sound System {kapasitas}", "Sound System {kapasitas} + Operator"),
        {
            "kapasitas": (
                ("1000 Watt", 750_000, 1_250_000),
                ("3000 Watt", 1_500_000, 2_800_000),
                ("5000 Watt Line Array", 3_500_000, 6_500_000),
                ("Portable Wireless 2 Mic", 350_000, 650_000),
                ("Rapat Meja 10 Mic", 1_200_000, 2_200_000),
            )
        },
        (
            "Sudah termasuk operator, kabel dan mic wireless; cek suara sebelum acara dimulai.",
            "Cocok untuk upacara, senam massal, rapat warga dan seminar.",
        ),
        "hari",
        (350_000, 6_500_000),
        (1, 2),
        25,
        (2, 5),
    ),
    product(
        "dekorasi",
        ("Dekorasi {acara}", "Jasa Dekorasi {acara}"),
        {
            "acara": (
                ("Panggung Acara Resmi", 2_500_000, 7_500_000),
                ("Pelaminan Adat Betawi", 6_000_000, 15_000_000),
                ("Backdrop Photobooth", 1_500_000, 3_500_000),
                ("Bunga Meja VIP", 750_000, 2_000_000),
                ("Stand Pameran 3x3 m", 3_500_000, 8_500_000),
                ("Peresmian Gedung", 3_000_000, 9_000_000),
            )
        },
        (
            "Konsep dekorasi dibuat sesuai tema acara dan warna instansi.",
            "Tim kami datang H-1 untuk pemasangan dan membongkar setelah acara selesai.",
        ),
        "paket",
        (750_000, 15_000_000),
        (1, 1),
        15,
        (5, 14),
    ),
    product(
        "event_organizer",
        ("Jasa EO {acara}", "Event Organizer {acara}", "Penyelenggaraan {acara}"),
        {
            "acara": (
                ("Bazar UMKM", 15_000_000, 60_000_000),
                ("Gathering Pegawai", 25_000_000, 120_000_000),
                ("Jalan Sehat dan Senam Massal", 15_000_000, 50_000_000),
                ("Seminar dan Peluncuran Program", 20_000_000, 85_000_000),
                ("Festival Budaya Betawi", 35_000_000, 150_000_000),
                ("Lomba HUT RI Tingkat Kelurahan", 8_000_000, 25_000_000),
            )
        },
        (
            "Mengurus konsep, perizinan, vendor, rundown sampai laporan kegiatan.",
            "Pengalaman menggarap acara instansi dan komunitas di Jakarta; portofolio bisa kami kirim.",
            "Paket bisa disesuaikan anggaran, termasuk MC, dokumentasi dan konsumsi.",
        ),
        "paket",
        (8_000_000, 150_000_000),
        (1, 1),
        4,
        (14, 30),
    ),
    product(
        "mc_seni",
        ("Jasa {jasa}", "{jasa} untuk Acara Kantor", "{jasa} {area}"),
        {
            "jasa": (
                ("MC Acara Resmi Bilingual", 1_500_000, 4_500_000),
                ("MC Hiburan Logat Betawi", 1_200_000, 3_000_000),
                ("Palang Pintu Betawi", 2_500_000, 5_500_000),
                ("Ondel-Ondel Arak", 1_500_000, 3_500_000),
                ("Gambang Kromong", 3_500_000, 8_000_000),
                ("Tari Lenggang Nyai", 2_000_000, 4_500_000),
            )
        },
        (
            "Penampilan seni dan pembawa acara untuk penyambutan tamu, peresmian dan pesta rakyat.",
            "Sudah tampil di acara pemerintah kota dan hotel; durasi dan susunan acara bisa disesuaikan.",
        ),
        "paket",
        (1_200_000, 8_000_000),
        (1, 1),
        12,
        (3, 7),
    ),
    product(
        "dokumentasi",
        ("Jasa {jasa}", "Paket {jasa} Acara"),
        {
            "jasa": (
                ("Dokumentasi Foto", 1_500_000, 3_500_000),
                ("Foto dan Video Highlight", 3_500_000, 8_500_000),
                ("Live Streaming Multi Kamera", 4_500_000, 12_000_000),
                ("Foto Udara Drone", 2_000_000, 4_500_000),
            )
        },
        (
            "Hasil foto diedit dan dikirim lewat tautan dalam tiga hari; video highlight satu minggu.",
            "Cocok untuk kebutuhan laporan kegiatan dan publikasi media sosial instansi.",
        ),
        "paket",
        (1_500_000, 12_000_000),
        (1, 1),
        12,
        (3, 7),
    ),
    product(
        "sewa_alat_acara",
        ("Sewa {item}", "Sewa {item} Harian"),
        {
            "item": (
                ("Videotron LED 3x2 m", 4_000_000, 9_000_000),
                ("Genset Silent 20 kVA", 1_500_000, 3_000_000),
                ("Proyektor dan Layar", 350_000, 750_000),
                ("Panggung Rigging 6x4 m", 3_000_000, 6_500_000),
                ("Lampu Panggung Par LED", 1_000_000, 2_500_000),
            )
        },
        (
            "Harga per hari termasuk teknisi yang berjaga selama acara.",
            "Peralatan dicek dan dites sebelum berangkat ke lokasi.",
        ),
        "hari",
        (350_000, 9_000_000),
        (1, 2),
        20,
        (2, 5),
    ),
    product(
        "wisata_pulau",
        ("Paket {paket} {area}", "Open Trip {paket} {area}"),
        {
            "paket": (
                ("Outbound Kantor 2H1M", 0.8),
                ("Snorkeling 1 Hari", 0.3),
                ("Studi Lingkungan Mangrove", 0.4),
                ("Family Gathering 2H1M", 1.0),
                ("Wisata Edukasi Sekolah", 0.2),
            )
        },
        (
            "Sudah termasuk kapal pulang pergi, homestay, makan dan pemandu lokal.",
            "Dikelola warga pulau; bisa tambah kegiatan tanam mangrove dan bersih pantai.",
        ),
        "orang",
        (250_000, 850_000),
        (10, 20),
        600,
        (7, 14),
        island=True,
    ),
]

REPAIR: list[dict] = [
    product(
        "servis_ac",
        ("{jasa}", "Jasa {jasa}", "{jasa} Panggilan", "{jasa} {area}"),
        {
            "jasa": (
                ("Cuci AC Split 0,5-2 PK", 75_000, 150_000),
                ("Isi Freon AC R32", 250_000, 450_000),
                ("Bongkar Pasang AC Split", 350_000, 650_000),
                ("Perbaikan AC Tidak Dingin", 150_000, 350_000),
                ("Servis AC Kaset Kantor", 200_000, 400_000),
                ("Cuci AC Standing Floor", 150_000, 300_000),
            )
        },
        (
            "Teknisi datang ke lokasi dengan alat lengkap; harga per unit AC.",
            "Garansi servis 30 hari, bila kembali bermasalah kami cek ulang gratis.",
            "Melayani kontrak perawatan rutin untuk kantor, sekolah dan puskesmas.",
        ),
        "unit",
        (75_000, 650_000),
        (1, 5),
        300,
        (1, 2),
    ),
    product(
        "bengkel_kendaraan",
        ("{jasa}", "{jasa} {plus}", "{jasa} {area}"),
        {
            "jasa": (
                ("Servis Rutin Motor", 75_000, 150_000),
                ("Servis Berkala Mobil", 450_000, 1_200_000),
                ("Spooring dan Balancing", 150_000, 300_000),
                ("Tune Up Mesin Mobil", 350_000, 750_000),
                ("Ganti Oli dan Filter Motor", 65_000, 120_000),
                ("Servis Rem dan Kaki-Kaki", 250_000, 650_000),
                ("Servis Injeksi Motor", 100_000, 200_000),
                ("Cek dan Ganti Aki", 150_000, 350_000),
            ),
            "plus": ("Kendaraan Dinas", "Bergaransi", "Home Service", "Armada Kantor", "Panggilan"),
        },
        (
            "Mekanik berpengalaman dengan suku cadang asli atau setara; harga per unit kendaraan.",
            "Bisa antar jemput kendaraan operasional dan servis di tempat untuk armada.",
            "Riwayat servis dicatat per nomor polisi untuk laporan aset.",
        ),
        "unit",
        (65_000, 1_200_000),
        (1, 5),
        200,
        (1, 3),
    ),
    product(
        "renovasi",
        ("Jasa {jasa}", "{jasa} Rapi dan Bergaransi", "Jasa {jasa} {area}", "Tukang {jasa}"),
        {
            "jasa": (
                ("Pengecatan Dinding", 25_000, 45_000),
                ("Pasang Keramik Lantai", 75_000, 140_000),
                ("Perbaikan Atap Bocor", 85_000, 175_000),
                ("Pasang Plafon Gypsum", 95_000, 160_000),
                ("Waterproofing Dak Beton", 85_000, 150_000),
                ("Pasang Kanopi Baja Ringan", 250_000, 450_000),
            )
        },
        (
            "Harga per meter persegi termasuk tenaga; material bisa dari kami atau dari pemberi kerja.",
            "Tukang tetap dan mandor yang mengawasi; survei dan RAB gratis.",
            "Pekerjaan bisa dijadwalkan akhir pekan supaya pelayanan kantor tidak terganggu.",
        ),
        "m²",
        (25_000, 450_000),
        (10, 20),
        600,
        (3, 10),
    ),
    product(
        "listrik",
        ("Jasa {jasa}", "{jasa} oleh Teknisi Bersertifikat", "Teknisi Listrik {jasa} {area}"),
        {
            "jasa": (
                ("Instalasi Titik Lampu", 150_000, 300_000),
                ("Tambah Stop Kontak", 125_000, 250_000),
                ("Pasang Lampu Jalan Lingkungan", 850_000, 1_800_000),
                ("Perbaikan Korsleting", 200_000, 450_000),
                ("Penataan Panel MCB", 350_000, 750_000),
            )
        },
        (
            "Harga per titik pekerjaan, memakai kabel dan komponen ber-SNI.",
            "Teknisi memegang sertifikat kompetensi; pekerjaan aman dan rapi.",
        ),
        "titik",
        (125_000, 1_800_000),
        (1, 10),
        200,
        (1, 5),
    ),
    product(
        "plambing",
        ("Jasa {jasa}", "{jasa} Panggilan", "Tukang Ledeng {jasa} {area}"),
        {
            "jasa": (
                ("Perbaikan Pipa Bocor", 150_000, 350_000),
                ("Saluran Mampet", 200_000, 450_000),
                ("Pasang Wastafel dan Kran", 175_000, 350_000),
                ("Pasang Pompa Air", 250_000, 450_000),
                ("Pasang Toren Air 1000 L", 350_000, 650_000),
            )
        },
        (
            "Tukang ledeng datang ke lokasi dengan alat lengkap; harga per titik pekerjaan.",
            "Garansi bocor dua minggu setelah pekerjaan selesai.",
        ),
        "titik",
        (150_000, 650_000),
        (1, 5),
        150,
        (1, 3),
    ),
    product(
        "las",
        ("Jasa Las {jenis}", "Pembuatan {jenis}"),
        {
            "jenis": (
                ("Pagar Besi", 450_000, 850_000),
                ("Teralis Jendela", 300_000, 550_000),
                ("Pintu Besi Gudang", 650_000, 1_100_000),
                ("Tangga Besi", 750_000, 1_400_000),
                ("Rak Besi Custom", 350_000, 700_000),
            )
        },
        (
            "Harga per meter persegi, besi hollow atau besi kotak dengan cat dasar anti karat.",
            "Bengkel las kami di {kecamatan}; pemasangan di lokasi pemberi kerja.",
        ),
        "m²",
        (300_000, 1_400_000),
        (2, 5),
        120,
        (5, 14),
    ),
    product(
        "servis_elektronik",
        ("Servis {alat}", "Servis {alat} Panggilan"),
        {
            "alat": (
                ("Kulkas", 150_000, 350_000),
                ("Mesin Cuci", 125_000, 300_000),
                ("Dispenser", 75_000, 175_000),
                ("Kipas Angin Dinding", 50_000, 125_000),
                ("Televisi LED", 150_000, 450_000),
            )
        },
        (
            "Biaya jasa per unit, suku cadang dihitung terpisah dengan persetujuan pelanggan.",
            "Teknisi datang ke kantor atau rumah dinas di sekitar {kota}.",
        ),
        "unit",
        (50_000, 450_000),
        (1, 3),
        200,
        (1, 3),
    ),
]

IT: list[dict] = [
    product(
        "servis_komputer",
        ("Servis {perangkat} {jasa}", "{jasa} {perangkat}", "Servis {perangkat} {area}"),
        {
            "perangkat": (("Laptop", 0.6), ("PC Kantor", 0.4), ("All-in-One", 0.7)),
            "jasa": (
                ("Instal Ulang Windows dan Office", 0.2),
                ("Ganti SSD", 0.9),
                ("Pembersihan dan Ganti Pasta", 0.1),
                ("Perbaikan Mati Total", 1.0),
                ("Upgrade RAM", 0.6),
            ),
        },
        (
            "Pengerjaan di tempat atau diambil; data dicadangkan dulu sebelum diperbaiki.",
            "Garansi pengerjaan satu bulan; harga jasa belum termasuk suku cadang.",
            "Teknisi berpengalaman menangani komputer kantor pemerintahan dan sekolah.",
        ),
        "unit",
        (75_000, 450_000),
        (1, 5),
        200,
        (1, 3),
    ),
    product(
        "jaringan",
        ("Instalasi {jasa}", "Jasa {jasa}"),
        {
            "jasa": (
                ("Jaringan LAN per Titik", 250_000, 550_000),
                ("Access Point WiFi Kantor", 450_000, 1_200_000),
                ("Jaringan Lab Komputer per Titik", 250_000, 500_000),
                ("Titik WiFi Outdoor RPTRA", 1_200_000, 2_500_000),
            )
        },
        (
            "Termasuk kabel UTP Cat6, konektor, pengetesan dan label setiap titik.",
            "Kami buatkan denah jaringan dan dokumentasi untuk arsip kantor.",
            "Survei lokasi gratis untuk wilayah {kota}.",
        ),
        "titik",
        (250_000, 2_500_000),
        (2, 10),
        120,
        (2, 7),
    ),
    product(
        "cctv",
        ("Paket CCTV {paket}", "Pasang CCTV {paket}"),
        {
            "paket": (
                ("4 Kamera 2 MP", 3_000_000, 5_000_000),
                ("8 Kamera 5 MP", 8_000_000, 14_000_000),
                ("16 Kamera IP", 15_000_000, 28_000_000),
                ("Tambahan 1 Titik", 450_000, 950_000),
                ("Outdoor Night Vision 4 Kamera", 4_000_000, 6_500_000),
            )
        },
        (
            "Paket lengkap DVR/NVR, hard disk, kabel dan pemasangan; bisa dipantau dari ponsel.",
            "Garansi perangkat satu tahun dan kunjungan servis bila ada gangguan.",
            "Banyak dipasang di kantor kelurahan, RPTRA dan sekolah.",
        ),
        "paket",
        (450_000, 28_000_000),
        (1, 2),
        30,
        (2, 7),
    ),
    product(
        "website",
        ("Pembuatan Website {jenis}", "Jasa Website {jenis}"),
        {
            "jenis": (
                ("Profil UMKM", 1_500_000, 4_000_000),
                ("Sekolah", 3_000_000, 8_000_000),
                ("Kelurahan", 5_000_000, 15_000_000),
                ("Toko Online", 4_000_000, 12_000_000),
                ("Sistem Informasi Sederhana", 15_000_000, 45_000_000),
            )
        },
        (
            "Termasuk domain, hosting satu tahun, SSL dan pelatihan admin.",
            "Tampilan responsif di ponsel; konten bisa diubah sendiri lewat panel admin.",
            "Kami juga menyerahkan source code dan dokumentasi di akhir pekerjaan.",
        ),
        "paket",
        (1_500_000, 45_000_000),
        (1, 1),
        6,
        (14, 45),
    ),
    product(
        "printer",
        ("{jasa}", "{jasa} Kantor"),
        {
            "jasa": (
                ("Servis Printer Inkjet", 75_000, 200_000),
                ("Servis Printer Laser", 150_000, 350_000),
                ("Pasang Infus Printer", 250_000, 450_000),
                ("Sewa Mesin Fotokopi Bulanan", 1_250_000, 2_500_000),
                ("Sewa Printer Multifungsi Bulanan", 650_000, 1_200_000),
            )
        },
        (
            "Teknisi datang ke kantor; sewa bulanan sudah termasuk servis dan toner.",
            "Suku cadang tersedia untuk merek printer yang umum dipakai instansi.",
        ),
        "unit",
        (75_000, 2_500_000),
        (1, 3),
        150,
        (1, 3),
    ),
    product(
        "digital",
        ("Jasa {jasa}", "{jasa} untuk Instansi"),
        {
            "jasa": (
                ("Desain Konten Media Sosial Bulanan", 1_500_000, 5_000_000),
                ("Pengelolaan Media Sosial", 3_000_000, 8_000_000),
                ("Pembuatan Video Profil", 3_500_000, 15_000_000),
                ("Pelatihan Literasi Digital UMKM", 2_500_000, 7_500_000),
                ("Foto Produk UMKM 20 Foto", 500_000, 1_200_000),
            )
        },
        (
            "Tim kreatif muda dari {kota}; hasil kerja dilaporkan setiap bulan.",
            "Portofolio bisa dilihat sebelum memesan; revisi dua kali termasuk.",
        ),
        "paket",
        (500_000, 15_000_000),
        (1, 1),
        10,
        (5, 21),
    ),
    product(
        "perangkat",
        ("{item}", "{item} Bergaransi"),
        {
            "item": (
                ("PC Rakitan Kantor Core i5", 6_000_000, 9_000_000),
                ("Mini PC Kantor", 3_500_000, 6_000_000),
                ("Sewa Laptop Harian", 150_000, 300_000),
                ("Sewa Proyektor Harian", 250_000, 450_000),
                ("UPS 1200 VA", 1_100_000, 1_800_000),
            )
        },
        (
            "Barang baru bergaransi resmi atau garansi toko satu tahun.",
            "Sudah termasuk instalasi dan pengecekan di lokasi.",
        ),
        "unit",
        (150_000, 9_000_000),
        (1, 5),
        60,
        (2, 7),
    ),
]

TRANSPORT: list[dict] = [
    product(
        "sewa_mobil",
        ("Sewa {kendaraan} {paket}", "Rental {kendaraan} {paket}", "Rental {kendaraan} {area}"),
        {
            "kendaraan": (
                ("Hiace Commuter 15 Kursi", 1_100_000, 1_800_000),
                ("Elf Long 19 Kursi", 900_000, 1_400_000),
                ("Innova Reborn", 650_000, 1_000_000),
                ("Avanza", 450_000, 700_000),
                ("Hiace Premio", 1_500_000, 2_300_000),
            ),
            "paket": ("Dalam Kota 12 Jam", "Plus Sopir dan BBM", "Luar Kota", "Harian"),
        },
        (
            "Harga per hari termasuk sopir; BBM, tol dan parkir sesuai paket yang dipilih.",
            "Armada terawat dan rutin servis, sopir hafal jalan Jakarta dan sekitarnya.",
            "Sering dipakai untuk kunjungan kerja, studi banding dan antar peserta pelatihan.",
        ),
        "hari",
        (450_000, 2_300_000),
        (1, 2),
        25,
        (1, 3),
    ),
    product(
        "bus_pariwisata",
        ("Sewa Bus Pariwisata {kapasitas}", "Bus Pariwisata {kapasitas} {paket}"),
        {
            "kapasitas": (
                ("Medium 31 Kursi", 2_200_000, 3_500_000),
                ("Big Bus 45 Kursi", 3_000_000, 4_800_000),
                ("Big Bus 59 Kursi", 3_500_000, 5_500_000),
                ("Microbus 25 Kursi", 1_800_000, 2_800_000),
            ),
            "paket": ("Dalam Kota", "Karaoke dan Toilet", "Jabodetabek"),
        },
        (
            "Bus bersih dengan AC dingin, sabuk pengaman dan sopir cadangan untuk perjalanan jauh.",
            "Harga per hari dalam kota; luar kota dihitung sesuai tujuan.",
        ),
        "hari",
        (1_800_000, 5_500_000),
        (1, 2),
        20,
        (3, 7),
    ),
    product(
        "ekspedisi",
        ("Jasa {layanan}", "{layanan} Jakarta"),
        {
            "layanan": (
                ("Pindahan Kantor Truk CDD Box", 1_200_000, 2_500_000),
                ("Angkut Barang Pick Up", 250_000, 450_000),
                ("Angkut Barang Engkel Box", 600_000, 1_100_000),
                ("Distribusi Logistik Bantuan", 900_000, 1_800_000),
                ("Kirim Meubelair ke Sekolah", 700_000, 1_400_000),
            )
        },
        (
            "Harga per trip dalam kota, sudah termasuk sopir dan dua tenaga angkut.",
            "Barang dibungkus dan diikat rapi; ada berita acara serah terima di tujuan.",
        ),
        "trip",
        (250_000, 2_500_000),
        (1, 2),
        60,
        (1, 3),
    ),
    product(
        "kurir",
        ("Kurir Motor {layanan}", "Jasa Kurir {layanan}", "Kurir {layanan} {area}"),
        {
            "layanan": (
                ("Antar Dokumen Same Day", 20_000, 45_000),
                ("Antar Paket Instan", 25_000, 55_000),
                ("Antar Katering Box Motor", 35_000, 65_000),
                ("Antar Undangan Massal", 12_000, 25_000),
            )
        },
        (
            "Kurir berseragam, bukti terima difoto dan dikirim lewat WhatsApp.",
            "Harga per alamat tujuan dalam satu kota; tarif khusus untuk kiriman massal.",
        ),
        "trip",
        (12_000, 65_000),
        (5, 20),
        3_000,
        (1, 1),
    ),
    product(
        "antar_jemput",
        ("Antar Jemput {target}", "Layanan Antar Jemput {target} {armada}", "Antar Jemput {target} {area}"),
        {
            "target": (
                ("Pegawai Shift", 0.6),
                ("Siswa Sekolah", 0.3),
                ("Peserta Pelatihan", 0.5),
                ("Karyawan Pabrik", 0.5),
                ("Murid TK", 0.2),
                ("Santri Pesantren", 0.2),
            ),
            "armada": (
                ("dengan Minibus", 0.6),
                ("dengan Elf", 0.5),
                ("dengan Hiace", 0.9),
                ("Mobil MPV", 0.4),
            ),
        },
        (
            "Harga per orang per bulan dengan rute tetap pagi dan sore.",
            "Kendaraan ber-AC dengan sopir tetap yang dikenal penumpang.",
        ),
        "orang",
        (450_000, 950_000),
        (5, 10),
        200,
        (3, 7),
    ),
    product(
        "sewa_perahu",
        ("Sewa {kapal}", "Sewa {kapal} Kepulauan Seribu"),
        {
            "kapal": (
                ("Kapal Ojek Antar Pulau", 350_000, 900_000),
                ("Speedboat 20 Orang", 3_000_000, 6_000_000),
                ("Perahu Nelayan untuk Snorkeling", 500_000, 1_200_000),
                ("Kapal Kayu 40 Orang", 2_500_000, 4_500_000),
            )
        },
        (
            "Harga per trip; kapal dilengkapi pelampung dan nakhoda berpengalaman.",
            "Melayani antar tamu dinas, logistik kegiatan dan wisata antar pulau.",
            "Jadwal menyesuaikan cuaca dan informasi gelombang dari BMKG.",
        ),
        "trip",
        (350_000, 6_000_000),
        (1, 2),
        60,
        (1, 3),
        island=True,
    ),
]

SELLING_POINTS: dict[str, tuple[str, ...]] = {
    "event": (
        "Tim siap bekerja malam hari untuk persiapan acara pagi.",
        "Pernah menangani acara kelurahan, kecamatan dan BUMD.",
        "Booking minimal {lead} hari sebelum acara.",
        "Survei lokasi gratis untuk acara besar.",
        "Berbasis di {kecamatan}, melayani acara di seluruh {kota}.",
    ),
    # Product-specific points replace the category's.
    **dict.fromkeys(
        ("sewa_tenda", "sewa_perabot_acara", "sound_system", "sewa_alat_acara"),
        (
            "Harga sudah termasuk angkut dan bongkar pasang di {kota}.",
            "Gudang kami di {kecamatan}; barang bisa dilihat sebelum acara.",
            "Tim siap bekerja malam hari untuk persiapan acara pagi.",
            "Pernah menangani acara kelurahan, kecamatan dan BUMD.",
            "Booking minimal {lead} hari sebelum acara.",
        ),
    ),
    "wisata_pulau": (
        "Pemandu lokal dan pelampung untuk setiap peserta.",
        "Bisa ditambah kegiatan tanam mangrove dan bersih pantai.",
        "Jadwal menyesuaikan cuaca; pembatalan karena gelombang tinggi bisa dijadwal ulang.",
        "Minimal rombongan {moq} orang.",
    ),
    "bengkel_kendaraan": (
        "Bengkel kami di {kecamatan}, bisa antar jemput kendaraan di {kota}.",
        "Suku cadang asli dengan nota resmi untuk laporan pemeliharaan aset.",
        "Servis berkala armada kantor bisa dijadwalkan di luar jam dinas.",
        "Garansi pekerjaan 30 hari.",
    ),
    "sewa_perahu": (
        "Nakhoda warga pulau yang hafal jalur antar pulau.",
        "Pelampung tersedia untuk semua penumpang.",
        "Bisa kontrak untuk kegiatan dinas beberapa hari.",
        "Pemesanan minimal {lead} hari sebelumnya.",
    ),
    "kurir": (
        "Kurir berbasis di {kecamatan}, menjangkau seluruh {kota}.",
        "Bisa langganan bulanan untuk kiriman rutin kantor.",
        "Bukti antar dikirim real time lewat WhatsApp.",
    ),
    "repair": (
        "Teknisi datang ke lokasi, garansi pekerjaan 30 hari.",
        "Melayani kontrak perawatan bulanan kantor dan sekolah.",
        "Berbasis di {kecamatan}, bisa datang di hari yang sama untuk wilayah {kota}.",
        "Biaya transparan; estimasi harga disampaikan sebelum pekerjaan dimulai.",
        "Berpengalaman menangani gedung pemerintahan.",
    ),
    "it": (
        "Garansi pekerjaan dan dukungan lewat WhatsApp.",
        "Pernah mengerjakan proyek untuk kelurahan, sekolah dan UMKM.",
        "Teknisi bersertifikat, bisa datang ke seluruh {kota}.",
        "Berita acara dan dokumentasi pekerjaan diserahkan di akhir.",
        "Kantor kami di {kecamatan}; konsultasi awal gratis.",
    ),
    "transport": (
        "Armada terawat dengan STNK dan KIR aktif.",
        "Sopir berpengalaman dan sopan, siap sejak pagi buta.",
        "Pangkalan di {kecamatan}, menjangkau seluruh Jabodetabek.",
        "Bisa kontrak bulanan untuk kebutuhan operasional kantor.",
        "Pemesanan minimal {lead} hari sebelumnya.",
    ),
}
