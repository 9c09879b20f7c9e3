"""Matching on the demo catalogue: latency per request, and exposure concentration with the
fair-exposure knob off and on.

Run against a seeded database (``make index`` first):
    .venv/bin/python scripts/bench_demo_matching.py [--fairness 0.5] [--repeat 3]

Latency covers what the app does for one request: embed the request, hybrid retrieval, load
the candidates' records from the database, filters, soft scores, fair exposure, explanations.
Concentration replays every published demo request in date order, each proposing its top
``PROPOSALS_PER_REQUEST`` suppliers into an in-memory ledger (the database is not changed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from app import create_app
from app.catalogue_index import catalogue_index, retrieve
from app.clock import today
from app.extensions import db
from app.services.catalogue_records import demand_query, records_for
from app.services.matchmaking import CANDIDATE_POOL, match_request
from matching.exposure import ExposureLedger, concentration
from matching.ranking import RankSettings, rank
from models import DemandRequest, SupplierProfile


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def latency(requests: list[DemandRequest], repeat: int) -> dict[str, float]:
    """p50/p95 milliseconds of ``match_request`` over the demo requests."""
    index = catalogue_index()
    index.current()
    if not index.wait_idle(3600) or index.current() is None:
        raise SystemExit("No usable index snapshot: run the indexer first (make index).")
    match_request(db.session, requests[0], today())  # warm up
    timings = []
    for _ in range(repeat):
        for request in requests:
            started = time.perf_counter()
            match_request(db.session, request, today())
            timings.append((time.perf_counter() - started) * 1000)
    return {
        "requests": len(timings),
        "p50_ms": statistics.median(timings),
        "p95_ms": _percentile(timings, 0.95),
        "max_ms": max(timings),
    }


def replay(requests: list[DemandRequest], fairness: float, limit: int) -> dict[str, float]:
    """Concentration of proposals when every request is matched in turn."""
    ledger = ExposureLedger()
    for request in requests:
        query = demand_query(request, today())
        candidates = retrieve(db.session, query.text, CANDIDATE_POOL)
        records = records_for(db.session, (c.listing_id for c in candidates))
        matches = rank(
            query, candidates, records, exposure=ledger, settings=RankSettings(limit=limit, fairness=fairness)
        )
        ledger.record(m.supplier_id for m in matches)
    eligible = db.session.scalars(
        select(SupplierProfile.id).where(SupplierProfile.verified.is_(True), SupplierProfile.active.is_(True))
    ).all()
    return concentration(ledger.total, eligible)


def main() -> None:
    """Print the latency and concentration tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--fairness", type=float, default=None, help="knob value for 'on'")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = create_app()
    with app.app_context():
        requests = list(
            db.session.scalars(
                select(DemandRequest)
                .where(DemandRequest.status != "draft")
                .order_by(DemandRequest.created_at, DemandRequest.id)
            )
        )
        limit = app.config["PROPOSALS_PER_REQUEST"]
        knob = app.config["FAIR_EXPOSURE"] if args.fairness is None else args.fairness
        result = latency(requests, args.repeat)
        print(
            f"latency over {result['requests']} matches: p50 {result['p50_ms']:.1f} ms, "
            f"p95 {result['p95_ms']:.1f} ms, max {result['max_ms']:.1f} ms"
        )
        print("| fair exposure | gini | top-10 share | suppliers reached |")
        print("|---|---|---|---|")
        for fairness in (0.0, knob, 1.0) if knob != 1.0 else (0.0, 1.0):
            c = replay(requests, fairness, limit)
            print(
                f"| {fairness:g} | {c['gini']:.3f} | {c['top10_share']:.3f} | "
                f"{int(c['suppliers_reached'])} of {int(c['suppliers'])} |"
            )


if __name__ == "__main__":
    main()
