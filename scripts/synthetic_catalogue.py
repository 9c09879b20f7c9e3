"""Bulk-load the deterministic synthetic catalogue (``matching/synthetic.py``) into the app's schema.

Sellers (organisations + supplier profiles + certifications), their listings, one buyer and a
few open demand requests go into an already migrated database (run ``flask db upgrade`` on the
same DATABASE_URL first): PostgreSQL through psycopg ``COPY``, SQLite through SQLAlchemy Core
``executemany`` in one transaction per chunk. Loading is streamed in chunks, so memory stays
flat even for 1.1 million listings.

    python scripts/synthetic_catalogue.py --database-url sqlite:///instance/bench.db --size 1100000
    python scripts/synthetic_catalogue.py --database-url postgresql+psycopg://postgres@127.0.0.1/pasarpadu_bench --size 1100000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, insert, text

from matching import synthetic
from matching.synthetic_vocabulary import PLACES
from models import (
    DemandRequest,
    Listing,
    Organisation,
    SupplierCertification,
    SupplierProfile,
)

CHUNK = 20_000
NOW = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def _places(conn: Any) -> tuple[dict[str, int], dict[tuple[int, str], int], dict[str, int]]:
    kota = {name: i for i, name in conn.execute(text("SELECT id, name FROM kota"))}
    by_short = {short: next(i for name, i in kota.items() if name.endswith(short)) for short in PLACES}
    kec = {(k, name): i for i, k, name in conn.execute(text("SELECT id, kota_id, name FROM kecamatan"))}
    cats = {slug: i for i, slug in conn.execute(text("SELECT id, slug FROM categories"))}
    return by_short, kec, cats


def _rows(size: int, seed: int, start: int, stop: int, maps: tuple) -> dict[str, list[dict]]:
    """Rows of every table for listings ``start..stop`` (and the sellers that begin there)."""
    kota, kec, cats = maps
    out: dict[str, list[dict]] = {
        "organisations": [],
        "supplier_profiles": [],
        "supplier_certifications": [],
        "listings": [],
    }
    for listing_id in range(start, stop + 1):
        record, s = synthetic.listing(seed, listing_id, size)
        if (listing_id - 1) % 3 == 0:  # first listing of this seller: write the seller too
            kota_id = kota[s.kota]
            out["organisations"].append(
                {
                    "id": s.supplier_id,
                    "kind": "umkm",
                    "legal_name": s.name,
                    "nib": f"912{s.supplier_id:010d}",
                    "npwp": None,
                    "street_address": "",
                    "kota_id": kota_id,
                    "kecamatan_id": kec.get((kota_id, s.kecamatan)),
                    "kelurahan_id": None,
                    "phone": "",
                    "email": f"seller{s.supplier_id}@bench.pasarpadu.id",
                    "skip_review": False,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
            )
            out["supplier_profiles"].append(
                {
                    "id": s.supplier_id,
                    "organisation_id": s.supplier_id,
                    "display_name": s.name,
                    "about": s.about,
                    "kbli_codes": "[]",
                    "jakpreneur_member": s.jakpreneur,
                    "scale": s.scale,
                    "monthly_capacity": record.monthly_capacity,
                    "active": s.active,
                    "verified": s.verified,
                    "verified_by_id": None,
                    "verified_at": NOW if s.verified else None,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
            )
            for c in record.certifications:
                out["supplier_certifications"].append(
                    {"supplier_id": s.supplier_id, "kind": c.kind, "number": "", "expires_on": c.expires_on}
                )
        out["listings"].append(
            {
                "id": listing_id,
                "supplier_id": record.supplier_id,
                "category_id": cats[record.category],
                "title": record.title[:140],
                "description": record.description,
                "price": record.price,
                "unit": record.unit,
                "min_order": record.min_order,
                "monthly_capacity": record.monthly_capacity,
                "lead_time_days": record.lead_time_days,
                "status": "active" if record.listing_active else "archived",
                "published_at": NOW,
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
    return out


TABLES = {
    "organisations": Organisation,
    "supplier_profiles": SupplierProfile,
    "supplier_certifications": SupplierCertification,
    "listings": Listing,
}


def _copy(raw: Any, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in cols])


def _chunks(size: int) -> Iterator[tuple[int, int]]:
    for start in range(1, size + 1, CHUNK):
        yield start, min(size, start + CHUNK - 1)


def load(url: str, size: int, seed: int = 7, requests: int = 50) -> dict[str, float]:
    """Load the catalogue into ``url``; returns timings in seconds."""
    engine = create_engine(url)
    postgres = engine.dialect.name == "postgresql"
    started = time.perf_counter()
    with engine.connect() as conn:
        maps = _places(conn)
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
        for start, stop in _chunks(size):
            rows = _rows(size, seed, start, stop, maps)
            if postgres:
                raw = conn.connection.driver_connection
                for table, part in rows.items():
                    for row in part:
                        if "kbli_codes" in row:
                            row["kbli_codes"] = "[]"
                    _copy(raw, table, part)
            else:
                for table, part in rows.items():
                    if part:
                        payload = (
                            part if table != "supplier_profiles" else [{**r, "kbli_codes": []} for r in part]
                        )
                        conn.execute(insert(TABLES[table].__table__), payload)
            conn.commit()
            print(
                f"\r{stop}/{size} listings, {time.perf_counter() - started:.0f} s",
                end="",
                file=sys.stderr,
                flush=True,
            )
        print(file=sys.stderr)
        loaded = time.perf_counter() - started
        _requests(conn, size, seed, requests, maps)
        if postgres:
            for table in (
                "organisations",
                "supplier_profiles",
                "supplier_certifications",
                "listings",
                "demand_requests",
            ):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            conn.exec_driver_sql("ANALYZE")
        conn.commit()
    return {"load_s": round(loaded, 1), "total_s": round(time.perf_counter() - started, 1)}


def _requests(conn: Any, size: int, seed: int, count: int, maps: tuple) -> None:
    """One government buyer and ``count`` open demand requests."""
    kota, kec, cats = maps
    buyer_id = synthetic.seller_count(size) + 1
    conn.execute(
        insert(Organisation.__table__),
        [
            {
                "id": buyer_id,
                "kind": "government",
                "legal_name": "Dinas Benchmark Provinsi DKI Jakarta",
                "nib": None,
                "npwp": None,
                "street_address": "",
                "kota_id": kota["Jakarta Pusat"],
                "kecamatan_id": None,
                "kelurahan_id": None,
                "phone": "",
                "email": "dinas@bench.pasarpadu.id",
                "skip_review": True,
                "created_at": NOW,
                "updated_at": NOW,
            }
        ],
    )
    rows = []
    for q in synthetic.requests(count, seed=seed + 1):
        kota_id = kota[q.kota]
        rows.append(
            {
                "buyer_id": buyer_id,
                "created_by_id": None,
                "title": q.text[:200],
                "description": "",
                "category_id": cats.get(q.category or ""),
                "quantity": q.quantity,
                "unit": q.unit,
                "budget_ceiling": q.budget_ceiling,
                "kota_id": kota_id,
                "kecamatan_id": kec.get((kota_id, q.kecamatan)),
                "needed_by": date.today() + timedelta(days=60),
                "quotes_due": None,
                "required_certifications": list(q.required_certifications),
                "umkm_only": q.umkm_only,
                "status": "open",
                "published_at": NOW,
                "closed_at": None,
                "version": 1,
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
    conn.execute(insert(DemandRequest.__table__), rows)


def main() -> int:
    """Entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--size", type=int, required=True, help="listings (sellers: size / 3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    result = load(args.database_url, args.size, args.seed, args.requests)
    print(json.dumps({"size": args.size, "sellers": synthetic.seller_count(args.size), **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
