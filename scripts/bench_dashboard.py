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
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # the project, and the seeding modules beside this one

from dashboard_rows import Sizes
from dashboard_seed import OFFICIAL, PASSWORD, Seeded, seed
from sqlalchemy import func, select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from models import Award, Base, Category, DemandRequest, Kota, Match, Quote, SupplierProfile
from tests.throwaway_database import throwaway_postgres

# --- databases -------------------------------------------------------------------------------


@contextmanager
def sqlite_database() -> Iterator[str]:
    """A SQLite file in a temporary folder, deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="pp-bench-") as folder:
        yield f"sqlite:///{folder}/bench.db"


def postgres_database() -> AbstractContextManager[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    return throwaway_postgres("pasarpadu_bench")


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
