"""Score fusion of dense and lexical retrieval, and category feedback.

All functions work on one query's candidate pool (aligned arrays, one entry per listing).

- ``zscore``: standardise each signal over the pool, then a weighted sum (default);
- ``minmax``: rescale each signal to [0, 1] over the pool, then a weighted sum;
- ``rrf``: reciprocal-rank fusion, sum of w / (k + rank), scaled by k so it is O(1);
- ``dense`` / ``lexical``: one signal alone (baselines).

Category feedback is pseudo-relevance feedback at the level of catalogue categories (the
cluster hypothesis): the top fused hits vote, softmax-weighted by score, for their categories,
and every candidate gains ``weight × (its category's share of the vote)``. A request for "nasi
kotak" whose best hits are caterers thereby lifts the other caterers whose text shares few
words with the request.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

FUSION_METHODS = ("zscore", "minmax", "rrf", "dense", "lexical")


def zscore(values: np.ndarray) -> np.ndarray:
    """Standardised scores (zero mean, unit deviation over the pool; zeros if constant)."""
    values = np.asarray(values, np.float64)
    if len(values) == 0:
        return values
    std = values.std()
    return (values - values.mean()) / std if std > 1e-12 else np.zeros_like(values)


def minmax(values: np.ndarray) -> np.ndarray:
    """Scores rescaled to [0, 1] over the pool (zeros if constant)."""
    values = np.asarray(values, np.float64)
    if len(values) == 0:
        return values
    span = values.max() - values.min()
    return (values - values.min()) / span if span > 1e-12 else np.zeros_like(values)


def rank_positions(values: np.ndarray) -> np.ndarray:
    """0-based rank of each entry when sorted by descending score (ties by position)."""
    order = np.argsort(-np.asarray(values), kind="stable")
    ranks = np.empty(len(order), np.int64)
    ranks[order] = np.arange(len(order))
    return ranks


def fuse(
    dense: np.ndarray,
    lexical: np.ndarray,
    method: str = "zscore",
    dense_weight: float = 0.8,
    rrf_k: int = 60,
) -> np.ndarray:
    """One fused score per candidate from aligned dense and lexical scores."""
    w = float(dense_weight)
    if method == "zscore":
        return w * zscore(dense) + (1 - w) * zscore(lexical)
    if method == "minmax":
        return w * minmax(dense) + (1 - w) * minmax(lexical)
    if method == "rrf":
        rr_dense = 1.0 / (rrf_k + 1 + rank_positions(dense))
        rr_lex = 1.0 / (rrf_k + 1 + rank_positions(lexical))
        return rrf_k * (w * rr_dense + (1 - w) * rr_lex)
    if method == "dense":
        return np.asarray(dense, np.float64).copy()
    if method == "lexical":
        return np.asarray(lexical, np.float64).copy()
    raise ValueError(f"unknown fusion method {method!r}; expected one of {FUSION_METHODS}")


def category_feedback(
    scores: np.ndarray,
    categories: Sequence[str],
    top: int = 10,
    weight: float = 2.0,
    temperature: float = 0.5,
) -> tuple[np.ndarray, dict[str, float]]:
    """Scores raised by their category's share of the top hits' vote, and the vote itself.

    Scores are first measured in standard deviations of the pool, so ``weight`` and
    ``temperature`` mean the same for every fusion method. The vote of each of the ``top`` best
    candidates is exp((score - best) / temperature); candidates without a category gain nothing.
    """
    scores = np.asarray(scores, np.float64)
    if weight == 0 or len(scores) == 0:
        return scores.copy(), {}
    spread = scores.std() if scores.std() > 1e-12 else 1.0
    head = np.argsort(-scores, kind="stable")[:top]
    votes = np.exp((scores[head] - scores[head].max()) / spread / max(temperature, 1e-6))
    share: dict[str, float] = {}
    for idx, vote in zip(head.tolist(), votes.tolist()):
        if categories[idx]:
            share[categories[idx]] = share.get(categories[idx], 0.0) + vote
    total = float(votes.sum())
    share = {cat: v / total for cat, v in share.items()}
    bonus = np.array([share.get(cat, 0.0) if cat else 0.0 for cat in categories])
    return scores + weight * spread * bonus, share
