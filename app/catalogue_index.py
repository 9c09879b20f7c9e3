"""Storefront search and match candidates, read from the snapshots the indexer publishes.

A web process never builds, saves or embeds the catalogue (only the query text): it opens
``CURRENT`` under ``INDEX_FOLDER`` and, at most once a second, looks whether the indexer
(``app.services.indexer``) has published a newer snapshot; it loads that one in a background
thread and answers from the previous one meanwhile. A snapshot that fails to load is refused,
logged once and tried again only after an exponential back-off (1 s, 2 s, … 60 s); the last
good one keeps serving. While no snapshot is usable at all, or a remote retrieval backend (Milvus) does not
answer, search and matching answer from the database (``app.services.catalogue_fallback``)
and say that results are limited.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from time import monotonic

from flask import current_app
from sqlalchemy.orm import Session

from app.services.catalogue_fallback import match_candidates, text_search
from app.services.catalogue_records import listing_words
from app.services.storefront import SearchPage, SearchParams, ranked_search, search_listings
from matching.backends import RetrievalUnavailable
from matching.embedders import Embedder, LazyEmbedder, create_embedder
from matching.retriever import Candidate, Retriever
from matching.snapshots import current_snapshot
from matching.text import shares_term

log = logging.getLogger(__name__)

CHECK_INTERVAL_S = 1.0
RETRY_FIRST_S = 1.0
RETRY_MAX_S = 60.0
SEARCH_POOL = 200
SUGGESTIONS = 8


@dataclass
class Refusal:
    """A snapshot that failed to load: how often, and when it may be tried again."""

    failures: int
    retry_at: float


class CatalogueIndex:
    """This process's view of the published index: the snapshot it serves, and the next one."""

    def __init__(self, folder: str, model: str, load_wait_s: float = 0.0, query_model: str = "") -> None:
        self.folder = Path(folder)
        self.model = model
        # The precise query model (a transformer) is loaded by the first request that needs it.
        self.query_embedder = LazyEmbedder(query_model) if query_model else None
        self.load_wait_s = load_wait_s
        self.check_interval_s = CHECK_INTERVAL_S
        self.load_attempts = 0
        self._embedder: Embedder | None = None
        self._retriever: Retriever | None = None
        self._refused: dict[str, Refusal] = {}
        self._loading: threading.Event | None = None
        self._checked_at = float("-inf")
        self._lock = threading.Lock()
        self._pinned = False

    @property
    def embedder(self) -> Embedder:
        """The configured model, for query texts only (loaded with the first snapshot)."""
        if self._embedder is None:
            self._embedder = create_embedder(self.model)
        return self._embedder

    @property
    def snapshot(self) -> str | None:
        """Name of the snapshot being served (None while none is loaded)."""
        retriever = self._retriever
        return retriever.snapshot if retriever is not None else None

    def current(self) -> Retriever | None:
        """The retriever to answer from now, or None while no snapshot is usable.

        Before the first snapshot is loaded a request waits up to ``load_wait_s`` for it;
        later switches never make anyone wait.
        """
        with self._lock:
            now = monotonic()
            if self._pinned:
                return self._retriever
            if now - self._checked_at >= self.check_interval_s:
                self._checked_at = now
                self._maybe_switch(now)
            retriever, loading = self._retriever, self._loading
        if retriever is None and loading is not None and self.load_wait_s > 0:
            loading.wait(self.load_wait_s)
            retriever = self._retriever
        return retriever

    def serve_in_memory(self, retriever: Retriever) -> None:
        """Answer from ``retriever`` and ignore published snapshots (a seeding CLI process)."""
        with self._lock:
            self._retriever, self._pinned = retriever, True

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until no snapshot is being loaded (tests, warm-up); False on time-out."""
        loading = self._loading
        return loading is None or loading.wait(timeout)

    def _maybe_switch(self, now: float) -> None:
        name = current_snapshot(self.folder)
        if not name or name == self.snapshot or self._loading is not None:
            return
        refusal = self._refused.get(name)
        if refusal is not None and now < refusal.retry_at:
            return
        self._loading = threading.Event()
        self.load_attempts += 1
        threading.Thread(
            target=self._load, args=(name, self._loading), name="index-load", daemon=True
        ).start()

    def _load(self, name: str, done: threading.Event) -> None:
        try:
            retriever = Retriever.load(
                self.folder, self.embedder, mmap=True, query_embedder=self.query_embedder
            )
        except Exception as problem:  # noqa: BLE001 - any failure refuses this snapshot alone
            self._refuse(name, problem)
        else:
            with self._lock:
                self._retriever = retriever
                self._refused.pop(name, None)
            log.info("serving index snapshot %s (%d listings)", retriever.snapshot, len(retriever))
        finally:
            with self._lock:
                self._loading = None
                self._checked_at = float("-inf")  # CURRENT may have moved on meanwhile
            done.set()

    def _refuse(self, name: str, problem: BaseException) -> None:
        with self._lock:
            refusal = self._refused.get(name)
            failures = refusal.failures + 1 if refusal else 1
            delay = min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** (failures - 1))
            self._refused = {
                k: v for k, v in self._refused.items() if k == name or v.retry_at > monotonic()
            }  # forget long-gone snapshots
            self._refused[name] = Refusal(failures, monotonic() + delay)
            serving = self.snapshot
        if failures == 1:
            log.warning(
                "index snapshot %s refused (%s); %s",
                name,
                problem,
                f"still serving {serving}" if serving else "searching the database",
            )
        else:
            log.debug("index snapshot %s still unusable (%s); next try in %.0f s", name, problem, delay)


def catalogue_index() -> CatalogueIndex:
    """This app's catalogue index reader (created on first use, one per process)."""
    app = current_app
    index = app.extensions.get("catalogue_index")
    if index is None:
        index = CatalogueIndex(
            app.config["INDEX_FOLDER"],
            app.config["MATCHER_MODEL"],
            app.config.get("INDEX_LOAD_WAIT_S", 0.0),
            app.config.get("MATCHER_QUERY_MODEL", ""),
        )
        app.extensions["catalogue_index"] = index
    return index


def retrieve(session: Session, text: str, n: int, precise: bool = False) -> list[Candidate]:
    """Fused dense + lexical candidates for a text, best first (word matches without an index).

    ``precise`` embeds the text with the precise query model when one is configured (a
    buyer's request deserves it; storefront keystrokes do not).
    """
    retriever = catalogue_index().current()
    if retriever is None:
        return match_candidates(session, text, n)
    try:
        return retriever.retrieve(text, n, precise=precise)
    except RetrievalUnavailable as problem:
        log.warning("retrieval backend unavailable (%s): matching from the database", problem)
        return match_candidates(session, text, n)


def search(session: Session, params: SearchParams, today: date) -> SearchPage:
    """Storefront search: hybrid retrieval for words, then filters and pages in the database.

    Listings that share a word with the query (the same word or its light stem, checked on
    their text rather than on index weights, so words common to many listings still count)
    are the results, in the engine's fused order; when they fill less than a page, the
    closest listings by meaning follow as suggestions. Without a usable index the page comes
    from a plain word match in the database and is marked ``limited``.
    """
    if not params.text:
        return search_listings(session, params, today)
    retriever = catalogue_index().current()
    if retriever is None:
        return text_search(session, params, today)
    try:
        candidates = retriever.retrieve(params.text, SEARCH_POOL)
    except RetrievalUnavailable as problem:
        log.warning("retrieval backend unavailable (%s): searching the database", problem)
        return text_search(session, params, today)
    words = listing_words(session, (c.listing_id for c in candidates))
    hits = {c.listing_id for c in candidates if shares_term(params.text, words.get(c.listing_id, ""))}
    results = ranked_search(
        session, params, today, [c.listing_id for c in candidates if c.listing_id in hits]
    )
    # Suggestions only when the query shares at least some letters with the catalogue: a string
    # of nonsense gets an honest "nothing found", not random neighbours.
    if results.page == 1 and results.total < SUGGESTIONS and any(c.lexical > 0 for c in candidates):
        related = [c.listing_id for c in candidates if c.listing_id not in hits]
        suggestions = ranked_search(session, replace(params, per_page=SUGGESTIONS), today, related)
        results.suggestions = suggestions.listings
    return results
