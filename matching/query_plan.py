"""The retriever's hook for query understanding: which texts to search, how to blend them,
and the category-intent bonus. Works with any ``Embedder`` and any lexical index exposing
``search(text, k) -> (ids, scores, lookup)``; the lexical index itself is not changed.
"""
from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

from .embedders import l2_normalise


class _Settings(Protocol):
    item_share: float
    intent_weight: float


class BlendedScores:
    """Weighted sum of several lexical searches: ``get`` like ``LexicalScores``, ``top`` ids."""

    def __init__(self) -> None:
        self.parts: list[tuple[float, object]] = []
        self.top: list[int] = []

    def get(self, listing_id: int, default: float = 0.0) -> float:
        """Blended lexical score of one listing."""
        return sum(w * lookup.get(listing_id, 0.0) for w, lookup in self.parts) or default  # type: ignore[attr-defined]

    def many(self, listing_ids: Sequence[int]) -> np.ndarray:
        """Blended lexical scores of many listings at once."""
        total = np.zeros(len(listing_ids), np.float64)
        for weight, lookup in self.parts:
            many = getattr(lookup, "many", None)
            if many is not None:
                total += weight * np.asarray(many(listing_ids), np.float64)
            else:
                total += weight * np.array([lookup.get(i, 0.0) for i in listing_ids])  # type: ignore[attr-defined]
        return total


def weighted_lexical(index: object, variants: Sequence[tuple[str, float]], k: int) -> BlendedScores:
    """Lexical scores of the weighted query variants (per-variant search, weighted sum)."""
    blended = BlendedScores()
    search_blend = getattr(index, "search_blend", None)
    if search_blend is not None:  # one pass over the postings for all variants
        ids, _, lookup = search_blend(variants, k)
        blended.parts.append((1.0, lookup))
        blended.top = [int(i) for i in ids.tolist()]
        return blended
    seen: set[int] = set()
    for text, weight in variants:
        ids, _, lookup = index.search(text, k)  # type: ignore[attr-defined]
        blended.parts.append((weight, lookup))
        for i in ids.tolist():
            if int(i) not in seen:
                seen.add(int(i))
                blended.top.append(int(i))
    return blended


def blend_vectors(vectors: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """One unit query vector: the weighted sum of the variants' vectors, renormalised."""
    mixed = (np.asarray(weights, np.float32)[:, None] * np.asarray(vectors, np.float32)).sum(0)
    return l2_normalise(mixed)[0]


def query_plan(raw: str, qtext: str, settings: _Settings) -> tuple[list[tuple[str, float]], dict[str, float]]:
    """(weighted texts to search, category intent) for a request.

    Falls back to the plain normalised text when no analyzer tables are installed.
    """
    from .intent import default_intent
    from .query import default_analyzer

    analyzer = default_analyzer()
    variants = [(qtext, 1.0)]
    if analyzer is not None and settings.item_share > 0:
        analysis = analyzer.analyse(raw)
        if analysis.item_text and analysis.item_text != qtext:
            variants = [(qtext, 1.0 - settings.item_share), (analysis.item_text, settings.item_share)]
    intent: dict[str, float] = {}
    if settings.intent_weight > 0:
        model = default_intent()
        if model is not None:
            intent = model.predict(raw)
    return variants, intent


def intent_bonus(scores: np.ndarray, categories: Sequence[str], intent: dict[str, float],
                 weight: float) -> np.ndarray:
    """Scores raised by ``weight`` pool standard deviations × the category's intent share."""
    scores = np.asarray(scores, np.float64)
    if weight <= 0 or not intent or len(scores) == 0:
        return scores
    spread = scores.std() if scores.std() > 1e-12 else 1.0
    bonus = np.array([intent.get(c, 0.0) for c in categories])
    return scores + weight * spread * bonus
