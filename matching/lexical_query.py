"""Query-side arithmetic of the lexical index: query vectors, bounded candidate generation,
exact scores from the forward view. Pure functions over the arrays described in
``lexical_store.py``; ``lexical.py`` holds the state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from sklearn.utils import murmurhash3_32

from .lexical_store import take_rows

EMPTY_ROWS = np.zeros(0, np.int64)


def query_vector(
    text: str,
    analyzers: Mapping[str, Callable[[str], list[str]]],
    idf: Mapping[str, np.ndarray],
    word_features: int,
    char_features: int,
    char_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """(sorted feature columns, weights with the kind weight applied) of a query text.

    Same features and weights as the indexed rows (same analyzers, murmurhash3 as in
    scikit-learn's FeatureHasher, sublinear tf x IDF, L2 per kind), without the sparse-matrix
    overhead of a one-row ``transform``.
    """
    cols, weights = [], []
    for kind, offset, n, share in (
        ("word", 0, word_features, 1.0 - char_weight),
        ("char", word_features, char_features, char_weight),
    ):
        tokens = analyzers[kind](text)
        if not tokens or share == 0:
            continue
        h = np.fromiter((murmurhash3_32(t, seed=0) for t in tokens), np.int64, len(tokens))
        idx = np.where(h == -(2**31), (2**31 - 1 - (n - 1)) % n, np.abs(h) % n)
        idx, counts = np.unique(idx, return_counts=True)
        w = np.log1p(counts.astype(np.float32)) * idf[kind][idx]
        keep = w > 0
        idx, w = idx[keep], w[keep]
        norm = np.float32(np.sqrt(np.dot(w, w)))
        if not len(w) or norm == 0:
            continue
        cols.append(idx + offset)
        weights.append((w / norm * np.float32(share)).astype(np.float32))
    if not cols:
        return EMPTY_ROWS, np.zeros(0, np.float32)
    return np.concatenate(cols).astype(np.int64), np.concatenate(weights)


def postings_to_read(lens: np.ndarray, groups: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """How many postings of each list to read: per group (mask, budget), short lists whole,
    the budget left split evenly among the longer ones."""
    takes = np.zeros(len(lens), np.int64)
    for mask, budget in groups:
        terms = np.flatnonzero(mask & (lens > 0))
        remaining, left = budget, len(terms)
        for t in terms[np.argsort(lens[terms], kind="stable")].tolist():
            takes[t] = min(int(lens[t]), max(1, remaining // left))
            remaining -= int(takes[t])
            left -= 1
    return takes


def candidates(
    a: Mapping[str, np.ndarray],
    cols: np.ndarray,
    weights: np.ndarray,
    takes: np.ndarray,
    scratch: np.ndarray,
    want: int,
    dead: np.ndarray | None,
    full_lists: np.ndarray,
    unseen_credit: float,
) -> np.ndarray:
    """Live rows with the ``want`` best estimated scores over the first ``takes`` postings of
    each impact-ordered list. ``scratch`` (zeros, one per row) is left as it was found.

    A row not among the postings read of a cut list may still hold that feature, with a weight
    at most the first unread one: the estimate credits it ``unseen_credit`` times that bound
    (0: plain partial score, 1: upper bound), so rows are not ranked by which heads they fell in.
    ``full_lists[t]`` says the stored list of term ``t`` is its whole posting list.
    """
    starts, ends = a["imp_ptr"][cols], a["imp_ptr"][cols + 1]
    seen = []
    imp_rows, imp_data = a["imp_rows"], a["imp_data"]
    for t in np.flatnonzero(takes).tolist():
        lo, hi = int(starts[t]), int(starts[t] + takes[t])
        if hi < ends[t]:
            bound = float(imp_data[hi])
        else:
            bound = 0.0 if full_lists[t] else float(imp_data[hi - 1])
        rows = imp_rows[lo:hi]  # distinct within one list
        credit = np.float32(unseen_credit * bound * weights[t])
        scratch[rows] += imp_data[lo:hi] * weights[t] - credit
        seen.append(rows)
    if not seen:
        return EMPTY_ROWS
    touched = np.concatenate(seen)
    partial = scratch[touched]
    scratch[touched] = 0.0
    if len(touched) > 3 * want:
        best = np.argpartition(-partial, 3 * want)[: 3 * want]
        touched, partial = touched[best], partial[best]
    rows, first = np.unique(touched, return_index=True)
    if len(rows) > want:
        rows = rows[np.argpartition(-partial[first], want)[:want]]
    if dead is not None:
        rows = rows[~dead[rows]]
    return rows.astype(np.int64)


def exact_scores(
    a: Mapping[str, np.ndarray], cols: np.ndarray, weights: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Exact scores of main ``rows`` (query ``cols`` sorted) from the forward view."""
    if not len(rows) or not len(cols):
        return np.zeros(len(rows), np.float32)
    ptr, ind, dat = take_rows(a["fwd_indptr"], a["fwd_indices"], a["fwd_data"], rows)
    pos = np.searchsorted(cols, ind)
    pos[pos >= len(cols)] = 0
    hit = np.flatnonzero(cols[pos] == ind)
    owner = np.searchsorted(ptr, hit, side="right") - 1
    contrib = dat[hit].astype(np.float32) * weights[pos[hit]]
    return np.bincount(owner, contrib, minlength=len(rows)).astype(np.float32)


def exact_score(a: Mapping[str, np.ndarray], cols: np.ndarray, weights: np.ndarray, row: int) -> float:
    """Exact score of one main row."""
    lo, hi = int(a["fwd_indptr"][row]), int(a["fwd_indptr"][row + 1])
    if not len(cols) or hi == lo:
        return 0.0
    feats = a["fwd_indices"][lo:hi]
    pos = np.searchsorted(cols, feats)
    pos[pos >= len(cols)] = 0
    hit = cols[pos] == feats
    return float(np.dot(a["fwd_data"][lo:hi][hit].astype(np.float32), weights[pos[hit]]))


def all_scores(
    a: Mapping[str, np.ndarray], width: int, cols: np.ndarray, weights: np.ndarray, chunk: int = 100_000
) -> np.ndarray:
    """Exact scores of every main row (reads the whole forward view: benchmarks and tests)."""
    n = len(a["fwd_indptr"]) - 1
    dense_q = np.zeros(width, np.float32)
    dense_q[cols] = weights
    parts = [np.zeros(0, np.float32)]
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        s, e = int(a["fwd_indptr"][lo]), int(a["fwd_indptr"][hi])
        contrib = a["fwd_data"][s:e].astype(np.float32) * dense_q[a["fwd_indices"][s:e]]
        owner = np.repeat(np.arange(hi - lo), np.diff(a["fwd_indptr"][lo : hi + 1]))
        parts.append(np.bincount(owner, contrib, minlength=hi - lo).astype(np.float32))
    return np.concatenate(parts)
