"""Latency measurement of whole matches (embed the request, retrieve, filter, rank)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from .matcher import Matcher
from .types import DemandQuery


def measure_match_latency(
    matcher: Matcher,
    queries: Sequence[DemandQuery],
    repeats: int = 3,
    warmup: int = 2,
    limit: int = 20,
) -> dict[str, float]:
    """p50/p95/mean milliseconds of ``matcher.match`` over ``queries`` × ``repeats``."""
    for q in list(queries)[:warmup]:
        matcher.match(q, limit=limit)
    times = []
    for _ in range(repeats):
        for q in queries:
            start = time.perf_counter()
            matcher.match(q, limit=limit)
            times.append((time.perf_counter() - start) * 1000.0)
    arr = np.array(times)
    return {
        "p50_ms": round(float(np.percentile(arr, 50)), 2),
        "p95_ms": round(float(np.percentile(arr, 95)), 2),
        "mean_ms": round(float(arr.mean()), 2),
        "matches": len(times),
    }
