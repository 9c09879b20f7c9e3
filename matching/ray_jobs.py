"""Bulk embedding and batch re-matching as Ray Data jobs (a local Ray here, a cluster elsewhere).

Both jobs cut their input into shards keyed by id range and content (``000000000001-000000010000-<digest>``), map
the shards over Ray actors (each loads the model or the index once) and write one file per
shard atomically. A shard whose file exists is skipped, so a job that was interrupted or is run
again only does what is missing (idempotent and resumable). ``ray.init`` joins the cluster named
by ``RAY_ADDRESS`` when it is set, else starts Ray on this machine.

- ``embed_with_ray``: passage vectors of (id, text) pairs -> ``emb-<range>.npz``;
  ``load_embeddings`` reads them back in id order (to write to the chosen backend).
- ``rematch_with_ray``: the retrieved candidates of each (request id, text) from a published
  index snapshot -> ``match-<range>.npz``; ``load_matches`` (listing ids) and
  ``load_candidates`` (with their scores, for ranking) read them back.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .vector_index import atomic_write_file

if TYPE_CHECKING:
    from .types import Candidate

SHARD_SIZE = 10_000
EMBED_PREFIX = "emb-"
MATCH_PREFIX = "match-"


@dataclass(frozen=True)
class JobReport:
    """What a job did: shards in the plan, shards written now, items written now, seconds,
    and the plan's shard keys (in id order)."""

    shards: int
    written: int
    items: int
    seconds: float
    keys: tuple[str, ...] = ()


def shard_key(ids: Sequence[int], texts: Sequence[str]) -> str:
    """A shard's key: its first and last id (zero-padded) and a digest of its contents.

    An edited listing changes the digest, so a re-run embeds that shard again.
    """
    digest = hashlib.blake2b(digest_size=6)
    for listing_id, text in zip(ids, texts):
        digest.update(f"{int(listing_id)}\x00{text}\x00".encode())
    return f"{int(ids[0]):012d}-{int(ids[-1]):012d}-{digest.hexdigest()}"


def plan_shards(ids: Sequence[int], texts: Sequence[str], size: int = SHARD_SIZE) -> list[dict[str, Any]]:
    """Items sorted by id, cut into shards of ``size``: dicts of key, ids, texts."""
    order = np.argsort(np.asarray(ids, np.int64), kind="stable")
    ids_sorted = [int(ids[i]) for i in order.tolist()]
    texts_sorted = [texts[i] for i in order.tolist()]
    return [
        {
            "key": shard_key(ids_sorted[s : s + size], texts_sorted[s : s + size]),
            "ids": ids_sorted[s : s + size],
            "texts": texts_sorted[s : s + size],
        }
        for s in range(0, len(ids_sorted), size)
    ]


def init_ray(num_cpus: int | None = None) -> None:
    """Join ``RAY_ADDRESS``'s cluster, or start a local Ray (``num_cpus`` cores) if none runs."""
    import ray

    if ray.is_initialized():
        return
    if os.environ.get("RAY_ADDRESS"):
        ray.init(address=os.environ["RAY_ADDRESS"], log_to_driver=False)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False


def _write_npz(path: Path, **arrays: np.ndarray) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]  # numpy's stub reads **arrays as its allow_pickle flag

    atomic_write_file(path, write)


class EmbedShard:
    """Ray actor: loads the embedder once, embeds a shard, writes ``emb-<key>.npz``."""

    def __init__(self, model: str, out_dir: str, batch_size: int) -> None:
        from .embedders import create_embedder

        self.embedder = create_embedder(model)
        self.out_dir, self.batch_size = Path(out_dir), batch_size

    def __call__(self, shard: dict[str, Any]) -> dict[str, Any]:
        texts = list(shard["texts"])
        parts = [
            self.embedder.embed_passages(texts[s : s + self.batch_size])
            for s in range(0, len(texts), self.batch_size)
        ]
        vectors = np.concatenate(parts).astype(np.float32)
        _write_npz(
            self.out_dir / f"{EMBED_PREFIX}{shard['key']}.npz",
            ids=np.asarray(shard["ids"], np.int64),
            vectors=vectors,
            model=np.array(self.embedder.name),
        )
        return {"key": shard["key"], "count": len(texts)}


class MatchShard:
    """Ray actor: opens the published index once, retrieves the candidates of a shard of requests."""

    def __init__(
        self, folder: str, model: str, out_dir: str, n: int, query_model: str = "", snapshot: str = ""
    ) -> None:
        from .embedders import create_embedder
        from .retriever import Retriever

        query_embedder = create_embedder(query_model) if query_model else None
        self.retriever = Retriever.load(
            folder, create_embedder(model), mmap=True, query_embedder=query_embedder
        )
        if snapshot and self.retriever.snapshot != snapshot:
            raise RuntimeError(
                f"index snapshot {self.retriever.snapshot} is published, not {snapshot}: run the job again"
            )
        self.out_dir, self.n, self.precise = Path(out_dir), n, bool(query_model)

    def __call__(self, shard: dict[str, Any]) -> dict[str, Any]:
        rows = len(shard["ids"])
        listings = np.full((rows, self.n), -1, np.int64)
        scores = np.zeros((3, rows, self.n), np.float32)  # fused, dense, lexical
        shares = np.zeros((rows, self.n), np.float32)
        categories = np.full((rows, self.n), "", object)
        for row, text in enumerate(shard["texts"]):
            found = self.retriever.retrieve(text, self.n, precise=self.precise)
            k = len(found)
            listings[row, :k] = [c.listing_id for c in found]
            scores[:, row, :k] = [
                [c.fused for c in found],
                [c.dense for c in found],
                [c.lexical for c in found],
            ]
            shares[row, :k] = [c.category_share for c in found]
            categories[row, :k] = [c.category for c in found]
        _write_npz(
            self.out_dir / f"{MATCH_PREFIX}{shard['key']}.npz",
            requests=np.asarray(shard["ids"], np.int64),
            listings=listings,
            scores=scores[0],
            dense=scores[1],
            lexical=scores[2],
            shares=shares,
            categories=categories.astype(str),
        )
        return {"key": shard["key"], "count": rows}


def _run(
    shards: list[dict[str, Any]],
    out_dir: Path,
    prefix: str,
    actor: type,
    args: tuple[Any, ...],
    actors: int | None,
    num_cpus: int | None,
) -> JobReport:
    """Map the shards whose file is missing over ``actors`` actors of ``actor``."""
    import ray

    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = tuple(s["key"] for s in shards)
    todo = [s for s in shards if not (out_dir / f"{prefix}{s['key']}.npz").exists()]
    if not todo:
        return JobReport(len(shards), 0, 0, time.perf_counter() - started, keys)
    init_ray(num_cpus)
    # ray leaves available_resources() unannotated
    workers = actors or max(1, int(ray.available_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
    workers = min(workers, len(todo))
    ds = ray.data.from_items(todo, override_num_blocks=len(todo))
    done = ds.map(
        actor, fn_constructor_args=args, num_cpus=1, compute=ray.data.ActorPoolStrategy(size=workers)
    ).take_all()
    return JobReport(
        len(shards), len(done), sum(int(d["count"]) for d in done), time.perf_counter() - started, keys
    )


def embed_with_ray(
    ids: Sequence[int],
    texts: Sequence[str],
    model: str,
    out_dir: str | Path,
    shard_size: int = SHARD_SIZE,
    batch_size: int = 1024,
    actors: int | None = None,
    num_cpus: int | None = None,
) -> JobReport:
    """Embed every (id, text) whose shard file is missing under ``out_dir``."""
    out = Path(out_dir)
    return _run(
        plan_shards(ids, texts, shard_size),
        out,
        EMBED_PREFIX,
        EmbedShard,
        (model, str(out), batch_size),
        actors,
        num_cpus,
    )


def load_embeddings(
    out_dir: str | Path, keys: Sequence[str], ids: Sequence[int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) of the shards ``keys`` (a job's plan), in id order; rows for ``ids``
    (in that order, all present) when given."""
    files = [Path(out_dir) / f"{EMBED_PREFIX}{key}.npz" for key in keys]
    if not files:
        return np.zeros(0, np.int64), np.zeros((0, 0), np.float32)
    parts = [np.load(f) for f in files]
    all_ids = np.concatenate([p["ids"] for p in parts])
    vectors = np.concatenate([p["vectors"] for p in parts])
    if ids is None:
        return all_ids, vectors
    wanted = np.asarray(ids, np.int64)
    order = np.argsort(all_ids, kind="stable")
    pos = order[np.searchsorted(all_ids, wanted, sorter=order)]
    if not np.array_equal(all_ids[pos], wanted):
        raise KeyError("some ids have no embedding shard")
    return wanted, vectors[pos]


def rematch_with_ray(
    request_ids: Sequence[int],
    texts: Sequence[str],
    folder: str | Path,
    model: str,
    out_dir: str | Path,
    n: int = 10,
    shard_size: int = 1_000,
    actors: int | None = None,
    num_cpus: int | None = None,
    query_model: str = "",
    snapshot: str = "",
) -> JobReport:
    """Retrieve the best ``n`` listings of every request whose shard file is missing, from the
    snapshot published in ``folder`` (``snapshot``, when named, must be the one published);
    ``query_model`` embeds the texts as the app embeds buyers' requests (precise)."""
    out = Path(out_dir)
    return _run(
        plan_shards(request_ids, texts, shard_size),
        out,
        MATCH_PREFIX,
        MatchShard,
        (str(folder), model, str(out), n, query_model, snapshot),
        actors,
        num_cpus,
    )


def load_matches(out_dir: str | Path, keys: Sequence[str]) -> dict[int, list[int]]:
    """Request id -> matched listing ids (best first) from the shards ``keys``."""
    result: dict[int, list[int]] = {}
    for path in (Path(out_dir) / f"{MATCH_PREFIX}{key}.npz" for key in keys):
        data = np.load(path)
        for rid, row in zip(data["requests"].tolist(), data["listings"].tolist()):
            result[int(rid)] = [i for i in row if i >= 0]
    return result


def load_candidates(out_dir: str | Path, keys: Sequence[str]) -> dict[int, list[Candidate]]:
    """Request id -> its retrieved candidates (best first, all scores) from the shards ``keys``."""
    from .types import Candidate

    result: dict[int, list[Candidate]] = {}
    for path in (Path(out_dir) / f"{MATCH_PREFIX}{key}.npz" for key in keys):
        data = np.load(path)
        for row, rid in enumerate(data["requests"].tolist()):
            result[int(rid)] = [
                Candidate(
                    int(listing),
                    float(data["dense"][row, k]),
                    float(data["lexical"][row, k]),
                    float(data["scores"][row, k]),
                    str(data["categories"][row, k]),
                    float(data["shares"][row, k]),
                )
                for k, listing in enumerate(data["listings"][row].tolist())
                if listing >= 0
            ]
    return result
