"""How the indexer builds a full index: which retrieval backend, and whether Ray embeds it.

``RETRIEVAL_BACKEND=local`` (default) keeps FAISS and the lexical index in the snapshot;
``milvus`` writes each full build to a new collection ``<MILVUS_COLLECTION>_<stamp>`` at
``MILVUS_URI`` (the snapshot names it; the two newest are kept, older ones dropped).
``INDEXER_RAY=1`` embeds the catalogue with the Ray Data job (``matching.ray_jobs``) into
resumable shards under ``<INDEX_FOLDER>/ray-embeddings`` instead of in this process.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matching.embedders import Embedder
from matching.retriever import Retriever, index_text
from matching.types import ListingRecord

log = logging.getLogger(__name__)

KEEP_COLLECTIONS = 2


@dataclass(frozen=True)
class BuildOptions:
    """The backend a full build writes to, and whether it embeds with Ray."""

    backend: str = "local"
    milvus_uri: str = ""
    milvus_token: str = field(default="", repr=False)
    collection_prefix: str = "pasarpadu_listings"
    ray: bool = False
    model: str = ""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> BuildOptions:
        """Options from the app's configuration (``app.config``)."""
        return cls(
            config.get("RETRIEVAL_BACKEND", "local"),
            config.get("MILVUS_URI", ""),
            config.get("MILVUS_TOKEN", ""),
            config.get("MILVUS_COLLECTION", "pasarpadu_listings"),
            bool(config.get("INDEXER_RAY", False)),
            config.get("MATCHER_MODEL", ""),
        )


def build_retriever(
    records: Iterable[ListingRecord],
    embedder: Embedder,
    folder: Path,
    options: BuildOptions,
    progress: Callable[[int], None] | None = None,
) -> Retriever:
    """A freshly built retriever over ``records`` on the configured backend."""
    backend_options = None
    if options.backend == "milvus":
        backend_options = {
            "uri": options.milvus_uri,
            "token": options.milvus_token,
            "collection": f"{options.collection_prefix}_"
            f"{time.strftime('%Y%m%dT%H%M%S')}_{time.time_ns() % 10**6:06d}",
        }
    if not options.ray:
        retriever = Retriever.build(
            records, embedder, progress=progress, backend=options.backend, backend_options=backend_options
        )
    else:
        from matching.ray_jobs import embed_with_ray, load_embeddings

        records = list(records)
        ids = [r.listing_id for r in records]
        texts = [index_text(r) for r in records]
        shards = folder / "ray-embeddings"
        report = embed_with_ray(ids, texts, options.model or embedder.name, shards)
        log.info(
            "ray embedding: %d shards, %d written, %d texts in %.1f s",
            report.shards,
            report.written,
            report.items,
            report.seconds,
        )
        _, vectors = load_embeddings(shards, report.keys, ids)
        if progress is not None:
            progress(len(records))
        retriever = Retriever.from_vectors(
            records, vectors, embedder, texts=texts, backend=options.backend, backend_options=backend_options
        )
        shutil.rmtree(shards, ignore_errors=True)  # the next full build embeds afresh
    if options.backend == "milvus":
        prune_collections(options)
    return retriever


def prune_collections(options: BuildOptions, keep: int = KEEP_COLLECTIONS) -> list[str]:
    """Drop all but the ``keep`` newest collections of this prefix; returns those dropped."""
    from matching.milvus_backend import MilvusBackend

    client = MilvusBackend.open_client(options.milvus_uri, options.milvus_token)
    mine = sorted(c for c in client.list_collections() if c.startswith(options.collection_prefix + "_"))
    dropped = mine[:-keep] if keep > 0 else mine
    for name in dropped:
        client.drop_collection(name)
        log.info("dropped Milvus collection %s", name)
    return dropped
