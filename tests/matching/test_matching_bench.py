"""Smoke tests of the scale benchmark, the synthetic catalogue and bulk embedding (small sizes)."""

from __future__ import annotations

import json

import numpy as np

from matching import synthetic
from matching.bulk import embed_bulk, truncate_words
from matching.cache import CachedEmbedder
from matching.cli import main
from matching.embedders import HashingEmbedder
from matching.retriever import index_text
from matching.vector_index import VectorIndex

KEYS = {"embed_per_s", "build_s", "p50_ms", "p95_ms", "recall_at_10", "rss_mb"}


def test_bench_json_last_line(capsys) -> None:
    assert main(["bench", "--size", "300", "--queries", "10", "--model", "hashing", "--json"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    result = json.loads(last)
    assert set(result) >= KEYS
    assert result["size"] == 300 and result["vectors_real"] == 300
    assert result["recall_at_10"] == 1.0  # exact index below EXACT_LIMIT
    assert result["p50_ms"] > 0 and result["embed_per_s"] > 0


def test_bench_on_ivfsq_serves_a_mapped_snapshot(capsys) -> None:
    assert (
        main(
            [
                "bench",
                "--size",
                "2000",
                "--queries",
                "10",
                "--model",
                "hashing",
                "--query-model",
                "hashing-64",
                "--kind",
                "ivfsq",
                "--json",
            ]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["vectors_real"] == 2000 and result["index_kind"] == "ivfsq"
    assert 0.0 <= result["recall_at_10"] <= 1.0 and result["precise_p50_ms"] > 0
    assert result["worker"]["search_p50_ms"] > 0
    assert result["worker"]["after"]["uss_mb"] >= result["worker"]["before"]["uss_mb"]


def test_synthetic_catalogue_is_deterministic_and_prefix_stable() -> None:
    small = list(synthetic.listings(50, seed=3))
    again = list(synthetic.listings(50, seed=3))
    larger = list(synthetic.listings(500, seed=3))[:50]
    assert small == again == larger
    assert len({r.supplier_id for r in small}) == synthetic.seller_count(50)
    assert all(r.category in synthetic.CATEGORY_NAMES for r in small)
    assert len({index_text(r) for r in larger}) > 45  # varied texts
    assert len(synthetic.requests(5)) == 5


def test_bulk_embedding_dedups_and_resumes(tmp_path) -> None:
    cache = CachedEmbedder(HashingEmbedder(32), tmp_path)
    texts = ["nasi kotak ayam", "kaos polo", "nasi kotak ayam", "servis ac"]
    first = embed_bulk(texts[:2], cache, batch_size=1, checkpoint=1)
    assert (first.distinct, first.embedded) == (2, 2)
    second = embed_bulk(texts, cache, batch_size=2)  # resumes: two known, one duplicate
    assert (second.texts, second.distinct, second.cached, second.embedded) == (4, 3, 2, 1)
    vectors = cache.lookup_texts(texts)
    assert np.allclose(vectors[0], vectors[2]) and np.allclose(np.linalg.norm(vectors, axis=1), 1)
    assert truncate_words("a b c d", 2) == "a b" and truncate_words("a b", None) == "a b"


def test_ivfsq_index_round_trip(tmp_path) -> None:
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(3000, 128)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = VectorIndex.build(range(1, 3001), vecs, kind="ivfsq", params={"nprobe": 64})
    _, ids = index.search(vecs[:5], 1)
    assert ids[:, 0].tolist() == [1, 2, 3, 4, 5]
    index.remove([1])
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path)
    assert len(loaded) == 2999 and 1 not in loaded and loaded.kind == "ivfsq"
    assert index.memory_bytes() < vecs.nbytes  # 8-bit codes
