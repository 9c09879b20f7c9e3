"""Keeps the matching engine's index in step with the catalogue and serves storefront search.

The database is the source of truth. Each process holds the retriever loaded from the current
snapshot under ``INDEX_FOLDER`` and, before answering, catches up with every listing or
supplier changed since the snapshot's watermark (a cheap ``max(updated_at)`` check, at most
once a second). Only ``flask match rebuild`` (or the first process to find no usable
snapshot) writes snapshots; other processes notice the new ``CURRENT`` and switch to it in
the background, answering from the previous one meanwhile.
"""
from __future__ import annotations

import fcntl
import logging
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

from flask import current_app
from sqlalchemy.orm import Session

from app.services.catalogue_records import (
    listing_words,
    catalogue_watermark,
    changed_since,
    iter_indexable_records,
)
from app.services.storefront import SearchPage, SearchParams, ranked_search, search_listings
from matching.cache import CachedEmbedder
from matching.embedders import Embedder, create_embedder
from matching.retriever import Candidate, Retriever, current_snapshot
from matching.text import matched_terms
from matching.vector_index import IndexUnavailable

log = logging.getLogger(__name__)

# Changes committed by slower concurrent transactions may carry slightly older timestamps.
CATCH_UP_MARGIN = timedelta(minutes=2)
CHECK_INTERVAL_S = 1.0
SEARCH_POOL = 200
SUGGESTIONS = 8


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild did."""

    listings: int
    seconds: float
    snapshot: str
    embedded: int
    reused: int


class CatalogueIndex:
    """The process's retriever, its watermark and the logic that keeps both current."""

    def __init__(self, folder: str, model: str) -> None:
        self.folder = Path(folder)
        self.model = model
        self._embedder: Embedder | None = None
        self._retriever: Retriever | None = None
        self._watermark: datetime | None = None
        self._checked_at = 0.0
        self._lock = threading.RLock()
        self._switching = False

    # the model ------------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        """The configured embedder with its on-disk passage cache (loaded once per process)."""
        with self._lock:
            if self._embedder is None:
                self._embedder = CachedEmbedder(create_embedder(self.model), self.folder / "cache")
            return self._embedder

    # building -------------------------------------------------------------------------------
    @contextmanager
    def _build_lock(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".build.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def rebuild(self, session: Session, progress: Callable[[int], None] | None = None) -> RebuildReport:
        """Build a fresh index from the database and make it current; others keep serving meanwhile."""
        started = time.perf_counter()
        embedder = self.embedder
        hits, misses = _cache_counts(embedder)
        with self._build_lock():
            watermark = catalogue_watermark(session)
            retriever = Retriever.build(iter_indexable_records(session), embedder, progress=progress)
            retriever.save(self.folder, fingerprint=_fingerprint(watermark))
        with self._lock:
            self._retriever, self._watermark, self._checked_at = retriever, watermark, 0.0
        hits_after, misses_after = _cache_counts(embedder)
        return RebuildReport(
            listings=len(retriever), seconds=time.perf_counter() - started,
            snapshot=retriever.snapshot or "", embedded=misses_after - misses,
            reused=hits_after - hits,
        )

    def refresh(self, session: Session) -> RebuildReport:
        """Catch the saved index up with the database and save it; rebuild when unusable."""
        with self._lock:
            self._retriever = None
        retriever = self._load_or_build(session)
        started = time.perf_counter()
        with self._build_lock():
            self._catch_up(session, retriever, force=True)
            retriever.save(self.folder, fingerprint=_fingerprint(self._watermark))
        return RebuildReport(len(retriever), time.perf_counter() - started,
                             retriever.snapshot or "", 0, 0)

    # loading --------------------------------------------------------------------------------
    def _load(self) -> Retriever:
        retriever = Retriever.load(self.folder, self.embedder)
        return retriever

    def _load_or_build(self, session: Session) -> Retriever:
        with self._lock:
            if self._retriever is not None:
                return self._retriever
            try:
                retriever = self._load()
            except IndexUnavailable as problem:
                log.warning("index unusable (%s); rebuilding from the database", problem)
                self.rebuild(session)
                assert self._retriever is not None
                return self._retriever
            self._retriever = retriever
            self._watermark = _parse_fingerprint(_snapshot_fingerprint(self.folder, retriever))
            return retriever

    def _switch_in_background(self) -> None:
        def load() -> None:
            try:
                retriever = self._load()
            except IndexUnavailable as problem:
                log.warning("new snapshot unusable (%s); keeping the current one", problem)
            else:
                with self._lock:
                    self._retriever = retriever
                    self._watermark = _parse_fingerprint(_snapshot_fingerprint(self.folder, retriever))
                    self._checked_at = 0.0
            finally:
                self._switching = False

        self._switching = True
        threading.Thread(target=load, name="index-switch", daemon=True).start()

    def _catch_up(self, session: Session, retriever: Retriever, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._checked_at < CHECK_INTERVAL_S:
            return
        self._checked_at = now
        latest = catalogue_watermark(session)
        if latest is None or (self._watermark is not None and latest <= self._watermark):
            return
        since = (self._watermark or latest) - CATCH_UP_MARGIN
        keep, drop = changed_since(session, since)
        if self._watermark is None:
            keep, drop = list(iter_indexable_records(session)), []
        retriever.upsert(keep)
        retriever.remove(drop)
        self._watermark = latest

    def current(self, session: Session) -> Retriever:
        """The retriever, loaded or built if needed, caught up with the database."""
        retriever = self._load_or_build(session)
        with self._lock:
            snapshot = current_snapshot(self.folder)
            if snapshot and snapshot != retriever.snapshot and not self._switching:
                self._switch_in_background()
            self._catch_up(session, retriever)
            return self._retriever or retriever

    def changed(self, session: Session, listing_ids: Iterable[int]) -> None:
        """Bring the listed listings up to date now (so their seller sees the change at once)."""
        del listing_ids  # the watermark finds them, together with any others changed meanwhile
        with self._lock:
            if self._retriever is None:
                return  # loaded and caught up on first use
            self._catch_up(session, self._retriever, force=True)



def _cache_counts(embedder: Embedder) -> tuple[int, int]:
    return (getattr(embedder, "hits", 0), getattr(embedder, "misses", 0))


def _fingerprint(watermark: datetime | None) -> str:
    return watermark.isoformat() if watermark else ""


def _parse_fingerprint(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _snapshot_fingerprint(folder: Path, retriever: Retriever) -> str | None:
    import json

    if not retriever.snapshot:
        return None
    meta = json.loads((folder / retriever.snapshot / "retriever.json").read_text("utf-8"))
    return meta.get("fingerprint")


def catalogue_index() -> CatalogueIndex:
    """This app's catalogue index (created on first use, one per process)."""
    app = current_app
    index = app.extensions.get("catalogue_index")
    if index is None:
        index = CatalogueIndex(app.config["INDEX_FOLDER"], app.config["MATCHER_MODEL"])
        app.extensions["catalogue_index"] = index
    return index


def listings_changed(session: Session, listing_ids: Iterable[int]) -> None:
    """Tell the index that these listings were created, edited, archived or re-published."""
    catalogue_index().changed(session, listing_ids)


def retrieve(session: Session, text: str, n: int) -> list[Candidate]:
    """Fused dense + lexical candidates for a text, best first."""
    return catalogue_index().current(session).retrieve(text, n)


def search(session: Session, params: SearchParams, today: date) -> SearchPage:
    """Storefront search: hybrid retrieval for words, then filters and pages in the database.

    Listings that share a word with the query (the same word or its light stem, checked on
    their text rather than on index weights, so words common to many listings still count)
    are the results, in the engine's fused order; when they fill less than a page, the
    closest listings by meaning follow as suggestions.
    """
    if not params.text:
        return search_listings(session, params, today)
    candidates = retrieve(session, params.text, SEARCH_POOL)
    words = listing_words(session, (c.listing_id for c in candidates))
    hits = {c.listing_id for c in candidates
            if matched_terms(params.text, words.get(c.listing_id, ""), limit=1)}
    results = ranked_search(session, params, today, [c.listing_id for c in candidates
                                                     if c.listing_id in hits])
    # Suggestions only when the query shares at least some letters with the catalogue: a string
    # of nonsense gets an honest "nothing found", not random neighbours.
    if results.page == 1 and results.total < SUGGESTIONS and any(c.lexical > 0 for c in candidates):
        related = [c.listing_id for c in candidates if c.listing_id not in hits]
        suggestions = ranked_search(session, replace(params, per_page=SUGGESTIONS), today, related)
        results.suggestions = suggestions.listings
    return results
