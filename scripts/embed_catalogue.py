"""Bulk-embed a catalogue into the passage cache: batched, resumable, with a progress bar.

Texts come from the database (``--database-url``: active listings of active sellers, the same
text the index uses) or from the synthetic generator (``--synthetic N``). Vectors go to the
``CachedEmbedder`` SQLite cache in ``--cache`` (for the app: ``$INDEX_FOLDER/cache``), so
``flask match rebuild`` afterwards finds every vector there, and a run interrupted at any
point resumes from its last checkpoint (texts already in the cache are skipped).

    python scripts/embed_catalogue.py --synthetic 100000 --cache instance/bench/cache
    python scripts/embed_catalogue.py --database-url postgresql+psycopg://... --cache ...

The last line printed is a JSON report (texts, distinct, cached, embedded, seconds, rates).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching.bulk import embed_bulk, tqdm_progress
from matching.cache import CachedEmbedder
from matching.embedders import create_embedder
from matching.retriever import index_text
from matching.types import ListingRecord


def database_texts(url: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(listing id, index text) of the indexable listings, streamed in id order (Core)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    sql = text(
        "SELECT l.id, l.title, l.description, c.slug, c.name_id, s.display_name, s.about "
        "FROM listings l JOIN supplier_profiles s ON s.id = l.supplier_id "
        "JOIN categories c ON c.id = l.category_id "
        "WHERE l.status = 'active' AND s.active AND l.id > :after ORDER BY l.id LIMIT :n"
    )
    sql_ids = text(
        "SELECT max(id) FROM (SELECT l.id FROM listings l JOIN supplier_profiles s "
        "ON s.id = l.supplier_id WHERE l.status = 'active' AND s.active AND l.id > :after "
        "ORDER BY l.id LIMIT :n) t"
    )
    after, count = 0, 0
    with engine.connect() as conn:
        while limit is None or count < limit:
            rows = conn.execute(sql, {"after": after, "n": 20_000}).all()
            if not rows:
                return
            for listing_id, title, desc, slug, name, seller, about in rows:
                yield (
                    listing_id,
                    index_text(
                        ListingRecord(
                            0,
                            0,
                            title,
                            desc or "",
                            slug,
                            name,
                            seller_text=" ".join(filter(None, [seller, about])),
                        )
                    ),
                )
            count += len(rows)
            after = conn.execute(sql_ids, {"after": after, "n": 20_000}).scalar_one()


def main() -> int:
    """Entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--synthetic", type=int, help="embed the first N synthetic listings")
    source.add_argument("--database-url", help="embed the database's indexable listings")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", required=True, help="cache directory (INDEX_FOLDER/cache)")
    parser.add_argument("--model", default=os.environ.get("MATCHER_MODEL"))
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--checkpoint", type=int, default=2048)
    parser.add_argument("--max-words", type=int, default=None, help="cut texts to N words")
    parser.add_argument("--no-sort", action="store_true", help="keep input order")
    parser.add_argument(
        "--limit-seconds",
        type=float,
        default=None,
        help="stop cleanly after the first checkpoint past this time",
    )
    args = parser.parse_args()
    if args.synthetic:
        from matching import synthetic

        texts = [index_text(r) for r in synthetic.listings(args.synthetic, seed=args.seed)]
    else:
        texts = [t for _, t in database_texts(args.database_url)]
    cache = CachedEmbedder(create_embedder(args.model), args.cache)
    report = embed_bulk(
        texts,
        cache,
        batch_size=args.batch_size,
        checkpoint=args.checkpoint,
        max_words=args.max_words,
        sort_by_length=not args.no_sort,
        progress=tqdm_progress(),
        limit_seconds=args.limit_seconds,
    )
    print(
        json.dumps(
            {
                "texts": report.texts,
                "distinct": report.distinct,
                "cached": report.cached,
                "embedded": report.embedded,
                "seconds": round(report.seconds, 1),
                "listings_per_s": round(report.per_second, 1),
                "embedded_per_s": round(report.embedded_per_second, 1),
                "model": cache.name,
                "max_words": args.max_words,
                "batch_size": args.batch_size,
                "omp_threads": os.environ.get("OMP_NUM_THREADS"),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
