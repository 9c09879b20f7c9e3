"""The retriever's hook for query understanding: which texts to search, how to blend them,
and the category-intent bonus. Works with any ``Embedder``; the lexical side scores the
weighted texts in one pass (``LexicalIndex.search_blend``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .embedders import l2_normalise


class _Settings(Protocol):
    @property
    def item_share(self) -> float: ...
    @property
    def intent_weight(self) -> float: ...


def blend_vectors(vectors: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """One unit query vector: the weighted sum of the variants' vectors, renormalised."""
    mixed = (np.asarray(weights, np.float32)[:, None] * np.asarray(vectors, np.float32)).sum(0)
    return np.asarray(l2_normalise(mixed)[0])


def query_plan(raw: str, qtext: str, settings: _Settings) -> tuple[list[tuple[str, float]], dict[str, float]]:
    """(weighted texts to search, category intent) for a request.

    Falls back to the plain normalised text when no analyzer tables are installed.
    """
    from .intent import default_intent
    from .query import default_analyzer

    analyzer = default_analyzer()
    analysis = analyzer.analyse(raw) if analyzer is not None else None
    variants = [(qtext, 1.0)]
    if analysis is not None and settings.item_share > 0:
        if analysis.item_text and analysis.item_text != qtext:
            variants = [(qtext, 1.0 - settings.item_share), (analysis.item_text, settings.item_share)]
    intent: dict[str, float] = {}
    if settings.intent_weight > 0:
        model = default_intent()
        if model is not None:
            intent = model.predict(raw, analysis)
    return variants, intent


def intent_bonus(
    scores: np.ndarray, categories: Sequence[str], intent: dict[str, float], weight: float
) -> np.ndarray:
    """Scores raised by ``weight`` pool standard deviations × the category's intent share."""
    scores = np.asarray(scores, np.float64)
    if weight <= 0 or not intent or len(scores) == 0:
        return scores
    spread = scores.std() if scores.std() > 1e-12 else 1.0
    bonus = np.array([intent.get(c, 0.0) for c in categories])
    return scores + weight * spread * bonus
