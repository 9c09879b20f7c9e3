"""Synthetic procurement rows for the dashboard benchmark: requests, proposals, quotes, awards.

Rows are plain tuples in the column order of ``COLUMNS``, so ``dashboard_seed`` can bulk-load
them (executemany on SQLite, COPY on PostgreSQL). Proposals carry an explanation of realistic
size (about 1.8 kB, as the matcher writes), so table scans cost what they would in production.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

START = datetime(2025, 1, 1, 2, 0, tzinfo=UTC)
DAYS = 730
EXPLANATION = json.dumps(
    {
        "semantic": 0.61,
        "lexical": 0.42,
        "reserved": False,
        "other_listing_ids": [],
        "matched_words": ["nasi", "kotak", "ayam", "bakar", "rapat", "kantor"] * 6,
        "constraints": [
            {"name": name, "passed": True, "detail": "memenuhi syarat " * 6}
            for name in (
                "verified",
                "category",
                "certifications",
                "capacity",
                "umkm_only",
                "distance",
                "budget",
            )
        ],
        "budget_fit": "Harga Rp 35.000 per kotak, di bawah pagu Rp 50.000 per kotak. " * 4,
        "capacity_fit": "Kapasitas 3.000 kotak per bulan cukup untuk 100 kotak. " * 4,
    }
)
REQUEST_STATUSES = (
    ["draft"] * 4
    + ["open"] * 8
    + ["under_review"] * 6
    + ["invited"] * 8
    + ["quoted"] * 10
    + ["awarded"] * 34
    + ["fulfilled"] * 22
    + ["cancelled"] * 8
)


@dataclass
class Sizes:
    """How much synthetic data to seed."""

    requests: int
    proposals: int
    suppliers: int
    buyers: int = 300


def procurement_rows(
    sizes: Sizes, rng: random.Random, categories: list[int], kecamatan: list[tuple[int, int]]
) -> dict[str, list[tuple[Any, ...]]]:
    """Requests, proposals, quotes and awards as tuples in column order (see COLUMNS)."""
    weights = [1 / (rank + 8) ** 0.9 for rank in range(sizes.suppliers)]  # a long tail
    suppliers = list(range(1, sizes.suppliers + 1))
    rng.shuffle(suppliers)
    rows: dict[str, list[tuple[Any, ...]]] = {
        "demand_requests": [],
        "matches": [],
        "quotes": [],
        "awards": [],
    }
    match_id = quote_id = award_id = 0
    statuses = [rng.choice(REQUEST_STATUSES) for _ in range(sizes.requests)]
    published_n = sum(1 for s in statuses if s != "draft")
    base, extra = divmod(sizes.proposals, max(published_n, 1))
    published_seen = 0
    for request_id, status in enumerate(statuses, start=1):
        created = START + timedelta(minutes=rng.randint(0, DAYS * 24 * 60))
        published = None if status == "draft" else created + timedelta(hours=1)
        quantity = rng.randint(10, 500)
        kec, kota = rng.choice(kecamatan)
        closed = (
            created + timedelta(days=rng.randint(10, 40))
            if status in ("awarded", "fulfilled", "cancelled")
            else None
        )
        rows["demand_requests"].append(
            (
                request_id,
                rng.randint(1, sizes.buyers),
                f"Pengadaan bench {request_id}",
                "Kebutuhan rutin kantor untuk kegiatan bulanan.",
                rng.choice(categories),
                quantity,
                "unit",
                quantity * rng.randint(20, 200) * 1000,
                kota,
                kec,
                (created + timedelta(days=30)).date(),
                (created + timedelta(days=10)).date(),
                "[]",
                True,
                status,
                published,
                closed,
                1,
                created,
                closed or published or created,
            )
        )
        if status == "draft":
            continue
        wanted = min(base + (1 if published_seen < extra else 0), sizes.suppliers)
        published_seen += 1
        chosen: list[int] = []
        while len(chosen) < wanted:
            for pick in rng.choices(suppliers, weights, k=wanted * 2):
                if pick not in chosen:
                    chosen.append(pick)
                if len(chosen) == wanted:
                    break
        stage = status
        invited_n = 0 if stage in ("open", "under_review") else rng.randint(2, 4)
        quoted_n = 0 if stage in ("open", "under_review", "invited") else rng.randint(1, invited_n)
        winner = 0 if stage not in ("awarded", "fulfilled") else 1
        proposed_at = published + timedelta(minutes=5)
        for rank, supplier in enumerate(chosen, start=1):
            match_id += 1
            invited = rank <= invited_n
            quoted = rank <= quoted_n
            won = rank <= winner
            match_status = (
                "awarded"
                if won
                else "declined"
                if quoted and winner
                else "quoted"
                if quoted
                else "invited"
                if invited
                else "proposed"
                if stage in ("open", "under_review")
                else "approved"
            )
            rows["matches"].append(
                (
                    match_id,
                    request_id,
                    supplier,
                    None,
                    rank,
                    round(1 - rank / 20, 4),
                    EXPLANATION,
                    match_status,
                    "",
                    None,
                    proposed_at + timedelta(hours=20),
                    proposed_at + timedelta(days=1) if invited else None,
                    False,
                    "",
                    proposed_at,
                )
            )
            if quoted:
                quote_id += 1
                unit_price = rng.randint(20, 200) * 1000
                submitted = proposed_at + timedelta(days=rng.randint(2, 6))
                rows["quotes"].append(
                    (
                        quote_id,
                        match_id,
                        unit_price,
                        quantity,
                        (created + timedelta(days=25)).date(),
                        "",
                        None,
                        "accepted" if won else "not_chosen" if winner else "submitted",
                        "",
                        submitted,
                        submitted,
                    )
                )
                if won:
                    award_id += 1
                    rows["awards"].append(
                        (
                            award_id,
                            request_id,
                            quote_id,
                            supplier,
                            quantity,
                            unit_price,
                            unit_price * quantity,
                            None,
                            "",
                            closed or submitted + timedelta(days=2),
                        )
                    )
    return rows


COLUMNS = {
    "demand_requests": (
        "id",
        "buyer_id",
        "title",
        "description",
        "category_id",
        "quantity",
        "unit",
        "budget_ceiling",
        "kota_id",
        "kecamatan_id",
        "needed_by",
        "quotes_due",
        "required_certifications",
        "umkm_only",
        "status",
        "published_at",
        "closed_at",
        "version",
        "created_at",
        "updated_at",
    ),
    "matches": (
        "id",
        "request_id",
        "supplier_id",
        "listing_id",
        "rank",
        "score",
        "explanation",
        "status",
        "review_reason",
        "reviewed_by_id",
        "reviewed_at",
        "invited_at",
        "shortlisted",
        "decline_reason",
        "created_at",
    ),
    "quotes": (
        "id",
        "match_id",
        "unit_price",
        "quantity",
        "delivery_date",
        "note",
        "attachment_name",
        "status",
        "outcome_reason",
        "created_at",
        "updated_at",
    ),
    "awards": (
        "id",
        "request_id",
        "quote_id",
        "supplier_id",
        "quantity",
        "unit_price",
        "total_value",
        "awarded_by_id",
        "reason",
        "awarded_at",
    ),
}
