"""Scale benchmark: synthetic catalogue -> real embeddings -> snapshot -> timed matches.

``run_bench`` builds an N-listing synthetic catalogue (``synthetic.py``), embeds every text with
the passage embedder (``model``; no derived vectors), builds the retriever, saves a snapshot
and opens it the way a web worker does (memory-mapped, read-only). It then times Q synthetic
requests through ``Matcher.match`` (embed the request, hybrid retrieval, filters, ranking) on
that snapshot, measures recall@10 of the vector index against exact search over the same
vectors, and finally starts a separate "worker" process that opens the snapshot and answers
the same queries, to report what one serving process holds in memory of its own (USS) beside
what it shares with the other workers (the mapped index files).

``query_model`` (optional) is the slower, precise query embedder for buyers' requests; its
latency is reported separately (``precise_p50_ms``).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import synthetic
from .bulk import embed_bulk
from .cache import CachedEmbedder
from .embedders import Embedder, create_embedder
from .matcher import Matcher
from .retriever import Retriever, index_text
from .text import normalise_demand_text
from .vector_index import VectorIndex

EMBED_BATCH = 1024


def rss_mb() -> float:
    """Resident memory of this process in MiB (Linux /proc; 0 elsewhere)."""
    return memory_mb().get("rss_mb", 0.0)


def memory_mb(pid: int | str = "self") -> dict[str, float]:
    """RSS, PSS and USS (private pages) of a process in MiB, from /proc (empty elsewhere)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            fields = {line.split(":")[0]: int(line.split()[1]) for line in fh.readlines()[1:]}
    except (OSError, ValueError, IndexError):
        return {}
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {
        "rss_mb": round(fields.get("Rss", 0) / 1024, 1),
        "pss_mb": round(fields.get("Pss", 0) / 1024, 1),
        "uss_mb": round(uss / 1024, 1),
        "anon_mb": round(fields.get("Anonymous", 0) / 1024, 1),
    }


def exact_top_k(queries: np.ndarray, vectors: np.ndarray, ids: np.ndarray, k: int = 10) -> np.ndarray:
    """Listing ids of the exact top-k by inner product (brute force over ``vectors``)."""
    import faiss

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, rows = exact.search(queries, k)
    return ids[rows]


def _vectors(retriever: Retriever) -> VectorIndex:
    """The retriever's vector index (every benchmark builds one)."""
    if retriever.vectors is None:
        raise ValueError("the retriever has no vector index")
    return retriever.vectors


def recall_at_k(retriever: Retriever, queries: np.ndarray, truth: np.ndarray, k: int = 10) -> float:
    """Mean share of the exact top-k (``truth``, listing ids per query) the index returns."""
    _, got = _vectors(retriever).search(queries, k)
    hits = [len(set(t[:k].tolist()) & set(g.tolist())) / k for t, g in zip(truth, got)]
    return float(np.mean(hits)) if hits else 1.0


def embed_all(
    texts: list[str], embedder: Embedder, cache_dir: str | Path | None, batch_size: int
) -> tuple[np.ndarray, float]:
    """Passage vectors of every text and the rate (texts/s); slow models go through a cache."""
    started = time.perf_counter()
    if cache_dir is not None:
        cache = CachedEmbedder(embedder, cache_dir)
        embed_bulk(texts, cache, batch_size=batch_size)
        vectors = cache.lookup_texts(texts)
        cache.close()
    else:
        parts = [embedder.embed_passages(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        vectors = np.concatenate(parts) if parts else np.zeros((0, embedder.dim), np.float32)
    seconds = time.perf_counter() - started
    return vectors, len(texts) / seconds if seconds > 0 else 0.0


def _timed(fn: Any, items: list[Any], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        for item in items:
            t0 = time.perf_counter()
            fn(item)
            times.append((time.perf_counter() - t0) * 1000)
    return times


def _pct(times: list[float], q: float) -> float:
    return round(float(np.percentile(times, q)), 2) if times else 0.0


def run_bench(
    size: int,
    queries: int = 100,
    model: str | None = None,
    seed: int = 7,
    cache_dir: str | Path | None = None,
    kind: str = "auto",
    batch_size: int = EMBED_BATCH,
    repeats: int = 1,
    query_model: str | None = None,
    worker_probe: bool = True,
) -> dict[str, Any]:
    """Run the whole benchmark once; returns a flat dict of measurements (see module doc)."""
    result: dict[str, Any] = {"size": size, "queries": queries}
    started = time.perf_counter()
    records = list(synthetic.listings(size, seed=seed))
    texts = [index_text(r) for r in records]
    result["generate_s"] = round(time.perf_counter() - started, 2)
    embedder = create_embedder(model)
    precise = create_embedder(query_model) if query_model else None
    result["model"] = embedder.name
    result["query_model"] = precise.name if precise else embedder.name
    vectors, rate = embed_all(texts, embedder, cache_dir, batch_size)
    result.update(
        embed_per_s=round(rate, 1), embed_s=round(size / rate, 1) if rate else 0.0, vectors_real=len(vectors)
    )
    timings: dict[str, float] = {}
    retriever = Retriever.from_vectors(records, vectors, embedder, kind=kind, texts=texts, timings=timings)
    result["build_s"] = round(timings["vector_build_s"] + timings["lexical_build_s"], 1)
    result["vector_build_s"] = round(timings["vector_build_s"], 1)
    result["lexical_build_s"] = round(timings["lexical_build_s"], 1)
    result["index_kind"] = _vectors(retriever).kind
    result["index_params"] = _vectors(retriever).params
    result["lexical_nnz"] = retriever.lexical.nnz()
    with tempfile.TemporaryDirectory(prefix="pasarpadu-bench-") as snapshot_root:
        t0 = time.perf_counter()
        retriever.save(snapshot_root)
        result["save_s"] = round(time.perf_counter() - t0, 1)
        del retriever, texts
        gc.collect()
        t0 = time.perf_counter()
        served = Retriever.load(snapshot_root, embedder, mmap=True, query_embedder=precise)
        result["load_s"] = round(time.perf_counter() - t0, 2)
        demand = synthetic.requests(queries, seed=seed + 1)
        qtexts = [served.query_text(q.text) for q in demand]
        qvecs = embedder.embed_queries(qtexts)
        truth = exact_top_k(qvecs, vectors, np.array([r.listing_id for r in records]), 10)
        result["recall_at_10"] = round(recall_at_k(served, qvecs, truth, 10), 4)
        del vectors
        gc.collect()
        matcher = Matcher(served, {r.listing_id: r for r in records})
        del records
        for q in demand[:3]:
            matcher.match(q, limit=20, precise=False)
        times = _timed(lambda q: matcher.match(q, limit=20, precise=False), demand, repeats)
        result["p50_ms"], result["p95_ms"] = _pct(times, 50), _pct(times, 95)
        search = _timed(lambda t: served.retrieve(t, 200), qtexts, repeats)
        result["search_p50_ms"], result["search_p95_ms"] = _pct(search, 50), _pct(search, 95)
        lexical = _timed(
            lambda t: served.lexical.search(normalise_demand_text(t).lower(), 100), qtexts, repeats
        )
        dense = _timed(lambda v: _vectors(served).search(v[None, :], 100), list(qvecs), repeats)
        embed = _timed(lambda t: embedder.embed_queries([t]), qtexts, repeats)
        result["lexical_p50_ms"], result["dense_p50_ms"] = _pct(lexical, 50), _pct(dense, 50)
        result["query_embed_p50_ms"] = _pct(embed, 50)
        if precise is not None:
            times = _timed(lambda q: matcher.match(q, limit=20, precise=True), demand, repeats)
            result["precise_p50_ms"] = _pct(times, 50)
            result["precise_p95_ms"] = _pct(times, 95)
        result["rss_mb"] = round(rss_mb(), 1)
        if worker_probe:
            result["worker"] = probe_worker(snapshot_root, model, qtexts)
    result["total_s"] = round(time.perf_counter() - started, 1)
    return result


def probe_worker(snapshot_root: str, model: str | None, texts: list[str]) -> dict[str, Any]:
    """Memory and search latency of a fresh process that serves the snapshot, like a worker."""
    code = (
        "import json, sys, time\n"
        "from matching.bench import memory_mb\n"
        "from matching.embedders import create_embedder\n"
        "from matching.retriever import Retriever\n"
        "args = json.loads(sys.stdin.read())\n"
        "before = memory_mb()\n"
        "r = Retriever.load(args['root'], create_embedder(args['model']), mmap=True)\n"
        "times = []\n"
        "for t in args['texts'] * 2:\n"
        "    t0 = time.perf_counter(); r.retrieve(t, 200); times.append((time.perf_counter() - t0) * 1000)\n"
        "times.sort()\n"
        "print(json.dumps({'before': before, 'after': memory_mb(),\n"
        "                  'search_p50_ms': round(times[len(times) // 2], 2)}))\n"
    )
    env = dict(os.environ, OMP_NUM_THREADS="1")
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps({"root": snapshot_root, "model": model, "texts": texts}),
        capture_output=True,
        text=True,
        env=env,
        cwd=str(Path(__file__).resolve().parent.parent),
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer
