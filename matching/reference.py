"""Reference data shared by the app and the matching engine: categories and DKI Jakarta's places.

Plain constants (no Flask, no SQLAlchemy, no imports from ``models``) so that
``models.reference_data`` (the app's reference data, which re-exports these), migrations, the
demo-data generator and the engine's synthetic catalogue read one copy.

Places follow DKI Jakarta's official structure: five kota administrasi and one kabupaten
administrasi (Kepulauan Seribu), 44 kecamatan and 267 kelurahan. Kota codes are the BPS /
Kemendagri province-kota codes. Kecamatan centroids are approximate (good to about 2 km) and
are meant only for rough distance scores between a buyer and a supplier.
"""

from __future__ import annotations

from typing import Any

# ---------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------

CATEGORIES: list[dict[str, str | None]] = [
    {
        "slug": "catering",
        "name_id": "Katering & Nasi Kotak",
        "name_en": "Catering & Boxed Meals",
        "parent": None,
        "unit_hint": "kotak",
    },
    {
        "slug": "snack",
        "name_id": "Kue & Camilan",
        "name_en": "Snacks & Pastries",
        "parent": None,
        "unit_hint": "kotak",
    },
    {
        "slug": "uniform",
        "name_id": "Seragam & Konveksi",
        "name_en": "Uniforms & Garments",
        "parent": None,
        "unit_hint": "pcs",
    },
    {
        "slug": "printing",
        "name_id": "Percetakan & Reklame",
        "name_en": "Printing & Signage",
        "parent": None,
        "unit_hint": "lembar",
    },
    {
        "slug": "stationery",
        "name_id": "Alat Tulis Kantor",
        "name_en": "Office Stationery",
        "parent": None,
        "unit_hint": "rim",
    },
    {
        "slug": "furniture",
        "name_id": "Mebel & Furnitur",
        "name_en": "Furniture",
        "parent": None,
        "unit_hint": "unit",
    },
    {
        "slug": "souvenir",
        "name_id": "Suvenir & Kerajinan",
        "name_en": "Souvenirs & Crafts",
        "parent": None,
        "unit_hint": "pcs",
    },
    {
        "slug": "cleaning",
        "name_id": "Kebersihan & Bahan Pembersih",
        "name_en": "Cleaning Services & Supplies",
        "parent": None,
        "unit_hint": "paket",
    },
    {
        "slug": "laundry",
        "name_id": "Laundry & Binatu",
        "name_en": "Laundry",
        "parent": None,
        "unit_hint": "kg",
    },
    {
        "slug": "ppe",
        "name_id": "Alat Pelindung Diri (APD)",
        "name_en": "Personal Protective Equipment",
        "parent": None,
        "unit_hint": "pcs",
    },
    {"slug": "beverage", "name_id": "Minuman", "name_en": "Beverages", "parent": None, "unit_hint": "botol"},
    {
        "slug": "produce",
        "name_id": "Bahan Pangan & Hasil Bumi",
        "name_en": "Fresh Food & Groceries",
        "parent": None,
        "unit_hint": "kg",
    },
    {
        "slug": "plants",
        "name_id": "Tanaman & Pertamanan",
        "name_en": "Plants & Landscaping",
        "parent": None,
        "unit_hint": "pcs",
    },
    {
        "slug": "event",
        "name_id": "Acara & Sewa Perlengkapan",
        "name_en": "Events & Equipment Hire",
        "parent": None,
        "unit_hint": "paket",
    },
    {
        "slug": "repair",
        "name_id": "Servis & Perbaikan",
        "name_en": "Repair & Maintenance",
        "parent": None,
        "unit_hint": "unit",
    },
    {
        "slug": "leather",
        "name_id": "Tas, Sepatu & Produk Kulit",
        "name_en": "Leather Goods & Footwear",
        "parent": None,
        "unit_hint": "pcs",
    },
    {
        "slug": "it",
        "name_id": "Teknologi Informasi & Digital",
        "name_en": "IT & Digital Services",
        "parent": None,
        "unit_hint": "paket",
    },
    {
        "slug": "transport",
        "name_id": "Transportasi & Pengiriman",
        "name_en": "Transport & Delivery",
        "parent": None,
        "unit_hint": "hari",
    },
    {
        "slug": "hampers",
        "name_id": "Parsel & Hampers",
        "name_en": "Hampers & Gift Parcels",
        "parent": None,
        "unit_hint": "paket",
    },
]

# ---------------------------------------------------------------------------------------------
# DKI Jakarta: kota/kabupaten administrasi -> kecamatan -> kelurahan
# ---------------------------------------------------------------------------------------------


def _kec(name: str, lat: float, lon: float, kelurahan: list[str]) -> dict[str, Any]:
    return {"name": name, "lat": lat, "lon": lon, "kelurahan": kelurahan}


JAKARTA: list[dict[str, Any]] = [
    {
        "code": "31.01",
        "name": "Kabupaten Administrasi Kepulauan Seribu",
        "short": "Kepulauan Seribu",
        "kind": "kabupaten",
        "kecamatan": [
            _kec(
                "Kepulauan Seribu Utara", -5.700, 106.575, ["Pulau Panggang", "Pulau Kelapa", "Pulau Harapan"]
            ),
            _kec(
                "Kepulauan Seribu Selatan",
                -5.870,
                106.600,
                ["Pulau Tidung", "Pulau Pari", "Pulau Untung Jawa"],
            ),
        ],
    },
    {
        "code": "31.71",
        "name": "Kota Administrasi Jakarta Selatan",
        "short": "Jakarta Selatan",
        "kind": "kota",
        "kecamatan": [
            _kec(
                "Kebayoran Baru",
                -6.2400,
                106.7990,
                [
                    "Selong",
                    "Gunung",
                    "Kramat Pela",
                    "Gandaria Utara",
                    "Cipete Utara",
                    "Pulo",
                    "Melawai",
                    "Petogogan",
                    "Rawa Barat",
                    "Senayan",
                ],
            ),
            _kec(
                "Kebayoran Lama",
                -6.2440,
                106.7750,
                [
                    "Kebayoran Lama Utara",
                    "Kebayoran Lama Selatan",
                    "Grogol Utara",
                    "Grogol Selatan",
                    "Cipulir",
                    "Pondok Pinang",
                ],
            ),
            _kec(
                "Pesanggrahan",
                -6.2530,
                106.7560,
                ["Pesanggrahan", "Bintaro", "Petukangan Utara", "Petukangan Selatan", "Ulujami"],
            ),
            _kec(
                "Cilandak",
                -6.2900,
                106.7950,
                ["Cilandak Barat", "Lebak Bulus", "Pondok Labu", "Gandaria Selatan", "Cipete Selatan"],
            ),
            _kec(
                "Pasar Minggu",
                -6.2870,
                106.8430,
                [
                    "Pasar Minggu",
                    "Jati Padang",
                    "Cilandak Timur",
                    "Ragunan",
                    "Pejaten Timur",
                    "Pejaten Barat",
                    "Kebagusan",
                ],
            ),
            _kec(
                "Jagakarsa",
                -6.3340,
                106.8230,
                ["Jagakarsa", "Srengseng Sawah", "Ciganjur", "Lenteng Agung", "Tanjung Barat", "Cipedak"],
            ),
            _kec(
                "Mampang Prapatan",
                -6.2470,
                106.8240,
                ["Mampang Prapatan", "Bangka", "Pela Mampang", "Tegal Parang", "Kuningan Barat"],
            ),
            _kec(
                "Pancoran",
                -6.2500,
                106.8460,
                ["Pancoran", "Kalibata", "Rawajati", "Duren Tiga", "Pengadegan", "Cikoko"],
            ),
            _kec(
                "Tebet",
                -6.2300,
                106.8550,
                [
                    "Tebet Barat",
                    "Tebet Timur",
                    "Kebon Baru",
                    "Bukit Duri",
                    "Manggarai",
                    "Manggarai Selatan",
                    "Menteng Dalam",
                ],
            ),
            _kec(
                "Setiabudi",
                -6.2140,
                106.8300,
                [
                    "Setiabudi",
                    "Karet",
                    "Karet Semanggi",
                    "Karet Kuningan",
                    "Kuningan Timur",
                    "Menteng Atas",
                    "Pasar Manggis",
                    "Guntur",
                ],
            ),
        ],
    },
    {
        "code": "31.72",
        "name": "Kota Administrasi Jakarta Timur",
        "short": "Jakarta Timur",
        "kind": "kota",
        "kecamatan": [
            _kec(
                "Matraman",
                -6.2010,
                106.8600,
                [
                    "Pisangan Baru",
                    "Utan Kayu Utara",
                    "Utan Kayu Selatan",
                    "Kayu Manis",
                    "Palmeriam",
                    "Kebon Manggis",
                ],
            ),
            _kec(
                "Pulo Gadung",
                -6.1900,
                106.8900,
                [
                    "Pulo Gadung",
                    "Jati",
                    "Rawamangun",
                    "Kayu Putih",
                    "Pisangan Timur",
                    "Cipinang",
                    "Jatinegara Kaum",
                ],
            ),
            _kec(
                "Jatinegara",
                -6.2300,
                106.8700,
                [
                    "Kampung Melayu",
                    "Bidara Cina",
                    "Bali Mester",
                    "Rawa Bunga",
                    "Cipinang Cempedak",
                    "Cipinang Muara",
                    "Cipinang Besar Selatan",
                    "Cipinang Besar Utara",
                ],
            ),
            _kec(
                "Duren Sawit",
                -6.2320,
                106.9140,
                [
                    "Duren Sawit",
                    "Pondok Bambu",
                    "Klender",
                    "Pondok Kelapa",
                    "Malaka Sari",
                    "Malaka Jaya",
                    "Pondok Kopi",
                ],
            ),
            _kec(
                "Kramat Jati",
                -6.2700,
                106.8660,
                [
                    "Kramat Jati",
                    "Batu Ampar",
                    "Bale Kambang",
                    "Kampung Tengah",
                    "Dukuh",
                    "Cawang",
                    "Cililitan",
                ],
            ),
            _kec(
                "Makasar",
                -6.2650,
                106.8880,
                ["Makasar", "Pinang Ranti", "Kebon Pala", "Halim Perdana Kusuma", "Cipinang Melayu"],
            ),
            _kec("Pasar Rebo", -6.3200, 106.8550, ["Pekayon", "Kalisari", "Baru", "Cijantung", "Gedong"]),
            _kec(
                "Ciracas",
                -6.3300,
                106.8750,
                ["Ciracas", "Cibubur", "Kelapa Dua Wetan", "Susukan", "Rambutan"],
            ),
            _kec(
                "Cipayung",
                -6.3150,
                106.9000,
                [
                    "Cipayung",
                    "Cilangkap",
                    "Pondok Ranggon",
                    "Munjul",
                    "Setu",
                    "Bambu Apus",
                    "Lubang Buaya",
                    "Ceger",
                ],
            ),
            _kec(
                "Cakung",
                -6.1860,
                106.9400,
                [
                    "Cakung Barat",
                    "Cakung Timur",
                    "Rawa Terate",
                    "Jatinegara",
                    "Penggilingan",
                    "Pulo Gebang",
                    "Ujung Menteng",
                ],
            ),
        ],
    },
    {
        "code": "31.73",
        "name": "Kota Administrasi Jakarta Pusat",
        "short": "Jakarta Pusat",
        "kind": "kota",
        "kecamatan": [
            _kec(
                "Gambir",
                -6.1756,
                106.8165,
                ["Gambir", "Cideng", "Petojo Utara", "Petojo Selatan", "Kebon Kelapa", "Duri Pulo"],
            ),
            _kec(
                "Sawah Besar",
                -6.1555,
                106.8315,
                ["Pasar Baru", "Karang Anyar", "Kartini", "Gunung Sahari Utara", "Mangga Dua Selatan"],
            ),
            _kec(
                "Kemayoran",
                -6.1610,
                106.8560,
                [
                    "Kemayoran",
                    "Kebon Kosong",
                    "Harapan Mulya",
                    "Serdang",
                    "Gunung Sahari Selatan",
                    "Cempaka Baru",
                    "Sumur Batu",
                    "Utan Panjang",
                ],
            ),
            _kec("Senen", -6.1800, 106.8430, ["Senen", "Kwitang", "Kenari", "Paseban", "Kramat", "Bungur"]),
            _kec(
                "Cempaka Putih", -6.1780, 106.8700, ["Cempaka Putih Timur", "Cempaka Putih Barat", "Rawasari"]
            ),
            _kec(
                "Menteng", -6.1960, 106.8360, ["Menteng", "Pegangsaan", "Cikini", "Gondangdia", "Kebon Sirih"]
            ),
            _kec(
                "Tanah Abang",
                -6.2040,
                106.8110,
                [
                    "Gelora",
                    "Bendungan Hilir",
                    "Karet Tengsin",
                    "Kebon Melati",
                    "Petamburan",
                    "Kebon Kacang",
                    "Kampung Bali",
                ],
            ),
            _kec("Johar Baru", -6.1840, 106.8580, ["Johar Baru", "Kampung Rawa", "Tanah Tinggi", "Galur"]),
        ],
    },
    {
        "code": "31.74",
        "name": "Kota Administrasi Jakarta Barat",
        "short": "Jakarta Barat",
        "kind": "kota",
        "kecamatan": [
            _kec(
                "Cengkareng",
                -6.1500,
                106.7350,
                [
                    "Cengkareng Barat",
                    "Cengkareng Timur",
                    "Duri Kosambi",
                    "Kapuk",
                    "Kedaung Kali Angke",
                    "Rawa Buaya",
                ],
            ),
            _kec(
                "Grogol Petamburan",
                -6.1630,
                106.7890,
                [
                    "Grogol",
                    "Jelambar",
                    "Jelambar Baru",
                    "Wijaya Kusuma",
                    "Tanjung Duren Utara",
                    "Tanjung Duren Selatan",
                    "Tomang",
                ],
            ),
            _kec(
                "Taman Sari",
                -6.1470,
                106.8150,
                [
                    "Taman Sari",
                    "Tangki",
                    "Mangga Besar",
                    "Keagungan",
                    "Glodok",
                    "Pinangsia",
                    "Maphar",
                    "Krukut",
                ],
            ),
            _kec(
                "Tambora",
                -6.1470,
                106.8000,
                [
                    "Tambora",
                    "Kali Anyar",
                    "Duri Utara",
                    "Tanah Sereal",
                    "Krendang",
                    "Jembatan Lima",
                    "Jembatan Besi",
                    "Angke",
                    "Roa Malaka",
                    "Pekojan",
                    "Duri Selatan",
                ],
            ),
            _kec(
                "Kebon Jeruk",
                -6.1930,
                106.7700,
                [
                    "Kebon Jeruk",
                    "Sukabumi Utara",
                    "Sukabumi Selatan",
                    "Kelapa Dua",
                    "Duri Kepa",
                    "Kedoya Utara",
                    "Kedoya Selatan",
                ],
            ),
            _kec(
                "Kalideres", -6.1300, 106.7000, ["Kalideres", "Semanan", "Tegal Alur", "Kamal", "Pegadungan"]
            ),
            _kec(
                "Palmerah",
                -6.1950,
                106.7960,
                ["Palmerah", "Slipi", "Kota Bambu Utara", "Kota Bambu Selatan", "Jati Pulo", "Kemanggisan"],
            ),
            _kec(
                "Kembangan",
                -6.1900,
                106.7400,
                [
                    "Kembangan Utara",
                    "Kembangan Selatan",
                    "Meruya Utara",
                    "Meruya Selatan",
                    "Srengseng",
                    "Joglo",
                ],
            ),
        ],
    },
    {
        "code": "31.75",
        "name": "Kota Administrasi Jakarta Utara",
        "short": "Jakarta Utara",
        "kind": "kota",
        "kecamatan": [
            _kec(
                "Penjaringan",
                -6.1220,
                106.7750,
                ["Kamal Muara", "Kapuk Muara", "Pejagalan", "Penjaringan", "Pluit"],
            ),
            _kec("Pademangan", -6.1300, 106.8380, ["Pademangan Barat", "Pademangan Timur", "Ancol"]),
            _kec(
                "Tanjung Priok",
                -6.1320,
                106.8710,
                [
                    "Tanjung Priok",
                    "Kebon Bawang",
                    "Sungai Bambu",
                    "Papanggo",
                    "Warakas",
                    "Sunter Agung",
                    "Sunter Jaya",
                ],
            ),
            _kec(
                "Koja",
                -6.1170,
                106.9060,
                ["Koja", "Lagoa", "Rawa Badak Utara", "Rawa Badak Selatan", "Tugu Utara", "Tugu Selatan"],
            ),
            _kec(
                "Kelapa Gading",
                -6.1590,
                106.9050,
                ["Kelapa Gading Barat", "Kelapa Gading Timur", "Pegangsaan Dua"],
            ),
            _kec(
                "Cilincing",
                -6.1250,
                106.9450,
                ["Cilincing", "Kalibaru", "Semper Barat", "Semper Timur", "Sukapura", "Rorotan", "Marunda"],
            ),
        ],
    },
]
