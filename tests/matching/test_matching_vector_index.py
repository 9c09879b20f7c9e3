"""FAISS vector index: every backend behaves the same; persistence fails loudly.

The suite runs over every registered backend kind (``vector_backends.BACKENDS``), so a new
backend is tested by registering it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from matching.vector_backends import BACKENDS, FaissBackend, FlatBackend
from matching.vector_index import (
    IndexCorrupt,
    IndexMismatch,
    IndexMissing,
    IndexUnavailable,
    VectorIndex,
    choose_kind,
    hnsw_params,
    ivf_params,
)

KINDS = list(BACKENDS)
EXACT_CODES = {"flat", "hnsw", "ivf"}  # store float32 vectors; the others quantise them


@pytest.fixture(params=KINDS)
def index(request: pytest.FixtureRequest, random_vectors) -> VectorIndex:
    ids, vecs = random_vectors
    return VectorIndex.build(ids, vecs, model="test-model", kind=request.param)


def test_each_vector_finds_itself(index: VectorIndex, random_vectors) -> None:
    ids, vecs = random_vectors
    scores, found = index.search(vecs[:20], 1)
    assert (found[:, 0] == ids[:20]).mean() >= 0.95
    assert np.all(scores[:, 0] <= (1.0001 if index.kind in EXACT_CODES else 1.002))


def test_approximate_recall_against_exact(index: VectorIndex, random_vectors) -> None:
    ids, vecs = random_vectors
    exact = VectorIndex.build(ids, vecs, kind="flat")
    queries = vecs[:50] + 0.3 * np.random.default_rng(1).normal(size=vecs[:50].shape).astype(np.float32)
    _, want = exact.search(queries, 10)
    _, got = index.search(queries, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(want, got)])
    assert recall >= 0.8


def test_update_and_remove(index: VectorIndex, random_vectors) -> None:
    ids, vecs = random_vectors
    index.add([int(ids[0])], vecs[7:8])  # listing 1000 now looks like listing 1007
    assert len(index) == len(ids)
    atol = 1e-6 if index.kind in EXACT_CODES else 2e-3
    np.testing.assert_allclose(index.vectors([ids[0]])[0], vecs[7], atol=atol)
    _, found = index.search(vecs[7:8], 2)
    assert set(found[0]) == {ids[0], ids[7]}
    assert index.remove([int(ids[7]), 999_999]) == 1
    _, found = index.search(vecs[7:8], 5)
    assert ids[7] not in found[0] and found[0][0] == ids[0]
    assert int(ids[7]) not in index and len(index) == len(ids) - 1
    index.add([int(ids[7])], vecs[7:8])  # re-adding a removed listing works
    assert int(ids[7]) in index


def test_save_load_roundtrip(index: VectorIndex, random_vectors, tmp_path: Path) -> None:
    ids, vecs = random_vectors
    index.add([int(ids[0])], vecs[3:4])
    index.remove([int(ids[1])])
    index.save(tmp_path)
    manifest = json.loads((tmp_path / "vector_manifest.json").read_text())
    assert manifest["model"] == "test-model" and manifest["dim"] == 32
    assert manifest["count"] == len(ids) - 1 and manifest["format_version"] == 1
    assert manifest["files"]
    loaded = VectorIndex.load(tmp_path, model="test-model", dim=32)
    assert len(loaded) == len(index) and loaded.kind == index.kind
    a = index.search(vecs[:5], 5)[1]
    b = loaded.search(vecs[:5], 5)[1]
    np.testing.assert_array_equal(a, b)
    assert not list(tmp_path.glob("*.tmp"))


def test_missing_index_raises(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing):
        VectorIndex.load(tmp_path)


@pytest.mark.parametrize("damage", ["flip", "truncate", "manifest", "delete"])
def test_corrupt_index_raises(index: VectorIndex, tmp_path: Path, damage: str) -> None:
    index.save(tmp_path)
    target = tmp_path / "vectors.faiss"
    if damage == "flip":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
    elif damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "manifest":
        (tmp_path / "vector_manifest.json").write_text("{not json")
    else:
        target.unlink()
    with pytest.raises(IndexCorrupt):
        VectorIndex.load(tmp_path)


def test_mismatching_index_raises(index: VectorIndex, tmp_path: Path) -> None:
    index.save(tmp_path)
    with pytest.raises(IndexMismatch):
        VectorIndex.load(tmp_path, model="another-model")
    with pytest.raises(IndexMismatch):
        VectorIndex.load(tmp_path, dim=384)
    assert issubclass(IndexMismatch, IndexUnavailable)


def test_kind_and_parameters_follow_catalogue_size() -> None:
    assert choose_kind(1_000) == "flat"
    assert choose_kind(100_000) == "ivfsq"
    assert choose_kind(1_100_000) == "ivfsq"  # half-float codes, memory-mapped
    assert hnsw_params(1_100_000)["M"] > hnsw_params(10_000)["M"]
    assert ivf_params(1_100_000)["nlist"] > ivf_params(100_000)["nlist"]


def test_hnsw_compaction_keeps_results(random_vectors) -> None:
    ids, vecs = random_vectors
    index = VectorIndex.build(ids, vecs, kind="hnsw")
    index.add(ids[:100], vecs[100:200])
    index.remove(ids[200:250])
    compacted = index.compact()
    assert len(compacted) == len(index)
    np.testing.assert_array_equal(index.search(vecs[300:305], 3)[1], compacted.search(vecs[300:305], 3)[1])


def test_memory_mapped_snapshot_serves_the_same_answers_read_only(
    index: VectorIndex, random_vectors, tmp_path: Path
) -> None:
    ids, vecs = random_vectors
    index.save(tmp_path)
    mapped = VectorIndex.load(tmp_path, model="test-model", dim=32, mmap=True)
    np.testing.assert_array_equal(mapped.search(vecs[:5], 5)[1], index.search(vecs[:5], 5)[1])
    assert int(ids[3]) in mapped and len(mapped) == len(index)
    np.testing.assert_allclose(mapped.vectors([ids[3]])[0], index.vectors([ids[3]])[0], atol=0.02)
    with pytest.raises(RuntimeError):
        mapped.add([int(ids[0])], vecs[:1])
    with pytest.raises(RuntimeError):
        mapped.remove([int(ids[0])])


@pytest.mark.parametrize("kind", KINDS)
def test_each_backend_keeps_the_protocol(kind: str, random_vectors, tmp_path: Path) -> None:
    ids, vecs = random_vectors
    backend = BACKENDS[kind](
        32,
        BACKENDS[kind].derive_params(len(ids)) | {"nlist": 8, "nprobe": 8}
        if "nlist" in BACKENDS[kind].derive_params(0)
        else None,
    )
    assert backend.kind == kind and backend.ntotal == 0
    backend.add(ids, vecs)
    assert backend.ntotal == len(ids)
    assert sorted(backend.stored_ids().tolist()) == ids.tolist()
    _, found = backend.search(vecs[:3], 1)
    assert found[:, 0].tolist() == ids[:3].tolist()
    _, found = backend.search(vecs[:3], 1, exclude=ids[:3])  # excluded ids never come back
    assert not set(found[:, 0].tolist()) & set(ids[:3].tolist())
    backend.save(str(tmp_path / "v.faiss"))
    for mmap in (False, True):
        loaded = BACKENDS[kind].load(str(tmp_path / "v.faiss"), 32, backend.params, mmap)
        assert loaded.ntotal == len(ids)
        np.testing.assert_array_equal(loaded.search(vecs[:5], 3)[1], backend.search(vecs[:5], 3)[1])


class ScalarQuantisedFlatBackend(FaissBackend):
    """A kind that is not shipped: exact search over 8-bit codes."""

    kind = "flatsq"

    def factory_string(self) -> str:
        return "IDMap2,SQ8"


def test_a_new_backend_is_one_class_and_one_registry_line(
    monkeypatch: pytest.MonkeyPatch, random_vectors, tmp_path: Path
) -> None:
    monkeypatch.setitem(BACKENDS, "flatsq", ScalarQuantisedFlatBackend)
    ids, vecs = random_vectors
    index = VectorIndex.build(ids, vecs, model="test-model", kind="flatsq")
    index.remove([int(ids[0])])
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, model="test-model", dim=32, mmap=True)
    assert loaded.kind == "flatsq" and len(loaded) == len(ids) - 1
    assert loaded.search(vecs[1:2], 1)[1][0, 0] == ids[1]
    monkeypatch.delitem(BACKENDS, "flatsq")
    with pytest.raises(IndexMismatch):  # a snapshot of a kind this build does not know
        VectorIndex.load(tmp_path)
    with pytest.raises(ValueError):
        VectorIndex.build(ids, vecs, kind="flatsq")
    assert isinstance(FlatBackend(4), FaissBackend)
