"""A static (bag-of-words) embedder distilled from multilingual-e5-small, in e5's vector space.

A text is split into lower-cased, accent-free words (the engine's word pattern). Each known word
has a vector and a weight; an unknown word (misspelling, rare name) gets the mean of hashed
character n-gram vectors, themselves distilled from the word vectors. The weighted mean of the
word vectors is mapped by a per-role linear map ("passage" or "query") and L2-normalised, so
static passages can be searched with real e5 query vectors and static queries can search e5
passages. The artefact (``.npz``) is written by ``python -m matching distil`` (``distil.py``).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from .text import strip_accents

DEFAULT_ARTEFACT = Path(__file__).resolve().parent / "assets" / "static-e5.npz"
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_WORD_CACHE_LIMIT = 200_000


def tokenize(text: str) -> list[str]:
    """Lower-cased, accent-free words of ``text`` (the engine's word pattern)."""
    return _TOKEN.findall(strip_accents(text).lower())


def ngram_buckets(word: str, n_min: int, n_max: int, buckets: int) -> np.ndarray:
    """Hashed bucket ids of the character n-grams of ``<word>`` (fastText-style, deterministic)."""
    padded = f"<{word}>"
    grams = {padded[i : i + n] for n in range(n_min, n_max + 1) for i in range(len(padded) - n + 1)}
    if not grams:
        grams = {padded}
    ids = sorted({zlib.crc32(g.encode("utf-8")) % buckets for g in grams})
    return np.asarray(ids, np.int64)


def length_feature(counts: np.ndarray, scale: float) -> np.ndarray:
    """Text-length feature in [0, ~1] that scales the length-dependent part of a role map."""
    return np.asarray(np.log1p(np.asarray(counts, np.float32)) / np.log1p(scale), np.float32)


def content_hash(path: str | Path) -> str:
    """SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class StaticEmbedder:
    """Static word-vector embedder loaded from a distilled ``static-e5.npz`` artefact.

    ``name`` is ``static-`` plus the first 12 hex digits of the artefact's SHA-256, so an index
    built with another artefact is seen as a model mismatch. Thread-safe; no model runtime.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_ARTEFACT
        if not self.path.is_file():
            from .embedders import EmbedderUnavailable

            raise EmbedderUnavailable(f"static embedder artefact not found: {self.path}")
        self._hash = content_hash(self.path)
        with np.load(self.path, allow_pickle=False) as z:
            self.meta: dict[str, Any] = json.loads(str(z["meta"]))
            vocab = [str(w) for w in z["vocab"]]
            vectors = z["vectors"].astype(np.float32)
            grams = z["ngrams"].astype(np.float32)
            self._weights = z["weights"].astype(np.float32)
            self._maps = {
                role: (z[f"map_{role}"].astype(np.float32), z[f"map_{role}_length"].astype(np.float32))
                for role in ("passage", "query")
            }
        self._index = {w: i for i, w in enumerate(vocab)}
        self._vocab_size = len(vocab)
        self._table = np.ascontiguousarray(np.vstack([vectors, grams]))
        self._dim = int(self._table.shape[1])
        self._n_min, self._n_max = int(self.meta["ngram_min"]), int(self.meta["ngram_max"])
        self._buckets = int(grams.shape[0])
        self._unknown_weight = float(self.meta["unknown_weight"])
        self._length_scale = float(self.meta["length_scale"])
        self._words: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """``static-<first 12 hex of the artefact's SHA-256>``."""
        return "static-" + self._hash[:12]

    @property
    def dim(self) -> int:
        """Vector dimensionality (384 for the e5 artefact)."""
        return self._dim

    @property
    def vocabulary_size(self) -> int:
        """Number of words with their own vector."""
        return self._vocab_size

    def word_features(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns of the vector table and their weights for one (already tokenised) word."""
        hit = self._words.get(word)
        if hit is not None:
            return hit
        i = self._index.get(word)
        if i is not None:
            cols = np.asarray([i], np.int64)
            vals = np.asarray([self._weights[i]], np.float32)
        else:
            cols = self._vocab_size + ngram_buckets(word, self._n_min, self._n_max, self._buckets)
            vals = np.full(len(cols), self._unknown_weight / len(cols), np.float32)
        if len(self._words) < _WORD_CACHE_LIMIT:
            with self._lock:
                self._words[word] = (cols, vals)
        return cols, vals

    def bag(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Weighted bag-of-features matrix (texts x table rows), rows summing to 1."""
        return self._bag(texts)[0]

    def _bag(self, texts: Sequence[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
        counts = np.zeros(len(texts), np.float32)
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        indptr = [0]
        for r, text in enumerate(texts):
            n = 0
            row_vals = []
            words = tokenize(text)
            counts[r] = len(words)
            for word in words:
                c, v = self.word_features(word)
                cols.append(c)
                row_vals.append(v)
                n += len(c)
            if row_vals:
                v = np.concatenate(row_vals)
                total = float(v.sum())
                vals.append(v / total if total > 0 else v)
            indptr.append(indptr[-1] + n)
        shape = (len(texts), self._table.shape[0])
        if not cols:
            return sparse.csr_matrix(shape, dtype=np.float32), counts
        return sparse.csr_matrix(
            (np.concatenate(vals), np.concatenate(cols), np.asarray(indptr, np.int64)), shape=shape
        ), counts

    def pooled(self, texts: Sequence[str]) -> np.ndarray:
        """Weighted mean of word vectors before the role map; (n, dim) float32."""
        return np.asarray(self.bag(texts) @ self._table, dtype=np.float32)

    def _embed(self, texts: Sequence[str], role: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), np.float32)
        bag, counts = self._bag(texts)
        pooled = np.asarray(bag @ self._table, dtype=np.float32)
        base, by_length = self._maps[role]
        out = pooled @ base + (length_feature(counts, self._length_scale)[:, None] * pooled) @ by_length
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(out / norms, dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search/request texts into e5's query space; (n, dim), unit rows (empty: zero)."""
        return self._embed(texts, "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed listing texts into e5's passage space; (n, dim), unit rows (empty: zero)."""
        return self._embed(texts, "passage")


def save_artefact(
    path: str | Path,
    vocab: Sequence[str],
    vectors: np.ndarray,
    weights: np.ndarray,
    ngrams: np.ndarray,
    maps: dict[str, np.ndarray],
    meta: dict[str, Any],
) -> str:
    """Write the artefact (float16 tables; ``maps``: map_passage[_length], map_query[_length])
    and return its content hash."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(
        tmp,
        vocab=np.asarray(list(vocab), dtype=str),
        vectors=vectors.astype(np.float16),
        weights=weights.astype(np.float32),
        ngrams=ngrams.astype(np.float16),
        **{k: np.asarray(v, np.float32) for k, v in maps.items()},  # type: ignore[arg-type]  # numpy's stub reads **arrays as its allow_pickle flag
        meta=np.asarray(json.dumps(meta, sort_keys=True)),
    )
    tmp.replace(path)
    return content_hash(path)
