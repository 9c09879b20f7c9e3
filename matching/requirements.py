"""Requirements read from a request's text: certificates, quantity and unit, place, date.

``read_requirements`` returns structured fields with the words they were read from, so the
app can propose them on the request form for the buyer to confirm before publishing (the
engine's hard filters and soft scores act on the confirmed fields, never on a guess).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .synthetic_vocabulary import PLACES

CERTIFICATES: dict[str, re.Pattern[str]] = {
    "halal": re.compile(r"\bhalal\b", re.I),
    "sni": re.compile(r"(?<![\w])(?:ber-?)?sni\b|standar nasional indonesia", re.I),
    "bpom": re.compile(r"\b(?:bpom|badan pom|izin edar|ijin edar|md\s?ri)\b", re.I),
    "pirt": re.compile(r"\b(?:spp-?irt|p-?irt)\b", re.I),
}
_NEGATION = re.compile(r"(?:tidak|tak|tanpa|bukan|no|not|without)\s+(?:\w+\s+){0,2}$", re.I)

UNITS: dict[str, str] = {
    "orang": "orang",
    "peserta": "orang",
    "pegawai": "orang",
    "siswa": "orang",
    "pasien": "orang",
    "people": "orang",
    "persons": "orang",
    "participants": "orang",
    "pax": "orang",
    "porsi": "porsi",
    "portions": "porsi",
    "kotak": "kotak",
    "box": "kotak",
    "boxes": "kotak",
    "nasi kotak": "kotak",
    "dus": "dus",
    "karton": "dus",
    "pcs": "pcs",
    "buah": "pcs",
    "biji": "pcs",
    "pieces": "pcs",
    "unit": "unit",
    "units": "unit",
    "paket": "paket",
    "packages": "paket",
    "stel": "stel",
    "setel": "stel",
    "set": "set",
    "pasang": "pasang",
    "lembar": "lembar",
    "rim": "rim",
    "eksemplar": "eksemplar",
    "exp": "eksemplar",
    "kg": "kg",
    "kilogram": "kg",
    "ton": "ton",
    "liter": "liter",
    "ltr": "liter",
    "botol": "botol",
    "bottles": "botol",
    "galon": "galon",
    "karung": "karung",
    "sak": "sak",
    "keluarga": "keluarga",
    "kk": "keluarga",
    "families": "keluarga",
    "meter": "meter",
    "m2": "m2",
}
_NUMBER = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
_QUANTITY = re.compile(
    _NUMBER + r"\s*(" + "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True)) + r")\b", re.I
)

KOTA_ALIASES: dict[str, str] = {
    "jaksel": "Jakarta Selatan",
    "jaktim": "Jakarta Timur",
    "jakpus": "Jakarta Pusat",
    "jakbar": "Jakarta Barat",
    "jakut": "Jakarta Utara",
    "south jakarta": "Jakarta Selatan",
    "east jakarta": "Jakarta Timur",
    "central jakarta": "Jakarta Pusat",
    "west jakarta": "Jakarta Barat",
    "north jakarta": "Jakarta Utara",
}
MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "february": 2,
    "maret": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "agustus": 8,
    "agu": 8,
    "ags": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
    "december": 12,
}
_DATE_WORDS = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s+(\d{4}))?\b", re.I
)
_DATE_NUM = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
_WITHIN = re.compile(
    r"\b(?:dalam|within|maksimal|maks\.?)\s+(\d{1,3})\s+(hari|minggu|pekan|days|weeks)\b", re.I
)


@dataclass(frozen=True)
class Requirements:
    """Fields read from a request text, each with the words it was read from."""

    certifications: tuple[str, ...] = ()
    quantity: int | None = None
    unit: str = ""
    kota: str = ""
    kecamatan: str = ""
    needed_by: date | None = None
    evidence: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when nothing was read."""
        return not (self.certifications or self.quantity or self.kota or self.kecamatan or self.needed_by)


def _number(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def _certificates(text: str, evidence: dict[str, str]) -> tuple[str, ...]:
    found = []
    for kind, pattern in CERTIFICATES.items():
        for m in pattern.finditer(text):
            if _NEGATION.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            found.append(kind)
            before = re.search(r"(\S+\s+)?$", text[: m.start()])
            evidence[f"certification:{kind}"] = ((before.group(0) if before else "") + m.group(0)).strip()
            break
    return tuple(found)


def _quantity(text: str, evidence: dict[str, str]) -> tuple[int | None, str]:
    best: tuple[int, str, str] | None = None
    for m in _QUANTITY.finditer(text):
        value = _number(m.group(1))
        if value <= 0 or (1900 <= value <= 2100 and "." not in m.group(1)):
            continue
        if best is None:
            best = (value, UNITS[m.group(2).lower()], m.group(0))
    if best is None:
        return None, ""
    evidence["quantity"] = best[2]
    return best[0], best[1]


def _place(text: str, places: Mapping[str, Sequence[str]], evidence: dict[str, str]) -> tuple[str, str]:
    low = text.lower()
    kota = ""
    for alias, name in KOTA_ALIASES.items():
        if re.search(rf"\b{re.escape(alias)}\b", low):
            kota, evidence["kota"] = name, alias
    for name in places:
        if re.search(rf"\b{re.escape(name.lower())}\b", low):
            kota, evidence["kota"] = name, name
    for name, kecamatans in places.items():
        for kec in kecamatans:
            if re.search(rf"\b{re.escape(kec.lower())}\b", low):
                evidence["kecamatan"] = kec
                return kota or name, kec
    return kota, ""


def _needed_by(text: str, today: date, evidence: dict[str, str]) -> date | None:
    candidates: list[tuple[date, str]] = []
    for m in _DATE_WORDS.finditer(text):
        day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else today.year
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if not m.group(3) and when < today:
            when = date(year + 1, month, day)
        candidates.append((when, m.group(0)))
    for m in _DATE_NUM.finditer(text):
        try:
            candidates.append((date(int(m.group(3)), int(m.group(2)), int(m.group(1))), m.group(0)))
        except ValueError:
            continue
    for m in _WITHIN.finditer(text):
        n = int(m.group(1)) * (7 if m.group(2).lower() in ("minggu", "pekan", "weeks") else 1)
        candidates.append((today + timedelta(days=n), m.group(0)))
    future = [(d, s) for d, s in candidates if d >= today]
    if not future:
        return None
    when, source = min(future)
    evidence["needed_by"] = source
    return when


def read_requirements(
    text: str, today: date | None = None, places: Mapping[str, Sequence[str]] = PLACES
) -> Requirements:
    """Certificates, quantity and unit, kota/kecamatan and needed-by date stated in ``text``.

    ``places`` maps kota names to their kecamatan (default: Jakarta's). Dates in the past are
    ignored; a day and month without a year means the next such day.
    """
    today = today or date.today()
    evidence: dict[str, str] = {}
    certs = _certificates(text, evidence)
    quantity, unit = _quantity(text, evidence)
    kota, kecamatan = _place(text, places, evidence)
    needed_by = _needed_by(text, today, evidence)
    return Requirements(certs, quantity, unit, kota, kecamatan, needed_by, evidence)
