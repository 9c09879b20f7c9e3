"""Retrieval backends: where listing vectors and lexical rows live and how candidates are found.

A backend answers one question for the ``Retriever``: given a query vector and the weighted
query texts, which listings are candidates, with their dense score (inner product) and their
blended lexical score (TF-IDF cosine, weighted over the texts). Fusion and ranking stay in the
retriever, so every backend ranks the same way.

- ``local``: FAISS vectors and the in-process lexical index (``LocalBackend``), the default;
- ``milvus``: one Milvus collection with a dense and a sparse vector per listing
  (``matching.milvus_backend.MilvusBackend``), for catalogues beyond one machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from .lexical import LexicalIndex
from .vector_index import IndexUnavailable, VectorIndex

BACKENDS = ("local", "milvus")
Variants = Sequence[tuple[str, float]]


class RetrievalUnavailable(IndexUnavailable):
    """A remote backend did not answer (server down, time-out); callers fall back."""


@dataclass(frozen=True)
class CandidateScores:
    """Candidates of one query (dense top first, then lexical-only), with both scores."""

    ids: list[int]
    dense: np.ndarray
    lexical: np.ndarray


@runtime_checkable
class RetrievalBackend(Protocol):
    """What the retriever needs from a store of listing vectors and lexical rows."""

    name: str

    def __len__(self) -> int:
        """Listings indexed."""

    def __contains__(self, listing_id: int) -> bool:
        """Whether a listing is indexed."""

    def upsert(self, ids: Sequence[int], vectors: np.ndarray, texts: Sequence[str]) -> None:
        """Add or replace listings (their passage vectors and index texts)."""

    def remove(self, ids: Sequence[int]) -> int:
        """Drop listings; returns how many were indexed."""

    def candidates(self, qvec: np.ndarray, variants: Variants, pool: int) -> CandidateScores:
        """Union of the ``pool`` best by meaning and, per query text, by words; both scores."""


class LocalBackend:
    """FAISS vectors plus the in-process lexical index (one machine, memory-mapped snapshots)."""

    name = "local"

    def __init__(self, vectors: VectorIndex, lexical: LexicalIndex) -> None:
        self.vectors = vectors
        self.lexical = lexical

    def __len__(self) -> int:
        return len(self.vectors)

    def __contains__(self, listing_id: int) -> bool:
        return listing_id in self.vectors

    def upsert(self, ids: Sequence[int], vectors: np.ndarray, texts: Sequence[str]) -> None:
        """Add or replace listings in both indexes."""
        self.vectors.add(ids, vectors)
        self.lexical.upsert(ids, texts)

    def remove(self, ids: Sequence[int]) -> int:
        """Drop listings from both indexes."""
        removed = self.vectors.remove(ids)
        self.lexical.remove(ids)
        return removed

    def candidates(self, qvec: np.ndarray, variants: Variants, pool: int) -> CandidateScores:
        """Dense top ``pool`` (FAISS) and the blended lexical top ``pool``, scored both ways."""
        d_scores, d_ids = self.vectors.search(qvec[None, :], pool)
        dense = {int(i): float(v) for i, v in zip(d_ids[0], d_scores[0]) if i >= 0}
        top, _, lexical_all = self.lexical.search_blend(variants, pool)
        ids = list(dense) + [i for i in top.tolist() if i not in dense]
        extra = [i for i in ids if i not in dense]
        if extra:
            dense.update(zip(extra, self.vectors.scores_for(qvec, extra).tolist()))
        return CandidateScores(
            ids, np.array([dense[i] for i in ids], np.float64), np.asarray(lexical_all.many(ids), np.float64)
        )


def check_backend(name: str) -> str:
    """``name`` if it is a known backend, else ValueError."""
    if name not in BACKENDS:
        raise ValueError(f"retrieval backend must be one of {BACKENDS}, not {name!r}")
    return name
