"""Reference data of Pasar Padu: categories, Jakarta's administrative units, code lists.

Plain Python constants (no Flask, no SQLAlchemy) so that migrations, the demo-data generator
and scripts can all share them. Categories and places live in ``matching.reference`` (the
engine's synthetic catalogue reads them too, and ``matching`` never imports ``models``); they
are re-exported here.
"""

from __future__ import annotations

from typing import Any

from matching.reference import CATEGORIES as CATEGORIES  # re-exported
from matching.reference import JAKARTA as JAKARTA  # re-exported

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
    "draft",
    "open",
    "under_review",
    "invited",
    "quoted",
    "awarded",
    "fulfilled",
    "cancelled",
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


KOTA_SHORT_NAMES: tuple[str, ...] = tuple(k["short"] for k in JAKARTA)


def kota(short: str) -> dict[str, Any]:
    """The JAKARTA entry whose short name (e.g. "Jakarta Timur") or full name is ``short``."""
    for entry in JAKARTA:
        if short in (entry["short"], entry["name"]):
            return entry
    raise KeyError(short)


def kecamatan(kota_short: str, name: str) -> dict[str, Any]:
    """The kecamatan ``name`` of the kota ``kota_short``."""
    districts: list[dict[str, Any]] = kota(kota_short)["kecamatan"]
    for entry in districts:
        if entry["name"] == name:
            return entry
    raise KeyError((kota_short, name))


def place_exists(
    kota_short: str, kecamatan_name: str | None = None, kelurahan_name: str | None = None
) -> bool:
    """True when the kota (and the kecamatan, and the kelurahan, when given) exist."""
    try:
        kota(kota_short)
        if kecamatan_name is None:
            return True
        district = kecamatan(kota_short, kecamatan_name)
    except KeyError:
        return False
    return kelurahan_name is None or kelurahan_name in district["kelurahan"]
