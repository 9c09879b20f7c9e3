"""FAISS vector index keyed by listing id, with atomic, verified persistence.

Kinds:
- ``flat``: exact inner-product search (IndexIDMap2 over IndexFlatIP); chosen below
  ``EXACT_LIMIT`` vectors.
- ``hnsw``: approximate (IndexIDMap2 over IndexHNSWFlat), M and efSearch from the size. HNSW
  cannot delete, so a removed or updated listing is masked in the graph (an IDSelector at
  search time) and its new vector lives in a small exact "delta" index until ``compact()``.
- ``ivf``: approximate (IndexIVFFlat, nlist ~ 4*sqrt(n), trained on the vectors given to
  ``build``); deletes natively.
- ``ivfsq``: like ``ivf`` but each vector is stored scalar-quantised: as half floats (768
  bytes instead of 1536; the default, ``qtype`` "fp16") or as 8-bit codes (384 bytes,
  ``qtype`` "8bit"), chosen from ``EXACT_LIMIT`` vectors. On 1.1 M real static-embedder vectors
  8-bit codes capped recall@10 at 0.956 whatever the probes, half floats reach 0.98 at 64
  probes (BENCHMARKS.md). Snapshots are memory-mapped, so the codes are shared by all workers.

Vectors must be L2-normalised; scores are inner products (cosine similarity).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from pathlib import Path
from collections.abc import Callable, Iterable

import faiss
import numpy as np

from .idset import IdSet, as_ids

FORMAT_VERSION = 1
EXACT_LIMIT = 50_000
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
    atomic_write_file(path, lambda tmp: Path(tmp).write_bytes(data) and None)


def choose_kind(count: int) -> str:
    """``flat`` below EXACT_LIMIT vectors, ``ivfsq`` (half floats) above.

    HNSW stays available by name, but on the static embedder's vectors (which sit close
    together) it found only 69-78 % of the exact top 10 at 100k with efSearch 256, where IVF
    with half floats and 64 probes finds 98 % (BENCHMARKS.md).
    """
    return "flat" if count < EXACT_LIMIT else "ivfsq"


def hnsw_params(count: int) -> dict[str, int]:
    """HNSW graph degree and search breadth derived from the catalogue size."""
    m = 16 if count < 200_000 else 32
    return {"M": m, "efConstruction": 2 * m + 40, "efSearch": 256}


def ivf_params(count: int) -> dict[str, int]:
    """IVF list count (~4*sqrt(n), a power of two) and probes derived from the catalogue size."""
    nlist = 2 ** max(4, min(16, round(math.log2(max(1.0, 4 * math.sqrt(count))))))
    return {"nlist": nlist, "nprobe": min(nlist, IVF_PROBES)}


IVF_PROBES = 64  # recall@10 0.98 at 100k, 300k and 1.1 M static vectors (BENCHMARKS.md)


KINDS = ("flat", "hnsw", "ivf", "ivfsq")


def _ids(ids: Iterable[int]) -> np.ndarray:
    return as_ids(ids)


class VectorIndex:
    """Listing vectors searchable by inner product; ids are listing ids (int64)."""

    def __init__(self, dim: int, kind: str = "flat", model: str = "", params: dict | None = None):
        if kind not in KINDS:
            raise ValueError(f"unknown index kind {kind!r}")
        self.dim = dim
        self.kind = kind
        self.model = model
        self.params: dict = dict(params or {})
        self._main = self._new_main()
        self._delta: faiss.IndexIDMap2 | None = None
        self._masked: set[int] = set()  # hnsw: ids whose vector in the main graph is stale
        self._members = IdSet()
        self._read_only = False

    # construction ---------------------------------------------------------------------
    def _new_main(self) -> faiss.Index:
        if self.kind == "flat":
            return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        if self.kind == "hnsw":
            self.params = {**hnsw_params(0), **self.params}
            graph = faiss.IndexHNSWFlat(self.dim, self.params["M"], faiss.METRIC_INNER_PRODUCT)
            graph.hnsw.efConstruction = self.params["efConstruction"]
            graph.hnsw.efSearch = self.params["efSearch"]
            return faiss.IndexIDMap2(graph)
        self.params = {**ivf_params(0), **self.params}
        quantizer = faiss.IndexFlatIP(self.dim)
        if self.kind == "ivfsq":
            ivf = faiss.IndexIVFScalarQuantizer(
                quantizer, self.dim, self.params["nlist"],
                faiss.ScalarQuantizer.QT_8bit if self.params.get("qtype") == "8bit"
                else faiss.ScalarQuantizer.QT_fp16,
                faiss.METRIC_INNER_PRODUCT)
        else:
            ivf = faiss.IndexIVFFlat(quantizer, self.dim, self.params["nlist"],
                                     faiss.METRIC_INNER_PRODUCT)
        ivf.nprobe = self.params["nprobe"]
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)
        return ivf

    @classmethod
    def build(
        cls, ids: Iterable[int], vectors: np.ndarray, model: str = "", kind: str = "auto",
        params: dict | None = None,
    ) -> VectorIndex:
        """A new index over ``vectors`` (rows L2-normalised); kind/params derived from size."""
        id_arr = _ids(ids)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        count = len(id_arr)
        kind = choose_kind(count) if kind == "auto" else kind
        derived = (hnsw_params(count) if kind == "hnsw"
                   else ivf_params(count) if kind in ("ivf", "ivfsq") else {})
        if kind == "ivfsq":
            derived["qtype"] = "fp16"
        if kind in ("ivf", "ivfsq"):
            derived["nlist"] = max(1, min(derived["nlist"], count // 39 or 1))
            derived["nprobe"] = min(derived["nprobe"], derived["nlist"])
        index = cls(vectors.shape[1], kind, model, {**derived, **(params or {})})
        if kind in ("ivf", "ivfsq") and count:
            index._main.train(_training_sample(vectors, derived.get("nlist", 1)))
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
        if self.kind == "hnsw":
            fresh = np.array([i not in self._masked for i in id_arr.tolist()], dtype=bool)
            if fresh.any():
                self._main.add_with_ids(vectors[fresh], id_arr[fresh])
            if (~fresh).any():
                self._delta_index().add_with_ids(vectors[~fresh], id_arr[~fresh])
        else:
            if self.kind in ("ivf", "ivfsq") and not self._main.is_trained:
                self._main.train(vectors)
            self._main.add_with_ids(vectors, id_arr)
        self._members.add(id_arr)

    def remove(self, ids: Iterable[int]) -> int:
        """Delete listings from the index; returns how many were present."""
        wanted = _ids(ids)
        arr = np.unique(wanted[self._members.contains(wanted)])
        if not len(arr):
            return 0
        self._writable()
        id_list = arr.tolist()
        if self.kind == "hnsw":
            if self._delta is not None:
                self._delta.remove_ids(arr)
            self._masked.update(id_list)
        else:
            self._main.remove_ids(arr)
        self._members.discard(arr)
        return len(id_list)

    def _delta_index(self) -> faiss.IndexIDMap2:
        if self._delta is None:
            self._delta = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        return self._delta

    def needs_compaction(self) -> bool:
        """True when masked HNSW entries exceed a fifth of the live vectors."""
        return self.kind == "hnsw" and len(self._masked) > max(1000, len(self._members) // 5)

    def compact(self) -> VectorIndex:
        """A rebuilt index with no masked entries or delta (same kind and model)."""
        ids = self._members.array.copy()
        return VectorIndex.build(ids, self.vectors(ids), self.model, self.kind, self.params)

    def memory_bytes(self) -> int:
        """Approximate memory held: the FAISS structures (serialised size) plus the id set."""
        size = int(faiss.serialize_index(self._main).nbytes)
        if self._delta is not None:
            size += int(faiss.serialize_index(self._delta).nbytes)
        return size + int(self._members.array.nbytes) + 32 * len(self._masked)

    # queries ------------------------------------------------------------------------------
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, listing ids) per query row; missing slots have id -1."""
        queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dim)
        k = max(1, int(k))
        params = None
        if self.kind == "hnsw":
            ef = max(int(self.params["efSearch"]), k)
            if self._masked:
                masked = np.fromiter(self._masked, dtype=np.int64)
                selector = faiss.IDSelectorNot(faiss.IDSelectorBatch(masked))
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=ef)
                params.sel_ref = selector  # keep the selector alive during the search
            else:
                params = faiss.SearchParametersHNSW(efSearch=ef)
        elif self.kind in ("ivf", "ivfsq"):
            params = faiss.SearchParametersIVF(nprobe=int(self.params["nprobe"]))
        if len(queries) <= 4:  # one request: a single thread avoids OpenMP barrier waits
            previous = faiss.omp_get_max_threads()
            faiss.omp_set_num_threads(1)
            try:
                scores, ids = self._main.search(queries, k, params=params)
            finally:
                faiss.omp_set_num_threads(previous)
        else:
            scores, ids = self._main.search(queries, k, params=params)
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
            for row in np.flatnonzero(in_delta).tolist():
                out[row] = self._delta.reconstruct(int(id_arr[row]))
        rows = np.flatnonzero(known & ~in_delta)
        if len(rows):
            try:
                out[rows] = self._main.reconstruct_batch(np.ascontiguousarray(id_arr[rows]))
            except RuntimeError:  # an index kind without batch reconstruction
                for row in rows.tolist():
                    out[row] = self._main.reconstruct(int(id_arr[row]))
        return out

    def scores_for(self, query: np.ndarray, ids: Iterable[int]) -> np.ndarray:
        """Inner product of one query vector with each given listing's vector."""
        return self.vectors(ids) @ np.asarray(query, np.float32).reshape(self.dim)

    # persistence --------------------------------------------------------------------------
    def save(self, directory: str | Path, extra: dict | None = None) -> None:
        """Write the index into ``directory``: files by temp+rename, the manifest last."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        sums = {}
        atomic_write_file(directory / MAIN_FILE, lambda tmp: faiss.write_index(self._main, tmp))
        sums[MAIN_FILE] = file_checksum(directory / MAIN_FILE)
        if self._delta is not None and self._delta.ntotal:
            delta = self._delta
            atomic_write_file(directory / DELTA_FILE, lambda tmp: faiss.write_index(delta, tmp))
            sums[DELTA_FILE] = file_checksum(directory / DELTA_FILE)
        if self._masked:
            buf = np.array(sorted(self._masked), dtype=np.int64).tobytes()
            atomic_write_bytes(directory / MASK_FILE, buf)
            sums[MASK_FILE] = hashlib.blake2b(buf, digest_size=20).hexdigest()
        manifest = {
            "format_version": FORMAT_VERSION, "model": self.model, "dim": self.dim,
            "kind": self.kind, "count": len(self._members), "params": self.params,
            "files": sums, **(extra or {}),
        }
        atomic_write_bytes(directory / MANIFEST, json.dumps(manifest, indent=1).encode())

    @classmethod
    def load(
        cls, directory: str | Path, model: str | None = None, dim: int | None = None,
        verify: bool = True, mmap: bool = False,
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
        index.params = manifest.get("params") or {}
        flags = faiss.IO_FLAG_MMAP_IFC if mmap else 0
        try:
            index._main = faiss.read_index(str(directory / MAIN_FILE), flags)
            index._delta = None
            if DELTA_FILE in files:
                index._delta = faiss.read_index(str(directory / DELTA_FILE), flags)
        except Exception as exc:  # faiss raises RuntimeError on garbage
            raise IndexCorrupt(f"cannot read the FAISS index: {exc}") from exc
        index._read_only = mmap
        masked = (np.fromfile(directory / MASK_FILE, np.int64) if MASK_FILE in files
                  else np.zeros(0, np.int64))
        index._masked = set(masked.tolist())
        index._members = IdSet(_stored_ids(index._main))
        index._members.discard(masked)
        if index._delta is not None:
            index._members.add(_stored_ids(index._delta))
        if index._main.d != index.dim or len(index._members) != manifest.get("count"):
            raise IndexCorrupt("index contents do not match the manifest")
        return index


def _training_sample(vectors: np.ndarray, nlist: int, per_list: int = 64) -> np.ndarray:
    """A deterministic sample of at most ``per_list`` vectors per IVF list, for k-means."""
    limit = max(nlist * per_list, 10_000)
    if len(vectors) <= limit:
        return vectors
    rows = np.sort(np.random.default_rng(0).choice(len(vectors), limit, replace=False))
    return np.ascontiguousarray(vectors[rows])


def _stored_ids(index: faiss.Index) -> np.ndarray:
    if isinstance(index, (faiss.IndexIDMap2, faiss.IndexIDMap)):
        return faiss.vector_to_array(index.id_map).astype(np.int64)
    ivf = faiss.extract_index_ivf(index)
    invlists = ivf.invlists
    parts = [
        faiss.rev_swig_ptr(invlists.get_ids(lst), invlists.list_size(lst)).copy()
        for lst in range(ivf.nlist) if invlists.list_size(lst)
    ]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, np.int64)


def read_manifest(path: Path) -> dict:
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
