"""Deterministic synthetic Jakarta catalogue (sellers, listings, requests) for benchmarks.

Pure Python, no Flask or SQLAlchemy: the same ``seed`` and ``size`` always give the same
catalogue. Texts are assembled from Indonesian product, selling-point, logistics and
seller-profile vocabularies (``synthetic_vocabulary.py``; categories and places are the app's
reference data), so listing texts are varied but realistic; like a real marketplace, many
sellers offer the same products in similar words. Listing ``i`` depends only on ``(seed, i)``
(its seller is ``(i + 2) // 3``), so a smaller catalogue is a prefix of a larger one and any
slice can be generated on its own (bulk loaders stream it in chunks).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .synthetic_vocabulary import (
    CATEGORY_NAMES,
    CATEGORY_VOCABULARY,
    KOTA_WEIGHTS,
    PLACES,
    REQUEST_OPENERS,
    REQUEST_PURPOSES,
    SELLER_ABOUT,
    SELLER_NAME_WORDS,
    SELLER_NICKNAMES,
    SELLING_POINTS,
)
from .types import Certification, DemandQuery, ListingRecord


@dataclass(frozen=True)
class SyntheticSeller:
    """One synthetic UMKM seller."""

    supplier_id: int
    name: str
    about: str
    kota: str
    kecamatan: str
    scale: str
    certifications: tuple[str, ...]
    active: bool
    verified: bool
    jakpreneur: bool


def _rng(seed: int, kind: int, i: int) -> random.Random:
    return random.Random((seed * 1_000_003 + kind) * 10_000_019 + i)


def seller_count(size: int) -> int:
    """Sellers in a catalogue of ``size`` listings (about three listings per seller)."""
    return max(1, (size + 2) // 3)


def seller(seed: int, supplier_id: int) -> SyntheticSeller:
    """The seller with this id (1-based), depending only on (seed, id)."""
    rng = _rng(seed, 1, supplier_id)
    kota = rng.choices(list(PLACES), KOTA_WEIGHTS)[0]
    kec = rng.choice(PLACES[kota])
    cat = _category_of_seller(seed, supplier_id)
    head = rng.choice(CATEGORY_VOCABULARY[cat][4])
    pattern = rng.random()
    if pattern < 0.4:
        name = f"{head} {rng.choice(('Bu', 'Pak', 'Mpok', 'Bang', 'Cik'))} {rng.choice(SELLER_NICKNAMES)}"
    elif pattern < 0.8:
        first, second = rng.sample(SELLER_NAME_WORDS, 2)
        name = f"{head} {first} {second}"
    else:
        name = f"{head} {rng.choice(SELLER_NAME_WORDS)} {kec}"
    scale = rng.choices(("micro", "small", "medium"), (72, 22, 6))[0]
    ctx = {
        "year": rng.randint(2000, 2023),
        "kec": kec,
        "kota": kota,
        "staff": rng.randint(2, 60),
        "cat": CATEGORY_NAMES[cat].split(" &")[0].lower(),
    }
    about = " ".join(s.format(**ctx) for s in rng.sample(SELLER_ABOUT, rng.randint(1, 2)))
    certs = tuple(
        k for k, p in (("halal", 0.5), ("pirt", 0.3), ("sni", 0.1), ("bpom", 0.05)) if rng.random() < p
    )
    active = rng.random() > 0.03
    return SyntheticSeller(
        supplier_id,
        name,
        about,
        kota,
        kec,
        scale,
        certs,
        active,
        rng.random() < (0.85 if active else 0.4),
        rng.random() < 0.5,
    )


def _category_of_seller(seed: int, supplier_id: int) -> str:
    return random.Random(seed * 7919 + supplier_id * 104_729).choice(list(CATEGORY_VOCABULARY))


def listing(seed: int, listing_id: int, size: int) -> tuple[ListingRecord, SyntheticSeller]:
    """The listing with this id (1-based) in a ``size``-listing catalogue, and its seller."""
    del size  # a smaller catalogue is a prefix of a larger one
    supplier_id = (listing_id + 2) // 3
    s = seller(seed, supplier_id)
    rng = _rng(seed, 2, listing_id)
    cat = (
        _category_of_seller(seed, supplier_id)
        if rng.random() < 0.85
        else rng.choice(list(CATEGORY_VOCABULARY))
    )
    unit, (low, high), templates, sentences, _ = CATEGORY_VOCABULARY[cat]
    pattern, a_opts, b_opts = rng.choice(templates)
    a, b = rng.choice(a_opts), rng.choice(b_opts)
    title = pattern.format(a=a, b=b)
    moq = rng.choice((1, 5, 10, 20, 50, 100))
    cap = moq * rng.choice((20, 50, 100, 200))
    ctx = {
        "a_l": a.lower(),
        "b_l": b.lower(),
        "moq": moq,
        "cap": f"{cap:,}".replace(",", "."),
        "unit": unit,
        "kota": s.kota,
    }
    parts = rng.sample(sentences, 2) + ([rng.choice(SELLING_POINTS)] if rng.random() < 0.7 else [])
    desc = " ".join(p.format(**ctx) for p in parts)
    desc = desc[0].upper() + desc[1:]
    price = int(round((low + (high - low) * rng.random() ** 2) / 500.0) * 500) or 500
    certs = tuple(Certification(k, date(2027 + rng.randint(0, 2), 6, 30)) for k in s.certifications)
    record = ListingRecord(
        listing_id=listing_id,
        supplier_id=supplier_id,
        title=title,
        description=desc,
        category=cat,
        category_name=CATEGORY_NAMES[cat],
        supplier_name=s.name,
        seller_text=f"{s.name} {s.about}",
        price=price,
        unit=unit,
        min_order=moq,
        monthly_capacity=cap,
        lead_time_days=rng.randint(1, 21),
        kota=s.kota,
        kecamatan=s.kecamatan,
        certifications=certs,
        scale=s.scale,
        is_umkm=True,
        listing_active=rng.random() > 0.05,
        seller_active=s.active,
        seller_verified=s.verified,
        awards_won=rng.choice((0, 0, 0, 1, 2)),
    )
    return record, s


def listings(size: int, seed: int = 7, start: int = 1, stop: int | None = None) -> Iterator[ListingRecord]:
    """Listing records ``start``..``stop`` (inclusive, default: all ``size``) of the catalogue."""
    for listing_id in range(start, (stop or size) + 1):
        yield listing(seed, listing_id, size)[0]


def requests(count: int, seed: int = 7) -> list[DemandQuery]:
    """``count`` demand requests worded like procurement packages, for the same vocabulary."""
    out = []
    for i in range(1, count + 1):
        rng = _rng(seed, 3, i)
        cat = rng.choice(list(CATEGORY_VOCABULARY))
        unit, (low, high), templates, _, _ = CATEGORY_VOCABULARY[cat]
        pattern, a_opts, _b_opts = rng.choice(templates)
        a = rng.choice(a_opts)
        words = pattern.split("{a}")[0].replace("{b}", "").strip()
        kota = rng.choices(list(PLACES), KOTA_WEIGHTS)[0]
        text = (
            f"{rng.choice(REQUEST_OPENERS)} {words} {a} {rng.choice(REQUEST_PURPOSES)} Tahun Anggaran 2026"
        ).replace("  ", " ")
        quantity = rng.choice((10, 50, 100, 250, 500))
        out.append(
            DemandQuery(
                text=text,
                category=cat,
                quantity=quantity,
                unit=unit,
                budget_ceiling=int(quantity * (low + high) / 2),
                kota=kota,
                kecamatan=rng.choice(PLACES[kota]),
                today=date(2026, 1, 15),
                required_certifications=("halal",)
                if cat in ("catering", "snack") and rng.random() < 0.3
                else (),
                umkm_only=rng.random() < 0.5,
            )
        )
    return out
