"""Hybrid retrieval: dense (FAISS) plus lexical (TF-IDF) candidates, fused, persisted together.

A retriever is saved as a snapshot directory and loaded from the current one (``snapshots.py``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from .backends import LocalBackend, RetrievalBackend, check_backend
from .category_map import CategoryMap
from .embedders import Embedder
from .fusion import FUSION_METHODS, category_feedback, fuse
from .lexical import LexicalIndex
from .query_plan import blend_vectors, intent_bonus, query_plan
from .snapshots import (
    CATEGORIES,
    connect_remote,
    new_snapshot,
    publish_snapshot,
    read_current,
    write_manifest,
)
from .text import listing_text, normalise_demand_text
from .types import Candidate as Candidate  # re-exported: callers import it from here too
from .types import ListingRecord
from .vector_index import IndexCorrupt, VectorIndex


@dataclass(frozen=True)
class RetrievalSettings:
    """How candidates are gathered and fused (chosen on held-out splits, see README)."""

    fusion: str = "zscore"
    dense_weight: float = 0.8
    pool: int = 100
    rrf_k: int = 60
    feedback_top: int = 10
    feedback_weight: float = 2.0
    feedback_temperature: float = 0.5
    normalise_text: bool = True
    item_share: float = 0.5  # weight of the item-focused query text (0: full text only)
    intent_weight: float = 1.0  # category-intent bonus, pool standard deviations

    def __post_init__(self) -> None:
        if self.fusion not in FUSION_METHODS:
            raise ValueError(f"fusion must be one of {FUSION_METHODS}")


class Retriever:
    """Dense + lexical index over listings; ``retrieve`` gives fused candidates.

    ``embedder`` defines the index's vector space: it embeds passages and everyday queries.
    ``query_embedder``, when given, embeds queries in the same space more precisely but more
    slowly (e.g. the transformer a static embedder was distilled from); ``retrieve`` uses it
    only when asked (``precise=True``), e.g. for a buyer's request but not for every keystroke
    of storefront search.

    ``remote``, when given, is the backend holding the vectors and lexical rows (e.g. Milvus);
    ``vectors`` is then None and ``lexical`` only vectorises (its IDF, no listings).
    """

    def __init__(
        self,
        embedder: Embedder,
        vectors: VectorIndex | None,
        lexical: LexicalIndex,
        categories: CategoryMap | dict[int, str],
        settings: RetrievalSettings | None = None,
        query_embedder: Embedder | None = None,
        remote: RetrievalBackend | None = None,
    ) -> None:
        self.embedder = embedder
        self.query_embedder = query_embedder
        self.vectors = vectors
        self.lexical = lexical
        self.remote = remote
        self.categories = categories if isinstance(categories, CategoryMap) else CategoryMap(categories)
        self.settings = settings or RetrievalSettings()
        self.snapshot: str | None = None
        self._lock = threading.RLock()

    # building -----------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        records: Iterable[ListingRecord],
        embedder: Embedder,
        settings: RetrievalSettings | None = None,
        kind: str = "auto",
        batch_size: int = 256,
        progress: Callable[[int], None] | None = None,
        backend: str = "local",
        backend_options: dict[str, Any] | None = None,
    ) -> Retriever:
        """Embed and index ``records`` (their listing_id are the keys); ``progress(n)`` per batch.

        ``backend``/``backend_options``: see ``from_vectors``.
        """
        records = list(records)
        texts = [index_text(r) for r in records]
        parts = []
        for start in range(0, len(texts), batch_size):
            parts.append(embedder.embed_passages(texts[start : start + batch_size]))
            if progress is not None:
                progress(len(parts[-1]))
        vecs = np.concatenate(parts) if parts else np.zeros((0, embedder.dim), np.float32)
        return cls.from_vectors(
            records,
            vecs,
            embedder,
            settings,
            kind,
            texts=texts,
            backend=backend,
            backend_options=backend_options,
        )

    @classmethod
    def from_vectors(
        cls,
        records: Sequence[ListingRecord],
        vectors: np.ndarray,
        embedder: Embedder,
        settings: RetrievalSettings | None = None,
        kind: str = "auto",
        texts: Sequence[str] | None = None,
        timings: dict[str, float] | None = None,
        backend: str = "local",
        backend_options: dict[str, Any] | None = None,
    ) -> Retriever:
        """Index ``records`` whose passage vectors (row i for record i) are already known.

        ``timings``, when given, receives the seconds spent on the vector and lexical indexes.
        ``backend`` ``milvus`` writes them to a Milvus collection instead of FAISS and the local
        lexical index (``backend_options``: ``uri``, ``collection``, optional ``token``).
        """
        ids = [r.listing_id for r in records]
        texts = list(texts) if texts is not None else [index_text(r) for r in records]
        categories = {r.listing_id: r.category for r in records}
        if check_backend(backend) == "milvus":
            from .milvus_backend import MilvusBackend

            started = time.perf_counter()
            vectoriser = LexicalIndex.build(ids, texts).vectoriser()
            middle = time.perf_counter()
            options = dict(backend_options or {})
            remote = MilvusBackend.create(
                options["uri"],
                options["collection"],
                ids,
                vectors,
                texts,
                vectoriser,
                options.get("token", ""),
            )
            if timings is not None:
                timings["lexical_build_s"] = middle - started
                timings["vector_build_s"] = time.perf_counter() - middle
            return cls(embedder, None, vectoriser, categories, settings, remote=remote)
        started = time.perf_counter()
        vector_index = VectorIndex.build(ids, vectors, model=embedder.name, kind=kind)
        middle = time.perf_counter()
        lexical = LexicalIndex.build(ids, texts)
        if timings is not None:
            timings["vector_build_s"] = middle - started
            timings["lexical_build_s"] = time.perf_counter() - middle
        return cls(embedder, vector_index, lexical, categories, settings)

    @property
    def backend(self) -> RetrievalBackend:
        """Where candidates come from: the remote backend, else FAISS + the lexical index."""
        if self.remote is not None:
            return self.remote
        assert self.vectors is not None
        return LocalBackend(self.vectors, self.lexical)

    def __len__(self) -> int:
        return len(self.backend)

    def __contains__(self, listing_id: int) -> bool:
        return listing_id in self.backend

    def upsert(self, records: Sequence[ListingRecord]) -> None:
        """Add new listings or re-index changed ones."""
        if not records:
            return
        texts = [index_text(r) for r in records]
        vecs = self.embedder.embed_passages(texts)
        ids = [r.listing_id for r in records]
        with self._lock:
            self.backend.upsert(ids, vecs, texts)
            self.categories.set(ids, [r.category for r in records])

    def needs_compaction(self) -> bool:
        """True when many HNSW entries are masked; call ``compact`` (e.g. in a nightly job)."""
        return self.vectors is not None and self.vectors.needs_compaction()

    def compact(self) -> None:
        """Rebuild the vector graph and merge lexical deltas (slow at scale; run off-request)."""
        if self.vectors is None:
            return  # a remote backend compacts itself
        vectors = self.vectors.compact()
        with self._lock:
            self.vectors = vectors
            self.lexical.compact()

    def remove(self, listing_ids: Iterable[int]) -> int:
        """Drop listings (archived, deleted, seller deactivated); returns how many were indexed."""
        listing_ids = [int(i) for i in listing_ids]
        with self._lock:
            removed = self.backend.remove(listing_ids)
            self.categories.remove(listing_ids)
        return removed

    # retrieval ------------------------------------------------------------------------------
    def query_text(self, text: str) -> str:
        """The text actually searched for ``text``: lower-cased, boilerplate removed if enabled."""
        cleaned = normalise_demand_text(text) if self.settings.normalise_text else text.strip()
        return cleaned.lower()

    def embed_query(self, qtext: str, precise: bool = False) -> np.ndarray:
        """The query vector of an already normalised text (see ``query_text``)."""
        embedder = self.query_embedder if precise and self.query_embedder else self.embedder
        vector: np.ndarray = embedder.embed_queries([qtext])[0]
        return vector

    def retrieve(
        self,
        text: str,
        n: int = 50,
        settings: RetrievalSettings | None = None,
        precise: bool = False,
    ) -> list[Candidate]:
        """The best ``n`` listings for a request or search text, best first.

        ``precise`` embeds the text with ``query_embedder`` when there is one.
        """
        s = settings or self.settings
        qtext = self.query_text(text)
        if not qtext or len(self.categories) == 0:  # no round trip to a remote backend
            return []
        variants, intent = query_plan(text, qtext, s)
        embedder = self.query_embedder if precise and self.query_embedder else self.embedder
        qvec = blend_vectors(embedder.embed_queries([t for t, _ in variants]), [w for _, w in variants])
        pool = max(s.pool, n)
        with self._lock:
            found = self.backend.candidates(qvec, variants, pool)
            ids, d_arr, l_arr = found.ids, found.dense, found.lexical
            cats = self.categories.many(ids)
        if not ids:
            return []
        fused = fuse(d_arr, l_arr, s.fusion, s.dense_weight, s.rrf_k)
        fused = intent_bonus(fused, cats, intent, s.intent_weight)
        fused, share = category_feedback(
            fused, cats, s.feedback_top, s.feedback_weight, s.feedback_temperature
        )
        # exact ties by listing id: the same order whichever backend found the candidates
        order = np.lexsort((np.asarray(ids, np.int64), -fused))[:n]
        return [
            Candidate(
                ids[k],
                float(d_arr[k]),
                float(l_arr[k]),
                float(fused[k]),
                cats[k],
                float(share.get(cats[k], 0.0)),
            )
            for k in order.tolist()
        ]

    def with_settings(self, **changes: Any) -> Retriever:
        """A view of this retriever (same indexes) with some settings changed."""
        other = Retriever(
            self.embedder,
            self.vectors,
            self.lexical,
            self.categories,
            replace(self.settings, **changes),
            self.query_embedder,
            self.remote,
        )
        other.snapshot = self.snapshot
        return other

    # persistence ----------------------------------------------------------------------------
    def save(self, root: str | Path, fingerprint: str | None = None, keep: int = 2) -> Path:
        """Write a new snapshot under ``root`` and make it current; returns its directory.

        ``fingerprint`` is any string describing the catalogue state (e.g. the latest
        listing update time); ``load`` can demand it.
        """
        root = Path(root)
        name, tmp = new_snapshot(root)
        with self._lock:
            if self.vectors is not None:
                self.vectors.save(tmp)
            self.lexical.save(tmp)  # a remote backend's vectoriser: the IDF alone
            self.categories.save(tmp / CATEGORIES)
            meta = {
                "model": self.embedder.name,
                "dim": self.embedder.dim,
                "count": len(self.categories),
                "fingerprint": fingerprint,
                "settings": asdict(self.settings),
                "created": time.time(),
                "backend": (
                    # only remote backends (Milvus) describe themselves; not in the protocol
                    self.remote.describe()  # type: ignore[attr-defined]
                    if self.remote is not None
                    else {"kind": "local"}
                ),
            }
            write_manifest(tmp, meta)
        directory = publish_snapshot(root, name, keep)
        self.snapshot = name
        return directory

    @classmethod
    def load(
        cls,
        root: str | Path,
        embedder: Embedder,
        settings: RetrievalSettings | None = None,
        expected_fingerprint: str | None = None,
        verify: bool = True,
        mmap: bool = False,
        query_embedder: Embedder | None = None,
    ) -> Retriever:
        """The current snapshot under ``root``.

        ``mmap`` maps the vector index read-only (pages shared between processes); such a
        retriever serves queries but cannot be updated.

        Raises IndexMissing, IndexCorrupt or IndexMismatch (all IndexUnavailable) when it must
        be rebuilt: nothing saved, damaged files, another model or dimension, or a fingerprint
        other than ``expected_fingerprint``.
        """
        root = Path(root)
        snap, meta = read_current(root, embedder.name, embedder.dim, expected_fingerprint)
        directory = root / snap
        remote_spec = meta.get("backend") or {"kind": "local"}
        lexical = LexicalIndex.load(directory)
        try:
            categories = CategoryMap.load(directory / CATEGORIES)
        except (OSError, KeyError, ValueError, IndexError) as exc:
            raise IndexCorrupt(f"cannot read categories: {exc}") from exc
        if remote_spec.get("kind") == "milvus":
            retriever = cls(
                embedder,
                None,
                lexical,
                categories,
                settings,
                query_embedder,
                remote=connect_remote(remote_spec, embedder.dim, lexical),
            )
            if len(categories) != meta.get("count"):
                raise IndexCorrupt("category count differs from the manifest")
            retriever.snapshot = snap
            return retriever
        vectors = VectorIndex.load(directory, embedder.name, embedder.dim, verify=verify, mmap=mmap)
        if not (len(vectors) == len(lexical) == len(categories) == meta.get("count")):
            raise IndexCorrupt("vector, lexical and category counts disagree")
        retriever = cls(embedder, vectors, lexical, categories, settings, query_embedder)
        retriever.snapshot = snap
        return retriever


def index_text(record: ListingRecord) -> str:
    """The lower-cased listing text that is embedded and indexed (case carries no meaning)."""
    return listing_text(record).lower()
