"""A set of listing ids kept as one sorted numpy array.

A Python ``set`` of a million ints costs ~60 MB per process and cannot be shared; a sorted
int64 array costs 8 MB, answers membership by binary search and can live in a memory map.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def as_ids(ids: Iterable[int] | np.ndarray) -> np.ndarray:
    """``ids`` as a contiguous int64 array."""
    if isinstance(ids, np.ndarray):
        return np.ascontiguousarray(ids, dtype=np.int64).ravel()
    return np.fromiter((int(i) for i in ids), dtype=np.int64)


class IdSet:
    """Sorted, unique int64 ids with vectorised membership, union and difference."""

    __slots__ = ("_ids",)

    def __init__(self, ids: Iterable[int] | np.ndarray = ()) -> None:
        self._ids = np.unique(as_ids(ids))

    @classmethod
    def from_sorted(cls, ids: np.ndarray) -> IdSet:
        """Wrap an array already sorted and unique (e.g. memory-mapped) without copying."""
        out = cls.__new__(cls)
        out._ids = ids
        return out

    def __len__(self) -> int:
        return int(self._ids.shape[0])

    def __contains__(self, listing_id: object) -> bool:
        try:
            value = int(listing_id)  # type: ignore[call-overload]  # any int-like id
        except (TypeError, ValueError):
            return False
        pos = int(np.searchsorted(self._ids, value))
        return pos < len(self._ids) and int(self._ids[pos]) == value

    def contains(self, ids: Iterable[int] | np.ndarray) -> np.ndarray:
        """A boolean array: which of ``ids`` are members."""
        arr = as_ids(ids)
        if not len(self._ids):
            return np.zeros(len(arr), bool)
        pos = np.minimum(np.searchsorted(self._ids, arr), len(self._ids) - 1)
        return np.asarray(self._ids[pos] == arr)

    def positions(self, ids: Iterable[int] | np.ndarray) -> np.ndarray:
        """Index of each id in the sorted array, -1 where absent."""
        arr = as_ids(ids)
        if not len(self._ids):
            return np.full(len(arr), -1, np.int64)
        pos = np.minimum(np.searchsorted(self._ids, arr), len(self._ids) - 1)
        return np.where(self._ids[pos] == arr, pos, -1)

    def add(self, ids: Iterable[int] | np.ndarray) -> None:
        """Insert ids (duplicates ignored)."""
        arr = as_ids(ids)
        if len(arr):
            self._ids = np.union1d(self._ids, arr)

    def discard(self, ids: Iterable[int] | np.ndarray) -> None:
        """Remove ids (absent ones ignored)."""
        arr = as_ids(ids)
        if len(arr) and len(self._ids):
            self._ids = self._ids[~np.isin(self._ids, arr)]

    @property
    def array(self) -> np.ndarray:
        """The sorted ids (do not modify)."""
        return self._ids

    def tolist(self) -> list[int]:
        """The ids as Python ints, ascending."""
        return [int(i) for i in self._ids.tolist()]
