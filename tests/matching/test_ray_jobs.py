"""Bulk embedding and batch re-matching as Ray Data jobs, on a real local Ray (two cores)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matching import synthetic
from matching.embedders import HashingEmbedder
from matching.ray_jobs import (
    EMBED_PREFIX,
    embed_with_ray,
    load_embeddings,
    load_matches,
    rematch_with_ray,
)
from matching.retriever import Retriever, index_text

pytestmark = [pytest.mark.ray, pytest.mark.usefixtures("local_ray")]


def _catalogue(size: int = 3000) -> tuple[list, list[int], list[str]]:
    records = list(synthetic.listings(size, seed=5))
    return records, [r.listing_id for r in records], [index_text(r) for r in records]


def test_embeds_like_the_process_and_resumes(tmp_path: Path) -> None:
    _, ids, texts = _catalogue()
    out = tmp_path / "emb"
    first = embed_with_ray(ids[::-1], texts[::-1], "hashing", out, shard_size=700)
    assert (first.shards, first.written, first.items) == (5, 5, 3000)
    got_ids, vectors = load_embeddings(out, first.keys, ids)
    assert got_ids.tolist() == ids
    np.testing.assert_allclose(vectors, HashingEmbedder().embed_passages(texts), atol=1e-6)
    # run again: nothing to do; lose one shard: only that one is redone
    again = embed_with_ray(ids, texts, "hashing", out, shard_size=700)
    assert (again.written, again.items, again.keys) == (0, 0, first.keys)
    (out / f"{EMBED_PREFIX}{first.keys[2]}.npz").unlink()
    resumed = embed_with_ray(ids, texts, "hashing", out, shard_size=700)
    assert (resumed.written, resumed.items) == (1, 700)
    # an edited listing changes its shard's key: that shard alone is embedded again
    texts[10] = "keripik singkong balado"
    edited = embed_with_ray(ids, texts, "hashing", out, shard_size=700)
    assert edited.written == 1 and edited.keys[1:] == first.keys[1:]
    _, vectors = load_embeddings(out, edited.keys, ids)
    np.testing.assert_allclose(vectors[10], HashingEmbedder().embed_passages([texts[10]])[0], atol=1e-6)


def test_job_output_builds_the_same_index(tmp_path: Path) -> None:
    records, ids, texts = _catalogue(1200)
    report = embed_with_ray(ids, texts, "hashing", tmp_path / "emb", shard_size=500)
    _, vectors = load_embeddings(tmp_path / "emb", report.keys, ids)
    from_job = Retriever.from_vectors(records, vectors, HashingEmbedder(), texts=texts)
    direct = Retriever.build(records, HashingEmbedder())
    for query in synthetic.requests(10, seed=5):
        assert [c.listing_id for c in from_job.retrieve(query.text, 10)] == [
            c.listing_id for c in direct.retrieve(query.text, 10)
        ]


@pytest.mark.milvus
def test_job_writes_to_milvus_and_rematches(tmp_path: Path, milvus_uri: str) -> None:
    records, ids, texts = _catalogue(1200)
    report = embed_with_ray(ids, texts, "hashing", tmp_path / "emb", shard_size=500)
    _, vectors = load_embeddings(tmp_path / "emb", report.keys, ids)
    retriever = Retriever.from_vectors(
        records,
        vectors,
        HashingEmbedder(),
        texts=texts,
        backend="milvus",
        backend_options={"uri": milvus_uri, "collection": "ray_job"},
    )
    retriever.save(tmp_path / "index")
    requests = synthetic.requests(30, seed=5)
    rids = list(range(1, len(requests) + 1))
    rtexts = [q.text for q in requests]
    job = rematch_with_ray(
        rids, rtexts, tmp_path / "index", "hashing", tmp_path / "matches", n=5, shard_size=10
    )
    assert (job.shards, job.written, job.items) == (3, 3, 30)
    matches = load_matches(tmp_path / "matches", job.keys)
    for rid, text in zip(rids, rtexts):
        assert matches[rid] == [c.listing_id for c in retriever.retrieve(text, 5)]
    assert (
        rematch_with_ray(
            rids, rtexts, tmp_path / "index", "hashing", tmp_path / "matches", n=5, shard_size=10
        ).written
        == 0
    )
