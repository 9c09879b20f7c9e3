"""Milvus retrieval backend (``pymilvus``): one collection, a dense and a sparse vector per listing.

The sparse vector is our own lexical row (``LexicalIndex.vectorise``: hashed word and
character 4-gram TF-IDF, so Indonesian sub-word matches keep working), not Milvus's analyser;
its inner product with ``LexicalIndex.query_terms`` of a query text is the same lexical score
the local index gives. A query is one hybrid search (a dense request and one sparse request per
query text); the returned listings' vectors are scored exactly here, and the retriever fuses
and ranks them as it does for the local backend.

The same code serves Milvus Lite (a ``.db`` path, or ``milvus-lite server`` on a port) and a
Milvus cluster (``http://host:19530``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .backends import CandidateScores, RetrievalUnavailable, Variants
from .lexical import LexicalIndex
from .vector_index import EXACT_LIMIT, LARGE_LIMIT, hnsw_params, ivf_params

INSERT_BATCH = 2_000
SEARCH_TIMEOUT_S = 5.0
WARM_UP_TIMEOUT_S = 600.0
# pymilvus pings every 10 s even on idle connections; gRPC servers with default settings
# (Milvus Lite's) answer an idle connection's repeated pings with GOAWAY "too many pings".
# Ping only during calls, at the servers' default minimum interval; calls carry time-outs.
GRPC_OPTIONS = {"grpc.keepalive_permit_without_calls": False, "grpc.keepalive_time_ms": 300_000}
FIELDS = ["dense", "sparse"]


def index_params(count: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(dense index build spec, search params) sized like the local FAISS choice."""
    if count < EXACT_LIMIT:
        return {"index_type": "FLAT", "params": {}}, {}
    if count < LARGE_LIMIT:
        p = hnsw_params(count)
        return (
            {"index_type": "HNSW", "params": {"M": p["M"], "efConstruction": p["efConstruction"]}},
            {"ef": p["efSearch"]},
        )
    p = ivf_params(count)
    return {"index_type": "IVF_SQ8", "params": {"nlist": p["nlist"]}}, {"nprobe": p["nprobe"]}


def sparse_dict(indices: np.ndarray, values: np.ndarray) -> dict[int, float]:
    """A sparse row as pymilvus takes it."""
    return dict(zip(indices.tolist(), values.tolist()))


class MilvusBackend:
    """Listings in one Milvus collection; candidates by hybrid (dense + sparse) search."""

    name = "milvus"

    def __init__(
        self,
        client: Any,
        collection: str,
        dim: int,
        vectoriser: LexicalIndex,
        search_params: dict[str, Any] | None = None,
        uri: str = "",
    ) -> None:
        self.client = client
        self.collection = collection
        self.dim = dim
        self.vectoriser = vectoriser
        self.search_params = dict(search_params or {})
        self.uri = uri
        self.timeout = SEARCH_TIMEOUT_S  # seconds a search may take before callers fall back

    # connecting and building ----------------------------------------------------------------
    @staticmethod
    def open_client(uri: str, token: str = "") -> Any:
        """A ``MilvusClient`` for a server URI or a Milvus Lite ``.db`` path."""
        from pymilvus import MilvusClient

        kwargs: dict[str, Any] = {"grpc_options": GRPC_OPTIONS}
        if token:
            kwargs["token"] = token
        return MilvusClient(uri=uri, **kwargs)

    @classmethod
    def create(
        cls,
        uri: str,
        collection: str,
        ids: Sequence[int],
        vectors: np.ndarray,
        texts: Sequence[str],
        vectoriser: LexicalIndex,
        token: str = "",
    ) -> MilvusBackend:
        """A new collection (replacing one of that name) holding the given listings."""
        from pymilvus import DataType

        client = cls.open_client(uri, token)
        if client.has_collection(collection):
            client.drop_collection(collection)
        schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=int(vectors.shape[1]))
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        client.create_collection(collection, schema=schema, consistency_level="Strong")
        backend = cls(client, collection, int(vectors.shape[1]), vectoriser, uri=uri)
        backend._write(list(ids), vectors, texts, insert=True)
        dense_spec, search = index_params(len(ids))
        params = client.prepare_index_params()
        params.add_index("dense", metric_type="IP", **dense_spec)
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
        client.create_index(collection, params)
        # sealed segments get their indexes; rows left in the write buffer are searched by
        # brute force on every query (Milvus Lite rebuilds a sparse index of them each time)
        client.flush(collection)
        client.load_collection(collection)
        backend.search_params = search
        backend.warm_up()
        return backend

    @classmethod
    def connect(
        cls,
        uri: str,
        collection: str,
        dim: int,
        vectoriser: LexicalIndex,
        search_params: dict[str, Any] | None = None,
        token: str = "",
    ) -> MilvusBackend:
        """An existing collection (loaded for search)."""
        client = cls.open_client(uri, token)
        if not client.has_collection(collection):
            raise LookupError(f"no Milvus collection {collection!r} at {uri}")
        client.load_collection(collection)
        backend = cls(client, collection, dim, vectoriser, search_params, uri)
        backend.warm_up()
        return backend

    def warm_up(self) -> None:
        """One search of each field, so that a server that builds its per-segment indexes
        lazily (Milvus Lite's sparse postings) does it now rather than on a visitor's query."""
        probe = np.zeros(self.dim, np.float32)
        probe[0] = 1.0
        for field, data, params in (("dense", probe.tolist(), self.search_params), ("sparse", {0: 1.0}, {})):
            self.client.search(
                self.collection,
                data=[data],
                anns_field=field,
                limit=1,
                search_params={"metric_type": "IP", "params": params},
                timeout=WARM_UP_TIMEOUT_S,
            )

    def describe(self) -> dict[str, Any]:
        """What a snapshot records to reconnect."""
        return {
            "kind": self.name,
            "uri": self.uri,
            "collection": self.collection,
            "search_params": self.search_params,
        }

    def drop(self) -> None:
        """Delete the collection."""
        self.client.drop_collection(self.collection)

    def close(self) -> None:
        """Close the client connection."""
        self.client.close()

    # mutation ---------------------------------------------------------------------------------
    def _write(self, ids: list[int], vectors: np.ndarray, texts: Sequence[str], insert: bool = False) -> None:
        vectors = np.asarray(vectors, np.float32)
        for start in range(0, len(ids), INSERT_BATCH):
            stop = start + INSERT_BATCH
            rows = [
                {"id": int(i), "dense": v, "sparse": sparse_dict(*s) or {0: 0.0}}
                for i, v, s in zip(
                    ids[start:stop],
                    vectors[start:stop].tolist(),
                    self.vectoriser.vectorise(texts[start:stop]),
                )
            ]
            (self.client.insert if insert else self.client.upsert)(self.collection, rows)

    def __len__(self) -> int:
        try:
            rows = self.client.query(
                self.collection, filter="", output_fields=["count(*)"], timeout=self.timeout
            )
        except Exception as exc:  # see candidates
            raise RetrievalUnavailable(f"Milvus count failed: {exc}") from exc
        return int(rows[0]["count(*)"])

    def __contains__(self, listing_id: int) -> bool:
        try:
            return bool(
                self.client.get(
                    self.collection, ids=[int(listing_id)], output_fields=["id"], timeout=self.timeout
                )
            )
        except Exception as exc:  # see candidates
            raise RetrievalUnavailable(f"Milvus lookup failed: {exc}") from exc

    def upsert(self, ids: Sequence[int], vectors: np.ndarray, texts: Sequence[str]) -> None:
        """Add or replace listings (Milvus upsert by primary key)."""
        if len(ids):
            self._write([int(i) for i in ids], vectors, texts)
            self.client.flush(self.collection)

    def remove(self, ids: Sequence[int]) -> int:
        """Delete listings by id; returns how many were present."""
        ids = [int(i) for i in ids]
        if not ids:
            return 0
        present = self.client.get(self.collection, ids=ids, output_fields=["id"])
        if present:
            self.client.delete(self.collection, ids=[int(r["id"]) for r in present])
            self.client.flush(self.collection)
        return len(present)

    # queries ------------------------------------------------------------------------------------
    def candidates(self, qvec: np.ndarray, variants: Variants, pool: int) -> CandidateScores:
        """One hybrid search (dense + a sparse request per text); both scores exact, here."""
        from pymilvus import AnnSearchRequest, RRFRanker

        qvec = np.asarray(qvec, np.float32)
        terms = [(blended_terms([(self.vectoriser.query_terms(text), w) for text, w in variants]), 1.0)]
        requests = [
            AnnSearchRequest(
                [qvec.tolist()], "dense", {"metric_type": "IP", "params": self.search_params}, pool
            )
        ]
        for (cols, weights), _ in terms:
            if len(cols):
                requests.append(
                    AnnSearchRequest(
                        [sparse_dict(cols, weights)], "sparse", {"metric_type": "IP", "params": {}}, pool
                    )
                )
        try:
            hits = self.client.hybrid_search(
                self.collection,
                requests,
                RRFRanker(60),
                limit=pool * len(requests),
                output_fields=FIELDS,
                timeout=self.timeout,
            )[0]
        except Exception as exc:  # pymilvus raises several kinds when a server is gone
            raise RetrievalUnavailable(f"Milvus search failed: {exc}") from exc
        if not len(hits):
            return CandidateScores([], np.zeros(0), np.zeros(0))
        ids = [int(h["id"]) for h in hits]
        entities = [h["entity"] for h in hits]
        dense = np.asarray([e["dense"] for e in entities], np.float32) @ qvec
        lexical = np.zeros(len(ids), np.float64)
        for (cols, weights), w in terms:
            lexical += w * sparse_scores([e["sparse"] for e in entities], cols, weights)
        # the local backend's order: dense top by dense score, then the rest by lexical score
        # (ties by listing id, as FAISS and the lexical index break them)
        id_arr = np.asarray(ids, np.int64)
        by_dense = np.lexsort((id_arr, -dense))
        top, rest = by_dense[:pool], by_dense[pool:]
        rest = rest[np.lexsort((id_arr[rest], -lexical[rest]))]
        order = np.concatenate([top, rest]).astype(np.int64)
        return CandidateScores(
            [ids[k] for k in order.tolist()], dense[order].astype(np.float64), lexical[order]
        )


def blended_terms(
    parts: Sequence[tuple[tuple[np.ndarray, np.ndarray], float]],
) -> tuple[np.ndarray, np.ndarray]:
    """One sparse query: the weighted sum of the texts' query vectors (as the local index)."""
    parts = [(terms, w) for terms, w in parts if w and len(terms[0])]
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    cols = np.concatenate([c for (c, _), _ in parts])
    weights = np.concatenate([v * np.float32(w) for (_, v), w in parts])
    cols, inverse = np.unique(cols, return_inverse=True)
    return cols, np.bincount(inverse, weights, minlength=len(cols)).astype(np.float32)


def sparse_scores(rows: Sequence[dict[int, float]], cols: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Inner product of each sparse row (a dict) with one query (sorted columns, weights)."""
    out = np.zeros(len(rows), np.float64)
    if not len(cols):
        return out
    for r, row in enumerate(rows):
        keys = np.fromiter(row.keys(), np.int64, len(row))
        vals = np.fromiter(row.values(), np.float64, len(row))
        pos = np.searchsorted(cols, keys)
        pos[pos >= len(cols)] = 0
        hit = cols[pos] == keys
        out[r] = float(np.dot(vals[hit], weights[pos[hit]]))
    return out
