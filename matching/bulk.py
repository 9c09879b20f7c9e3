"""Bulk embedding of a large catalogue: de-duplicated, length-sorted, batched, resumable.

``embed_bulk`` embeds a sequence of passage texts through a ``CachedEmbedder``:

- identical texts (same content hash) are embedded once, and texts whose hash is already in the
  cache are skipped, so an interrupted run resumes where its last checkpoint left off;
- the remaining texts are sorted by length and cut into batches, so each forward pass holds
  texts of similar length (no padding waste in engines that pad; better cache locality in
  engines that concatenate);
- optionally texts are cut to ``max_words`` words before embedding (listing texts put the
  product first and the seller's words last, so a cut loses the least informative tail);
- every ``checkpoint`` texts the new vectors are committed to the cache (the checkpoint);
- a progress callback receives (done, total) after every batch; ``tqdm_progress`` shows a bar
  with an ETA.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .cache import CachedEmbedder, text_key

Progress = Callable[[int, int], None]


@dataclass
class BulkReport:
    """What a bulk run did and how fast (texts per second counts every input text)."""

    texts: int
    distinct: int
    cached: int
    embedded: int
    seconds: float

    @property
    def per_second(self) -> float:
        """Input texts per second of wall time (duplicates and cache hits count as done)."""
        return self.texts / self.seconds if self.seconds > 0 else 0.0

    @property
    def embedded_per_second(self) -> float:
        """Texts actually run through the model per second."""
        return self.embedded / self.seconds if self.seconds > 0 else 0.0


def truncate_words(text: str, max_words: int | None) -> str:
    """The first ``max_words`` whitespace-separated words of ``text`` (all when None)."""
    if not max_words:
        return text
    words = text.split()
    return text if len(words) <= max_words else " ".join(words[:max_words])


def embed_bulk(
    texts: Sequence[str],
    cache: CachedEmbedder,
    batch_size: int = 256,
    checkpoint: int = 4096,
    max_words: int | None = None,
    sort_by_length: bool = True,
    progress: Progress | None = None,
    limit_seconds: float | None = None,
) -> BulkReport:
    """Make sure every text's passage vector is in ``cache``; returns what was done.

    Vectors are keyed by the *original* text (what the index looks up), whatever
    ``max_words`` cut before embedding. ``limit_seconds`` stops cleanly after the first
    checkpoint past that time (the rest is embedded by the next run).
    """
    started = time.perf_counter()
    name = cache.name
    unique: dict[bytes, str] = {}
    for text in texts:
        unique.setdefault(text_key(name, "passage", text), text)
    present = cache.known_keys(list(unique))
    todo = [(key, text) for key, text in unique.items() if key not in present]
    if sort_by_length:
        todo.sort(key=lambda item: len(item[1]))
    total, done = len(todo), 0
    pending: list[tuple[bytes, np.ndarray]] = []
    if progress is not None:
        progress(0, total)
    for start in range(0, total, batch_size):
        chunk = todo[start : start + batch_size]
        vectors = cache.inner.embed_passages([truncate_words(t, max_words) for _, t in chunk])
        pending.extend(zip((k for k, _ in chunk), vectors))
        done += len(chunk)
        if len(pending) >= checkpoint or done == total:
            cache.store_vectors(pending)
            pending = []
            if limit_seconds is not None and time.perf_counter() - started > limit_seconds:
                break
        if progress is not None:
            progress(done, total)
    if pending:
        cache.store_vectors(pending)
    return BulkReport(len(texts), len(unique), len(present), done, time.perf_counter() - started)


def tqdm_progress(desc: str = "Embedding") -> Progress:
    """A progress callback drawing a tqdm bar (rate and ETA) on stderr."""
    from tqdm import tqdm

    bar: dict[str, tqdm[Any]] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, unit="text", desc=desc, smoothing=0.05)
        b = bar["bar"]
        b.update(done - b.n)
        if done >= total:
            b.close()

    return update
