"""TF-IDF weighting of the lexical index: how a text becomes a weighted sparse row.

Features are hashed (scikit-learn ``HashingVectorizer``, no vocabulary in memory) words and
character n-grams of the accent-stripped, lower-cased text; the fitted part is only the IDF
vector per kind (fitted at build time, refreshed by a rebuild). Very common n-grams (document
frequency above ``max_df``) are dropped. Weights are sublinear tf times IDF, L2-normalised per
kind; a row spans the joint feature space (word features, then char features).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from . import lexical_query as lq
from .text import strip_accents

# In a small catalogue "in half the listings" says nothing about a word being uninformative.
MIN_LISTINGS_FOR_STOP_FEATURES = 200
BUILD_CHUNK = 50_000
KINDS = ("word", "char")

# A chunk of weighted rows as stored: (indptr, int32 feature indices, float16 weights).
WeightedChunk = tuple[np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class LexicalConfig:
    """Analyzer and search settings; part of the persisted manifest."""

    word_features: int = 2**20
    char_features: int = 2**21
    # 4-grams only: a third of the postings of 3-5-grams at the same eval NDCG (BENCHMARKS.md)
    char_ngrams: tuple[int, int] = (4, 4)
    word_ngrams: tuple[int, int] = (1, 1)
    max_df: float = 0.1  # from MIN_LISTINGS_FOR_STOP_FEATURES listings on
    char_weight: float = 0.5  # lexical score = char_weight*char cosine + (1-char_weight)*word
    value_dtype: str = "float16"  # stored weights (cosines in [0, 1]); only float16 is supported
    # impact postings kept per feature (highest weight first) and read per query (shared among
    # the query's features), for char n-grams and for words (fewer and more telling: deeper)
    impact_depth: int = 8192
    query_budget: int = 80_000
    word_impact_depth: int = 65_536
    word_query_budget: int = 160_000
    rescore: int = 1500  # best estimated scores re-scored exactly (at least 2*k)
    unseen_credit: float = 0.5  # see lexical_query.candidates


def _preprocess(text: str) -> str:
    return strip_accents(text).lower()


class TermWeighting:
    """The hashed word and char n-gram analysers of a ``LexicalConfig`` and their fitted IDF."""

    def __init__(self, config: LexicalConfig) -> None:
        self.config = config
        c = config
        common = dict(alternate_sign=False, norm=None, preprocessor=_preprocess, dtype=np.float32)
        self._vectorizers = {
            "word": HashingVectorizer(
                analyzer="word",
                n_features=c.word_features,
                ngram_range=c.word_ngrams,
                token_pattern=r"(?u)\b\w\w+\b",
                **common,
            ),
            "char": HashingVectorizer(
                analyzer="char_wb", n_features=c.char_features, ngram_range=c.char_ngrams, **common
            ),
        }
        self._analyzers = {kind: v.build_analyzer() for kind, v in self._vectorizers.items()}
        self.idf: dict[str, np.ndarray] = {}

    def counts(self, kind: str, texts: Sequence[str]) -> sp.csr_matrix:
        """Raw hashed feature counts of ``texts`` for one kind ("word" or "char")."""
        width = self.config.word_features if kind == "word" else self.config.char_features
        if not texts:  # sklearn's hashing vectorizers cannot transform an empty list
            return sp.csr_matrix((0, width), dtype=np.float32)
        return self._vectorizers[kind].transform(texts)

    def weigh(self, kind: str, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Counts of one kind as L2-normalised sublinear-tf x IDF rows."""
        m = counts.astype(np.float32).tocsr(copy=True)
        np.log1p(m.data, out=m.data)  # sublinear tf
        m.data *= self.idf[kind][m.indices]
        m.eliminate_zeros()
        if m.shape[0] == 0:
            return m
        return normalize(m, norm="l2", copy=False).astype(np.float32).tocsr()

    def rows(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Weighted rows over the joint feature space (word features, then char features)."""
        parts = [self.weigh(kind, self.counts(kind, texts)) for kind in KINDS]
        return sp.hstack(parts, format="csr", dtype=np.float32)

    def query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """A query's (sorted feature columns, weights with the kind weight applied)."""
        c = self.config
        return lq.query_vector(
            text, self._analyzers, self.idf, c.word_features, c.char_features, c.char_weight
        )

    def fit(self, texts: list[str]) -> list[WeightedChunk]:
        """Fit the IDF on ``texts`` and return their weighted rows, chunk by chunk."""
        n = len(texts)
        chunks: dict[str, list[sp.csr_matrix]] = {}
        for kind in KINDS:
            chunks[kind] = [
                self.counts(kind, texts[s : s + BUILD_CHUNK]) for s in range(0, max(n, 1), BUILD_CHUNK)
            ]
            width = chunks[kind][0].shape[1]
            df = np.zeros(width, np.int64)
            for m in chunks[kind]:
                df += np.bincount(m.indices, minlength=width)
            idf = (
                (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32) if n else np.ones(width, np.float32)
            )
            if n >= MIN_LISTINGS_FOR_STOP_FEATURES:
                idf[df > self.config.max_df * n] = 0.0  # stop-features
            self.idf[kind] = idf
        weighted = []
        while chunks["word"]:  # weigh chunk by chunk, freeing the raw counts as we go
            parts = [self.weigh(kind, chunks[kind].pop(0)) for kind in KINDS]
            m = sp.hstack(parts, format="csr", dtype=np.float32)
            weighted.append((m.indptr, m.indices.astype(np.int32), m.data.astype(np.float16)))
        return weighted
