"""Category intent: which of the catalogue's categories a request is about.

A scikit-learn classifier (TF-IDF over words and character n-grams, logistic regression)
trained by ``python -m matching intent`` on the catalogue texts (synthetic generator and demo
vocabularies, labelled by category) and on *weak* labels for real package names: a name whose
item words (by the learned item-ness of ``vocab.py``) point clearly to one category is
labelled with it. No evaluation row is used. The model is a soft signal in retrieval
(``RetrievalSettings.intent_weight``) and is shown to buyers ("we read this as: Katering").
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .query import DATA_DIR, QueryAnalysis, QueryAnalyzer
from .text import normalise_demand_text

if TYPE_CHECKING:
    import numpy as np  # the methods import it when they run (lazy, as before)

INTENT_FILE = DATA_DIR / "intent.pkl"
INTENT_FORMAT = 1


@dataclass(frozen=True)
class IntentGuess:
    """The most likely category of a request and how sure the model is."""

    category: str
    probability: float
    runner_up: str = ""


class IntentModel:
    """A fitted category classifier over request texts."""

    def __init__(self, pipeline: object, meta: dict[str, Any] | None = None) -> None:
        self.pipeline = pipeline
        self.meta = meta or {}

    @property
    def categories(self) -> list[str]:
        """Category slugs in the model's column order."""
        # the pipeline is whatever was pickled (a scikit-learn Pipeline): typed as object
        return [str(c) for c in self.pipeline.classes_]  # type: ignore[attr-defined]

    def predict(self, text: str, analysis: QueryAnalysis | None = None) -> dict[str, float]:
        """Category -> probability for a request (sums to 1), most likely first.

        The model reads the request with its item words stressed and its abbreviations and
        synonyms written out (see ``query.QueryAnalyzer``), as retrieval does; pass the
        request's ``analysis`` when the caller already has it.
        """
        from .query import default_analyzer

        if analysis is None:
            analyzer = default_analyzer()
            analysis = analyzer.analyse(text) if analyzer is not None else None
        read = (
            f"{analysis.text} {analysis.item_text}"
            if analysis is not None
            else normalise_demand_text(text).lower()
        )
        probs = self._probabilities(read)
        pairs = sorted(zip(self.categories, probs.tolist()), key=lambda x: -x[1])
        return {c: float(p) for c, p in pairs}

    def _probabilities(self, read: str) -> np.ndarray:
        # One short text through Pipeline/FeatureUnion costs ~3 ms of joblib and validation
        # overhead per request; the same arithmetic step by step costs a fraction of that.
        import numpy as np
        import scipy.sparse as sp
        import sklearn

        steps = getattr(self.pipeline, "steps", None)
        union = steps[0][1] if steps and len(steps) == 2 else None
        parts = getattr(union, "transformer_list", None)
        if steps is None or parts is None or getattr(union, "transformer_weights", None):
            # the pipeline is whatever was pickled (a scikit-learn Pipeline): typed as object
            return np.asarray(self.pipeline.predict_proba([read])[0])  # type: ignore[attr-defined]
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            features = sp.hstack([t.transform([read]) for _, t in parts], format="csr")
            return np.asarray(steps[1][1].predict_proba(features)[0])

    def guess(self, text: str) -> IntentGuess | None:
        """The most likely category (None for an empty text)."""
        if not normalise_demand_text(text).strip():
            return None
        ranked = list(self.predict(text).items())
        return IntentGuess(ranked[0][0], ranked[0][1], ranked[1][0] if len(ranked) > 1 else "")

    def save(self, path: str | Path = INTENT_FILE) -> None:
        """Write the model (pickle with a format and scikit-learn version stamp)."""
        import sklearn

        payload = {
            "format": INTENT_FORMAT,
            "sklearn": sklearn.__version__,
            "meta": self.meta,
            "pipeline": self.pipeline,
        }
        Path(path).write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))

    @classmethod
    def load(cls, path: str | Path = INTENT_FILE) -> IntentModel | None:
        """The saved model, or None when absent or written by another scikit-learn."""
        import sklearn

        try:
            payload = pickle.loads(Path(path).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if payload.get("format") != INTENT_FORMAT or payload.get("sklearn") != sklearn.__version__:
            return None
        return cls(payload["pipeline"], payload.get("meta"))


def weak_labels(
    names: Sequence[str], analyzer: QueryAnalyzer, min_share: float = 0.7, min_item: float = 0.3
) -> list[tuple[str, str]]:
    """(category, name) for package names whose item words point clearly to one category.

    Only words learned from the catalogue and glossary meanings vote (corpus-derived
    profiles would be circular).
    """
    out: list[tuple[str, str]] = []
    for name in names:
        analysis = analyzer.analyse(name)
        votes: dict[str, float] = {}
        for word, weight in analysis.weights.items():
            entry = analyzer.terms.get(word, {})
            if entry.get("from") != "catalogue" or entry.get("item", 0) < min_item:
                continue
            for cat, share in entry.get("cats", {}).items():
                votes[cat] = votes.get(cat, 0.0) + weight * share
        for term, _ in analysis.expansions:
            for gloss in analyzer.glossary:
                if gloss.category and gloss.term.replace(" dan ", " ") == term:
                    votes[gloss.category] = votes.get(gloss.category, 0.0) + 1.0
        total = sum(votes.values())
        if total < 0.8:
            continue
        best = max(votes, key=votes.__getitem__)
        if votes[best] / total >= min_share:
            out.append((best, analysis.text))
    return out


def train(
    catalogue: Sequence[tuple[str, str]],
    names: Sequence[str],
    analyzer: QueryAnalyzer,
    weak_per_category: int = 400,
    seed: int = 7,
) -> IntentModel:
    """Fit the classifier on catalogue texts plus capped weak labels from package names."""
    import random

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    started = time.time()
    rng = random.Random(seed)
    texts, labels = [], []
    for cat, text in catalogue:
        title = text.split(". ")[0]
        texts += [text.lower(), title.lower()]
        labels += [cat, cat]
    by_cat: dict[str, list[str]] = {}
    for cat, name in weak_labels(names, analyzer):
        by_cat.setdefault(cat, []).append(name)
    weak_counts = {}
    for cat, items in sorted(by_cat.items()):
        rng.shuffle(items)
        picked = (
            sorted(set(items))[:weak_per_category]
            if len(set(items)) <= weak_per_category
            else rng.sample(sorted(set(items)), weak_per_category)
        )
        weak_counts[cat] = len(picked)
        texts += picked
        labels += [cat] * len(picked)
    features = make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=20000),
        TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True, max_features=30000
        ),
    )
    pipeline = make_pipeline(features, LogisticRegression(C=4.0, max_iter=300))
    pipeline.fit(texts, labels)
    clf = pipeline.steps[-1][1]
    clf.coef_ = clf.coef_.astype("float32")
    for _, vectorizer in pipeline.steps[0][1].transformer_list:
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_  # only kept for introspection; large on disk
    meta = {"trained_on": len(texts), "weak_labels": weak_counts, "seconds": round(time.time() - started, 1)}
    return IntentModel(pipeline, meta)


@lru_cache(maxsize=1)
def default_intent() -> IntentModel | None:
    """The committed model (None when it has not been trained for this scikit-learn)."""
    return IntentModel.load() if INTENT_FILE.exists() else None
