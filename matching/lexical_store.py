"""Array layout of the lexical index: forward rows, impact-ordered postings, ``.npy`` files.

Helpers for ``lexical.py``. A catalogue is held in two views over one feature space (word
features first, then character n-gram features offset by ``word_features``):

- **forward rows** (CSR: ``fwd_indptr``, ``fwd_indices``, ``fwd_data``): each listing's weighted
  features, rows ordered by listing id. Gives the exact score of any listing for a query.
- **impact postings** (``imp_ptr``, ``imp_rows``, ``imp_data``): per feature, at most ``depth``
  listings, highest weight first (ties: lower row first). A query reads a prefix of each.

Every array is a raw ``.npy`` file, so ``load`` memory-maps them and worker processes share the
pages. Files are written through a temporary file, fsynced and renamed (as
``atomic_write_bytes``); the manifest, written last by the caller, records each file's shape and
dtype, which ``load_arrays`` checks without reading the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import numpy as np
import scipy.sparse as sp

from .vector_index import IndexCorrupt, atomic_write_file

ARRAYS: dict[str, str] = {  # name -> dtype
    "ids": "int64",
    "idf_word": "float32",
    "idf_char": "float32",
    "fwd_indptr": "int64",
    "fwd_indices": "int32",
    "fwd_data": "float16",
    "imp_ptr": "int64",
    "imp_rows": "int32",
    "imp_data": "float16",
}
SORT_CHUNK = 8_000_000  # postings sorted at a time when ordering by impact


def file_name(name: str) -> str:
    """File of one array inside an index directory."""
    return f"lexical_{name}.npy"


def impact_postings(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, width: int, depth: np.ndarray
) -> tuple[np.ndarray, ...]:
    """(imp_ptr, imp_rows, imp_data): per column, its ``depth[col]`` highest-weight rows, best
    first.

    The forward CSR (``indptr``, ``indices``, float16 ``data``) has ``width`` columns. Ties are
    ordered by row, so a prefix of a posting list is deterministic and agrees with an exhaustive ranking that breaks ties by row.
    """
    n = len(indptr) - 1
    bits = np.ascontiguousarray(data).view(np.uint16)  # positive halves sort as integers
    csc = sp.csr_matrix((bits, indices, indptr), shape=(n, width)).tocsc()
    del bits
    counts = np.diff(csc.indptr)
    kept = np.minimum(counts, depth)
    imp_ptr = np.zeros(width + 1, np.int64)
    np.cumsum(kept, out=imp_ptr[1:])
    imp_rows = np.empty(int(imp_ptr[-1]), np.int32)
    imp_bits = np.empty(int(imp_ptr[-1]), np.uint16)
    row_bits = max(1, int(n - 1).bit_length())
    col = 0
    while col < width:  # sort column ranges of ~SORT_CHUNK postings by (column, -weight, row)
        stop = int(np.searchsorted(csc.indptr, csc.indptr[col] + SORT_CHUNK, side="right"))
        stop = min(width, max(stop - 1, col + 1))
        lo, hi = int(csc.indptr[col]), int(csc.indptr[stop])
        if hi > lo:
            cols = np.repeat(np.arange(stop - col, dtype=np.int64), counts[col:stop])
            rows = csc.indices[lo:hi].astype(np.int64)
            neg = 0xFFFF - csc.data[lo:hi].astype(np.int64)
            if (stop - col).bit_length() + 16 + row_bits <= 63:
                key = np.sort((cols << (16 + row_bits)) | (neg << row_bits) | rows)
                rows, neg = key & ((1 << row_bits) - 1), (key >> row_bits) & 0xFFFF
            else:  # very large catalogues: slower, same order
                order = np.lexsort((rows, neg, cols))
                rows, neg = rows[order], neg[order]
            pos = np.arange(hi - lo) - (csc.indptr[col:stop] - lo).repeat(counts[col:stop])
            keep = pos < np.repeat(depth[col:stop], counts[col:stop])
            dst = slice(int(imp_ptr[col]), int(imp_ptr[stop]))
            imp_rows[dst] = rows[keep]
            imp_bits[dst] = 0xFFFF - neg[keep]
        col = stop
    return imp_ptr, imp_rows, imp_bits.view(np.float16)


def take_rows(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The CSR rows ``rows`` (in that order) as new (indptr, indices, data) arrays."""
    starts, ends = indptr[rows], indptr[rows + 1]
    lens = ends - starts
    out_ptr = np.zeros(len(rows) + 1, np.int64)
    np.cumsum(lens, out=out_ptr[1:])
    gather = np.arange(int(out_ptr[-1]), dtype=np.int64) + np.repeat(starts - out_ptr[:-1], lens)
    return out_ptr, np.asarray(indices[gather]), np.asarray(data[gather])


def write_array(path: Path, array: np.ndarray) -> None:
    """Write ``array`` as a ``.npy`` file: temporary file, fsync, rename over ``path``."""

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            np.lib.format.write_array(fh, np.ascontiguousarray(array), allow_pickle=False)

    atomic_write_file(path, write)


def save_arrays(directory: Path, arrays: dict[str, np.ndarray]) -> dict[str, dict[str, Any]]:
    """Write every array; returns the manifest entries (file, shape, dtype)."""
    entries = {}
    for name, dtype in ARRAYS.items():
        array = np.asarray(arrays[name], dtype=dtype)
        write_array(directory / file_name(name), array)
        entries[name] = {"file": file_name(name), "shape": list(array.shape), "dtype": dtype}
    return entries


def load_arrays(directory: Path, entries: dict[str, Any]) -> dict[str, np.ndarray]:
    """Memory-map the arrays listed in a manifest; IndexCorrupt if any is missing or differs."""
    arrays = {}
    for name, dtype in ARRAYS.items():
        entry = entries.get(name) if isinstance(entries, dict) else None
        if not entry:
            raise IndexCorrupt(f"lexical manifest lists no {name}")
        path = directory / file_name(name)
        if not path.exists():
            raise IndexCorrupt(f"{path.name} listed in the lexical manifest is missing")
        shape = tuple(entry.get("shape", ()))
        try:
            mode: Literal["r"] | None = "r" if int(np.prod(shape)) > 0 else None  # empty: unmappable
            array = np.load(path, mmap_mode=mode, allow_pickle=False)
        except (OSError, ValueError, EOFError) as exc:
            raise IndexCorrupt(f"cannot read {path.name}: {exc}") from exc
        if array.shape != shape or array.dtype != np.dtype(dtype) or entry.get("dtype") != dtype:
            raise IndexCorrupt(f"{path.name} does not match the lexical manifest")
        arrays[name] = np.asarray(array)  # a plain read-only view: no memmap overhead per slice
    n, width = len(arrays["ids"]), len(arrays["imp_ptr"]) - 1
    fwd_ok = (
        len(arrays["fwd_indptr"]) == n + 1
        and arrays["fwd_indptr"][0] == 0
        and arrays["fwd_indptr"][-1] == len(arrays["fwd_indices"]) == len(arrays["fwd_data"])
    )
    imp_ok = (
        width >= 0
        and arrays["imp_ptr"][0] == 0
        and arrays["imp_ptr"][-1] == len(arrays["imp_rows"]) == len(arrays["imp_data"])
    )
    if not (fwd_ok and imp_ok):
        raise IndexCorrupt("lexical arrays are inconsistent")
    return arrays


def concat_csr(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack CSR row blocks given as (indptr, indices, data) into one (indptr, indices, data)."""
    ptrs, offset = [np.zeros(1, np.int64)], 0
    for indptr, _, _ in parts:
        ptrs.append(np.asarray(indptr[1:], np.int64) + offset)
        offset += int(indptr[-1])
    indices = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int32)
    data = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0, np.float16)
    return np.concatenate(ptrs), indices.astype(np.int32), data.astype(np.float16)
