"""Any listing's lexical score for one query: exact, asked one at a time or many at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from . import lexical_query as lq

if TYPE_CHECKING:
    from .lexical import LexicalIndex


class LexicalScores:
    """The lexical score of any listing for one query (0 for unknown or unmatched ids)."""

    def __init__(
        self, index: LexicalIndex, cols: np.ndarray, weights: np.ndarray, rows: np.ndarray, scores: np.ndarray
    ) -> None:
        self._index = index
        self._cols, self._weights = cols, weights
        order = np.argsort(rows, kind="stable")
        self._rows, self._scores = rows[order], scores[order]

    def many(self, listing_ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Exact scores of many listings at once (0 where not indexed), float32."""
        ids = np.ascontiguousarray(listing_ids, dtype=np.int64)
        out = np.zeros(len(ids), np.float32)
        if not len(ids):
            return out
        rows = self._index.rows_of(ids)
        known = rows >= 0
        if len(self._rows):
            pos = np.minimum(np.searchsorted(self._rows, rows), len(self._rows) - 1)
            scored = known & (self._rows[pos] == rows)
            out[scored] = self._scores[pos[scored]]
        else:
            scored = np.zeros(len(ids), bool)
        todo = known & ~scored & (rows < self._index._n_main)  # every delta row was scored
        if todo.any():
            out[todo] = lq.exact_scores(self._index._a, self._cols, self._weights, rows[todo])
        return out

    def get(self, listing_id: int, default: float = 0.0) -> float:
        """Exact score of one listing (``default`` if it is not indexed)."""
        row = self._index.row_of(listing_id)
        if row < 0:
            return default
        pos = int(np.searchsorted(self._rows, row))
        if pos < len(self._rows) and self._rows[pos] == row:
            return float(self._scores[pos])
        if row >= self._index._n_main:  # every delta row was scored
            return 0.0
        return lq.exact_score(self._index._a, self._cols, self._weights, row)
