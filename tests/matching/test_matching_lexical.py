"""TF-IDF lexical index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matching import synthetic
from matching.lexical import LEXICAL_MANIFEST, LexicalIndex
from matching.lexical_store import file_name
from matching.lexical_weighting import LexicalConfig
from matching.retriever import index_text
from matching.vector_index import IndexCorrupt, IndexMismatch, IndexMissing

TEXTS = ["kopi bubuk robusta", "kursi kantor dan sofa", "seragam sekolah batik", "nasi kotak rapat"]


def build() -> LexicalIndex:
    return LexicalIndex.build([10, 20, 30, 40], TEXTS)


def test_keyword_and_morphology() -> None:
    index = build()
    assert index.search("kopi", 2)[0][0] == 10
    assert index.search("perkantoran", 2)[0][0] == 20  # character n-grams share "kantor"


def test_upsert_remove_and_compact() -> None:
    index = build()
    index.upsert([10], ["teh melati"])
    assert index.search("kopi", 3)[0].tolist() == [] or 10 not in index.search("kopi", 3)[0][:1]
    assert index.search("teh melati", 1)[0][0] == 10
    index.upsert([50], ["kopi arabika"])
    assert index.search("kopi", 1)[0][0] == 50
    index.remove([50])
    assert 50 not in index.search("kopi arabika", 5)[0]
    index.compact()
    assert len(index) == 4 and index.search("teh", 1)[0][0] == 10


def test_save_load(tmp_path: Path) -> None:
    index = build()
    index.upsert([60], ["sabun cuci tangan"])
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert len(loaded) == 5
    assert loaded.search("sabun", 1)[0][0] == 60


def test_load_failures(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing):
        LexicalIndex.load(tmp_path)
    build().save(tmp_path)
    (tmp_path / "lexical_fwd_data.npy").write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt):
        LexicalIndex.load(tmp_path)


def catalogue(size: int = 3000) -> tuple[list[int], list[str]]:
    """Synthetic listing texts under sparse, unsorted ids."""
    texts = [index_text(r) for r in synthetic.listings(size, seed=3)]
    ids = [int(i) * 7 + 11 for i in np.random.default_rng(1).permutation(size)]
    return ids, texts


QUERIES = [
    "nasi kotak ayam bakar",
    "seragam pdh bordir logo",
    "kertas hvs a4",
    "sewa tenda acara",
    "servis ac split",
    "kopi bubuk robusta",
    "meja kantor kayu jati",
    "masker medis 3 ply",
]


def exhaustive_top(index: LexicalIndex, text: str, k: int) -> list[int]:
    ids, scores = index.exhaustive_scores(text)
    hits = np.flatnonzero(scores > 0)
    return ids[hits[np.lexsort((ids[hits], -scores[hits]))][:k]].tolist()


def test_bounded_search_returns_the_exhaustive_top_hits() -> None:
    ids, texts = catalogue()
    # budgets far below the posting-list lengths: every query is truncated
    index = LexicalIndex.build(
        ids,
        texts,
        LexicalConfig(impact_depth=256, query_budget=3000, word_impact_depth=256, word_query_budget=1000),
    )
    assert max(np.diff(index._a["imp_ptr"])) == 256  # truncated lists
    for q in QUERIES:
        got, scores, known = index.search(q, 10)
        assert got.tolist() == exhaustive_top(index, q, 10)
        assert np.all(np.diff(scores) <= 0)
        all_ids, all_scores = index.exhaustive_scores(q)
        for listing_id, score in list(zip(all_ids.tolist(), all_scores.tolist()))[::97]:
            assert abs(known.get(listing_id) - score) < 1e-5  # exact, asked or not
        assert known.get(-5, -1.0) == -1.0
        sample = all_ids[::53]
        np.testing.assert_allclose(
            known.many(np.append(sample, -5)), [known.get(i) for i in sample.tolist()] + [0.0], atol=1e-6
        )


def test_ids_need_not_be_dense_or_sorted() -> None:
    index = LexicalIndex.build([900, 7, 123456789], ["teh melati", "kopi bubuk", "sabun cuci"])
    assert len(index) == 3
    assert index.search("kopi", 1)[0].tolist() == [7]
    assert index.search("sabun", 1)[0].tolist() == [123456789]
    assert index.search("teh", 1)[2].get(900) > 0
    assert index.remove([123456789, 5]) == 1 and len(index) == 2


def test_mmap_load_upsert_save_round_trip(tmp_path: Path) -> None:
    ids, texts = catalogue(1200)
    LexicalIndex.build(ids, texts).save(tmp_path / "a")
    loaded = LexicalIndex.load(tmp_path / "a")
    assert isinstance(loaded._a["fwd_data"].base, np.memmap)  # mapped, not read into memory
    before = exhaustive_top(loaded, "kopi arabika gayo", 5)
    loaded.upsert([ids[0], 5], ["kopi arabika gayo premium", "kopi arabika gayo"])
    loaded.remove([ids[1]])
    assert loaded.search("kopi arabika gayo", 2)[0].tolist() == [5, ids[0]]
    assert exhaustive_top(loaded, "kopi arabika gayo", 2) == [5, ids[0]]  # delta included
    assert len(loaded) == 1200
    loaded.save(tmp_path / "b")
    again = LexicalIndex.load(tmp_path / "b")
    assert len(again) == 1200 and again.nnz() == loaded.nnz()
    assert again.search("kopi arabika gayo", 2)[0].tolist() == [5, ids[0]]
    assert again.search("kopi arabika gayo", 2)[2].get(ids[1], -1.0) == -1.0
    assert (
        exhaustive_top(again, "kopi arabika gayo", 7)[2:]
        == [i for i in before if i not in (ids[0], ids[1])][:5]
    )
    loaded.save(tmp_path / "a")  # over the files it maps
    assert LexicalIndex.load(tmp_path / "a").search("kopi arabika gayo", 1)[0].tolist() == [5]


def test_missing_or_damaged_files(tmp_path: Path) -> None:
    build().save(tmp_path)
    (tmp_path / file_name("imp_rows")).unlink()
    with pytest.raises(IndexCorrupt):
        LexicalIndex.load(tmp_path)
    build().save(tmp_path)
    path = tmp_path / file_name("fwd_indices")
    path.write_bytes(path.read_bytes()[:-4])  # truncated
    with pytest.raises(IndexCorrupt):
        LexicalIndex.load(tmp_path)
    build().save(tmp_path)
    (tmp_path / LEXICAL_MANIFEST).write_text("{not json")
    with pytest.raises(IndexCorrupt):
        LexicalIndex.load(tmp_path)
    (tmp_path / LEXICAL_MANIFEST).unlink()
    with pytest.raises(IndexMissing):
        LexicalIndex.load(tmp_path)


def test_old_format_is_a_mismatch(tmp_path: Path) -> None:
    (tmp_path / LEXICAL_MANIFEST).write_text('{"format_version": 1, "count": 0, "config": {}}')
    with pytest.raises(IndexMismatch):
        LexicalIndex.load(tmp_path)


def test_empty_index_round_trip(tmp_path: Path) -> None:
    index = LexicalIndex.build([], [])
    assert len(index) == 0 and index.search("kopi", 5)[0].tolist() == []
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    loaded.upsert([3], ["kopi"])
    assert loaded.search("kopi", 5)[0].tolist() == [3]


def test_query_vector_matches_the_indexed_weighting() -> None:
    ids, texts = catalogue(500)
    index = LexicalIndex.build(ids, texts)
    for text in QUERIES + texts[:20] + ["Ésta kopi—çà 123 x", "", "a"]:
        cols, weights = index._query(text)
        rows = index._rows([text])
        kind_w = np.where(rows.indices < index.config.word_features, 0.5, 0.5)
        expected = dict(zip(rows.indices.tolist(), (rows.data * kind_w).tolist()))
        got = dict(zip(cols.tolist(), weights.tolist()))
        assert got.keys() == {c for c, w in expected.items() if w > 0}
        assert all(abs(got[c] - expected[c]) < 1e-6 for c in got)
