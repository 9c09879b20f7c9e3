"""Benchmark of the officials' dashboard, the transparency page and the open-data exports.

Seeds a throwaway database (a temporary SQLite file, and a temporary PostgreSQL database) with
synthetic data — by default 100,000 requests and 1,000,000 proposals, plus quotes, awards,
5,000 UMKM and their listings — using bulk inserts (executemany on SQLite, COPY on
PostgreSQL), then requests each page through the Flask test client and prints p50/p95 per
endpoint. Proposals carry an explanation of realistic size (about 1.8 kB, as the matcher
writes), so table scans cost what they would in production. The databases are deleted at the end.

Usage:
    python scripts/bench_dashboard.py [--backends sqlite,postgres] [--requests 100000]
        [--proposals 1000000] [--suppliers 5000] [--repeat 20] [--big-repeat 5]
        [--sqlite-file PATH] [--postgres-url URL]   (keep a seeded database between runs)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.pool import NullPool

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from models import (
    Award,
    Base,
    Category,
    DemandRequest,
    Kecamatan,
    Kelurahan,
    Kota,
    Listing,
    Match,
    Organisation,
    Quote,
    SupplierProfile,
)
from models.reference_data import CATEGORIES, JAKARTA

PG_ADMIN = os.environ.get("PASARPADU_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
OFFICIAL = "petugas-bench@bench.pasarpadu.id"
PASSWORD = "kata sandi yang panjang untuk bench"
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


@dataclass
class Seeded:
    """Counts of what was written, for the report."""

    requests: int = 0
    proposals: int = 0
    quotes: int = 0
    awards: int = 0
    suppliers: int = 0
    seconds: float = 0.0


# --- databases -------------------------------------------------------------------------------


@contextmanager
def sqlite_database() -> Iterator[str]:
    """A SQLite file in a temporary folder, deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="pp-bench-") as folder:
        yield f"sqlite:///{folder}/bench.db"


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    name = f"pasarpadu_bench_{secrets.token_hex(4)}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


# --- seeding ---------------------------------------------------------------------------------


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


def _procurement_rows(
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
    rows = _procurement_rows(sizes, rng, categories, kecamatan)
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


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Timing:
    """Latencies of one endpoint: whole responses, and the first byte of streamed ones."""

    name: str
    full: list[float]
    first_byte: list[float]
    size: int
    status: int


def _measure(client: Any, path: str, repeat: int, name: str) -> Timing:
    full, first, size, status = [], [], 0, 0
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(path, buffered=False)
        chunks = response.iter_encoded()
        head = next(chunks, b"")
        first.append(time.perf_counter() - began)
        size = len(head) + sum(len(chunk) for chunk in chunks)
        response.close()
        full.append(time.perf_counter() - began)
        status = response.status_code
    return Timing(name, full, first, size, status)


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))]


def endpoints(kota_id: int, category_id: int) -> list[tuple[str, str, bool]]:
    """(name, path, big export) of every page measured."""
    year = "from=2025-07-01&to=2026-06-30"
    return [
        ("dashboard", "/dashboard/", False),
        ("dashboard, 12 months", f"/dashboard/?{year}", False),
        ("dashboard, kota+category", f"/dashboard/?kota={kota_id}&category={category_id}", False),
        ("chart CSV (month)", "/dashboard/month.csv", False),
        ("transparency page", "/transparency", False),
        ("OCDS package, page 1", "/open-data/ocds/release-package.json", False),
        ("OCDS package, page 150", "/open-data/ocds/release-package.json?page=150", False),
        (
            "OCDS package, one month",
            "/open-data/ocds/release-package.json?since=2026-03-01&until=2026-03-31",
            False,
        ),
        ("awards.csv", "/open-data/awards.csv", True),
        ("requests.csv", "/open-data/requests.csv", True),
        ("quotes.csv", "/open-data/quotes.csv", True),
        ("proposals.csv", "/open-data/proposals.csv", True),
        ("proposals.csv, one month", "/open-data/proposals.csv?from=2026-03-01&to=2026-03-31", True),
    ]


def _counts() -> Seeded:
    def count(model: Any) -> int:
        return int(db.session.scalar(select(func.count()).select_from(model)) or 0)

    return Seeded(count(DemandRequest), count(Match), count(Quote), count(Award), count(SupplierProfile))


def run_backend(
    label: str, database: Callable[[], Any], sizes: Sizes, repeat: int, big_repeat: int
) -> tuple[Seeded, list[Timing]]:
    """Seed one backend, then time every endpoint."""
    with database() as url, tempfile.TemporaryDirectory(prefix="pp-bench-instance-") as folder:
        config = config_for_tests(folder, url)
        app = create_app(config)
        with app.app_context():
            Base.metadata.create_all(db.engine)
            if db.session.scalar(select(func.count()).select_from(DemandRequest)):
                seeded = _counts()
                print(f"[{label}] reusing the data already in {url}", flush=True)
            else:
                print(f"[{label}] seeding …", flush=True)
                seeded = seed(sizes, db.engine.dialect.name)
            print(
                f"[{label}] seeded {seeded.requests:,} requests, {seeded.proposals:,} proposals, "
                f"{seeded.quotes:,} quotes, {seeded.awards:,} awards in {seeded.seconds:.0f} s",
                flush=True,
            )
            kota_id = db.session.scalar(select(Kota.id).where(Kota.code == "31.72"))
            category_id = db.session.scalar(select(Category.id).where(Category.slug == "catering"))
            db.session.remove()
        client = app.test_client()
        login = client.post("/auth/login", data={"email": OFFICIAL, "password": PASSWORD})
        assert login.status_code == 302, login.status_code
        timings = []
        for name, path, big in endpoints(kota_id or 1, category_id or 1):
            client.get(path).close()  # warm the caches once, as a running server would be
            timing = _measure(client, path, big_repeat if big else repeat, name)
            print(
                f"[{label}] {name:28} p95 {_p(timing.full, 0.95) * 1000:8.0f} ms  "
                f"first byte p95 {_p(timing.first_byte, 0.95) * 1000:6.0f} ms  "
                f"{timing.size / 1e6:7.1f} MB  HTTP {timing.status}",
                flush=True,
            )
            timings.append(timing)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return seeded, timings


def main() -> None:
    """Parse arguments, run each backend, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--proposals", type=int, default=1_000_000)
    parser.add_argument("--suppliers", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--big-repeat", type=int, default=5, help="repetitions of the whole-table CSV downloads"
    )
    parser.add_argument("--sqlite-file", help="use (and keep) this SQLite file; seeded if empty")
    parser.add_argument("--postgres-url", help="use (and keep) this PostgreSQL database; seeded if empty")
    args = parser.parse_args()
    sizes = Sizes(args.requests, args.proposals, args.suppliers)
    databases: dict[str, Callable[[], Any]] = {"sqlite": sqlite_database, "postgres": postgres_database}
    if args.sqlite_file:
        databases["sqlite"] = lambda: nullcontext(f"sqlite:///{Path(args.sqlite_file).resolve()}")
    if args.postgres_url:
        databases["postgres"] = lambda: nullcontext(args.postgres_url)
    results = {}
    for backend in args.backends.split(","):
        results[backend] = run_backend(backend, databases[backend], sizes, args.repeat, args.big_repeat)
    print()
    for backend, (seeded, _timings) in results.items():
        print(
            f"{backend}: {seeded.requests:,} requests, {seeded.proposals:,} proposals, "
            f"{seeded.quotes:,} quotes, {seeded.awards:,} awards, {seeded.suppliers:,} UMKM"
        )
    names = [t.name for t in next(iter(results.values()))[1]]
    header = f"| {'endpoint':28} |" + "".join(f" {b} p50 | {b} p95 | {b} 1st byte p95 |" for b in results)
    print(header)
    print("|" + "---|" * (1 + 3 * len(results)))
    for n, name in enumerate(names):
        cells = []
        for _seeded, timings in results.values():
            t = timings[n]
            cells.append(
                f" {_p(t.full, 0.5) * 1000:.0f} ms | {_p(t.full, 0.95) * 1000:.0f} ms | "
                f"{_p(t.first_byte, 0.95) * 1000:.0f} ms |"
            )
        print(f"| {name:28} |" + "".join(cells))


if __name__ == "__main__":
    main()
