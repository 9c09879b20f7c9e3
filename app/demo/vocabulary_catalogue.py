"""The catalogue vocabulary in one place (products by category, selling points, stock phrases)
and the conventions for writing them (lower-casing, price rounding, number formatting)."""

from __future__ import annotations

import re

from app.demo import (
    vocabulary_crafts,
    vocabulary_food,
    vocabulary_fresh,
    vocabulary_goods,
    vocabulary_services,
    vocabulary_upkeep,
)

PRODUCTS_BY_CATEGORY: dict[str, list[dict]] = {
    "catering": vocabulary_food.CATERING,
    "snack": vocabulary_food.SNACK,
    "uniform": vocabulary_goods.UNIFORM,
    "printing": vocabulary_goods.PRINTING,
    "stationery": vocabulary_goods.STATIONERY,
    "furniture": vocabulary_crafts.FURNITURE,
    "souvenir": vocabulary_crafts.SOUVENIR,
    "cleaning": vocabulary_upkeep.CLEANING,
    "laundry": vocabulary_upkeep.LAUNDRY,
    "ppe": vocabulary_upkeep.PPE,
    "beverage": vocabulary_fresh.BEVERAGE,
    "produce": vocabulary_fresh.PRODUCE,
    "plants": vocabulary_upkeep.PLANTS,
    "event": vocabulary_services.EVENT,
    "repair": vocabulary_services.REPAIR,
    "leather": vocabulary_crafts.LEATHER,
    "it": vocabulary_services.IT,
    "transport": vocabulary_services.TRANSPORT,
    "hampers": vocabulary_fresh.HAMPERS,
}
PRODUCTS: dict[str, dict] = {
    item["key"]: {**item, "category": slug} for slug, items in PRODUCTS_BY_CATEGORY.items() for item in items
}
SELLING_POINTS: dict[str, tuple[str, ...]] = {
    **vocabulary_food.SELLING_POINTS,
    **vocabulary_fresh.SELLING_POINTS,
    **vocabulary_goods.SELLING_POINTS,
    **vocabulary_crafts.SELLING_POINTS,
    **vocabulary_upkeep.SELLING_POINTS,
    **vocabulary_services.SELLING_POINTS,
}
FOOD_CATEGORIES = frozenset({"catering", "snack", "beverage", "produce", "hampers"})
CERT_SENTENCES: dict[str, tuple[str, ...]] = {
    "halal": (
        "Sudah bersertifikat halal BPJPH.",
        "Produk kami halal dan terdaftar di BPJPH.",
        "Bersertifikat halal, aman untuk acara instansi.",
    ),
    "pirt": (
        "Memiliki izin SPP-IRT dari Dinas Kesehatan.",
        "Terdaftar PIRT, label lengkap dengan tanggal kedaluwarsa.",
    ),
    "sni": ("Produk bertanda SNI, sertifikat bisa kami lampirkan.", "Sudah SNI dan lolos uji laboratorium."),
    "bpom": ("Terdaftar di BPOM.", "Izin edar BPOM tercantum di kemasan."),
}
LOGISTICS: tuple[str, ...] = (
    "Minimal pesan {moq} {unit}, pengerjaan {lead} hari.",
    "Pesan minimal {moq} {unit}; siap kirim dalam {lead} hari.",
    "Kapasitas sekitar {cap} {unit} per bulan.",
    "Bisa melayani sampai {cap} {unit} sebulan; pesanan di bawah {moq} {unit} belum bisa kami terima.",
    "Waktu pengerjaan {lead} hari sejak pesanan dikonfirmasi.",
)
# Services are booked rather than shipped, so they get their own stock phrases.
SERVICE_CATEGORIES = frozenset({"event", "repair", "it", "transport", "laundry"})
SERVICE_PRODUCTS = frozenset(
    {
        "cleaning_service",
        "jasa_kebersihan",
        "fogging_hama",
        "cuci_perabot",
        "jasa_taman",
        "perawatan_taman",
        "prasmanan",
        "katering_harian",
        "sablon",
    }
)
SERVICE_LOGISTICS: tuple[str, ...] = (
    "Pemesanan paling lambat {lead} hari sebelumnya.",
    "Jadwal bisa dipesan paling lambat H-{lead}.",
    "Bisa menangani sekitar {cap} {unit} per bulan.",
    "Minimal order {moq} {unit}; jadwal dikonfirmasi setelah diskusi kebutuhan.",
    "Konfirmasi jadwal dalam {lead} hari kerja setelah pesanan masuk.",
)
PROPER_WORDS = frozenset(
    {
        "Betawi",
        "Padang",
        "Madura",
        "Taliwang",
        "Sunda",
        "Jawa",
        "Manado",
        "Jakarta",
        "Lebaran",
        "Natal",
        "Imlek",
        "Idulfitri",
        "Gayo",
        "Toraja",
        "Lampung",
        "Kerinci",
        "Temanggung",
        "Flores",
        "Bajawa",
        "Java",
        "Preanger",
        "Dampit",
        "Brastagi",
        "Brebes",
        "Dieng",
        "Kating",
        "Cianjur",
        "Delanggu",
        "Medan",
        "Malang",
        "California",
        "Condet",
        "Muara",
        "Angke",
        "Pulau",
        "Seribu",
        "Monas",
        "Chinese",
        "Jumantik",
        "Dishub",
        "Nusa",
        "Salakanagara",
        "Hong",
        "Ondel-Ondel",
        "Rawa",
        "Belong",
        "Sumatra",
        "Burle",
        "Marx",
        "Windows",
        "Office",
        "Core",
        "Pari",
        "Tidung",
        "Pramuka",
        "Harapan",
        "Untung",
        "Surabaya",
        "Lenggang",
        "Nyai",
        "Rhizophora",
        "Stylosa",
        "Mucronata",
        "Avicennia",
    }
)
CERT_RELEVANCE = {
    "halal": FOOD_CATEGORIES,
    "pirt": FOOD_CATEGORIES,
    "sni": frozenset({"ppe"}),
    "bpom": frozenset({"beverage", "cleaning"}),
}


def lower_phrase(text: str) -> str:
    """Lower-case a product phrase for use inside a sentence, keeping names and acronyms."""
    words = []
    for word in text.split(" "):
        core = word.strip("()+,.")
        keep = (
            core in PROPER_WORDS
            or any(ch.isdigit() for ch in core)
            or (len(core) > 1 and core.replace("-", "").isupper())
        )
        words.append(word if keep else word.lower())
    return " ".join(words)


def round_price(value: float) -> int:
    """Round a price to the multiples Jakarta sellers use (500, 1.000, 5.000, ...)."""
    step = (
        500
        if value < 20_000
        else 1_000
        if value < 100_000
        else 5_000
        if value < 1_000_000
        else 50_000
        if value < 10_000_000
        else 500_000
    )
    return max(step, int(round(value / step)) * step)


def nice_number(value: float) -> int:
    """Round a capacity or quantity to two significant digits (1.234 -> 1.200)."""
    if value < 20:
        return max(1, int(round(value)))
    magnitude = 10 ** (len(str(int(value))) - 2)
    return int(round(value / magnitude)) * magnitude


def slug_words(text: str) -> list[str]:
    text = text.lower().replace("&", " ").replace("'", "")
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


def thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")
