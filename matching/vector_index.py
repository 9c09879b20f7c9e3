"""FAISS vector index keyed by listing id, with atomic, verified persistence.

The FAISS structure of each kind is a backend in ``vector_backends.py`` (built from a
``faiss.index_factory`` string, read back memory-mapped); ``BACKENDS`` names them:

- ``flat``: exact inner-product search; chosen below ``EXACT_LIMIT`` vectors.
- ``hnsw``: approximate graph, M and efSearch from the size. HNSW cannot delete, so a removed
  or updated listing is masked in the graph (an IDSelector at search time) and its new vector
  lives in a small exact "delta" index until ``compact()``.
- ``ivf``: approximate (nlist ~ 4*sqrt(n), trained on the vectors given to ``build``);
  deletes natively.
- ``ivfsq``: like ``ivf`` but each vector is stored scalar-quantised: as half floats (the
  default, ``qtype`` "fp16") or as 8-bit codes (``qtype`` "8bit"), chosen from
  ``EXACT_LIMIT`` vectors. Snapshots are memory-mapped, so the codes are shared by all workers.

Vectors must be L2-normalised; scores are inner products (cosine similarity).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from .idset import IdSet, as_ids
from .vector_backends import (
    BACKENDS,
    EXACT_LIMIT,
    IVF_PROBES,
    KINDS,
    FaissBackend,
    FlatBackend,
    HNSWBackend,
    IVFBackend,
    VectorBackend,
    backend_for,
    build_params,
    choose_kind,
)

__all__ = [
    "BACKENDS",
    "EXACT_LIMIT",
    "IVF_PROBES",
    "KINDS",
    "LARGE_LIMIT",
    "IndexCorrupt",
    "IndexMismatch",
    "IndexMissing",
    "IndexUnavailable",
    "VectorBackend",
    "VectorIndex",
    "atomic_write_bytes",
    "atomic_write_file",
    "choose_kind",
    "file_checksum",
    "hnsw_params",
    "ivf_params",
    "read_manifest",
]

FORMAT_VERSION = 1  # unchanged by the backend classes: older snapshots load as they are
LARGE_LIMIT = 400_000  # where a Milvus collection switches from HNSW to IVF
MANIFEST = "vector_manifest.json"
MAIN_FILE = "vectors.faiss"
DELTA_FILE = "vectors_delta.faiss"
MASK_FILE = "vectors_masked.npy"


class IndexUnavailable(RuntimeError):
    """A persisted index cannot be served; rebuild it from the database."""


class IndexMissing(IndexUnavailable):
    """No index (or no manifest) in the directory."""


class IndexCorrupt(IndexUnavailable):
    """Files are unreadable, truncated or fail their checksum."""


class IndexMismatch(IndexUnavailable):
    """The index was built for another model, dimension, format or catalogue state."""


def file_checksum(path: Path) -> str:
    """blake2b hex digest of a file's bytes."""
    digest = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def atomic_write_file(path: Path, write: Callable[[str], None]) -> None:
    """Let ``write(tmp_path)`` create a temporary file beside ``path``, fsync it, rename it over."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync, then rename over it."""

    def write(tmp: str) -> None:
        Path(tmp).write_bytes(data)

    atomic_write_file(path, write)


hnsw_params = HNSWBackend.derive_params
ivf_params = IVFBackend.derive_params


def _ids(ids: Iterable[int]) -> np.ndarray:
    return as_ids(ids)


class VectorIndex:
    """Listing vectors searchable by inner product; ids are listing ids (int64).

    The FAISS structure is a ``VectorBackend`` chosen by ``kind`` from ``BACKENDS``; this
    class keeps the id set, and for kinds that cannot delete (HNSW) masks stale ids and
    keeps their new vectors in a small exact delta until ``compact()``.
    """

    def __init__(
        self, dim: int, kind: str = "flat", model: str = "", params: dict[str, Any] | None = None
    ) -> None:
        self._main: FaissBackend = backend_for(kind)(dim, params)
        self.dim = dim
        self.kind = kind
        self.model = model
        self._delta: FaissBackend | None = None
        self._masked: set[int] = set()  # ids whose vector in the main index is stale
        self._members = IdSet()
        self._read_only = False

    @property
    def params(self) -> dict[str, Any]:
        """The backend's parameters (stored in the manifest)."""
        return self._main.params

    @classmethod
    def build(
        cls,
        ids: Iterable[int],
        vectors: np.ndarray,
        model: str = "",
        kind: str = "auto",
        params: dict[str, Any] | None = None,
    ) -> VectorIndex:
        """A new index over ``vectors`` (rows L2-normalised); kind/params derived from size."""
        id_arr = _ids(ids)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        count = len(id_arr)
        kind = choose_kind(count) if kind == "auto" else kind
        derived = build_params(kind, count)
        index = cls(vectors.shape[1], kind, model, {**derived, **(params or {})})
        if count and "nlist" in derived:
            index._main.train(_training_sample(vectors, derived["nlist"]))
        index.add(id_arr, vectors)
        return index

    # mutation ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, listing_id: int) -> bool:
        return listing_id in self._members

    def _writable(self) -> None:
        if self._read_only:
            raise RuntimeError("this index is memory-mapped read-only; load it with mmap=False")

    def add(self, ids: Iterable[int], vectors: np.ndarray) -> None:
        """Insert or replace the vectors of the given listings."""
        id_arr = _ids(ids)
        if len(id_arr) == 0:
            return
        self._writable()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(id_arr), self.dim)
        if len(set(id_arr.tolist())) != len(id_arr):
            raise ValueError("duplicate listing ids in one add()")
        present = id_arr[self._members.contains(id_arr)]
        if len(present):
            self.remove(present)
        if self._main.deletes:
            self._main.add(id_arr, vectors)
        else:
            fresh = np.array([i not in self._masked for i in id_arr.tolist()], dtype=bool)
            if fresh.any():
                self._main.add(id_arr[fresh], vectors[fresh])
            if (~fresh).any():
                self._delta_index().add(id_arr[~fresh], vectors[~fresh])
        self._members.add(id_arr)

    def remove(self, ids: Iterable[int]) -> int:
        """Delete listings from the index; returns how many were present."""
        wanted = _ids(ids)
        arr = np.unique(wanted[self._members.contains(wanted)])
        if not len(arr):
            return 0
        self._writable()
        id_list = arr.tolist()
        if self._main.deletes:
            self._main.remove(arr)
        else:
            if self._delta is not None:
                self._delta.remove(arr)
            self._masked.update(id_list)
        self._members.discard(arr)
        return len(id_list)

    def _delta_index(self) -> FaissBackend:
        if self._delta is None:
            self._delta = FlatBackend(self.dim)
        return self._delta

    def needs_compaction(self) -> bool:
        """True when masked entries exceed a fifth of the live vectors."""
        return not self._main.deletes and len(self._masked) > max(1000, len(self._members) // 5)

    def compact(self) -> VectorIndex:
        """A rebuilt index with no masked entries or delta (same kind and model)."""
        ids = self._members.array.copy()
        return VectorIndex.build(ids, self.vectors(ids), self.model, self.kind, self.params)

    def memory_bytes(self) -> int:
        """Approximate memory held: the FAISS structures (serialised size) plus the id set."""
        size = self._main.memory_bytes()
        if self._delta is not None:
            size += self._delta.memory_bytes()
        return size + int(self._members.array.nbytes) + 32 * len(self._masked)

    # queries ------------------------------------------------------------------------------
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, listing ids) per query row; missing slots have id -1."""
        queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dim)
        k = max(1, int(k))
        masked = np.fromiter(self._masked, dtype=np.int64) if self._masked else None
        if len(queries) <= 4:  # one request: a single thread avoids OpenMP barrier waits
            previous = faiss.omp_get_max_threads()
            faiss.omp_set_num_threads(1)
            try:
                scores, ids = self._main.search(queries, k, masked)
            finally:
                faiss.omp_set_num_threads(previous)
        else:
            scores, ids = self._main.search(queries, k, masked)
        if self._delta is not None and self._delta.ntotal:
            d_scores, d_ids = self._delta.search(queries, k)
            scores = np.concatenate([scores, d_scores], axis=1)
            ids = np.concatenate([ids, d_ids], axis=1)
            order = np.argsort(-np.where(ids < 0, -np.inf, scores), axis=1, kind="stable")[:, :k]
            scores = np.take_along_axis(scores, order, 1)
            ids = np.take_along_axis(ids, order, 1)
        scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
        return scores, ids

    def vectors(self, ids: Iterable[int]) -> np.ndarray:
        """Stored vectors of the given listings (zero rows for unknown ids)."""
        id_arr = _ids(ids)
        out = np.zeros((len(id_arr), self.dim), np.float32)
        known = self._members.contains(id_arr)
        in_delta = np.zeros(len(id_arr), bool)
        if self._delta is not None and self._masked:
            in_delta = known & np.isin(id_arr, np.fromiter(self._masked, np.int64))
            rows = np.flatnonzero(in_delta)
            if len(rows):
                out[rows] = self._delta.reconstruct(id_arr[rows])
        rows = np.flatnonzero(known & ~in_delta)
        if len(rows):
            out[rows] = self._main.reconstruct(id_arr[rows])
        return out

    def scores_for(self, query: np.ndarray, ids: Iterable[int]) -> np.ndarray:
        """Inner product of one query vector with each given listing's vector."""
        return self.vectors(ids) @ np.asarray(query, np.float32).reshape(self.dim)

    # persistence --------------------------------------------------------------------------
    def save(self, directory: str | Path, extra: dict[str, Any] | None = None) -> None:
        """Write the index into ``directory``: files by temp+rename, the manifest last."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        sums = {}
        atomic_write_file(directory / MAIN_FILE, self._main.save)
        sums[MAIN_FILE] = file_checksum(directory / MAIN_FILE)
        if self._delta is not None and self._delta.ntotal:
            atomic_write_file(directory / DELTA_FILE, self._delta.save)
            sums[DELTA_FILE] = file_checksum(directory / DELTA_FILE)
        if self._masked:
            buf = np.array(sorted(self._masked), dtype=np.int64).tobytes()
            atomic_write_bytes(directory / MASK_FILE, buf)
            sums[MASK_FILE] = hashlib.blake2b(buf, digest_size=20).hexdigest()
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": self.model,
            "dim": self.dim,
            "kind": self.kind,
            "count": len(self._members),
            "params": self.params,
            "files": sums,
            **(extra or {}),
        }
        atomic_write_bytes(directory / MANIFEST, json.dumps(manifest, indent=1).encode())

    @classmethod
    def load(
        cls,
        directory: str | Path,
        model: str | None = None,
        dim: int | None = None,
        verify: bool = True,
        mmap: bool = False,
    ) -> VectorIndex:
        """Read an index saved by ``save``; raises IndexMissing/IndexCorrupt/IndexMismatch.

        With ``mmap`` the FAISS data stay in the page cache, shared by every process that maps
        the same snapshot, and the index is read-only (``add``/``remove`` raise).
        """
        directory = Path(directory)
        manifest = read_manifest(directory / MANIFEST)
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexMismatch(f"index format {manifest.get('format_version')} != {FORMAT_VERSION}")
        if model is not None and manifest.get("model") != model:
            raise IndexMismatch(f"index built with model {manifest.get('model')!r}, not {model!r}")
        if dim is not None and manifest.get("dim") != dim:
            raise IndexMismatch(f"index has dimension {manifest.get('dim')}, model has {dim}")
        if manifest.get("kind") not in BACKENDS:
            raise IndexMismatch(f"unknown index kind {manifest.get('kind')!r}")
        files = manifest.get("files") or {}
        if MAIN_FILE not in files:
            raise IndexCorrupt("manifest lists no index file")
        for name, checksum in files.items():
            path = directory / name
            if not path.is_file():
                raise IndexCorrupt(f"{name} listed in the manifest is missing")
            if verify and file_checksum(path) != checksum:
                raise IndexCorrupt(f"{name} does not match its checksum")
        index = cls.__new__(cls)
        index.dim, index.kind, index.model = manifest["dim"], manifest["kind"], manifest["model"]
        params = manifest.get("params") or {}
        try:
            index._main = BACKENDS[index.kind].load(str(directory / MAIN_FILE), index.dim, params, mmap)
            index._delta = None
            if DELTA_FILE in files:
                index._delta = FlatBackend.load(str(directory / DELTA_FILE), index.dim, {}, mmap)
        except Exception as exc:  # faiss raises RuntimeError on garbage
            raise IndexCorrupt(f"cannot read the FAISS index: {exc}") from exc
        index._read_only = mmap
        masked = np.fromfile(directory / MASK_FILE, np.int64) if MASK_FILE in files else np.zeros(0, np.int64)
        index._masked = set(masked.tolist())
        index._members = IdSet(index._main.stored_ids())
        index._members.discard(masked)
        if index._delta is not None:
            index._members.add(index._delta.stored_ids())
        if index._main.index.d != index.dim or len(index._members) != manifest.get("count"):
            raise IndexCorrupt("index contents do not match the manifest")
        return index


def _training_sample(vectors: np.ndarray, nlist: int, per_list: int = 64) -> np.ndarray:
    """A deterministic sample of at most ``per_list`` vectors per IVF list, for k-means."""
    limit = max(nlist * per_list, 10_000)
    if len(vectors) <= limit:
        return vectors
    rows = np.sort(np.random.default_rng(0).choice(len(vectors), limit, replace=False))
    return np.ascontiguousarray(vectors[rows])


def read_manifest(path: Path) -> dict[str, Any]:
    """Parse a manifest; IndexMissing if absent, IndexCorrupt if unreadable."""
    if not path.is_file():
        raise IndexMissing(f"no index at {path.parent}")
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"unreadable manifest {path}: {exc}") from exc
    if not isinstance(manifest, dict):
        raise IndexCorrupt(f"unreadable manifest {path}")
    return manifest
