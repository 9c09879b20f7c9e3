"""The indexer: the one process that embeds the catalogue and publishes index snapshots.

It holds an exclusive lock in ``INDEX_FOLDER``, opens the current snapshot (or builds one from
the database when there is none usable), then drains the change feed (``index_changes``) in id
order: each change becomes an upsert or a removal in its in-memory retriever, and a new
snapshot is published atomically, at most every ``max(1 s, 5 × last save)``. The snapshot's
manifest carries the feed watermark (every change at or below it is in the snapshot), so a
restart after a crash at any point resumes from the last published snapshot; replaying a
change is harmless. Web workers only open the snapshots (``app.catalogue_index``).

Feed ids are handed out before commit, so on PostgreSQL a later id can commit first. The
watermark therefore only moves over ids it has seen (or that stayed missing for
``GAP_TIMEOUT_S``: a rolled-back write); newer rows are applied meanwhile and remembered.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.services.catalogue_records import iter_indexable_records, records_for
from app.services.index_backend import BuildOptions, build_retriever
from app.services.index_changes import (
    affected_listings,
    latest_change_id,
    prune_changes,
    read_changes,
    settled_change_id,
)
from matching.cache import CachedEmbedder
from matching.embedders import Embedder, create_embedder, needs_cache
from matching.retriever import Retriever
from matching.snapshots import MANIFEST
from matching.vector_index import IndexUnavailable

log = logging.getLogger(__name__)

LOCK_FILE = "indexer.lock"
FINGERPRINT_FORMAT = "index-changes/1"
POLL_S = 0.5
MIN_PUBLISH_INTERVAL_S = 1.0
PUBLISH_SLOWDOWN = 5.0
GAP_TIMEOUT_S = 60.0
MAX_GAP_RUN = 1_000
PRUNE_EVERY_S = 60.0
PRUNE_AFTER = timedelta(hours=1)
CHANGES_PER_STEP = 5_000
UPSERT_BATCH = 512
DB_RETRY_S = 5.0


class IndexerBusy(RuntimeError):
    """Another indexer already owns this index folder."""


@dataclass(frozen=True)
class PublishReport:
    """What one publish wrote."""

    snapshot: str
    changes: int
    listings: int
    seconds: float
    watermark: int


class FolderLock:
    """An exclusive, non-blocking ``flock`` on ``<folder>/indexer.lock`` (released on exit)."""

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / LOCK_FILE
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise IndexerBusy naming the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 - held open while the lock is owned
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise IndexerBusy(
                f"another indexer (pid {holder}) already owns {self.path.parent}; "
                "only one may run per index folder"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock back."""
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def fingerprint(watermark: int) -> str:
    """The manifest fingerprint of a snapshot holding every change up to ``watermark``."""
    return json.dumps({"format": FINGERPRINT_FORMAT, "changes": watermark})


def snapshot_watermark(folder: Path, snapshot: str | None) -> int | None:
    """The change watermark stored in a snapshot's manifest (None: unknown or another format).

    Read from ``retriever.json`` directly: ``Retriever.load`` checks a fingerprint but does not
    hand it back.
    """
    if not snapshot:
        return None
    try:
        meta = json.loads((folder / snapshot / MANIFEST).read_text("utf-8"))
        value = json.loads(meta.get("fingerprint") or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(value, dict) or value.get("format") != FINGERPRINT_FORMAT:
        return None
    changes = value.get("changes")
    return changes if isinstance(changes, int) and changes >= 0 else None


class Indexer:
    """Owns the retriever of one index folder; call ``open``, then ``step``/``publish``."""

    def __init__(
        self, folder: str, model: str, embedder: Embedder | None = None, options: BuildOptions | None = None
    ) -> None:
        self.folder = Path(folder)
        self.model = model
        self.options = options or BuildOptions(model=model)
        self._embedder = embedder
        self.retriever: Retriever | None = None
        self.watermark = 0
        self.published_watermark = 0
        self.seen: set[int] = set()
        self.gaps: dict[int, float] = {}
        self.pending = 0
        self.last_save_s = 0.0
        self.next_publish_at = 0.0
        self._pruned_at = 0.0

    @property
    def embedder(self) -> Embedder:
        """The configured passage model, behind the on-disk cache when it is slow (loaded on first use)."""
        if self._embedder is None:
            embedder = create_embedder(self.model)
            # A static model embeds faster than a cache lookup; transformers are cached.
            self._embedder = (
                CachedEmbedder(embedder, self.folder / "cache") if needs_cache(embedder) else embedder
            )
        return self._embedder

    # opening and building ---------------------------------------------------------------------
    def open(self, session: Session) -> None:
        """Load the current snapshot; build and publish from the database when it is unusable."""
        try:
            retriever = Retriever.load(self.folder, self.embedder)
        except IndexUnavailable as problem:
            log.warning("index unusable (%s): full build from the database", problem)
            self.full_build(session)
            return
        if retriever.backend.name != self.options.backend:
            log.warning(
                "snapshot %s is on the %s backend, %s is configured: full build",
                retriever.snapshot,
                retriever.backend.name,
                self.options.backend,
            )
            self.full_build(session)
            return
        watermark = snapshot_watermark(self.folder, retriever.snapshot)
        if watermark is None:
            log.warning("snapshot %s has no change watermark: full build", retriever.snapshot)
            self.full_build(session)
            return
        if watermark > latest_change_id(session):
            log.warning(
                "snapshot %s is ahead of the change feed (another database?): full build", retriever.snapshot
            )
            self.full_build(session)
            return
        self.retriever, self.watermark, self.published_watermark = retriever, watermark, watermark
        self.seen, self.gaps, self.pending = set(), {}, 0
        log.info(
            "opened snapshot %s: %d listings, changes up to #%d",
            retriever.snapshot,
            len(retriever),
            watermark,
        )

    def full_build(self, session: Session, progress: Callable[[int], None] | None = None) -> PublishReport:
        """Index every indexable listing afresh and publish it."""
        started = time.perf_counter()
        # Rows older than the gap timeout have settled; newer ones are re-read after the build
        # unless they were already committed (read now, so the build below includes them).
        floor = settled_change_id(session, datetime.now(UTC) - timedelta(seconds=GAP_TIMEOUT_S))
        recent = read_changes(session, floor, limit=10**9)
        retriever = build_retriever(
            iter_indexable_records(session), self.embedder, self.folder, self.options, progress
        )
        self.retriever, self.watermark = retriever, floor
        self.seen, self.gaps = set(recent.ids), {}
        self.pending = len(recent.ids)
        self._advance(time.monotonic(), session)
        session.rollback()
        report = self.publish()
        log.info("full build: %d listings in %.1f s", len(retriever), time.perf_counter() - started)
        return report

    # draining the feed --------------------------------------------------------------------------
    def step(self, session: Session, limit: int = CHANGES_PER_STEP) -> int:
        """Apply the next feed rows to the in-memory retriever; returns how many were read."""
        assert self.retriever is not None, "open() first"
        batch = read_changes(session, self.watermark, skip=self.seen, limit=limit)
        if not batch:
            if self.seen:
                self._advance(time.monotonic(), session)
            return 0
        if batch.rebuild:
            self.full_build(session)
            return len(batch.ids)
        affected = affected_listings(session, batch)
        records = records_for(session, affected)
        keep = [r for r in records.values() if r.listing_active and r.seller_active]
        drop = affected - {r.listing_id for r in keep}
        for start in range(0, len(keep), UPSERT_BATCH):
            self.retriever.upsert(keep[start : start + UPSERT_BATCH])
        self.retriever.remove(sorted(drop))
        self.seen.update(batch.ids)
        self.pending += len(batch.ids)
        self._advance(time.monotonic(), session)
        session.rollback()
        return len(batch.ids)

    def _advance(self, now: float, session: Session | None = None) -> None:
        """Move the watermark over seen ids and over ids that will never appear.

        A missing id is given up when the database commits ids in order (SQLite: one writer
        at a time), when a row above it is older than ``GAP_TIMEOUT_S``, when it was first
        missed that long ago (a rolled-back write), or when it lies in a run of more than
        ``MAX_GAP_RUN`` missing ids (deleted rows: no write holds that many ids uncommitted).
        """
        top = max(self.seen, default=self.watermark)
        mark = self.watermark
        settled = -1
        while mark < top:
            following = mark + 1
            if following in self.seen:
                self.seen.discard(following)
                mark = following
                continue
            if settled < 0:
                settled = self._settled(session)
            run_end = min(i for i in self.seen if i > following)
            if (
                following <= settled
                or run_end - following > MAX_GAP_RUN
                or now - self.gaps.setdefault(following, now) >= GAP_TIMEOUT_S
            ):
                mark = run_end - 1  # the whole run of missing ids
                continue
            break
        self.watermark = mark
        self.gaps = {i: t for i, t in self.gaps.items() if i > mark}
        for missing in range(mark + 1, min(top, mark + 1 + MAX_GAP_RUN)):
            if missing not in self.seen:
                self.gaps.setdefault(missing, now)

    def _settled(self, session: Session | None) -> int:
        """The id at or below which every missing id is final (0 when unknown)."""
        if session is None:
            return 0
        if session.get_bind().dialect.name == "sqlite":
            return max(self.seen, default=0)
        cutoff = datetime.now(UTC) - timedelta(seconds=GAP_TIMEOUT_S)
        return settled_change_id(session, cutoff, after=self.watermark)

    # publishing ---------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True when applied changes (or watermark progress) are not yet published."""
        return self.pending > 0 or self.watermark != self.published_watermark

    def publish(self) -> PublishReport:
        """Save the retriever as the new current snapshot, stamped with the watermark."""
        assert self.retriever is not None
        if self.retriever.needs_compaction():
            self.retriever.compact()
        started = time.perf_counter()
        self.retriever.save(self.folder, fingerprint=fingerprint(self.watermark))
        seconds = time.perf_counter() - started
        report = PublishReport(
            self.retriever.snapshot or "", self.pending, len(self.retriever), seconds, self.watermark
        )
        self.published_watermark, self.pending, self.last_save_s = self.watermark, 0, seconds
        self.next_publish_at = time.monotonic() + max(MIN_PUBLISH_INTERVAL_S, PUBLISH_SLOWDOWN * seconds)
        log.info(
            "published %s: %d changes, %d listings, %.2f s (changes up to #%d)",
            report.snapshot,
            report.changes,
            report.listings,
            report.seconds,
            report.watermark,
        )
        return report

    def prune(self, session: Session, force: bool = False) -> int:
        """Delete old feed rows already in a published snapshot (at most once a minute)."""
        now = time.monotonic()
        if not force and now - self._pruned_at < PRUNE_EVERY_S:
            return 0
        self._pruned_at = now
        removed = prune_changes(session, self.published_watermark, datetime.now(UTC) - PRUNE_AFTER)
        session.commit()
        return removed

    # the loop -----------------------------------------------------------------------------------
    def drain(self, session: Session) -> int:
        """Apply every feed row there is now; returns how many were read."""
        total = 0
        while (read := self.step(session)) > 0:
            total += read
        return total

    def run(self, session: Session, stop: threading.Event) -> None:
        """Follow the feed until ``stop`` is set, publishing when due."""
        while not stop.is_set():
            try:
                read = self.step(session)
                if self.dirty and time.monotonic() >= self.next_publish_at:
                    self.publish()
                self.prune(session)
            except DBAPIError as problem:  # the database restarting: wait, then carry on
                log.warning("database unavailable (%s); retrying in %.0f s", problem, DB_RETRY_S)
                session.rollback()
                stop.wait(DB_RETRY_S)
                continue
            session.rollback()
            if read >= CHANGES_PER_STEP:
                continue
            wait = POLL_S
            if self.dirty:
                wait = min(wait, max(0.0, self.next_publish_at - time.monotonic()))
            stop.wait(max(wait, 0.05))


def run_once(
    session: Session,
    folder: str,
    model: str,
    embedder: Embedder | None = None,
    options: BuildOptions | None = None,
) -> Indexer:
    """Take the lock, open or build, apply every pending change, publish if needed, prune."""
    with FolderLock(folder):
        indexer = Indexer(folder, model, embedder, options)
        indexer.open(session)
        indexer.drain(session)
        if indexer.dirty:
            indexer.publish()
        indexer.prune(session, force=True)
        return indexer
