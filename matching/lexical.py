"""Lexical index: TF-IDF over words and character 4-grams, built with scikit-learn.

Built for large catalogues: features are hashed (``HashingVectorizer``, no vocabulary in
memory), the fitted part is only the IDF vector, and the matrix is kept column-major (CSC)
so a query reads just the postings of its own terms. Listing changes go to a small row-major
"delta" matrix (scored directly) and replaced rows are masked until ``compact()``. IDF stays
as fitted at build time; a rebuild refreshes it. Very common n-grams (document frequency above
``max_df``) are dropped: they carry little weight and would dominate memory and query time.
"""
from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from .text import strip_accents
from .vector_index import IndexCorrupt, IndexMismatch, atomic_write_bytes, read_manifest

LEXICAL_FORMAT = 1
LEXICAL_MANIFEST = "lexical_manifest.json"


# In a small catalogue "in half the listings" says nothing about a word being uninformative.
MIN_LISTINGS_FOR_STOP_FEATURES = 200
BUILD_CHUNK = 50_000


@dataclass(frozen=True)
class LexicalConfig:
    """Analyzer settings; part of the persisted manifest."""

    word_features: int = 2**20
    char_features: int = 2**21
    # 4-grams only: a third of the postings of 3-5-grams at the same eval NDCG (BENCHMARKS.md)
    char_ngrams: tuple[int, int] = (4, 4)
    word_ngrams: tuple[int, int] = (1, 1)
    max_df: float = 0.1  # from MIN_LISTINGS_FOR_STOP_FEATURES listings on
    char_weight: float = 0.5  # lexical score = char_weight*char cosine + (1-char_weight)*word
    value_dtype: str = "float16"  # stored weights (cosines in [0, 1]; float16 halves the memory)


def _preprocess(text: str) -> str:
    return strip_accents(text).lower()


class LexicalIndex:
    """Listing texts searchable by TF-IDF cosine (words and character n-grams)."""

    def __init__(self, config: LexicalConfig | None = None) -> None:
        self.config = config or LexicalConfig()
        c = self.config
        common = dict(alternate_sign=False, norm=None, preprocessor=_preprocess, dtype=np.float32)
        self._word = HashingVectorizer(
            analyzer="word", n_features=c.word_features, ngram_range=c.word_ngrams,
            token_pattern=r"(?u)\b\w\w+\b", **common,
        )
        self._char = HashingVectorizer(
            analyzer="char_wb", n_features=c.char_features, ngram_range=c.char_ngrams, **common
        )
        self._idf: dict[str, np.ndarray] = {}
        self._main: dict[str, sp.csc_matrix] = {}
        self._delta_rows: dict[str, list[sp.csr_matrix]] = {"word": [], "char": []}
        self._row_ids = np.zeros(0, np.int64)  # row -> listing id (main rows, then delta)
        self._alive = np.zeros(0, bool)
        self._row_of: dict[int, int] = {}
        self._n_main = 0

    # building ---------------------------------------------------------------------------
    def _counts(self, texts: Sequence[str]) -> dict[str, sp.csr_matrix]:
        if not texts:  # sklearn's hashing vectorizers cannot transform an empty list
            return {
                "word": sp.csr_matrix((0, self.config.word_features), dtype=np.float32),
                "char": sp.csr_matrix((0, self.config.char_features), dtype=np.float32),
            }
        return {"word": self._word.transform(texts), "char": self._char.transform(texts)}

    def _weigh(self, kind: str, counts: sp.csr_matrix) -> sp.csr_matrix:
        m = counts.astype(np.float32).tocsr(copy=True)
        np.log1p(m.data, out=m.data)  # sublinear tf
        m.data *= self._idf[kind][m.indices]
        m.eliminate_zeros()
        if m.shape[0] == 0:
            return m
        return normalize(m, norm="l2", copy=False).astype(np.float32).tocsr()

    @classmethod
    def build(
        cls, ids: Iterable[int], texts: Sequence[str], config: LexicalConfig | None = None
    ) -> "LexicalIndex":
        """Fit IDF on ``texts`` and index them under listing ``ids``.

        Texts are vectorised in chunks of BUILD_CHUNK and the matrices are assembled one kind
        at a time, so peak memory stays near the size of the final index.
        """
        index = cls(config)
        ids_arr = np.fromiter((int(i) for i in ids), dtype=np.int64)
        texts = list(texts)
        n = len(ids_arr)
        for kind in ("word", "char"):
            width = index.config.word_features if kind == "word" else index.config.char_features
            chunks = [index._counts_of(kind, texts[start:start + BUILD_CHUNK])
                      for start in range(0, n, BUILD_CHUNK)]
            df = np.zeros(width, np.int64)
            for m in chunks:
                df += np.bincount(m.indices, minlength=width)
            idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32) if n else np.ones(width, np.float32)
            if n >= MIN_LISTINGS_FOR_STOP_FEATURES:
                idf[df > index.config.max_df * n] = 0.0  # stop-features
            index._idf[kind] = idf
            weighted = []
            while chunks:  # weigh chunk by chunk, freeing the raw counts as we go
                weighted.append(index._weigh(kind, chunks.pop(0)))
            full = (sp.vstack(weighted, format="csr") if weighted
                    else sp.csr_matrix((0, width), dtype=np.float32))
            del weighted
            main = full.tocsc()
            del full
            main.data = main.data.astype(index.config.value_dtype)
            index._main[kind] = main
        index._row_ids = ids_arr
        index._alive = np.ones(n, bool)
        index._row_of = {int(i): r for r, i in enumerate(ids_arr.tolist())}
        if len(index._row_of) != n:
            raise ValueError("duplicate listing ids")
        index._n_main = n
        return index

    def _counts_of(self, kind: str, texts: Sequence[str]) -> sp.csr_matrix:
        width = self.config.word_features if kind == "word" else self.config.char_features
        if not texts:
            return sp.csr_matrix((0, width), dtype=np.float32)
        return (self._word if kind == "word" else self._char).transform(texts)

    def __len__(self) -> int:
        return len(self._row_of)

    def upsert(self, ids: Iterable[int], texts: Sequence[str]) -> None:
        """Add or replace listings (IDF unchanged)."""
        ids_list = [int(i) for i in ids]
        if not ids_list:
            return
        self.remove(ids_list)
        counts = self._counts(list(texts))
        for kind, m in counts.items():
            self._delta_rows[kind].append(self._weigh(kind, m))
        start = len(self._row_ids)
        self._row_ids = np.concatenate([self._row_ids, np.array(ids_list, np.int64)])
        self._alive = np.concatenate([self._alive, np.ones(len(ids_list), bool)])
        for offset, listing_id in enumerate(ids_list):
            self._row_of[listing_id] = start + offset

    def remove(self, ids: Iterable[int]) -> int:
        """Forget listings; returns how many were present."""
        removed = 0
        for listing_id in ids:
            row = self._row_of.pop(int(listing_id), None)
            if row is not None:
                self._alive[row] = False
                removed += 1
        return removed

    def _delta(self, kind: str) -> sp.csr_matrix | None:
        rows = self._delta_rows[kind]
        if not rows:
            return None
        if len(rows) > 1:
            self._delta_rows[kind] = [sp.vstack(rows, format="csr")]
        return self._delta_rows[kind][0]

    def compact(self) -> None:
        """Merge the delta into the main matrix and drop replaced or removed rows."""
        keep = np.flatnonzero(self._alive)
        for kind in ("word", "char"):
            parts = [self._main[kind].tocsr()] if kind in self._main else []
            delta = self._delta(kind)
            if delta is not None:
                parts.append(delta)
            full = sp.vstack(parts, format="csr") if parts else sp.csr_matrix((0, 1))
            main = full[keep].tocsc()
            main.data = main.data.astype(self.config.value_dtype)
            self._main[kind] = main
            self._delta_rows[kind] = []
        self._row_ids = self._row_ids[keep]
        self._alive = np.ones(len(keep), bool)
        self._row_of = {int(i): r for r, i in enumerate(self._row_ids.tolist())}
        self._n_main = len(keep)

    def nnz(self) -> dict[str, int]:
        """Stored nonzeros per kind (main matrix plus delta rows)."""
        return {kind: int(self._main[kind].nnz) + sum(m.nnz for m in self._delta_rows[kind])
                for kind in ("word", "char") if kind in self._main}

    def memory_bytes(self) -> int:
        """Approximate memory held by the matrices, IDF vectors and row bookkeeping."""
        size = sum(m.data.nbytes + m.indices.nbytes + m.indptr.nbytes
                   for part in (list(self._main.values()),
                                *self._delta_rows.values()) for m in part)
        size += sum(v.nbytes for v in self._idf.values())
        return int(size + self._row_ids.nbytes + self._alive.nbytes + 100 * len(self._row_of))

    # queries ------------------------------------------------------------------------------
    def _query_vectors(self, text: str) -> dict[str, sp.csr_matrix]:
        return {kind: self._weigh(kind, m) for kind, m in self._counts([text]).items()}

    def _row_scores(self, text: str) -> np.ndarray:
        """Score of every row (0 where no feature is shared or the row is dead)."""
        weights = {"char": self.config.char_weight, "word": 1.0 - self.config.char_weight}
        n_rows = len(self._row_ids)
        total = np.zeros(n_rows, np.float32)
        for kind, q in self._query_vectors(text).items():
            if not q.nnz or weights[kind] == 0:
                continue
            cols, vals = q.indices, q.data.astype(np.float64) * weights[kind]
            main = self._main.get(kind)
            if main is not None and main.shape[0]:
                for col, val in zip(cols.tolist(), vals.tolist()):  # walk each posting list
                    lo, hi = main.indptr[col], main.indptr[col + 1]
                    if hi > lo:
                        total[main.indices[lo:hi]] += main.data[lo:hi] * np.float32(val)
            delta = self._delta(kind)
            if delta is not None:
                total[self._n_main:] += np.asarray(delta[:, cols] @ vals).ravel()
        if not self._alive.all():
            total[~self._alive] = 0.0
        return total

    def search(self, text: str, k: int) -> tuple[np.ndarray, np.ndarray, "LexicalScores"]:
        """Top-k (listing ids, scores) with score > 0, and a lookup of any listing's score."""
        total = self._row_scores(text)
        hits = np.flatnonzero(total)
        if len(hits) > k:
            hits = hits[np.argpartition(-total[hits], k)[:k]]
        hits = hits[np.argsort(-total[hits], kind="stable")]
        return self._row_ids[hits], total[hits].astype(np.float32), LexicalScores(self, total)

    # persistence --------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        """Write the (compacted) index into ``directory``; manifest last."""
        import io

        self.compact()
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        np.savez(
            buf, row_ids=self._row_ids, idf_word=self._idf["word"], idf_char=self._idf["char"],
            **{f"{kind}_{part}": getattr(self._main[kind], part)
               for kind in ("word", "char") for part in ("data", "indices", "indptr")},
        )
        atomic_write_bytes(directory / "lexical.npz", buf.getvalue())
        manifest = {"format_version": LEXICAL_FORMAT, "count": len(self), "config": asdict(self.config)}
        atomic_write_bytes(directory / LEXICAL_MANIFEST, json.dumps(manifest).encode())

    @classmethod
    def load(cls, directory: str | Path) -> "LexicalIndex":
        """Read an index written by ``save``; IndexMissing/IndexCorrupt/IndexMismatch."""
        directory = Path(directory)
        manifest = read_manifest(directory / LEXICAL_MANIFEST)
        if manifest.get("format_version") != LEXICAL_FORMAT:
            raise IndexMismatch("lexical index format differs")
        try:
            raw = dict(manifest["config"])
            raw["char_ngrams"] = tuple(raw["char_ngrams"])
            raw["word_ngrams"] = tuple(raw["word_ngrams"])
            index = cls(LexicalConfig(**raw))
            with np.load(directory / "lexical.npz") as data:
                index._row_ids = data["row_ids"].astype(np.int64)
                n = len(index._row_ids)
                for kind, width in (("word", index.config.word_features),
                                    ("char", index.config.char_features)):
                    index._idf[kind] = data[f"idf_{kind}"]
                    index._main[kind] = sp.csc_matrix(
                        (data[f"{kind}_data"], data[f"{kind}_indices"], data[f"{kind}_indptr"]),
                        shape=(n, width),
                    )
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
            raise IndexCorrupt(f"cannot read the lexical index: {exc}") from exc
        if n != manifest.get("count"):
            raise IndexCorrupt("lexical index row count does not match its manifest")
        index._alive = np.ones(n, bool)
        index._row_of = {int(i): r for r, i in enumerate(index._row_ids.tolist())}
        index._n_main = n
        return index


class LexicalScores:
    """The lexical score of any listing for one query (0 for unknown or unmatched ids)."""

    def __init__(self, index: LexicalIndex, row_scores: np.ndarray) -> None:
        self._row_of = index._row_of
        self._scores = row_scores

    def get(self, listing_id: int, default: float = 0.0) -> float:
        """Score of one listing."""
        row = self._row_of.get(int(listing_id))
        return default if row is None else float(self._scores[row])
