"""Benchmark the lexical index alone on the synthetic catalogue.

Measures build time, peak RSS, on-disk size, memory after loading the saved index, query
latency (single-threaded, one query at a time) and, when the index offers an exhaustive
scorer, recall of its bounded top-k against the exhaustive top-k. Queries: synthetic procurement
requests (cleaned as the retriever cleans them) and goods package names from the LPSE corpus.

    python scripts/bench_lexical.py --size 100000 --json
    python scripts/bench_lexical.py --size 1100000 --texts-cache /tmp/texts_1.1m.txt
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from matching import synthetic
from matching.lexical import LexicalIndex
from matching.retriever import index_text
from matching.text import normalise_demand_text

LPSE = next(
    (
        p / "shared" / "corpus" / "lpse_package_names.tsv"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "corpus" / "lpse_package_names.tsv").exists()
    ),
    Path("/nonexistent"),
)


def rss() -> dict[str, float]:
    """Current RSS split into anonymous (private) and file-backed (shareable) MiB."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                out[key] = int(value.split()[0]) / 1024
    return out


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (MiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def catalogue_texts(size: int, seed: int, cache: str | None) -> list[str]:
    """Indexed texts of listings 1..size (optionally cached one per line)."""
    if cache and Path(cache).exists():
        with open(cache, encoding="utf-8") as fh:
            texts = fh.read().split("\n")[:size]
        if len(texts) == size:
            return texts
    texts = [index_text(r).replace("\n", " ") for r in synthetic.listings(size, seed=seed)]
    if cache:
        Path(cache).write_text("\n".join(texts), encoding="utf-8")
    return texts


def bench_queries(count: int, seed: int) -> list[str]:
    """Half synthetic requests (cleaned like ``Retriever.query_text``), half LPSE goods names."""
    n_req = count // 2 if LPSE.exists() else count
    out = [normalise_demand_text(q.text).lower() for q in synthetic.requests(n_req, seed=seed + 1)]
    if LPSE.exists():
        goods = []
        with open(LPSE, encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[1] == "Pengadaan Barang":
                    goods.append(parts[0])
        step = max(1, len(goods) // (count - n_req))
        out += [normalise_demand_text(t).lower() for t in goods[::step][: count - n_req]]
    return out


def all_scores(index: LexicalIndex, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(ids, exact scores) of every listing, from whichever scorer the index offers."""
    if hasattr(index, "exhaustive_scores"):
        return index.exhaustive_scores(text)
    return index._row_ids, index._row_scores(text)  # before: search() walked every posting


def exhaustive(
    index: LexicalIndex, text: str, k: int, scored: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Exhaustive top-k (ids, scores), ties by id."""
    ids, scores = scored if scored is not None else all_scores(index, text)
    hits = np.flatnonzero(scores > 0)
    order = np.lexsort((ids[hits], -scores[hits]))[:k]
    return ids[hits[order]], scores[hits[order]]


def overlap(
    got: np.ndarray, got_exact: np.ndarray, truth: np.ndarray, truth_scores: np.ndarray, k: int
) -> tuple[float, float]:
    """Strict id overlap with the exhaustive top-k, and tie-aware overlap (a result counts when
    its exact score reaches the exhaustive k-th score)."""
    want = min(k, len(truth))
    if want == 0:
        return 1.0, 1.0
    strict = len(set(got[:k].tolist()) & set(truth[:k].tolist())) / want
    kth = truth_scores[want - 1]
    tie = min(want, int(np.sum(got_exact[:k] >= kth - 1e-3))) / want
    return strict, tie


def measure(args: argparse.Namespace) -> dict:
    result: dict = {"size": args.size, "queries": args.queries, "code": args.label}
    t0 = time.perf_counter()
    texts = catalogue_texts(args.size, args.seed, args.texts_cache)
    ids = np.arange(1, args.size + 1, dtype=np.int64)
    if args.shuffle_ids:  # not dense, not sorted
        ids = np.random.default_rng(0).permutation(args.size).astype(np.int64) * 7 + 3
    result["texts_s"] = round(time.perf_counter() - t0, 1)
    result["rss_before_build_mb"] = round(rss()["VmRSS"], 1)
    t0 = time.perf_counter()
    index = LexicalIndex.build(ids.tolist(), texts)
    result["build_s"] = round(time.perf_counter() - t0, 1)
    result["build_peak_rss_mb"] = round(peak_rss_mb(), 1)
    result["memory_mb"] = round(index.memory_bytes() / 2**20, 1)
    result["nnz"] = index.nnz()
    del texts
    gc.collect()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        t0 = time.perf_counter()
        index.save(tmp)
        result["save_s"] = round(time.perf_counter() - t0, 1)
        result["disk_mb"] = round(sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20, 1)
        del index
        gc.collect()
        before = rss()
        t0 = time.perf_counter()
        index = LexicalIndex.load(tmp)
        result["load_s"] = round(time.perf_counter() - t0, 2)
        after = rss()
        result["load_rss_delta_mb"] = {k: round(after[k] - before[k], 1) for k in after}
        queries = bench_queries(args.queries, args.seed)
        for q in queries[:20]:
            index.search(q, 100)
        times = []
        for _ in range(args.repeats):
            for q in queries:
                t1 = time.perf_counter()
                index.search(q, 100)
                times.append((time.perf_counter() - t1) * 1000)
        result["search_p50_ms"] = round(float(np.percentile(times, 50)), 2)
        result["search_p95_ms"] = round(float(np.percentile(times, 95)), 2)
        result["search_max_ms"] = round(float(np.max(times)), 2)
        end = rss()
        result["rss_after_queries_mb"] = {k: round(end[k] - before[k], 1) for k in end}
        if not args.no_recall:
            result.update(recall(index, queries, ids, args.seed))
    return result


def recall(index: LexicalIndex, queries: list[str], ids: np.ndarray, seed: int) -> dict:
    """Bounded vs exhaustive top-k overlap, and exactness and cost of LexicalScores.get."""
    rng = np.random.default_rng(seed)
    out: dict = {}
    stats: dict[str, list[float]] = {f"{m}@{k}": [] for k in (10, 100, 200) for m in ("strict", "tie")}
    get_us, get_err = [], []
    for q in queries:
        all_ids, every = all_scores(index, q)
        truth, truth_scores = exhaustive(index, q, 200, (all_ids, every))
        exact_of = dict(zip(all_ids[every > 0].tolist(), every[every > 0].tolist()))
        for k in (10, 100, 200):
            got, _, scores = index.search(q, k)
            got_exact = np.array([exact_of.get(int(i), 0.0) for i in got])
            strict, tie = overlap(got, got_exact, truth, truth_scores, k)
            stats[f"strict@{k}"].append(strict)
            stats[f"tie@{k}"].append(tie)
        asked = rng.choice(ids, 100, replace=False).tolist() + truth[:20].tolist()
        t1 = time.perf_counter()
        vals = [scores.get(i, 0.0) for i in asked]
        get_us.append((time.perf_counter() - t1) * 1e6 / len(asked))
        get_err.append(max(abs(v - exact_of.get(int(i), 0.0)) for i, v in zip(asked, vals)))
    for key, vals in stats.items():
        out[f"overlap_{key}_mean"] = round(float(np.mean(vals)), 4)
        out[f"overlap_{key}_min"] = round(float(np.min(vals)), 4)
    out["scores_get_us_mean"] = round(float(np.mean(get_us)), 2)
    out["scores_get_max_abs_err"] = float(np.max(get_err))
    return out


def fused(args: argparse.Namespace) -> dict:
    """Top-10 overlap of the fused hybrid result with bounded vs exhaustive lexical search
    (dense side: the hashing test embedder, or random unit vectors with ``--dense random``)."""
    from matching.embedders import HashingEmbedder
    from matching.retriever import Retriever

    records, texts = [], []
    for r in synthetic.listings(args.size, seed=args.seed):  # keep only what retrieval reads
        records.append(Keyed(r.listing_id, r.category))
        texts.append(index_text(r))
    if args.dense == "random":
        emb = RandomEmbedder(64)
        vecs = np.random.default_rng(args.seed).normal(size=(len(texts), 64)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    else:
        emb = HashingEmbedder(64)
        vecs = emb.embed_passages(texts)
    retriever = Retriever.from_vectors(records, vecs, emb, texts=texts, kind="flat")
    del records, vecs
    del texts
    lexical = retriever.lexical
    bounded_search = lexical.search

    def exhaustive_search(text: str, k: int):
        got, scores = exhaustive(lexical, text, k)
        return got, scores.astype(np.float32), bounded_search(text, k)[2]

    same10, same_set = [], []
    for q in bench_queries(args.queries, args.seed):
        lexical.search = bounded_search
        a = [c.listing_id for c in retriever.retrieve(q, 10)]
        lexical.search = exhaustive_search
        b = [c.listing_id for c in retriever.retrieve(q, 10)]
        same10.append(len(set(a) & set(b)) / max(1, len(b)))
        same_set.append(float(a == b))
    return {
        "size": args.size,
        "dense": args.dense,
        "fused_top10_overlap_mean": round(float(np.mean(same10)), 4),
        "fused_top10_overlap_min": round(float(np.min(same10)), 4),
        "fused_top10_identical_share": round(float(np.mean(same_set)), 4),
    }


@dataclass(frozen=True, slots=True)
class Keyed:
    """The two fields of a listing record that ``Retriever.from_vectors`` reads with texts given."""

    listing_id: int
    category: str


class RandomEmbedder:
    """Queries as deterministic random unit vectors (a dense side with no lexical signal)."""

    def __init__(self, dim: int) -> None:
        self.name, self.dim = f"random-{dim}", dim

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """One random unit vector per text, seeded by the text."""
        out = np.stack(
            [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=self.dim) for t in texts]
        ).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    embed_passages = embed_queries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--label",
        default=subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=Path(__file__).parent
        ).stdout.strip(),
    )
    parser.add_argument("--texts-cache", default=None, help="file to cache the catalogue texts in")
    parser.add_argument("--tmp", default=None, help="directory for the saved index")
    parser.add_argument("--no-recall", action="store_true", help="skip the exhaustive comparison")
    parser.add_argument("--shuffle-ids", action="store_true", help="sparse, unsorted listing ids")
    parser.add_argument(
        "--fused", action="store_true", help="only: fused top-10 overlap, bounded vs exhaustive lexical"
    )
    parser.add_argument(
        "--dense", choices=("hashing", "random"), default="hashing", help="dense side for --fused"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    result = fused(args) if args.fused else measure(args)
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
