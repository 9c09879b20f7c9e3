"""Text preparation shared by every retriever: listing text, demand text, terms.

Procurement package names carry a lot of administrative boilerplate ("Belanja", "Pengadaan",
"Tender Ulang", "Tahun Anggaran 2025", month ranges, stage numbers) that says nothing about the
goods. The patterns below are generic Indonesian public-procurement wording (method names,
budget words, dates), not words taken from any evaluation row.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .types import ListingRecord

_MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
)

# Multi-word phrases first, then single words. All matched case-insensitively on word bounds.
_BOILERPLATE_PHRASES = (
    r"tender\s+ulang",
    r"tender\s+cepat",
    r"seleksi\s+ulang",
    r"pengadaan\s+langsung",
    r"penunjukan\s+langsung",
    r"e-?purchasing",
    r"e-?katalog",
    r"jasa\s+lainnya",
    r"jasa\s+konsultansi",
    r"pekerjaan\s+konstruksi",
    r"tahun\s+anggaran",
    r"t\.?\s?a\.?\s*(?:19|20)\d\d",
    r"apbd(?:-?p)?",
    r"apbn(?:-?p)?",
    r"dak\s+fisik",
    r"anggaran\s+perubahan",
    r"s\s*/\s*d",
    r"sampai\s+dengan",
    r"barang\s*/\s*jasa",
)
_BOILERPLATE_WORDS = (
    "belanja",
    "pengadaan",
    "kegiatan",
    "paket",
    "pekerjaan",
    "lanjutan",
    "tahap",
    "termin",
    "bulan",
    "tahun",
    "anggaran",
    "ta",
    "tender",
    "lelang",
    "swakelola",
    "barang",
    "ulang",
    _MONTHS,
)
_BOILERPLATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_BOILERPLATE_PHRASES + _BOILERPLATE_WORDS) + r")(?![\w-])",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-/]\s*(?:19|20)?\d\d)?(?!\d)")
_ROMAN_STAGE = re.compile(r"(?<![\w-])(?:i{1,3}|iv|v|vi{1,3}|ix|x)(?![\w-])", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Function words of Indonesian and English; they never explain a match.
STOPWORDS = frozenset(
    [
        "dan",
        "atau",
        "yang",
        "untuk",
        "di",
        "ke",
        "dari",
        "dengan",
        "pada",
        "dalam",
        "oleh",
        "sebagai",
        "serta",
        "juga",
        "ini",
        "itu",
        "tersebut",
        "bagi",
        "para",
        "akan",
        "telah",
        "sudah",
        "bisa",
        "dapat",
        "ada",
        "adalah",
        "per",
        "secara",
        "hingga",
        "sampai",
        "tiap",
        "setiap",
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "be",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "their",
        "its",
        "into",
        "per",
        "via",
        "each",
        "all",
        "any",
        "some",
    ]
)


def strip_accents(text: str) -> str:
    """Return ``text`` with accents removed and compatibility characters folded."""
    if text.isascii():  # nothing to fold (the common case, and the hot path of ranking)
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def normalise_demand_text(text: str) -> str:
    """Remove procurement boilerplate (method, budget and date words) from a demand request.

    The result keeps the original casing of the remaining words. If stripping would leave
    nothing (a request that is only boilerplate), the lightly cleaned original is returned.
    """
    cleaned = _BOILERPLATE.sub(" ", text)
    cleaned = _YEAR.sub(" ", cleaned)
    cleaned = _ROMAN_STAGE.sub(" ", cleaned)
    cleaned = re.sub(r"\(\s*\)", " ", cleaned)
    cleaned = _SPACES.sub(" ", cleaned).strip(" ,.;:-/")
    if not _TOKEN.search(cleaned):
        cleaned = _SPACES.sub(" ", text).strip()
    return unshout(cleaned)


def unshout(text: str) -> str:
    """Lower-case a text written mostly in capitals (package names often are); keep others."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters):
        return text.lower()
    return text


def listing_text(record: ListingRecord) -> str:
    """The text a listing is indexed under: title, description, category and seller words."""
    parts = [record.title.strip()]
    if record.description.strip():
        parts.append(record.description.strip())
    category = record.category_name.strip() or record.category.strip()
    if category:
        parts.append(f"Kategori: {category}")
    if record.seller_text.strip():
        parts.append(record.seller_text.strip())
    return ". ".join(p.rstrip(".") for p in parts if p)


def terms(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (no stopwords, no pure numbers), in order."""
    words = _TOKEN.findall(strip_accents(text).lower())
    return [w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A light Indonesian/English stem: strips a common suffix, never below 4 chars."""
    for suffix in ("nya", "kan", "an", "ing", "es", "s", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=256)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in terms(text))


@lru_cache(maxsize=8192)
def _listing_stems(text: str) -> frozenset[str]:
    # Storefront search checks the same popular listings again and again.
    return frozenset(stem(w) for w in terms(text))


def shares_term(query_text: str, listing: str) -> bool:
    """True when the listing text has a word (same word or light stem) of the query."""
    return not _stems(query_text).isdisjoint(_listing_stems(listing))


def matched_terms(query_text: str, listing: str, limit: int = 8) -> tuple[str, ...]:
    """Listing words that also occur (same word or same light stem) in the demand text."""
    query_stems = _stems(query_text)
    found: list[str] = []
    for word in terms(listing):
        if stem(word) in query_stems and word not in found:
            found.append(word)
            if len(found) >= limit:
                break
    return tuple(found)
