"""FAISS backends of the vector index: one class per kind, chosen by name from ``BACKENDS``.

Each backend holds one FAISS index made by ``faiss.index_factory`` from its factory string,
with inner-product metric, listing ids as FAISS ids, and knows its parameters (derived from
the catalogue size), its search-time parameters and whether it can delete. ``VectorIndex``
(``vector_index.py``) adds what every kind shares: the id set, masks and a small exact delta
for kinds that cannot delete, the manifest and checksums.

A new backend is one class here and one line in ``BACKENDS``::

    class FlatPQBackend(FaissBackend):
        kind = "ivfpq"
        def factory_string(self) -> str:
            return f"IVF{self.params['nlist']},PQ32"

Snapshots are read with FAISS's own reader, memory-mapped when asked
(``faiss.IO_FLAG_MMAP_IFC``: the codes of flat, HNSW and IVF indexes stay in the page cache,
shared by every worker process that maps the same snapshot; measured on 200k x 128 vectors:
resident memory +13 MB for a flat index, +1 MB for IVF, instead of the file's 50-99 MB).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Protocol

import faiss as _faiss
import numpy as np

# FAISS ships stubs (faiss/__init__.pyi) that lack most SWIG classes and keyword arguments used
# here (SearchParametersHNSW, DirectMap, ``sel=``/``nprobe=``, ``sel_ref``), so it is used untyped.
faiss: Any = _faiss
Index = Any  # a faiss.Index

EXACT_LIMIT = 50_000
IVF_PROBES = 64  # recall@10 0.98 at 100k, 300k and 1.1 M static vectors (BENCHMARKS.md)


class VectorBackend(Protocol):
    """One FAISS structure of listing vectors (ids are listing ids, scores inner products)."""

    kind: ClassVar[str]
    deletes: ClassVar[bool]  # False: ``VectorIndex`` masks removed ids and keeps a delta
    dim: int
    params: dict[str, Any]

    @property
    def ntotal(self) -> int:
        """Vectors stored (including ones masked by the caller)."""
        ...

    def train(self, vectors: np.ndarray) -> None:
        """Fit whatever the kind learns from data (IVF centroids); no-op for the others."""
        ...

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Store vectors under the given ids (trains first on them when untrained)."""
        ...

    def remove(self, ids: np.ndarray) -> None:
        """Delete ids (only when ``deletes``)."""
        ...

    def search(
        self, queries: np.ndarray, k: int, exclude: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query row, never returning ``exclude`` ids; -1 pads."""
        ...

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        """Stored vectors of ids known to be present."""
        ...

    def stored_ids(self) -> np.ndarray:
        """Every id stored, as int64."""
        ...

    def memory_bytes(self) -> int:
        """Approximate bytes held (the serialised size)."""
        ...

    def save(self, path: str) -> None:
        """Write the FAISS index to ``path``."""
        ...


class FaissBackend:
    """What all FAISS kinds share; subclasses name the factory string and parameters."""

    kind: ClassVar[str] = ""
    deletes: ClassVar[bool] = True
    mmap_flags: ClassVar[int] = faiss.IO_FLAG_MMAP_IFC

    def __init__(self, dim: int, params: dict[str, Any] | None = None, index: Index | None = None) -> None:
        self.dim = dim
        self.params: dict[str, Any] = {**self.derive_params(0), **(params or {})}
        self.index: Index = index if index is not None else self._create()

    # what a kind defines ------------------------------------------------------------------
    @staticmethod
    def derive_params(count: int) -> dict[str, Any]:
        """Parameters for a catalogue of ``count`` vectors."""
        return {}

    def factory_string(self) -> str:
        """The ``faiss.index_factory`` description of this kind."""
        raise NotImplementedError

    def configure(self, index: Index) -> None:
        """Apply parameters that the factory string cannot carry."""

    def search_parameters(self, k: int, selector: Any) -> Any:
        """Per-search FAISS parameters (probes, breadth, excluded ids)."""
        return faiss.SearchParameters(sel=selector) if selector is not None else None

    # shared -------------------------------------------------------------------------------
    def _create(self) -> Index:
        index = faiss.index_factory(self.dim, self.factory_string(), faiss.METRIC_INNER_PRODUCT)
        self.configure(index)
        return index

    @property
    def ntotal(self) -> int:
        """Vectors stored."""
        return int(self.index.ntotal)

    def train(self, vectors: np.ndarray) -> None:
        """Fit the index on ``vectors`` when it needs training."""
        if not self.index.is_trained:
            self.index.train(np.ascontiguousarray(vectors, dtype=np.float32))

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Store vectors under the given ids."""
        self.train(vectors)
        self.index.add_with_ids(vectors, ids)

    def remove(self, ids: np.ndarray) -> None:
        """Delete ids."""
        self.index.remove_ids(ids)

    def search(
        self, queries: np.ndarray, k: int, exclude: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query row; -1 pads."""
        selector = None
        if exclude is not None and len(exclude):
            selector = faiss.IDSelectorNot(faiss.IDSelectorBatch(exclude))
        params = self.search_parameters(k, selector)
        if params is not None and selector is not None:
            params.sel_ref = selector  # keep the selector alive during the search
        scores, ids = self.index.search(queries, k, params=params)
        return scores, ids

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        """Stored vectors of the given (present) ids."""
        try:
            return np.asarray(self.index.reconstruct_batch(np.ascontiguousarray(ids)), np.float32)
        except RuntimeError:  # an index kind without batch reconstruction
            return np.stack([self.index.reconstruct(int(i)) for i in ids.tolist()])

    def stored_ids(self) -> np.ndarray:
        """Every id stored."""
        if isinstance(self.index, (faiss.IndexIDMap2, faiss.IndexIDMap)):
            return np.asarray(faiss.vector_to_array(self.index.id_map), dtype=np.int64)
        ivf = faiss.extract_index_ivf(self.index)
        invlists = ivf.invlists
        parts = [
            faiss.rev_swig_ptr(invlists.get_ids(lst), invlists.list_size(lst)).copy()
            for lst in range(ivf.nlist)
            if invlists.list_size(lst)
        ]
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, np.int64)

    def memory_bytes(self) -> int:
        """The serialised size of the FAISS index."""
        return int(faiss.serialize_index(self.index).nbytes)

    def save(self, path: str) -> None:
        """Write the FAISS index to ``path``."""
        faiss.write_index(self.index, path)

    @classmethod
    def load(cls, path: str, dim: int, params: dict[str, Any], mmap: bool = False) -> FaissBackend:
        """Read an index written by ``save`` (memory-mapped and read-only with ``mmap``)."""
        index = faiss.read_index(path, cls.mmap_flags if mmap else 0)
        return cls(dim, params, index)


class FlatBackend(FaissBackend):
    """Exact inner-product search; chosen below ``EXACT_LIMIT`` vectors."""

    kind = "flat"

    def factory_string(self) -> str:
        """IDMap2 over a flat index."""
        return "IDMap2,Flat"


class HNSWBackend(FaissBackend):
    """Approximate graph search. It cannot delete: ``VectorIndex`` masks stale ids."""

    kind = "hnsw"
    deletes = False

    @staticmethod
    def derive_params(count: int) -> dict[str, Any]:
        """Graph degree and search breadth from the catalogue size."""
        m = 16 if count < 200_000 else 32
        return {"M": m, "efConstruction": 2 * m + 40, "efSearch": 256}

    def factory_string(self) -> str:
        """IDMap2 over an HNSW graph of M neighbours."""
        return f"IDMap2,HNSW{int(self.params['M'])}"

    def configure(self, index: Index) -> None:
        """Construction and search breadth."""
        graph = faiss.downcast_index(faiss.downcast_index(index).index)
        graph.hnsw.efConstruction = int(self.params["efConstruction"])
        graph.hnsw.efSearch = int(self.params["efSearch"])

    def search_parameters(self, k: int, selector: Any) -> Any:
        """Search breadth at least k."""
        ef = max(int(self.params["efSearch"]), k)
        if selector is None:
            return faiss.SearchParametersHNSW(efSearch=ef)
        return faiss.SearchParametersHNSW(sel=selector, efSearch=ef)


class IVFBackend(FaissBackend):
    """Approximate inverted-file search (nlist ~ 4*sqrt(n) lists, trained on the vectors)."""

    kind = "ivf"

    @staticmethod
    def derive_params(count: int) -> dict[str, Any]:
        """List count (a power of two) and probes from the catalogue size."""
        nlist = 2 ** max(4, min(16, round(math.log2(max(1.0, 4 * math.sqrt(count))))))
        return {"nlist": nlist, "nprobe": min(nlist, IVF_PROBES)}

    def codes(self) -> str:
        """How each vector is stored inside the lists."""
        return "Flat"

    def factory_string(self) -> str:
        """IVF with nlist lists over the kind's codes."""
        return f"IVF{int(self.params['nlist'])},{self.codes()}"

    def configure(self, index: Index) -> None:
        """Probes, and a hash table from id to list entry (for deletes and reconstruction)."""
        ivf = faiss.extract_index_ivf(index)
        ivf.nprobe = int(self.params["nprobe"])
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)

    def search_parameters(self, k: int, selector: Any) -> Any:
        """Probes."""
        if selector is None:
            return faiss.SearchParametersIVF(nprobe=int(self.params["nprobe"]))
        return faiss.SearchParametersIVF(sel=selector, nprobe=int(self.params["nprobe"]))


class IVFSQBackend(IVFBackend):
    """IVF with scalar-quantised codes: half floats (``qtype`` "fp16", the default) or 8-bit.

    On 1.1 M static-embedder vectors 8-bit codes capped recall@10 at 0.956 whatever the
    probes; half floats reach 0.98 at 64 probes (BENCHMARKS.md).
    """

    kind = "ivfsq"

    def codes(self) -> str:
        """SQfp16 or SQ8."""
        return "SQ8" if self.params.get("qtype") == "8bit" else "SQfp16"


# The registry: kind name -> backend class. Adding a kind is one class and one line here.
BACKENDS: dict[str, type[FaissBackend]] = {
    backend.kind: backend for backend in (FlatBackend, HNSWBackend, IVFBackend, IVFSQBackend)
}
KINDS = tuple(BACKENDS)


def backend_for(kind: str) -> type[FaissBackend]:
    """The backend class of ``kind``; ValueError for an unknown one."""
    try:
        return BACKENDS[kind]
    except KeyError:
        raise ValueError(f"unknown index kind {kind!r}") from None


def choose_kind(count: int) -> str:
    """``flat`` below EXACT_LIMIT vectors, ``ivfsq`` (half floats) above.

    HNSW stays available by name, but on the static embedder's vectors (which sit close
    together) it found only 69-78 % of the exact top 10 at 100k with efSearch 256, where IVF
    with half floats and 64 probes finds 98 % (BENCHMARKS.md).
    """
    return "flat" if count < EXACT_LIMIT else "ivfsq"


def build_params(kind: str, count: int) -> dict[str, Any]:
    """Parameters of a new ``kind`` index over ``count`` vectors."""
    params = backend_for(kind).derive_params(count)
    if kind == "ivfsq":
        params["qtype"] = "fp16"
    if "nlist" in params:  # at least 39 training vectors per list
        params["nlist"] = max(1, min(params["nlist"], count // 39 or 1))
        params["nprobe"] = min(params["nprobe"], params["nlist"])
    return params
