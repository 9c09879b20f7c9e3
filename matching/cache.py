"""A persistent passage-embedding cache, so an unchanged listing is never embedded twice.

Vectors are stored in one SQLite file keyed by a hash of (model name, role, text). SQLite in
WAL mode is safe for several processes (gunicorn workers, a rebuild job) at once.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .embedders import Embedder

CACHE_FILE = "embedding_cache.sqlite3"


def text_key(model_name: str, role: str, text: str) -> bytes:
    """The cache key of one text for one model and role."""
    return hashlib.sha256(f"{model_name}\x1f{role}\x1f{text}".encode()).digest()[:20]


class CachedEmbedder:
    """Wraps an Embedder; passage vectors are looked up in, and saved to, a SQLite file.

    Queries are not cached (each request text is new). ``hits`` and ``misses`` count passage
    lookups, which lets a rebuild report how much work the cache saved.
    """

    def __init__(self, inner: Embedder, directory: str | Path, batch_size: int = 64) -> None:
        self.inner = inner
        self.path = Path(directory) / CACHE_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.batch_size = batch_size
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER, vec BLOB)"
            )
            self._conn.commit()

    @property
    def name(self) -> str:
        """The wrapped model's name."""
        return self.inner.name

    @property
    def dim(self) -> int:
        """The wrapped model's dimensionality."""
        return self.inner.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Delegate to the wrapped embedder."""
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Cached vectors for known texts; the rest are embedded in batches and stored."""
        out = np.zeros((len(texts), self.dim), np.float32)
        if not texts:
            return out
        keys = [text_key(self.name, "passage", t) for t in texts]
        found = self._lookup(set(keys))
        missing: dict[bytes, list[int]] = {}
        for i, key in enumerate(keys):
            if key in found:
                out[i] = found[key]
            else:
                missing.setdefault(key, []).append(i)
        self.hits += len(texts) - sum(len(v) for v in missing.values())
        self.misses += sum(len(v) for v in missing.values())
        todo = list(missing.items())
        for start in range(0, len(todo), self.batch_size):
            chunk = todo[start : start + self.batch_size]
            vectors = self.inner.embed_passages([texts[rows[0]] for _, rows in chunk])
            for (_key, rows), vec in zip(chunk, vectors):
                out[rows] = vec
            self._store([(key, vec) for (key, _), vec in zip(chunk, vectors)])
        return out

    def _lookup(self, keys: set[bytes]) -> dict[bytes, np.ndarray]:
        result: dict[bytes, np.ndarray] = {}
        key_list = list(keys)
        with self._lock:
            for start in range(0, len(key_list), 500):
                part = key_list[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(
                    f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", part
                ).fetchall()
                for key, dim, blob in rows:
                    if dim == self.dim and len(blob) == 4 * dim:
                        result[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        return result

    def _store(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        with self._lock:
            self._conn.executemany(
                "INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)",
                [(k, int(v.shape[0]), np.asarray(v, np.float32).tobytes()) for k, v in items],
            )
            self._conn.commit()

    def known_keys(self, keys: Sequence[bytes]) -> set[bytes]:
        """The subset of ``keys`` (from ``text_key``) that already have a vector."""
        found: set[bytes] = set()
        with self._lock:
            for start in range(0, len(keys), 900):
                part = list(keys[start : start + 900])
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(f"SELECT key FROM vectors WHERE key IN ({marks})", part).fetchall()
                found.update(bytes(r[0]) for r in rows)
        return found

    def store_vectors(self, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        """Save (key, vector) pairs in one transaction (a bulk-embedding checkpoint)."""
        if items:
            self._store(list(items))

    def lookup_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Cached passage vectors of ``texts`` (zero rows where a text is not cached)."""
        keys = [text_key(self.name, "passage", t) for t in texts]
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(keys), 100_000):
            part = keys[start : start + 100_000]
            found = self._lookup(set(part))
            for row, key in enumerate(part, start=start):
                vec = found.get(key)
                if vec is not None:
                    out[row] = vec
        return out

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._lock:
            self._conn.close()
