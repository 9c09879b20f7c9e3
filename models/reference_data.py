"""Reference data of Pasar Padu: categories, Jakarta's administrative units, code lists.

Plain Python constants (no Flask, no SQLAlchemy) so that migrations, the demo-data generator,
the matching engine and scripts can all share them.

Places follow DKI Jakarta's official structure: five kota administrasi and one kabupaten
administrasi (Kepulauan Seribu), 44 kecamatan and 267 kelurahan. Kota codes are the BPS /
Kemendagri province-kota codes. Kecamatan centroids are approximate (good to about 2 km) and
are meant only for rough distance scores between a buyer and a supplier.
"""
from __future__ import annotations

import math
from typing import Any

# ---------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------

CATEGORIES: list[dict[str, str | None]] = [
    {"slug": "catering", "name_id": "Katering & Nasi Kotak", "name_en": "Catering & Boxed Meals",
     "parent": None, "unit_hint": "kotak"},
    {"slug": "snack", "name_id": "Kue & Camilan", "name_en": "Snacks & Pastries",
     "parent": None, "unit_hint": "kotak"},
    {"slug": "uniform", "name_id": "Seragam & Konveksi", "name_en": "Uniforms & Garments",
     "parent": None, "unit_hint": "pcs"},
    {"slug": "printing", "name_id": "Percetakan & Reklame", "name_en": "Printing & Signage",
     "parent": None, "unit_hint": "lembar"},
    {"slug": "stationery", "name_id": "Alat Tulis Kantor", "name_en": "Office Stationery",
     "parent": None, "unit_hint": "rim"},
    {"slug": "furniture", "name_id": "Mebel & Furnitur", "name_en": "Furniture",
     "parent": None, "unit_hint": "unit"},
    {"slug": "souvenir", "name_id": "Suvenir & Kerajinan", "name_en": "Souvenirs & Crafts",
     "parent": None, "unit_hint": "pcs"},
    {"slug": "cleaning", "name_id": "Kebersihan & Bahan Pembersih",
     "name_en": "Cleaning Services & Supplies", "parent": None, "unit_hint": "paket"},
    {"slug": "laundry", "name_id": "Laundry & Binatu", "name_en": "Laundry",
     "parent": None, "unit_hint": "kg"},
    {"slug": "ppe", "name_id": "Alat Pelindung Diri (APD)",
     "name_en": "Personal Protective Equipment", "parent": None, "unit_hint": "pcs"},
    {"slug": "beverage", "name_id": "Minuman", "name_en": "Beverages",
     "parent": None, "unit_hint": "botol"},
    {"slug": "produce", "name_id": "Bahan Pangan & Hasil Bumi", "name_en": "Fresh Food & Groceries",
     "parent": None, "unit_hint": "kg"},
    {"slug": "plants", "name_id": "Tanaman & Pertamanan", "name_en": "Plants & Landscaping",
     "parent": None, "unit_hint": "pcs"},
    {"slug": "event", "name_id": "Acara & Sewa Perlengkapan", "name_en": "Events & Equipment Hire",
     "parent": None, "unit_hint": "paket"},
    {"slug": "repair", "name_id": "Servis & Perbaikan", "name_en": "Repair & Maintenance",
     "parent": None, "unit_hint": "unit"},
    {"slug": "leather", "name_id": "Tas, Sepatu & Produk Kulit",
     "name_en": "Leather Goods & Footwear", "parent": None, "unit_hint": "pcs"},
    {"slug": "it", "name_id": "Teknologi Informasi & Digital", "name_en": "IT & Digital Services",
     "parent": None, "unit_hint": "paket"},
    {"slug": "transport", "name_id": "Transportasi & Pengiriman", "name_en": "Transport & Delivery",
     "parent": None, "unit_hint": "hari"},
    {"slug": "hampers", "name_id": "Parsel & Hampers", "name_en": "Hampers & Gift Parcels",
     "parent": None, "unit_hint": "paket"},
]

CATEGORY_SLUGS: tuple[str, ...] = tuple(str(c["slug"]) for c in CATEGORIES)

# Units used by listings and requests (code, Indonesian label, English label). Free text is
# allowed elsewhere; these are the suggestions a form offers.
UNITS: tuple[tuple[str, str, str], ...] = (
    ("pcs", "pcs", "pcs"),
    ("kotak", "kotak", "box"),
    ("paket", "paket", "package"),
    ("set", "set", "set"),
    ("lusin", "lusin", "dozen"),
    ("rim", "rim", "ream"),
    ("lembar", "lembar", "sheet"),
    ("unit", "unit", "unit"),
    ("kg", "kg", "kg"),
    ("liter", "liter", "litre"),
    ("botol", "botol", "bottle"),
    ("pasang", "pasang", "pair"),
    ("meter", "meter", "metre"),
    ("orang", "orang", "person"),
    ("jam", "jam", "hour"),
    ("hari", "hari", "day"),
)

# ---------------------------------------------------------------------------------------------
# Code lists
# ---------------------------------------------------------------------------------------------

CERTIFICATION_KINDS: tuple[str, ...] = ("halal", "pirt", "sni", "bpom", "other")
CERTIFICATION_LABELS: dict[str, tuple[str, str]] = {
    # kind: (Indonesian label, English label)
    "halal": ("Sertifikat Halal (BPJPH)", "Halal certificate (BPJPH)"),
    "pirt": ("SPP-IRT (Pangan Industri Rumah Tangga)", "Home-industry food permit (SPP-IRT)"),
    "sni": ("SNI (Standar Nasional Indonesia)", "SNI (Indonesian National Standard)"),
    "bpom": ("Izin Edar BPOM", "BPOM marketing authorisation"),
    "other": ("Sertifikat lainnya", "Other certificate"),
}

# Business scales as defined by PP No. 7 Tahun 2021 (implementing UU Cipta Kerja), by business
# capital excluding land and buildings, or by annual sales:
#   micro  ("mikro"):    capital up to Rp 1 miliar;             sales up to Rp 2 miliar a year
#   small  ("kecil"):    capital > Rp 1 miliar up to Rp 5 miliar; sales > Rp 2 up to Rp 15 miliar
#   medium ("menengah"): capital > Rp 5 miliar up to Rp 10 miliar; sales > Rp 15 up to Rp 50 miliar
BUSINESS_SCALES: tuple[str, ...] = ("micro", "small", "medium")
BUSINESS_SCALE_LABELS: dict[str, tuple[str, str]] = {
    "micro": ("Usaha Mikro", "Micro enterprise"),
    "small": ("Usaha Kecil", "Small enterprise"),
    "medium": ("Usaha Menengah", "Medium enterprise"),
}

ORGANISATION_KINDS: tuple[str, ...] = ("umkm", "government", "bumd", "corporate")
ORGANISATION_KIND_LABELS: dict[str, tuple[str, str]] = {
    "umkm": ("UMKM", "MSME"),
    "government": ("Instansi Pemerintah", "Government agency"),
    "bumd": ("BUMD", "Regional state-owned enterprise (BUMD)"),
    "corporate": ("Perusahaan Swasta", "Private company"),
}

REQUEST_STAGES: tuple[str, ...] = (
    "draft", "open", "under_review", "invited", "quoted", "awarded", "fulfilled", "cancelled",
)

# KBLI 2020 (Klasifikasi Baku Lapangan Usaha Indonesia, Peraturan BPS No. 2 Tahun 2020) codes
# that UMKM in the categories above commonly register in OSS. (code, Indonesian title).
KBLI_CODES: tuple[tuple[str, str], ...] = (
    ("01131", "Pertanian Hortikultura Sayuran Daun"),
    ("01301", "Pertanian Tanaman Hias"),
    ("01302", "Pertanian Pengembangbiakan Tanaman"),
    ("10211", "Industri Penggaraman/Pengeringan Ikan"),
    ("10298", "Industri Pengolahan Rumput Laut"),
    ("10391", "Industri Tempe Kedelai"),
    ("10392", "Industri Tahu Kedelai"),
    ("10710", "Industri Produk Roti dan Kue"),
    ("10750", "Industri Makanan dan Masakan Olahan"),
    ("10761", "Industri Pengolahan Kopi"),
    ("10763", "Industri Pengolahan Teh"),
    ("10779", "Industri Produk Masak Lainnya"),
    ("10792", "Industri Kue Basah"),
    ("10794", "Industri Kerupuk, Keripik, Peyek dan Sejenisnya"),
    ("10796", "Industri Dodol"),
    ("11040", "Industri Minuman Ringan"),
    ("13134", "Industri Batik"),
    ("14111", "Industri Pakaian Jadi (Konveksi) dari Tekstil"),
    ("14120", "Penjahitan dan Pembuatan Pakaian Sesuai Pesanan"),
    ("14302", "Industri Pakaian Jadi Sulaman/Bordir"),
    ("15121", "Industri Barang dari Kulit dan Kulit Komposisi untuk Keperluan Pribadi"),
    ("15201", "Industri Alas Kaki untuk Keperluan Sehari-hari"),
    ("15203", "Industri Sepatu Teknik Lapangan/Keperluan Industri"),
    ("16293", "Industri Kerajinan Ukiran dari Kayu Bukan Mebeller"),
    ("17022", "Industri Kemasan dan Kotak dari Kertas dan Karton"),
    ("18111", "Industri Pencetakan Umum"),
    ("18112", "Industri Pencetakan Khusus"),
    ("20128", "Industri Media Tanam"),
    ("20231", "Industri Sabun dan Bahan Pembersih Keperluan Rumah Tangga"),
    ("25111", "Industri Barang dari Logam Bukan Aluminium Siap Pasang untuk Bangunan"),
    ("31001", "Industri Furnitur dari Kayu"),
    ("32901", "Industri Alat Tulis dan Gambar Termasuk Perlengkapannya"),
    ("32903", "Industri Kerajinan YTDL"),
    ("43211", "Instalasi Listrik"),
    ("43212", "Instalasi Telekomunikasi"),
    ("43221", "Instalasi Saluran Air (Plambing)"),
    ("43224", "Instalasi Pendingin dan Ventilasi Udara"),
    ("43303", "Pengecatan"),
    ("46311", "Perdagangan Besar Beras"),
    ("46421", "Perdagangan Besar Alat Tulis dan Gambar"),
    ("49221", "Angkutan Bus Pariwisata"),
    ("49431", "Angkutan Bermotor untuk Barang Umum"),
    ("50113", "Angkutan Laut Dalam Negeri untuk Wisata"),
    ("56101", "Restoran"),
    ("56210", "Jasa Boga untuk Suatu Event Tertentu (Event Catering)"),
    ("62019", "Aktivitas Pemrograman Komputer Lainnya"),
    ("77100", "Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi Mobil, Bus, Truk dan Sejenisnya"),
    ("81210", "Aktivitas Kebersihan Umum Bangunan"),
    ("81300", "Aktivitas Perawatan dan Pemeliharaan Taman"),
    ("82301", "Jasa Penyelenggara Pertemuan, Perjalanan Insentif, Konferensi dan Pameran (MICE)"),
    ("95110", "Reparasi Komputer dan Peralatan Sejenisnya"),
    ("95220", "Reparasi Peralatan Rumah Tangga dan Peralatan Rumah dan Kebun"),
    ("96200", "Aktivitas Penatu"),
)
KBLI_TITLES: dict[str, str] = dict(KBLI_CODES)

# ---------------------------------------------------------------------------------------------
# DKI Jakarta: kota/kabupaten administrasi -> kecamatan -> kelurahan
# ---------------------------------------------------------------------------------------------


def _kec(name: str, lat: float, lon: float, kelurahan: list[str]) -> dict[str, Any]:
    return {"name": name, "lat": lat, "lon": lon, "kelurahan": kelurahan}


JAKARTA: list[dict[str, Any]] = [
    {
        "code": "31.01", "name": "Kabupaten Administrasi Kepulauan Seribu",
        "short": "Kepulauan Seribu", "kind": "kabupaten",
        "kecamatan": [
            _kec("Kepulauan Seribu Utara", -5.700, 106.575,
                 ["Pulau Panggang", "Pulau Kelapa", "Pulau Harapan"]),
            _kec("Kepulauan Seribu Selatan", -5.870, 106.600,
                 ["Pulau Tidung", "Pulau Pari", "Pulau Untung Jawa"]),
        ],
    },
    {
        "code": "31.71", "name": "Kota Administrasi Jakarta Selatan",
        "short": "Jakarta Selatan", "kind": "kota",
        "kecamatan": [
            _kec("Kebayoran Baru", -6.2400, 106.7990,
                 ["Selong", "Gunung", "Kramat Pela", "Gandaria Utara", "Cipete Utara", "Pulo",
                  "Melawai", "Petogogan", "Rawa Barat", "Senayan"]),
            _kec("Kebayoran Lama", -6.2440, 106.7750,
                 ["Kebayoran Lama Utara", "Kebayoran Lama Selatan", "Grogol Utara",
                  "Grogol Selatan", "Cipulir", "Pondok Pinang"]),
            _kec("Pesanggrahan", -6.2530, 106.7560,
                 ["Pesanggrahan", "Bintaro", "Petukangan Utara", "Petukangan Selatan", "Ulujami"]),
            _kec("Cilandak", -6.2900, 106.7950,
                 ["Cilandak Barat", "Lebak Bulus", "Pondok Labu", "Gandaria Selatan",
                  "Cipete Selatan"]),
            _kec("Pasar Minggu", -6.2870, 106.8430,
                 ["Pasar Minggu", "Jati Padang", "Cilandak Timur", "Ragunan", "Pejaten Timur",
                  "Pejaten Barat", "Kebagusan"]),
            _kec("Jagakarsa", -6.3340, 106.8230,
                 ["Jagakarsa", "Srengseng Sawah", "Ciganjur", "Lenteng Agung", "Tanjung Barat",
                  "Cipedak"]),
            _kec("Mampang Prapatan", -6.2470, 106.8240,
                 ["Mampang Prapatan", "Bangka", "Pela Mampang", "Tegal Parang", "Kuningan Barat"]),
            _kec("Pancoran", -6.2500, 106.8460,
                 ["Pancoran", "Kalibata", "Rawajati", "Duren Tiga", "Pengadegan", "Cikoko"]),
            _kec("Tebet", -6.2300, 106.8550,
                 ["Tebet Barat", "Tebet Timur", "Kebon Baru", "Bukit Duri", "Manggarai",
                  "Manggarai Selatan", "Menteng Dalam"]),
            _kec("Setiabudi", -6.2140, 106.8300,
                 ["Setiabudi", "Karet", "Karet Semanggi", "Karet Kuningan", "Kuningan Timur",
                  "Menteng Atas", "Pasar Manggis", "Guntur"]),
        ],
    },
    {
        "code": "31.72", "name": "Kota Administrasi Jakarta Timur",
        "short": "Jakarta Timur", "kind": "kota",
        "kecamatan": [
            _kec("Matraman", -6.2010, 106.8600,
                 ["Pisangan Baru", "Utan Kayu Utara", "Utan Kayu Selatan", "Kayu Manis",
                  "Palmeriam", "Kebon Manggis"]),
            _kec("Pulo Gadung", -6.1900, 106.8900,
                 ["Pulo Gadung", "Jati", "Rawamangun", "Kayu Putih", "Pisangan Timur", "Cipinang",
                  "Jatinegara Kaum"]),
            _kec("Jatinegara", -6.2300, 106.8700,
                 ["Kampung Melayu", "Bidara Cina", "Bali Mester", "Rawa Bunga",
                  "Cipinang Cempedak", "Cipinang Muara", "Cipinang Besar Selatan",
                  "Cipinang Besar Utara"]),
            _kec("Duren Sawit", -6.2320, 106.9140,
                 ["Duren Sawit", "Pondok Bambu", "Klender", "Pondok Kelapa", "Malaka Sari",
                  "Malaka Jaya", "Pondok Kopi"]),
            _kec("Kramat Jati", -6.2700, 106.8660,
                 ["Kramat Jati", "Batu Ampar", "Bale Kambang", "Kampung Tengah", "Dukuh", "Cawang",
                  "Cililitan"]),
            _kec("Makasar", -6.2650, 106.8880,
                 ["Makasar", "Pinang Ranti", "Kebon Pala", "Halim Perdana Kusuma",
                  "Cipinang Melayu"]),
            _kec("Pasar Rebo", -6.3200, 106.8550,
                 ["Pekayon", "Kalisari", "Baru", "Cijantung", "Gedong"]),
            _kec("Ciracas", -6.3300, 106.8750,
                 ["Ciracas", "Cibubur", "Kelapa Dua Wetan", "Susukan", "Rambutan"]),
            _kec("Cipayung", -6.3150, 106.9000,
                 ["Cipayung", "Cilangkap", "Pondok Ranggon", "Munjul", "Setu", "Bambu Apus",
                  "Lubang Buaya", "Ceger"]),
            _kec("Cakung", -6.1860, 106.9400,
                 ["Cakung Barat", "Cakung Timur", "Rawa Terate", "Jatinegara", "Penggilingan",
                  "Pulo Gebang", "Ujung Menteng"]),
        ],
    },
    {
        "code": "31.73", "name": "Kota Administrasi Jakarta Pusat",
        "short": "Jakarta Pusat", "kind": "kota",
        "kecamatan": [
            _kec("Gambir", -6.1756, 106.8165,
                 ["Gambir", "Cideng", "Petojo Utara", "Petojo Selatan", "Kebon Kelapa",
                  "Duri Pulo"]),
            _kec("Sawah Besar", -6.1555, 106.8315,
                 ["Pasar Baru", "Karang Anyar", "Kartini", "Gunung Sahari Utara",
                  "Mangga Dua Selatan"]),
            _kec("Kemayoran", -6.1610, 106.8560,
                 ["Kemayoran", "Kebon Kosong", "Harapan Mulya", "Serdang", "Gunung Sahari Selatan",
                  "Cempaka Baru", "Sumur Batu", "Utan Panjang"]),
            _kec("Senen", -6.1800, 106.8430,
                 ["Senen", "Kwitang", "Kenari", "Paseban", "Kramat", "Bungur"]),
            _kec("Cempaka Putih", -6.1780, 106.8700,
                 ["Cempaka Putih Timur", "Cempaka Putih Barat", "Rawasari"]),
            _kec("Menteng", -6.1960, 106.8360,
                 ["Menteng", "Pegangsaan", "Cikini", "Gondangdia", "Kebon Sirih"]),
            _kec("Tanah Abang", -6.2040, 106.8110,
                 ["Gelora", "Bendungan Hilir", "Karet Tengsin", "Kebon Melati", "Petamburan",
                  "Kebon Kacang", "Kampung Bali"]),
            _kec("Johar Baru", -6.1840, 106.8580,
                 ["Johar Baru", "Kampung Rawa", "Tanah Tinggi", "Galur"]),
        ],
    },
    {
        "code": "31.74", "name": "Kota Administrasi Jakarta Barat",
        "short": "Jakarta Barat", "kind": "kota",
        "kecamatan": [
            _kec("Cengkareng", -6.1500, 106.7350,
                 ["Cengkareng Barat", "Cengkareng Timur", "Duri Kosambi", "Kapuk",
                  "Kedaung Kali Angke", "Rawa Buaya"]),
            _kec("Grogol Petamburan", -6.1630, 106.7890,
                 ["Grogol", "Jelambar", "Jelambar Baru", "Wijaya Kusuma", "Tanjung Duren Utara",
                  "Tanjung Duren Selatan", "Tomang"]),
            _kec("Taman Sari", -6.1470, 106.8150,
                 ["Taman Sari", "Tangki", "Mangga Besar", "Keagungan", "Glodok", "Pinangsia",
                  "Maphar", "Krukut"]),
            _kec("Tambora", -6.1470, 106.8000,
                 ["Tambora", "Kali Anyar", "Duri Utara", "Tanah Sereal", "Krendang",
                  "Jembatan Lima", "Jembatan Besi", "Angke", "Roa Malaka", "Pekojan",
                  "Duri Selatan"]),
            _kec("Kebon Jeruk", -6.1930, 106.7700,
                 ["Kebon Jeruk", "Sukabumi Utara", "Sukabumi Selatan", "Kelapa Dua", "Duri Kepa",
                  "Kedoya Utara", "Kedoya Selatan"]),
            _kec("Kalideres", -6.1300, 106.7000,
                 ["Kalideres", "Semanan", "Tegal Alur", "Kamal", "Pegadungan"]),
            _kec("Palmerah", -6.1950, 106.7960,
                 ["Palmerah", "Slipi", "Kota Bambu Utara", "Kota Bambu Selatan", "Jati Pulo",
                  "Kemanggisan"]),
            _kec("Kembangan", -6.1900, 106.7400,
                 ["Kembangan Utara", "Kembangan Selatan", "Meruya Utara", "Meruya Selatan",
                  "Srengseng", "Joglo"]),
        ],
    },
    {
        "code": "31.75", "name": "Kota Administrasi Jakarta Utara",
        "short": "Jakarta Utara", "kind": "kota",
        "kecamatan": [
            _kec("Penjaringan", -6.1220, 106.7750,
                 ["Kamal Muara", "Kapuk Muara", "Pejagalan", "Penjaringan", "Pluit"]),
            _kec("Pademangan", -6.1300, 106.8380,
                 ["Pademangan Barat", "Pademangan Timur", "Ancol"]),
            _kec("Tanjung Priok", -6.1320, 106.8710,
                 ["Tanjung Priok", "Kebon Bawang", "Sungai Bambu", "Papanggo", "Warakas",
                  "Sunter Agung", "Sunter Jaya"]),
            _kec("Koja", -6.1170, 106.9060,
                 ["Koja", "Lagoa", "Rawa Badak Utara", "Rawa Badak Selatan", "Tugu Utara",
                  "Tugu Selatan"]),
            _kec("Kelapa Gading", -6.1590, 106.9050,
                 ["Kelapa Gading Barat", "Kelapa Gading Timur", "Pegangsaan Dua"]),
            _kec("Cilincing", -6.1250, 106.9450,
                 ["Cilincing", "Kalibaru", "Semper Barat", "Semper Timur", "Sukapura", "Rorotan",
                  "Marunda"]),
        ],
    },
]

KOTA_SHORT_NAMES: tuple[str, ...] = tuple(k["short"] for k in JAKARTA)


def kota(short: str) -> dict[str, Any]:
    """The JAKARTA entry whose short name (e.g. "Jakarta Timur") or full name is ``short``."""
    for entry in JAKARTA:
        if short in (entry["short"], entry["name"]):
            return entry
    raise KeyError(short)


def kecamatan(kota_short: str, name: str) -> dict[str, Any]:
    """The kecamatan ``name`` of the kota ``kota_short``."""
    entries: list[dict[str, Any]] = kota(kota_short)["kecamatan"]
    for entry in entries:
        if entry["name"] == name:
            return entry
    raise KeyError((kota_short, name))


def place_exists(kota_short: str, kecamatan_name: str | None = None,
                 kelurahan_name: str | None = None) -> bool:
    """True when the kota (and the kecamatan, and the kelurahan, when given) exist."""
    try:
        kota(kota_short)
        if kecamatan_name is None:
            return True
        district = kecamatan(kota_short, kecamatan_name)
    except KeyError:
        return False
    return kelurahan_name is None or kelurahan_name in district["kelurahan"]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def kecamatan_distance_km(kota_a: str, kec_a: str, kota_b: str, kec_b: str) -> float:
    """Approximate distance between two kecamatan centroids, in kilometres."""
    a, b = kecamatan(kota_a, kec_a), kecamatan(kota_b, kec_b)
    return distance_km(a["lat"], a["lon"], b["lat"], b["lon"])
