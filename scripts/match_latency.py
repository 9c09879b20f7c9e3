"""In-process latency of matching the database's open demand requests (``flask match request``).

There is no public HTTP endpoint that matches one request, so this times the same service call
the CLI and the review screens use (``app.services.matchmaking.match_request``: load the index
once (published by the indexer), embed the request, hybrid retrieval, database look-ups of the candidates, hard filters,
ranking, explanations) inside one app context, after one warm-up call.

    DATABASE_URL=... INDEX_FOLDER=... python scripts/match_latency.py --repeats 2
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    """Entry point; prints one JSON line (p50/p95/p99 ms, matches, rss)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()

    import numpy as np
    from sqlalchemy import select

    from app import create_app
    from app.catalogue_index import catalogue_index
    from app.clock import today
    from app.extensions import db
    from app.services.matchmaking import match_request
    from matching.bench import rss_mb
    from models import DemandRequest

    app = create_app()
    with app.app_context():
        started = time.perf_counter()
        index = catalogue_index()
        index.current()
        index.wait_idle(3600)
        if index.current() is None:
            print("No usable index snapshot: run the indexer first (make index).", file=sys.stderr)
            return 1
        load_s = time.perf_counter() - started
        requests = list(db.session.scalars(select(DemandRequest).where(DemandRequest.status == "open")))
        match_request(db.session, requests[0], today(), limit=args.limit)
        times = []
        for _ in range(args.repeats):
            for request in requests:
                t0 = time.perf_counter()
                match_request(db.session, request, today(), limit=args.limit)
                times.append((time.perf_counter() - t0) * 1000)
                db.session.rollback()  # nothing is saved: only the proposal is timed
    print(
        json.dumps(
            {
                "requests": len(requests),
                "matches": len(times),
                "index_load_s": round(load_s, 1),
                "p50_ms": round(float(np.percentile(times, 50)), 1),
                "p95_ms": round(float(np.percentile(times, 95)), 1),
                "p99_ms": round(float(np.percentile(times, 99)), 1),
                "rss_mb": round(rss_mb()),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
