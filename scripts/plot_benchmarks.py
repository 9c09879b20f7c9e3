"""Plot match latency (p50/p95) and recall@10 against catalogue size from bench JSON lines.

    python scripts/plot_benchmarks.py results.jsonl docs/benchmarks.png

Each input line is the JSON object printed last by ``python -m matching bench --json``.
"""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main(source: str, target: str) -> None:
    """Read bench results, draw two panels, write the PNG."""
    with open(source) as lines:
        rows = sorted((json.loads(line) for line in lines if line.strip()), key=lambda r: r["size"])
    sizes = [r["size"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(sizes, [r["p50_ms"] for r in rows], "o-", label="match p50")
    left.plot(sizes, [r["p95_ms"] for r in rows], "s-", label="match p95")
    left.plot(sizes, [r["lexical_p50_ms"] for r in rows], "^--", label="lexical search p50")
    left.plot(sizes, [r["dense_p50_ms"] for r in rows], "v--", label="vector search p50")
    left.axhline(20, color="grey", lw=0.8, ls=":")
    left.axhline(50, color="grey", lw=0.8, ls=":")
    left.set(xscale="log", xlabel="listings", ylabel="ms (2 shared cores)", title="End-to-end match latency")
    left.legend(fontsize=8)
    right.plot(sizes, [r["recall_at_10"] for r in rows], "o-")
    for r in rows:
        right.annotate(
            r["index_kind"],
            (r["size"], r["recall_at_10"]),
            fontsize=8,
            textcoords="offset points",
            xytext=(4, -10),
        )
    right.axhline(0.95, color="grey", lw=0.8, ls=":")
    right.set(
        xscale="log",
        xlabel="listings",
        ylabel="recall@10 vs exact",
        ylim=(0.85, 1.005),
        title="Vector index recall",
    )
    fig.tight_layout()
    fig.savefig(target, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
