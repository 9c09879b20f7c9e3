"""TF-IDF lexical index."""
from __future__ import annotations

from pathlib import Path

import pytest

from matching.lexical import LexicalIndex
from matching.vector_index import IndexCorrupt, IndexMissing

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
    (tmp_path / "lexical.npz").write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt):
        LexicalIndex.load(tmp_path)
