"""Learning from officials' and buyers' decisions on proposals.

Each stored proposal keeps the score breakdown it was ranked with; its later fate is a label:
approved, invited, quoted or awarded = good (awarded counts double), rejected or declined =
bad. ``train_scorer`` fits a scikit-learn logistic regression on those breakdowns, holds the
most recent decisions out *by time*, and compares the learned scorer with the hand-set
weights on them (ROC AUC and pairwise order within each request). The learned scorer is
marked ``use = True`` only when it wins and there was enough feedback; otherwise the
hand-set weights stay.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from .features import FEATURE_NAMES

FEATURES = FEATURE_NAMES + ("exposure",)
GOOD = {"approved": 1, "invited": 1, "quoted": 1, "awarded": 2}
BAD = {"rejected", "declined"}
MIN_DECISIONS = 200
SCORER_FORMAT = 1


@dataclass(frozen=True)
class Decision:
    """One decided proposal: its request, when it was decided, its scores, its fate."""

    request_id: int
    decided_at: datetime
    scores: Mapping[str, float]
    status: str

    @property
    def label(self) -> int | None:
        """1 (good), 0 (bad) or None (not decided yet)."""
        return 1 if self.status in GOOD else 0 if self.status in BAD else None


@dataclass
class LearnedScorer:
    """A linear scorer over the score breakdown, with its provenance and held-out result."""

    version: str
    coef: dict[str, float]
    intercept: float
    trained_on: int
    held_out: int
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)
    use: bool = False

    def score(self, scores: Mapping[str, float]) -> float:
        """Learned log-odds that the proposal is accepted."""
        return self.intercept + sum(w * float(scores.get(k, 0.0)) for k, w in self.coef.items())

    def save(self, path: str | Path) -> None:
        """Write the scorer as JSON."""
        Path(path).write_text(json.dumps({"format": SCORER_FORMAT, **asdict(self)}, indent=1), "utf-8")

    @classmethod
    def load(cls, path: str | Path) -> LearnedScorer | None:
        """A saved scorer (None when absent or unreadable)."""
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if data.pop("format", None) != SCORER_FORMAT:
            return None
        return cls(**data)


def _matrix(decisions: Sequence[Decision]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([[float(d.scores.get(k, 0.0)) for k in FEATURES] for d in decisions])
    y = np.array([d.label for d in decisions], np.int64)
    w = np.array([GOOD.get(d.status, 1) for d in decisions], np.float64)
    return x, y, w


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return 0.5
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def _pairwise(decisions: Sequence[Decision], s: np.ndarray) -> float:
    """Share of (good, bad) pairs within the same request that the scores order correctly."""
    right = total = 0.0
    by_request: dict[int, list[int]] = {}
    for k, d in enumerate(decisions):
        by_request.setdefault(d.request_id, []).append(k)
    for rows in by_request.values():
        for a in rows:
            for b in rows:
                if decisions[a].label == 1 and decisions[b].label == 0:
                    total += 1
                    right += 1.0 if s[a] > s[b] else 0.5 if s[a] == s[b] else 0.0
    return right / total if total else 0.5


def train_scorer(
    decisions: Sequence[Decision], holdout: float = 0.3, min_decisions: int = MIN_DECISIONS
) -> LearnedScorer | None:
    """Fit on older decisions, compare with the hand-set ``total`` on the newest ones.

    Returns None when there are too few decided proposals or only one kind of outcome.
    """
    from sklearn.linear_model import LogisticRegression

    decided = sorted((d for d in decisions if d.label is not None), key=lambda d: d.decided_at)
    if len(decided) < min_decisions or len({d.label for d in decided}) < 2:
        return None
    cut = int(len(decided) * (1 - holdout))
    train, test = decided[:cut], decided[cut:]
    x, y, w = _matrix(train)
    if len(set(y.tolist())) < 2:
        return None
    model = LogisticRegression(C=1.0, max_iter=500).fit(x, y, sample_weight=w)
    xt, yt, _ = _matrix(test)
    learned = model.decision_function(xt)
    hand = np.array([float(d.scores.get("total", 0.0)) for d in test])
    metrics = {
        "learned": {"auc": round(_auc(yt, learned), 4), "pairwise": round(_pairwise(test, learned), 4)},
        "hand_set": {"auc": round(_auc(yt, hand), 4), "pairwise": round(_pairwise(test, hand), 4)},
    }
    coef = {k: round(float(v), 5) for k, v in zip(FEATURES, model.coef_[0])}
    digest = hashlib.sha1(json.dumps(coef, sort_keys=True).encode()).hexdigest()[:8]
    wins = (
        metrics["learned"]["auc"] > metrics["hand_set"]["auc"]
        and metrics["learned"]["pairwise"] >= metrics["hand_set"]["pairwise"]
    )
    return LearnedScorer(
        version=f"{decided[-1].decided_at:%Y%m%d}-{digest}",
        coef=coef,
        intercept=round(float(model.intercept_[0]), 5),
        trained_on=len(train),
        held_out=len(test),
        metrics=metrics,
        use=wins,
    )
