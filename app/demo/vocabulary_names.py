"""People, business-name words, streets and local place names for the demo dataset."""

from __future__ import annotations

import random

# Given names by gender; a name followed by "|" gives the nickname used in shop names
# ("Siti Aminah|Ami" -> "Katering Bu Ami").
FEMALE_GIVEN: tuple[str, ...] = (
    "Sri",
    "Siti Aminah|Ami",
    "Nurhayati|Nur",
    "Rina",
    "Dewi",
    "Wati",
    "Yuni",
    "Ratna",
    "Endang",
    "Lilis",
    "Neneng",
    "Euis",
    "Ida",
    "Fitri",
    "Rahmawati|Rahma",
    "Susi",
    "Tuti",
    "Yanti",
    "Ani",
    "Rohani|Oni",
    "Maemunah|Munah",
    "Juleha|Leha",
    "Saodah|Odah",
    "Mariam|Iyam",
    "Fatimah|Ima",
    "Hasanah|Hasna",
    "Nining",
    "Ernawati|Erna",
    "Herlina|Lina",
    "Sulastri|Lastri",
    "Ningsih",
    "Kartini|Tini",
    "Suryani|Yani",
    "Widya",
    "Anggi",
    "Dian",
    "Putri",
    "Novi",
    "Melati",
    "Intan",
    "Nadia",
    "Ayu",
    "Citra",
    "Lestiana|Tiana",
    "Meilani|Mei",
    "Lanny",
    "Yohana|Hana",
    "Maria",
    "Theresia|Tere",
    "Butet",
    "Imelda|Imel",
    "Hj. Rosidah|Ros",
    "Hj. Zubaedah|Edah",
    "Oktaviani|Okta",
)
MALE_GIVEN: tuple[str, ...] = (
    "Agus",
    "Budi",
    "Joko",
    "Bambang",
    "Slamet",
    "Hendra",
    "Rudi",
    "Dedi",
    "Asep",
    "Ujang",
    "Iwan",
    "Eko",
    "Heru",
    "Yusuf",
    "Rizki",
    "Fajar",
    "Dimas",
    "Arif",
    "Andi",
    "Bayu",
    "Teguh",
    "Wahyu",
    "Muhammad Rizal|Rizal",
    "Ahmad Fauzi|Fauzi",
    "H. Mursid|Mursid",
    "H. Sanusi|Sanusi",
    "Mamat",
    "Rojali|Jali",
    "Sarmili|Mili",
    "Madun",
    "Sabeni",
    "Usman",
    "Haris",
    "Irfan",
    "Taufik",
    "Gilang",
    "Reza",
    "Yosef",
    "Benny",
    "Robert",
    "Martin",
    "Poltak",
    "Sahat",
    "Ferry",
    "Kurniawan|Awan",
    "Nanang",
    "Ade",
    "Engkos",
    "Darto",
    "Sugeng",
    "Tono",
    "Anton",
    "Acong",
    "Ahong",
    "Sutrisno|Tris",
    "Pardi",
    "Wawan",
    "Imam",
    "Lukman",
)
FEMALE_FAMILY: tuple[str, ...] = (
    "Lestari",
    "Wulandari",
    "Rahayu",
    "Handayani",
    "Puspitasari",
    "Anggraini",
    "Kurniasih",
    "Wahyuningsih",
    "Susanti",
    "Rahmawati",
    "Fitriani",
    "Permatasari",
    "Maharani",
    "Suryani",
    "Ningrum",
    "Oktaviani",
    "Pratiwi",
    "Safitri",
    "Novitasari",
    "Yulianti",
)
MALE_FAMILY: tuple[str, ...] = (
    "Setiawan",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Pratama",
    "Santoso",
    "Wibowo",
    "Nugroho",
    "Hermawan",
    "Prasetyo",
    "Firmansyah",
    "Ramadhan",
    "Gunawan",
    "Hakim",
    "Maulana",
    "Syahputra",
    "Susilo",
    "Rahman",
    "Hidayatullah",
    "Purnomo",
)
SHARED_FAMILY: tuple[str, ...] = (
    "Siregar",
    "Simanjuntak",
    "Nainggolan",
    "Sitompul",
    "Lubis",
    "Harahap",
    "Chaniago",
    "Tanjung",
    "Wijaya",
    "Halim",
    "Tanuwijaya",
    "Gozali",
    "Sinaga",
    "Manurung",
    "Pardede",
    "Wowor",
    "Rumondor",
    "Lumbantobing",
    "Nasution",
    "Daulay",
    "Matondang",
    "Assegaf",
    "Alatas",
    "Bachtiar",
)
# Family names that imply a region, so that honorifics in shop names fit the owner.
BATAK = frozenset(
    {
        "Siregar",
        "Simanjuntak",
        "Nainggolan",
        "Sitompul",
        "Lubis",
        "Harahap",
        "Sinaga",
        "Manurung",
        "Pardede",
        "Lumbantobing",
        "Nasution",
        "Daulay",
        "Matondang",
    }
)
CHINESE = frozenset({"Wijaya", "Halim", "Tanuwijaya", "Gozali"})

# Honorifics used in shop names ("Katering Bu Sri", "Dodol Mpok Leha", "Bengkel Bang Jali").
FEMALE_HONORIFIC: tuple[str, ...] = ("Bu", "Bu", "Bu", "Mpok", "Umi", "Mbak", "Teh")
MALE_HONORIFIC: tuple[str, ...] = ("Pak", "Pak", "Bang", "Bang", "Mas", "Abah", "Kang")

# Positive words Jakarta shops like to carry in their names.
LUCKY_WORDS: tuple[str, ...] = (
    "Berkah",
    "Jaya",
    "Makmur",
    "Sejahtera",
    "Barokah",
    "Mandiri",
    "Sentosa",
    "Amanah",
    "Abadi",
    "Sinar",
    "Cahaya",
    "Mulia",
    "Sukses",
    "Lestari",
    "Rezeki",
    "Karya",
    "Putra",
    "Putri",
    "Sumber",
    "Mitra",
    "Prima",
    "Utama",
    "Harapan",
    "Bersama",
    "Bintang",
    "Surya",
    "Kencana",
    "Gemilang",
    "Nusantara",
    "Sakinah",
    "Al-Ikhlas",
    "Madani",
    "Insan",
    "Indah",
    "Rahmat",
    "Family",
    "Sehati",
    "Setia",
    "Anugerah",
    "Citra",
)
# Second words that pair naturally ("Mandiri Jaya", "Sinar Abadi", "Berkah Sejahtera").
LUCKY_SECOND: tuple[str, ...] = (
    "Jaya",
    "Makmur",
    "Sejahtera",
    "Abadi",
    "Sentosa",
    "Mandiri",
    "Lestari",
    "Utama",
    "Mulia",
    "Perkasa",
    "Bersama",
    "Barokah",
    "Amanah",
    "Gemilang",
    "Sakti",
    "Indah",
    "Agung",
    "Raya",
    "Baru",
    "Anugerah",
    "Kencana",
    "Rezeki",
    "Persada",
    "Bahagia",
)

# Kecamatan names as people say them in a shop name.
KECAMATAN_ALIAS: dict[str, str] = {
    "Grogol Petamburan": "Grogol",
    "Mampang Prapatan": "Mampang",
    "Kebayoran Baru": "Kebayoran",
    "Pulo Gadung": "Pulogadung",
    "Kepulauan Seribu Utara": "Pulau Seribu",
    "Kepulauan Seribu Selatan": "Pulau Seribu",
    "Kebayoran Lama": "Kebayoran Lama",
}
# Kelurahan whose bare name reads oddly in a business name ("Katering Berkah Baru").
BLAND_KELURAHAN = frozenset(
    {
        "Baru",
        "Gunung",
        "Pulo",
        "Dukuh",
        "Jati",
        "Gedong",
        "Setu",
        "Kenari",
        "Jatinegara",
        "Selong",
        "Kramat",
        "Karet",
        "Guntur",
        "Senayan",
        "Gelora",
        "Tambora",
        "Makasar",
        "Kapuk",
        "Galur",
        "Bangka",
        "Pekayon",
        "Ceger",
        "Munjul",
        "Serdang",
        "Lagoa",
        "Koja",
        "Grogol",
    }
)
# Local names of neighbourhoods, keyed by (kota, kecamatan, kelurahan).
LOCAL_NAMES: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("Jakarta Selatan", "Cilandak", "Cilandak Barat"): ("Terogong",),
    ("Jakarta Timur", "Kramat Jati", "Bale Kambang"): ("Condet",),
    ("Jakarta Timur", "Kramat Jati", "Batu Ampar"): ("Condet",),
    ("Jakarta Selatan", "Jagakarsa", "Srengseng Sawah"): ("Setu Babakan",),
    ("Jakarta Barat", "Kebon Jeruk", "Sukabumi Utara"): ("Rawa Belong",),
    ("Jakarta Selatan", "Mampang Prapatan", "Bangka"): ("Kemang",),
    ("Jakarta Utara", "Penjaringan", "Pluit"): ("Muara Angke", "Pluit"),
    ("Jakarta Pusat", "Tanah Abang", "Kampung Bali"): ("Tanah Abang",),
    ("Jakarta Pusat", "Tanah Abang", "Kebon Kacang"): ("Tanah Abang",),
    ("Jakarta Pusat", "Sawah Besar", "Mangga Dua Selatan"): ("Mangga Dua",),
    ("Jakarta Pusat", "Senen", "Kwitang"): ("Kwitang",),
    ("Jakarta Selatan", "Setiabudi", "Pasar Manggis"): ("Pasar Rumput",),
    ("Jakarta Selatan", "Kebayoran Baru", "Kramat Pela"): ("Barito",),
    ("Jakarta Selatan", "Kebayoran Baru", "Gunung"): ("Mayestik",),
    ("Jakarta Timur", "Pulo Gadung", "Pisangan Timur"): ("Cipinang",),
    ("Jakarta Timur", "Cakung", "Penggilingan"): ("PIK Pulogadung", "Penggilingan"),
    ("Jakarta Selatan", "Kebayoran Lama", "Cipulir"): ("Cipulir",),
    ("Jakarta Timur", "Pasar Rebo", "Gedong"): ("Kampung Gedong",),
    ("Jakarta Timur", "Pasar Rebo", "Baru"): ("Pasar Rebo",),
    ("Jakarta Timur", "Duren Sawit", "Klender"): ("Klender",),
    ("Jakarta Timur", "Jatinegara", "Bali Mester"): ("Jatinegara",),
    ("Jakarta Timur", "Jatinegara", "Rawa Bunga"): ("Jatinegara",),
    ("Jakarta Barat", "Taman Sari", "Glodok"): ("Glodok",),
    ("Jakarta Barat", "Kalideres", "Semanan"): ("Semanan",),
    ("Jakarta Utara", "Cilincing", "Marunda"): ("Marunda",),
    ("Jakarta Pusat", "Sawah Besar", "Pasar Baru"): ("Pasar Baru",),
    ("Jakarta Pusat", "Senen", "Senen"): ("Pasar Senen",),
    ("Jakarta Selatan", "Jagakarsa", "Jagakarsa"): ("Jagakarsa",),
    ("Jakarta Selatan", "Pasar Minggu", "Ragunan"): ("Ragunan",),
    ("Kepulauan Seribu", "Kepulauan Seribu Utara", "Pulau Panggang"): ("Pulau Pramuka", "Pulau Panggang"),
    ("Kepulauan Seribu", "Kepulauan Seribu Utara", "Pulau Kelapa"): ("Pulau Kelapa",),
    ("Kepulauan Seribu", "Kepulauan Seribu Utara", "Pulau Harapan"): ("Pulau Harapan",),
    ("Kepulauan Seribu", "Kepulauan Seribu Selatan", "Pulau Tidung"): ("Pulau Tidung",),
    ("Kepulauan Seribu", "Kepulauan Seribu Selatan", "Pulau Pari"): ("Pulau Pari",),
    ("Kepulauan Seribu", "Kepulauan Seribu Selatan", "Pulau Untung Jawa"): ("Untung Jawa",),
}

# Street names used for addresses (combined with "Jl.", "Gg." and the kelurahan's own name).
STREETS: tuple[str, ...] = (
    "H. Naman",
    "H. Ten",
    "H. Dogol",
    "H. Baping",
    "Masjid Al-Ikhlas",
    "Swadaya",
    "Pendidikan",
    "Inpres",
    "Kavling DKI",
    "Bina Marga",
    "Kebon Nanas",
    "Kampung Baru",
    "Kemuning",
    "Mawar",
    "Melati",
    "Anggrek",
    "Kenanga",
    "Flamboyan",
    "Cempaka",
    "Delima",
    "Rambutan",
    "Manggis",
    "Belimbing",
    "Nangka",
    "Haji Saaba",
    "Raden Saleh",
    "Pemuda",
    "Persatuan",
    "Kramat Asem",
    "Usaha",
    "Karya",
    "Bakti",
    "Setia Kawan",
    "Damai",
    "Rukun",
    "Pelita",
    "Harapan",
    "Masjid Jami",
    "Pintu Air",
    "Bendungan",
    "Sawah Lio",
    "Kebon Sayur",
    "Warung Buncit",
    "Pasar Lama",
    "Kali Baru",
    "Madrasah",
    "Mushola",
    "Taman",
    "Lapangan Bola",
    "Balai Rakyat",
)
STREET_KINDS: tuple[str, ...] = ("Jl.", "Jl.", "Jl.", "Jl.", "Gg.")
# Islands where shops in Kepulauan Seribu sit, by kelurahan.
ISLANDS: dict[str, tuple[str, ...]] = {
    "Pulau Panggang": ("Pulau Pramuka", "Pulau Panggang"),
    "Pulau Kelapa": ("Pulau Kelapa", "Pulau Kelapa Dua"),
    "Pulau Harapan": ("Pulau Harapan",),
    "Pulau Tidung": ("Pulau Tidung",),
    "Pulau Pari": ("Pulau Pari",),
    "Pulau Untung Jawa": ("Pulau Untung Jawa",),
}

# Kota -> four-digit area code used in PIRT numbers and BPS references.
KOTA_CODES: dict[str, str] = {
    "Kepulauan Seribu": "3101",
    "Jakarta Selatan": "3171",
    "Jakarta Timur": "3172",
    "Jakarta Pusat": "3173",
    "Jakarta Barat": "3174",
    "Jakarta Utara": "3175",
}
# How many sellers come from each kota (weights).
KOTA_WEIGHTS: dict[str, int] = {
    "Jakarta Timur": 23,
    "Jakarta Barat": 21,
    "Jakarta Selatan": 20,
    "Jakarta Utara": 15,
    "Jakarta Pusat": 13,
    "Kepulauan Seribu": 4,
}

# Opening and closing sentences for seller "about" texts; {name}, {owner}, {year}, {place},
# {kota}, {staff}, {speciality} are filled in.
ABOUT_OPENINGS: tuple[str, ...] = (
    "Berdiri sejak {year} di {place}, {name} dikelola langsung oleh {owner}.",
    "{name} adalah usaha keluarga dari {place} yang dirintis {owner} pada {year}.",
    "Kami usaha {speciality} di {place}, {kota}, yang mulai berjalan tahun {year}.",
    "Dirintis {owner} dari rumah pada {year}, kini {name} dibantu {staff} orang.",
    "{name} melayani {speciality} untuk warga dan kantor di sekitar {place} sejak {year}.",
    "Usaha ini dimulai {owner} tahun {year} dan sekarang mempekerjakan {staff} warga sekitar.",
    "Sejak {year}, {name} fokus pada {speciality} dengan tim {staff} orang di {place}.",
)
ABOUT_CLIENTS: tuple[str, ...] = (
    "Pernah melayani pesanan kantor kelurahan, sekolah dan puskesmas di {kota}.",
    "Pelanggan kami mulai dari pengurus RT/RW, sekolah, sampai kantor swasta di Jakarta.",
    "Sudah terbiasa dengan pesanan instansi lengkap dengan kuitansi, faktur dan dokumen PBJ.",
    "Langganan beberapa kantor suku dinas dan kantor kecamatan.",
    "Sering dipercaya untuk acara bazar dan pameran UMKM tingkat kota.",
    "Melayani pesanan satuan maupun partai besar, termasuk untuk BUMD.",
    "Terdaftar di e-Katalog lokal dan siap menerima pesanan lewat Pasar Padu.",
    "Kami juga melayani pesanan rutin bulanan dengan sistem kontrak.",
)
ABOUT_JAKPRENEUR: tuple[str, ...] = (
    "Binaan program Jakpreneur sejak {jp_year}.",
    "Anggota Jakpreneur {kota}, aktif ikut pelatihan dan pendampingan.",
    "Alumni pelatihan Jakpreneur angkatan {jp_year}.",
)
MOBILE_PREFIXES = (
    "0811",
    "0812",
    "0813",
    "0821",
    "0822",
    "0852",
    "0853",
    "0857",
    "0858",
    "0877",
    "0878",
    "0895",
    "0896",
    "0881",
    "0815",
    "0856",
)


def person(rng: random.Random) -> tuple[str, str, str]:
    """(full name, nickname, honorific) of a shop owner."""
    female = rng.random() < 0.55
    given, _, nick = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN).partition("|")
    roll = rng.random()
    family = (
        ""
        if roll < 0.15
        else rng.choice(SHARED_FAMILY)
        if roll < 0.4
        else rng.choice(FEMALE_FAMILY if female else MALE_FAMILY)
    )
    nick = nick or given.replace("Hj. ", "").replace("H. ", "").split()[0]
    if family in CHINESE and rng.random() < 0.6:
        honor = "Cik" if female else "Koh"
    elif family in BATAK:
        honor = "Bu" if female else rng.choice(("Pak", "Bang"))
    else:
        honor = rng.choice(FEMALE_HONORIFIC if female else MALE_HONORIFIC)
    return f"{given} {family}".strip(), nick, honor


def street(rng: random.Random, kota: str, kelurahan: str) -> str:
    rt, rw = f"RT {rng.randint(1, 16):03d}", f"RW {rng.randint(1, 12):03d}"
    if kota == "Kepulauan Seribu":
        return f"Jl. {rng.choice(STREETS)} {rt}/{rw}, {rng.choice(ISLANDS[kelurahan])}"
    kind = rng.choice(STREET_KINDS)
    if rng.random() < 0.15:
        road = f"Jl. Raya {kelurahan}"
    elif kind == "Gg.":
        road = f"Gg. {rng.choice(STREETS)} {rng.choice(('I', 'II', 'III', 'IV', 'V', 'VII'))}"
    else:
        road = f"Jl. {rng.choice(STREETS)}"
    number = f"{rng.randint(1, 120)}{rng.choice(('', '', '', '', 'A', 'B'))}"
    return f"{road} No. {number}, {rt}/{rw}"


def phone(rng: random.Random, landline: bool) -> str:
    if landline:
        return f"(021) {rng.randint(2, 8)}{rng.randint(0, 999):03d} {rng.randint(0, 9999):04d}"
    return f"{rng.choice(MOBILE_PREFIXES)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def npwp(rng: random.Random) -> str:
    r = rng.randint
    return f"{r(1, 99):02d}.{r(0, 999):03d}.{r(0, 999):03d}.{r(0, 9)}-{r(1, 99):03d}.000"
