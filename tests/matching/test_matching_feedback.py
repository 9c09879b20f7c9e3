"""Officials' decisions train a scorer that is used only when it beats the hand-set weights
on the most recent decisions."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from matching.feedback import Decision, LearnedScorer, train_scorer
from matching.ranking import RankSettings, rank
from matching.retriever import Candidate
from matching.types import DemandQuery, ListingRecord


def _decisions(n: int, seed: int = 3) -> list[Decision]:
    """Officials approve nearby suppliers and reject distant ones whatever the text score."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1)
    out = []
    for k in range(n):
        near = rng.random() < 0.5
        fused = rng.gauss(0, 1)
        scores = {
            "fused": fused,
            "location": 1.0 if near else 0.0,
            "total": fused + 0.2 * (1.0 if near else 0.0),
        }
        status = "approved" if (near and rng.random() < 0.9) or rng.random() < 0.1 else "rejected"
        out.append(Decision(k // 5, start + timedelta(hours=k), scores, status))
    return out


def test_too_little_feedback_keeps_the_hand_set_weights() -> None:
    assert train_scorer(_decisions(50)) is None


def test_a_scorer_that_wins_on_later_decisions_is_used(tmp_path) -> None:
    scorer = train_scorer(_decisions(600))
    assert scorer is not None and scorer.use
    assert scorer.metrics["learned"]["auc"] > scorer.metrics["hand_set"]["auc"]
    assert scorer.coef["location"] > 0 and scorer.held_out == 180
    scorer.save(tmp_path / "scorer.json")
    loaded = LearnedScorer.load(tmp_path / "scorer.json")
    assert loaded is not None and loaded.version == scorer.version
    near = ListingRecord(1, 1, "Katering", kota="Jakarta Timur")
    far = ListingRecord(2, 2, "Katering", kota="Jakarta Utara")
    query = DemandQuery(text="nasi kotak", kota="Jakarta Timur")
    cands = [Candidate(2, 0.8, 0.3, 1.5), Candidate(1, 0.8, 0.3, 1.0)]
    ranked = rank(query, cands, {1: near, 2: far}, settings=RankSettings(scorer=loaded))
    assert ranked[0].listing_id == 1
