"""Deterministic Jakarta demo dataset: UMKM sellers with listings, buyers, requests, officials.

Pure Python: everything comes from ``random.Random(seed)`` and the vocabulary modules, and every
date is an offset from ``today``, so the same seed and day always give the same data. One random
stream runs through the sellers (``sellers``, with ``listings``) and then the requests.
"""

from __future__ import annotations

import random
from datetime import date

from app.demo import vocabulary_buyers as buyers_vocab
from app.demo.records import (
    DemoBuyer,
    DemoCertification,
    DemoData,
    DemoListing,
    DemoOfficial,
    DemoRequest,
    DemoSeller,
)
from app.demo.sellers import SellerMaker
from app.demo.vocabulary_requests import REQUESTS, STAGE_OFFSETS

__all__ = [
    "DemoBuyer",
    "DemoCertification",
    "DemoData",
    "DemoListing",
    "DemoOfficial",
    "DemoRequest",
    "DemoSeller",
    "generate_demo",
]


class _Generator:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today

    def build(self) -> DemoData:
        buyers = [self.buyer(entry) for entry in buyers_vocab.BUYERS]
        officials = [DemoOfficial(email, name) for email, name in buyers_vocab.OFFICIALS]
        emails = {email for b in buyers for email in (b.email, *(e for e, _ in b.users))}
        emails.update(o.email for o in officials)
        sellers = SellerMaker(self.rng, self.today, emails).sellers()
        return DemoData(sellers=sellers, buyers=buyers, requests=self.requests(), officials=officials)

    def buyer(self, entry: dict) -> DemoBuyer:
        return DemoBuyer(
            kind=entry["kind"],
            legal_name=entry["legal_name"],
            kota=entry["kota"],
            kecamatan=entry["kecamatan"],
            kelurahan=entry["kelurahan"],
            street_address=entry["street_address"],
            phone=entry["phone"],
            email=entry["email"],
            skip_review=entry["skip_review"],
            users=list(entry["users"]),
        )

    def requests(self) -> list[DemoRequest]:
        index = {entry["key"]: i for i, entry in enumerate(buyers_vocab.BUYERS)}
        year = str(self.today.year)
        result = []
        for item in REQUESTS:
            owner = buyers_vocab.BUYERS[index[item["buyer"]]]
            kota, kecamatan = item["place"] or (owner["kota"], owner["kecamatan"])
            offset = self.rng.randint(*STAGE_OFFSETS[item["stage"]]) or 1

            def years(text: str) -> str:
                return text.replace("{ta1}", str(self.today.year + 1)).replace("{ta}", year)

            result.append(
                DemoRequest(
                    buyer_index=index[item["buyer"]],
                    title=years(item["title"]),
                    description=years(item["description"]),
                    category=item["category"],
                    quantity=item["quantity"],
                    unit=item["unit"],
                    budget_ceiling=item["quantity"] * item["unit_price"],
                    kota=kota,
                    kecamatan=kecamatan,
                    needed_by_offset_days=offset,
                    required_certifications=list(item["certs"]),
                    umkm_only=item["umkm_only"],
                    language=item["language"],
                    stage=item["stage"],
                )
            )
        return result


def generate_demo(seed: int = 2026, today: date | None = None) -> DemoData:
    """The complete demo dataset for ``seed``; dates are relative to ``today`` (default: now)."""
    return _Generator(seed, today or date.today()).build()
