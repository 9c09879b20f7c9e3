"""Listing id -> category slug, as arrays (a million-entry dict would cost ~100 MB a process)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from .idset import IdSet, as_ids


class CategoryMap:
    """Category slug of every indexed listing; vectorised lookups, small-batch updates."""

    def __init__(self, pairs: Mapping[int, str] | None = None) -> None:
        pairs = dict(pairs or {})
        self._names: list[str] = sorted(set(pairs.values()))
        codes = {name: k for k, name in enumerate(self._names)}
        ids = as_ids(pairs.keys())
        order = np.argsort(ids, kind="stable")
        self._ids = IdSet.from_sorted(ids[order])
        self._codes = np.array([codes[pairs[int(i)]] for i in ids[order].tolist()], np.int32)

    def __len__(self) -> int:
        return len(self._ids)

    def _code(self, name: str) -> int:
        try:
            return self._names.index(name)
        except ValueError:
            self._names.append(name)
            return len(self._names) - 1

    def get(self, listing_id: int, default: str = "") -> str:
        """The category of one listing."""
        return self.many([listing_id], default)[0]

    def many(self, listing_ids: Sequence[int] | np.ndarray, default: str = "") -> list[str]:
        """Categories of several listings, in order (``default`` for unknown ids)."""
        pos = self._ids.positions(listing_ids)
        return [self._names[self._codes[p]] if p >= 0 else default for p in pos.tolist()]

    def set(self, listing_ids: Iterable[int], categories: Iterable[str]) -> None:
        """Record (or change) the category of listings."""
        new = dict(zip(as_ids(listing_ids).tolist(), categories))
        if not new:
            return
        self.remove(list(new))
        ids = np.concatenate([self._ids.array, as_ids(new.keys())])
        codes = np.concatenate([self._codes, np.array([self._code(c) for c in new.values()], np.int32)])
        order = np.argsort(ids, kind="stable")
        self._ids, self._codes = IdSet.from_sorted(ids[order]), codes[order]

    def remove(self, listing_ids: Iterable[int]) -> None:
        """Forget listings."""
        keep = ~np.isin(self._ids.array, as_ids(listing_ids))
        if not keep.all():
            self._ids, self._codes = IdSet.from_sorted(self._ids.array[keep]), self._codes[keep]

    def save(self, path: Path) -> None:
        """Write to an ``.npz`` file."""
        np.savez(path, ids=self._ids.array, codes=self._codes, names=np.array(self._names, dtype=str))

    @classmethod
    def load(cls, path: Path) -> CategoryMap:
        """Read a file written by ``save`` (KeyError/ValueError/OSError when damaged)."""
        out = cls()
        with np.load(path, allow_pickle=False) as data:
            out._names = [str(x) for x in data["names"].tolist()]
            ids = data["ids"].astype(np.int64)
            out._codes = data["codes"].astype(np.int32)
        if len(ids) != len(out._codes) or (len(ids) > 1 and not (np.diff(ids) > 0).all()):
            raise ValueError("category ids and codes disagree")
        if len(out._codes) and (out._codes.min() < 0 or out._codes.max() >= len(out._names)):
            raise ValueError("category code out of range")
        out._ids = IdSet.from_sorted(ids)
        return out
