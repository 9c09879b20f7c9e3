"""Seeding of the dashboard benchmark's database: reference data, people, catalogue, procurement.

Fills an empty, migrated database of the current app with the synthetic data of
``dashboard_rows``, using bulk inserts (executemany on SQLite, COPY on PostgreSQL), then
refreshes the planner's statistics. Imported by ``bench_dashboard.py``, which puts the
repository root on ``sys.path``.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from dashboard_rows import COLUMNS, START, Sizes, procurement_rows
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.pool import NullPool

from app.extensions import db
from models import Category, Kecamatan, Kelurahan, Kota, Listing, Organisation, SupplierProfile
from models.reference_data import CATEGORIES, JAKARTA

OFFICIAL = "petugas-bench@bench.pasarpadu.id"
PASSWORD = "kata sandi yang panjang untuk bench"


@dataclass
class Seeded:
    """Counts of what was written, for the report."""

    requests: int = 0
    proposals: int = 0
    quotes: int = 0
    awards: int = 0
    suppliers: int = 0
    seconds: float = 0.0


def _reference_data() -> None:
    kota_rows, kec_rows, kel_rows = [], [], []
    kec_id = kel_id = 0
    for kota_id, entry in enumerate(JAKARTA, start=1):
        kota_rows.append(
            {"id": kota_id, "code": entry["code"], "name": entry["short"], "kind": entry["kind"]}
        )
        for district in entry["kecamatan"]:
            kec_id += 1
            kec_rows.append(
                {
                    "id": kec_id,
                    "kota_id": kota_id,
                    "name": district["name"],
                    "lat": district["lat"],
                    "lon": district["lon"],
                }
            )
            for village in district["kelurahan"]:
                kel_id += 1
                kel_rows.append({"id": kel_id, "kecamatan_id": kec_id, "name": village})
    db.session.execute(insert(Kota), kota_rows)
    db.session.execute(insert(Kecamatan), kec_rows)
    db.session.execute(insert(Kelurahan), kel_rows)
    db.session.execute(
        insert(Category),
        [
            {"id": n, "slug": c["slug"], "name_id": c["name_id"], "name_en": c["name_en"], "position": n}
            for n, c in enumerate(CATEGORIES, start=1)
            if not c.get("parent")
        ],
    )
    db.session.commit()


def _people_and_catalogue(sizes: Sizes, rng: random.Random) -> tuple[list[int], dict[int, int]]:
    """Buyers, UMKM (with supplier profiles and listings) and one official."""
    from app.services.accounts import create_staff_user

    kecamatan = [(k.id, k.kota_id) for k in db.session.scalars(select(Kecamatan))]
    categories = list(db.session.scalars(select(Category.id)))
    organisations, profiles, listings = [], [], []
    kinds = ["government"] * 6 + ["bumd"] * 2 + ["corporate"] * 2
    for n in range(1, sizes.buyers + 1):
        kec, kota = rng.choice(kecamatan)
        organisations.append(
            {
                "id": n,
                "kind": rng.choice(kinds),
                "legal_name": f"Dinas Bench {n}",
                "kota_id": kota,
                "kecamatan_id": kec,
                "phone": "",
                "email": "",
            }
        )
    supplier_orgs: dict[int, int] = {}
    for n in range(1, sizes.suppliers + 1):
        org_id = sizes.buyers + n
        kec, kota = rng.choice(kecamatan)
        organisations.append(
            {
                "id": org_id,
                "kind": "umkm",
                "legal_name": f"Usaha Bench {n}",
                "nib": f"{n:013d}",
                "kota_id": kota,
                "kecamatan_id": kec,
                "phone": "",
                "email": "",
            }
        )
        scale = rng.choices(("micro", "small", "medium"), (70, 22, 8))[0]
        verified = rng.random() < 0.85
        created = START - timedelta(days=rng.randint(0, 200))
        profiles.append(
            {
                "id": n,
                "organisation_id": org_id,
                "display_name": f"Usaha Bench {n}",
                "scale": scale,
                "verified": verified,
                "active": True,
                "verified_at": created + timedelta(days=3) if verified else None,
                "created_at": created,
                "kbli_codes": [],
            }
        )
        supplier_orgs[n] = org_id
        for _ in range(rng.choice((1, 1, 2, 3))):
            listings.append(
                {
                    "supplier_id": n,
                    "category_id": rng.choice(categories),
                    "title": f"Produk bench {n}",
                    "price": rng.randint(10, 500) * 1000,
                    "unit": "unit",
                    "status": "active",
                    "published_at": created,
                }
            )
    db.session.execute(insert(Organisation), organisations)
    db.session.execute(insert(SupplierProfile), profiles)
    for start in range(0, len(listings), 5000):
        db.session.execute(insert(Listing), listings[start : start + 5000])
    create_staff_user(
        db.session, email=OFFICIAL, password=PASSWORD, full_name="Petugas Bench", role="official"
    )
    db.session.commit()
    return categories, supplier_orgs


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _bulk_load(rows: dict[str, list[tuple[Any, ...]]], dialect: str) -> None:
    db.session.commit()
    loader = create_engine(db.engine.url, poolclass=NullPool)
    raw = loader.raw_connection()
    connection = raw.driver_connection
    assert connection is not None
    for table, columns in COLUMNS.items():
        data = rows[table]
        if dialect == "postgresql":
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
            ):
                for row in data:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            cursor = connection.cursor()
            for start in range(0, len(data), 50_000):
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                    [tuple(_sqlite_value(v) for v in row) for row in data[start : start + 50_000]],
                )
        connection.commit()
    raw.close()
    loader.dispose()


def seed(sizes: Sizes, dialect: str, seed_value: int = 5) -> Seeded:
    """Fill the (empty, migrated) database of the current app with synthetic data."""
    began = time.perf_counter()
    rng = random.Random(seed_value)
    _reference_data()
    categories, _orgs = _people_and_catalogue(sizes, rng)
    kecamatan = [(k.id, k.kota_id) for k in db.session.scalars(select(Kecamatan))]
    rows = procurement_rows(sizes, rng, categories, kecamatan)
    _bulk_load(rows, dialect)
    if dialect == "postgresql":
        for table in (
            "demand_requests",
            "matches",
            "quotes",
            "awards",
            "organisations",
            "supplier_profiles",
            "listings",
        ):
            db.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            )
        db.session.commit()
        maintenance = create_engine(db.engine.url, isolation_level="AUTOCOMMIT")
        with maintenance.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
        maintenance.dispose()
    else:
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    return Seeded(
        len(rows["demand_requests"]),
        len(rows["matches"]),
        len(rows["quotes"]),
        len(rows["awards"]),
        sizes.suppliers,
        time.perf_counter() - began,
    )
