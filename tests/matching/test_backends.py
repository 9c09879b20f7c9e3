"""One suite for every retrieval backend: local (FAISS + lexical) and Milvus (a real Milvus Lite).

Each test runs against both; the Milvus runs also check that results equal the local ones.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from matching import synthetic
from matching.backends import LocalBackend, RetrievalBackend
from matching.embedders import HashingEmbedder
from matching.lexical import LexicalIndex
from matching.retriever import Retriever, index_text
from matching.types import ListingRecord
from tests.matching.conftest import make_records

BACKENDS = ["local", pytest.param("milvus", marks=pytest.mark.milvus)]
_names = itertools.count()


def build(backend: str, records: list[ListingRecord], request: pytest.FixtureRequest) -> Retriever:
    """A retriever over ``records`` on ``backend`` (a fresh Milvus collection per call)."""
    options = None
    if backend == "milvus":
        uri = request.getfixturevalue("milvus_uri")
        options = {"uri": uri, "collection": f"test_{next(_names)}"}
    return Retriever.build(records, HashingEmbedder(), backend=backend, backend_options=options)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def ranked(retriever: Retriever, text: str, n: int = 10) -> list[int]:
    return [c.listing_id for c in retriever.retrieve(text, n)]


def test_implements_the_protocol(backend: str, request: pytest.FixtureRequest) -> None:
    retriever = build(backend, make_records(), request)
    assert isinstance(retriever.backend, RetrievalBackend)
    assert retriever.backend.name == backend
    assert len(retriever) == 12 and 3 in retriever and 99 not in retriever


def test_finds_by_words_and_by_character_ngrams(backend: str, request: pytest.FixtureRequest) -> None:
    retriever = build(backend, make_records(), request)
    assert ranked(retriever, "nasi kotak untuk rapat")[0] in (1, 2)
    assert ranked(retriever, "spanduk")[0] == 10
    # a typo still matches through character 4-grams (our vectoriser, not Milvus's analyser)
    top = retriever.retrieve("spandukk backdropp", 3)
    assert top[0].listing_id == 10 and top[0].lexical > 0


def test_same_scores_and_order_as_local(backend: str, request: pytest.FixtureRequest) -> None:
    records = list(synthetic.listings(1500, seed=11))
    local = build("local", records, request)
    other = build(backend, records, request)
    identical = 0
    queries = synthetic.requests(25, seed=11)
    for query in queries:
        a, b = local.retrieve(query.text, 10), other.retrieve(query.text, 10)
        assert {c.listing_id for c in a[:5]} == {c.listing_id for c in b[:5]}
        np.testing.assert_allclose([c.fused for c in a], [c.fused for c in b], atol=1e-4)
        np.testing.assert_allclose([c.lexical for c in a], [c.lexical for c in b], atol=1e-4)
        identical += [c.listing_id for c in a] == [c.listing_id for c in b]
    assert identical >= len(queries) - 2  # only exact ties may swap


def test_upsert_and_remove(backend: str, request: pytest.FixtureRequest) -> None:
    records = make_records()
    retriever = build(backend, records, request)
    changed = ListingRecord(
        listing_id=12,
        supplier_id=111,
        category="printing",
        title="Cetak undangan",
        description="Undangan pernikahan dan kartu nama",
    )
    new = ListingRecord(
        listing_id=40,
        supplier_id=140,
        category="snack",
        title="Keripik singkong pedas",
        description="Keripik singkong balado",
    )
    retriever.upsert([changed, new])
    assert len(retriever) == 13 and 40 in retriever
    assert ranked(retriever, "keripik singkong")[0] == 40
    assert ranked(retriever, "undangan pernikahan")[0] == 12
    assert retriever.remove([40, 7, 999]) == 2
    assert len(retriever) == 11 and 40 not in retriever and 7 not in retriever
    assert 40 not in ranked(retriever, "keripik singkong", 12)


def test_save_and_load(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    retriever = build(backend, make_records(), request)
    before = ranked(retriever, "seragam batik sekolah")
    retriever.save(tmp_path)
    loaded = Retriever.load(tmp_path, HashingEmbedder(), mmap=True)
    assert loaded.backend.name == backend and len(loaded) == 12
    assert ranked(loaded, "seragam batik sekolah") == before


def test_nonsense_and_empty_text(backend: str, request: pytest.FixtureRequest) -> None:
    retriever = build(backend, make_records(), request)
    assert retriever.retrieve("", 5) == []
    found = retriever.retrieve("qqqq zzzz", 5)
    assert all(c.lexical == 0 for c in found)


def test_vectorise_matches_the_lexical_score() -> None:
    records = make_records()
    texts = [index_text(r) for r in records]
    lexical = LexicalIndex.build([r.listing_id for r in records], texts)
    vectoriser = lexical.vectoriser()
    cols, weights = vectoriser.query_terms("nasi kotak rapat")
    ids, scores, _ = lexical.search("nasi kotak rapat", 12)
    for listing_id, score in zip(ids.tolist(), scores.tolist()):
        idx, vals = vectoriser.vectorise([texts[listing_id - 1]])[0]
        mine = float(np.dot(vals[np.isin(idx, cols)], weights[np.isin(cols, idx)]))
        assert mine == pytest.approx(score, abs=1e-4)


def test_local_backend_is_the_default() -> None:
    retriever = Retriever.build(make_records(), HashingEmbedder())
    assert isinstance(retriever.backend, LocalBackend) and retriever.remote is None
