"""Scale benchmark: synthetic catalogue -> embeddings -> indexes -> timed matches.

``run_bench`` builds an N-listing synthetic catalogue (``synthetic.py``), embeds its texts in
bulk through the passage cache (``bulk.py``), builds the retriever, runs Q synthetic requests
through ``Matcher.match`` (embed the request, hybrid retrieval, filters, ranking) and measures
recall@10 of the vector index against exact search over the same vectors.

``embed_limit`` caps how many listings are really embedded (on a two-core machine a million
texts take hours): listing ``i`` beyond the cap gets the vector of listing
``(i - 1) % embed_limit + 1`` plus small Gaussian noise (cosine ~0.95 to it), renormalised. The
result reports ``vectors_real`` so such a run is never mistaken for a full embedding.
"""
from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import synthetic
from .bulk import embed_bulk
from .cache import CachedEmbedder
from .embedders import create_embedder
from .matcher import Matcher
from .retriever import Retriever, index_text
from .text import normalise_demand_text

TWIN_NOISE = 0.0168  # per-dimension sigma; E[cos(v, v + noise)] ~ 0.95 at 384 dims


def rss_mb() -> float:
    """Resident memory of this process in MiB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def twin_vectors(real: np.ndarray, size: int, seed: int = 0) -> np.ndarray:
    """``size`` unit vectors: the real ones, then noisy copies of them in turn."""
    out = np.empty((size, real.shape[1]), np.float32)
    n = len(real)
    out[:n] = real[:size]
    rng = np.random.default_rng(seed)
    for start in range(n, size, 100_000):
        stop = min(size, start + 100_000)
        block = real[np.arange(start, stop) % n] + rng.normal(
            0.0, TWIN_NOISE, (stop - start, real.shape[1])).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start:stop] = block
    return out


def exact_top_k(queries: np.ndarray, vectors: np.ndarray, ids: np.ndarray, k: int = 10) -> np.ndarray:
    """Listing ids of the exact top-k by inner product (brute force over ``vectors``)."""
    import faiss

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, rows = exact.search(queries, k)
    return ids[rows]


def recall_at_k(retriever: Retriever, queries: np.ndarray, truth: np.ndarray, k: int = 10) -> float:
    """Mean share of the exact top-k (``truth``, listing ids per query) the index returns."""
    _, got = retriever.vectors.search(queries, k)
    hits = [len(set(t[:k].tolist()) & set(g.tolist())) / k for t, g in zip(truth, got)]
    return float(np.mean(hits)) if hits else 1.0


def search_sweep(retriever: Retriever, queries: np.ndarray,
                 truth: np.ndarray) -> list[dict[str, float]]:
    """Recall@10 and vector-search p50 for several search breadths (nprobe / efSearch)."""
    index = retriever.vectors
    knob = {"hnsw": "efSearch", "ivf": "nprobe", "ivfsq": "nprobe"}.get(index.kind)
    if knob is None:
        return []
    saved, rows = index.params[knob], []
    for value in (16, 32, 64, 128, 256):
        index.params[knob] = value
        t0 = time.perf_counter()
        for q in queries:
            index.search(q[None, :], 100)
        ms = (time.perf_counter() - t0) * 1000 / max(1, len(queries))
        rows.append({knob: value, "recall_at_10": round(recall_at_k(retriever, queries, truth), 4),
                     "search_ms": round(ms, 2)})
    index.params[knob] = saved
    return rows


def run_bench(
    size: int, queries: int = 100, model: str | None = None, seed: int = 7,
    cache_dir: str | Path | None = None, embed_limit: int | None = None, kind: str = "auto",
    batch_size: int = 256, max_words: int | None = None, repeats: int = 1,
) -> dict[str, Any]:
    """Run the whole benchmark once; returns a flat dict of measurements (see module doc)."""
    result: dict[str, Any] = {"size": size, "queries": queries}
    started = time.perf_counter()
    records = list(synthetic.listings(size, seed=seed))
    texts = [index_text(r) for r in records]
    result["generate_s"] = round(time.perf_counter() - started, 2)
    tmp = None
    if cache_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="pasarpadu-bench-")
        cache_dir = tmp.name
    embedder = CachedEmbedder(create_embedder(model), cache_dir)
    result["model"] = embedder.name
    real = size if embed_limit is None else min(size, embed_limit)
    report = embed_bulk(texts[:real], embedder, batch_size=batch_size, max_words=max_words)
    result.update(embed_per_s=round(report.per_second, 1), embedded=report.embedded,
                  embed_cached=report.cached, embed_s=round(report.seconds, 1),
                  vectors_real=real)
    vectors = embedder.lookup_texts(texts[:real])
    if real < size:
        vectors = twin_vectors(vectors, size, seed)
    timings: dict[str, float] = {}
    before = rss_mb()
    retriever = Retriever.from_vectors(records, vectors, embedder, kind=kind, texts=texts,
                                       timings=timings)
    result["build_s"] = round(timings["vector_build_s"] + timings["lexical_build_s"], 1)
    result["vector_build_s"] = round(timings["vector_build_s"], 1)
    result["lexical_build_s"] = round(timings["lexical_build_s"], 1)
    result["index_kind"] = retriever.vectors.kind
    result["index_params"] = retriever.vectors.params
    result["index_mb"] = round(retriever.vectors.memory_bytes() / 2**20, 1)
    result["lexical_mb"] = round(retriever.lexical.memory_bytes() / 2**20, 1)
    result["lexical_nnz"] = retriever.lexical.nnz()
    result["retriever_rss_delta_mb"] = round(rss_mb() - before, 1)
    del texts
    gc.collect()
    demand = synthetic.requests(queries, seed=seed + 1)
    qtexts = [retriever.query_text(q.text) for q in demand]
    qvecs = embedder.embed_queries(qtexts)
    truth = exact_top_k(qvecs, vectors, np.array([r.listing_id for r in records]), 10)
    result["recall_at_10"] = round(recall_at_k(retriever, qvecs, truth, 10), 4)
    result["sweep"] = search_sweep(retriever, qvecs, truth)
    del vectors
    gc.collect()
    matcher = Matcher(retriever, {r.listing_id: r for r in records})
    del records
    for q in demand[:3]:
        matcher.match(q, limit=20)
    times, lexical_times, dense_times = [], [], []
    for _ in range(repeats):
        for q, qtext, qvec in zip(demand, qtexts, qvecs):
            t0 = time.perf_counter()
            matcher.match(q, limit=20)
            times.append((time.perf_counter() - t0) * 1000)
            t1 = time.perf_counter()
            retriever.lexical.search(normalise_demand_text(qtext).lower(), 100)
            t2 = time.perf_counter()
            retriever.vectors.search(qvec[None, :], 100)
            lexical_times.append((t2 - t1) * 1000)
            dense_times.append((time.perf_counter() - t2) * 1000)
    result["p50_ms"] = round(float(np.percentile(times, 50)), 2)
    result["p95_ms"] = round(float(np.percentile(times, 95)), 2)
    result["lexical_p50_ms"] = round(float(np.percentile(lexical_times, 50)), 2)
    result["dense_p50_ms"] = round(float(np.percentile(dense_times, 50)), 2)
    result["rss_mb"] = round(rss_mb(), 1)
    result["total_s"] = round(time.perf_counter() - started, 1)
    embedder.close()
    if tmp is not None:
        tmp.cleanup()
    return result
