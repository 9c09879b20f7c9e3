"""Query understanding: which words of a request name the item bought, and what its
abbreviations and synonyms mean.

``QueryAnalyzer`` reads the tables learned by ``python -m matching vocab`` (``vocab.py``)
and the curated glossary (``data/glossary.tsv``, one source per entry) and turns a request
into a ``QueryAnalysis``: per-word weights (item words high; beneficiaries, places and
budget wording low), expansions written out, and an *item-focused* text. Retrieval searches
both the full and the item-focused text (any ``Embedder``, any lexical index), so context
words ("pasien", "kantor", "siswa") no longer outweigh the thing bought.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .text import STOPWORDS, normalise_demand_text
from .vocab import CONTEXT_MARKERS, JOINERS, words

DATA_DIR = Path(__file__).with_name("data")
TABLES_FILE = DATA_DIR / "query_terms.json"
GLOSSARY_FILE = DATA_DIR / "glossary.tsv"
UNSEEN_ITEMNESS = 0.6


@dataclass(frozen=True)
class QueryAnalysis:
    """What the engine read in a request."""

    text: str
    item_text: str
    weights: dict[str, float] = field(default_factory=dict)
    expansions: tuple[tuple[str, str], ...] = ()
    category_hint: dict[str, float] = field(default_factory=dict)

    @property
    def item_words(self) -> tuple[str, ...]:
        """Words read as the item (weight at least half the strongest), in order."""
        top = max(self.weights.values(), default=0.0)
        return tuple(w for w, v in self.weights.items() if v >= 0.5 * top)

    @property
    def context_words(self) -> tuple[str, ...]:
        """Words read as context (who, where, budget wording)."""
        items = set(self.item_words)
        return tuple(w for w in self.weights if w not in items)


@dataclass(frozen=True)
class GlossaryEntry:
    """One curated meaning: a word or phrase, its expansion, a category, where it comes from."""

    term: str
    expansion: str
    category: str
    source: str


def load_glossary(path: str | Path = GLOSSARY_FILE) -> list[GlossaryEntry]:
    """The curated glossary (longest phrases first)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    entries = [
        GlossaryEntry(
            r["term"].strip().lower(),
            r["expansion"].strip(),
            r.get("category", "").strip(),
            r.get("source", "").strip(),
        )
        for r in rows
        if r.get("term")
    ]
    return sorted(entries, key=lambda e: -len(e.term))


class QueryAnalyzer:
    """Reads requests with learned term statistics, mined abbreviations and the glossary."""

    def __init__(
        self,
        tables: dict[str, Any],
        glossary: list[GlossaryEntry] | None = None,
        item_share: float = 0.5,
        context_factor: float = 0.5,
        head_weight: float = 0.7,
    ) -> None:
        self.terms: dict[str, dict[str, Any]] = tables.get("terms", {})
        self.abbreviations: dict[str, str] = {
            a: v["long"] for a, v in tables.get("abbreviations", {}).items()
        }
        self.synonyms = self._usable_synonyms(tables.get("synonyms", []))
        self.glossary = glossary or []
        self.item_share = item_share
        self.context_factor = context_factor
        self.head_weight = head_weight

    def _usable_synonyms(
        self,
        pairs: list[dict[str, Any]],
        min_count: int = 10,
        min_similarity: float = 0.85,
        min_item: float = 0.3,
    ) -> dict[str, str]:
        """Mined alternatives ("a/b") kept only when frequent, both item-like and both
        pointing to the same catalogue categories (cosine of their profiles)."""
        out: dict[str, str] = {}
        for pair in pairs:
            a, b = pair["a"], pair["b"]
            ta, tb = self.terms.get(a, {}), self.terms.get(b, {})
            if pair["count"] < min_count or min(ta.get("item", 0), tb.get("item", 0)) < min_item:
                continue
            ca, cb = ta.get("cats", {}), tb.get("cats", {})
            dot = sum(v * cb.get(k, 0.0) for k, v in ca.items())
            norm = (sum(v * v for v in ca.values()) * sum(v * v for v in cb.values())) ** 0.5
            if norm and dot / norm >= min_similarity:
                out.setdefault(a, b)
                out.setdefault(b, a)
        return out

    @classmethod
    def load(
        cls, tables_path: str | Path = TABLES_FILE, glossary_path: str | Path = GLOSSARY_FILE, **kwargs: float
    ) -> QueryAnalyzer:
        """An analyzer from the committed tables and glossary."""
        tables = json.loads(Path(tables_path).read_text("utf-8"))
        return cls(tables, load_glossary(glossary_path), **kwargs)

    def itemness(self, word: str) -> float:
        """Learned item-ness of ``word`` in [0, 1] (unseen words count as likely items)."""
        entry = self.terms.get(word)
        return float(entry["item"]) if entry else UNSEEN_ITEMNESS

    def _expand(self, text: str, tokens: list[str]) -> list[tuple[str, str, str]]:
        """(term, expansion, category) for glossary phrases and mined abbreviations found."""
        found: list[tuple[str, str, str]] = []
        padded = f" {' '.join(tokens)} "
        for entry in self.glossary:
            term = " ".join(w for w in words(entry.term) if w not in JOINERS and w not in STOPWORDS)
            if f" {term} " in padded:
                found.append((term, entry.expansion, entry.category))
                padded = padded.replace(f" {term} ", " ")
        for tok in tokens:
            long = self.abbreviations.get(tok)
            if long and f" {tok} " in padded and long not in text:
                found.append((tok, long, ""))
            other = self.synonyms.get(tok)
            if other and other not in tokens:
                found.append((tok, other, ""))
        return found

    def analyse(self, text: str) -> QueryAnalysis:
        """Weights, expansions and the item-focused text of a request or search text."""
        qtext = normalise_demand_text(text).lower()
        tokens = words(qtext)
        weights: dict[str, float] = {}
        context = False
        content: list[str] = []
        for tok in tokens:
            if tok in CONTEXT_MARKERS:
                context = True
                continue
            if tok in STOPWORDS or tok in JOINERS or tok.isdigit() or len(tok) < 2:
                continue
            content.append(tok)
            w = 0.2 + 0.8 * self.itemness(tok)
            if not content[:-1] and not context:
                w = max(w, self.head_weight)  # names are head-first: "Kalender Meja"
            if context:
                w *= self.context_factor
            weights[tok] = max(weights.get(tok, 0.0), round(w, 3))
        expansions = self._expand(qtext, content)
        for term, _, _ in expansions:
            for tok in term.split():
                if tok in weights:
                    weights[tok] = max(weights[tok], 0.9)
        hint = self._category_hint(weights, expansions)
        top = max(weights.values(), default=0.0)
        focus = [w for w in weights if weights[w] >= 0.6 * top]
        item_text = " ".join(focus + [exp for _, exp, _ in expansions])
        return QueryAnalysis(
            qtext, item_text or qtext, weights, tuple((t, e) for t, e, _ in expansions), hint
        )

    def _category_hint(
        self, weights: dict[str, float], expansions: list[tuple[str, str, str]]
    ) -> dict[str, float]:
        """Category profile of the request's words, weighted by item-ness (sums to 1)."""
        totals: dict[str, float] = {}
        for word, w in weights.items():
            for cat, share in self.terms.get(word, {}).get("cats", {}).items():
                totals[cat] = totals.get(cat, 0.0) + w * w * share
        for _, _, cat in expansions:
            if cat:
                totals[cat] = totals.get(cat, 0.0) + 1.0
        total = sum(totals.values())
        return {c: v / total for c, v in sorted(totals.items(), key=lambda x: -x[1])} if total else {}

    def variants(self, text: str) -> list[tuple[str, float]]:
        """(text, weight) pairs retrieval searches and blends: the full and item-focused text."""
        analysis = self.analyse(text)
        if analysis.item_text == analysis.text or self.item_share <= 0:
            return [(analysis.text, 1.0)]
        return [(analysis.text, 1.0 - self.item_share), (analysis.item_text, self.item_share)]


@lru_cache(maxsize=1)
def default_analyzer() -> QueryAnalyzer | None:
    """The analyzer over the committed tables (None when they have not been built)."""
    if not TABLES_FILE.exists():
        return None
    return QueryAnalyzer.load()
