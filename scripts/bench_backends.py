"""Issue 16 figures: local vs Milvus (Milvus Lite server on loopback) on one synthetic catalogue,
and the Ray embedding job against the in-process path.

    python scripts/bench_backends.py --size 100000 --queries 200 [--model static] > out.json

Prints one JSON object (last line). Run it on an otherwise idle machine for clean figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching import synthetic
from matching.embedders import create_embedder
from matching.retriever import Retriever, index_text


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default), MB."""
    status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    arr = np.asarray(samples) * 1000
    return {
        "p50_ms": round(float(np.percentile(arr, 50)), 2),
        "p95_ms": round(float(np.percentile(arr, 95)), 2),
    }


def start_milvus(data: Path) -> tuple[subprocess.Popen, str]:
    """``milvus-lite server`` on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "milvus_lite",
            "server",
            "--data-dir",
            str(data),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("Milvus Lite did not start")


def embed_in_process(embedder, texts: list[str], batch: int) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    parts = [embedder.embed_passages(texts[s : s + batch]) for s in range(0, len(texts), batch)]
    return np.concatenate(parts), time.perf_counter() - started


def bench_ray(model: str, ids: list[int], texts: list[str], batch: int, work: Path, embedder) -> dict:
    """Ray job against the in-process path, run alternately twice (so that a shared machine's
    load changes hit both alike): in-process, Ray job (fresh folder), in-process, Ray job."""
    import ray

    from matching.ray_jobs import embed_with_ray, init_ray, load_embeddings

    started = time.perf_counter()
    init_ray(num_cpus=2)
    init_s = time.perf_counter() - started
    in_process, runs = [], []
    for attempt in range(2):
        reference, seconds = embed_in_process(embedder, texts, batch)
        in_process.append(seconds)
        out = work / f"ray-{attempt}"
        report = embed_with_ray(ids, texts, model, out, shard_size=10_000, batch_size=batch, actors=2)
        runs.append(report.seconds)
        _, vectors = load_embeddings(out, report.keys, ids)
        assert np.allclose(vectors, reference, atol=1e-5)
        del reference, vectors
    resumed = embed_with_ray(ids, texts, model, work / "ray-1", shard_size=10_000, actors=2)
    ray.shutdown()
    return {
        "ray_init_s": round(init_s, 2),
        "ray_in_process_s": [round(x, 2) for x in in_process],
        "ray_job_s": [round(x, 2) for x in runs],
        "ray_overhead": [round(r / p - 1, 3) for r, p in zip(runs, in_process)],
        "ray_rerun_s": round(resumed.seconds, 3),
        "ray_rerun_written": resumed.written,
    }


def bench_backend(
    name: str,
    retriever: Retriever,
    queries: list[str],
    qvecs: np.ndarray,
    vectors: np.ndarray,
    ids: np.ndarray,
) -> dict:
    for text in queries[:2]:
        retriever.retrieve(text, 10)  # warm-up
    times, tops = [], []
    for text in queries:
        started = time.perf_counter()
        found = retriever.retrieve(text, 10)
        times.append(time.perf_counter() - started)
        tops.append([c.listing_id for c in found])
    exact = np.argsort(-(qvecs @ vectors.T), axis=1)[:, :10]
    if name == "local":
        _, got = retriever.vectors.search(qvecs, 10)
    else:
        remote = retriever.remote
        hits = remote.client.search(
            remote.collection,
            data=qvecs.tolist(),
            anns_field="dense",
            limit=10,
            search_params={"metric_type": "IP", "params": remote.search_params},
        )
        got = np.array([[h["id"] for h in row] for row in hits])
    recall = np.mean([len(set(ids[e].tolist()) & set(g.tolist())) / 10 for e, g in zip(exact, got)])
    return {**percentiles(times), "dense_recall@10": round(float(recall), 4), "tops": tops}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--model", default="static")
    parser.add_argument("--batch", type=int, default=1024)
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--ray-only", action="store_true", help="only the Ray comparison")
    parser.add_argument(
        "--ray-repeat",
        type=int,
        default=5,
        help="the Ray comparison embeds the catalogue's texts this many times",
    )
    parser.add_argument(
        "--milvus-queries",
        type=int,
        default=200,
        help="queries timed on Milvus (fewer: Milvus Lite's Python engine is slow)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-backends-"))
    result: dict = {"size": args.size, "queries": args.queries, "model": args.model}
    records = list(synthetic.listings(args.size, seed=7))
    texts = [index_text(r) for r in records]
    ids = [r.listing_id for r in records]
    embedder = create_embedder(args.model)
    vectors, embed_s = embed_in_process(embedder, texts, args.batch)
    _, embed_s2 = embed_in_process(embedder, texts, args.batch)
    result["in_process_embed_s"] = [round(embed_s, 2), round(embed_s2, 2)]
    result["in_process_per_s"] = round(len(texts) / min(embed_s, embed_s2))
    if not args.skip_ray:
        many = texts * args.ray_repeat
        result["ray_texts"] = len(many)
        result.update(bench_ray(args.model, list(range(1, len(many) + 1)), many, args.batch, work, embedder))
    if args.ray_only:
        shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(result))
        return
    queries = [q.text for q in synthetic.requests(args.queries, seed=11)]
    probe = Retriever.from_vectors(records[:1], vectors[:1], embedder)
    qvecs = np.stack([probe.embed_query(probe.query_text(q)) for q in queries])
    id_arr = np.asarray(ids)

    before = rss_mb()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    local = Retriever.from_vectors(records, vectors, embedder, texts=texts, timings=timings)
    result["local"] = {
        "build_s": round(time.perf_counter() - started, 1),
        "index_kind": local.vectors.kind,
        "memory_mb": round((local.vectors.memory_bytes() + local.lexical.memory_bytes()) / 2**20, 1),
        "rss_growth_mb": round(rss_mb() - before, 1),
        **{k: round(v, 1) for k, v in timings.items()},
    }
    result["local"].update(bench_backend("local", local, queries, qvecs, vectors, id_arr))

    server, uri = start_milvus(work / "milvus")
    try:
        server_before = rss_mb(server.pid)
        timings = {}
        started = time.perf_counter()
        milvus = Retriever.from_vectors(
            records,
            vectors,
            embedder,
            texts=texts,
            timings=timings,
            backend="milvus",
            backend_options={"uri": uri, "collection": "bench"},
        )
        result["milvus"] = {
            "build_s": round(time.perf_counter() - started, 1),
            "index": milvus.remote.search_params,
            "server_rss_growth_mb": round(rss_mb(server.pid) - server_before, 1),
            "client_vectoriser_mb": round(milvus.lexical.memory_bytes() / 2**20 + 12.0, 1),
            **{k: round(v, 1) for k, v in timings.items()},
        }
        milvus.remote.timeout = 600.0  # Milvus Lite's engine is far slower than a server's
        m = args.milvus_queries
        result["milvus"]["queries"] = m
        result["milvus"].update(bench_backend("milvus", milvus, queries[:m], qvecs[:m], vectors, id_arr))
        disk = sum(p.stat().st_size for p in (work / "milvus").rglob("*") if p.is_file())
        result["milvus"]["disk_mb"] = round(disk / 2**20, 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    a, b = result["local"].pop("tops")[: args.milvus_queries], result["milvus"].pop("tops")
    result["fused_top10_identical"] = round(float(np.mean([x == y for x, y in zip(a, b)])), 3)
    result["fused_top10_overlap"] = round(
        float(np.mean([len(set(x) & set(y)) / max(1, len(x)) for x, y in zip(a, b)])), 4
    )
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
