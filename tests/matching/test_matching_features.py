"""Features computed once, scored by a Scorer; the hand-set weights are the default scorer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from matching.features import DEFAULT_SCORER, DEFAULT_WEIGHTS, FEATURE_NAMES, Features, Scorer, features
from matching.feedback import FEATURES as LEARNED_FEATURES
from matching.ranking import RankSettings, rank
from matching.results import ScoreBreakdown
from matching.track_record import TrackRecord
from matching.types import Candidate, DemandQuery, ListingRecord

QUERY = DemandQuery(
    text="nasi kotak ayam goreng",
    quantity=100,
    budget_ceiling=3_000_000,
    kota="Jakarta Timur",
    needed_by=date(2026, 3, 20),
    today=date(2026, 3, 1),
)


def test_features_name_every_score_the_breakdown_shows_and_the_learner_uses() -> None:
    breakdown = {f for f in ScoreBreakdown.__dataclass_fields__} - {"exposure", "total"}
    assert set(FEATURE_NAMES) == breakdown
    assert LEARNED_FEATURES[:-1] == FEATURE_NAMES and LEARNED_FEATURES[-1] == "exposure"


def test_the_track_record_is_one_of_the_features() -> None:
    record = ListingRecord(
        1,
        101,
        "Nasi kotak ayam goreng",
        price=25_000,
        kota="Jakarta Timur",
        lead_time_days=3,
        track_record=TrackRecord(12, 12, 58.0, 12),
    )
    feats, checks = features(QUERY, Candidate(1, 0.8, 0.3, 1.2), record, frozenset({"ayam goreng"}))
    assert feats.track_record > 0 and feats.location == 0.6 and feats.budget == 1.0
    assert feats.phrase == 1.0 and feats.requirements == 1.0
    assert {c.name for c in checks} == {"budget", "location", "lead_time"}


def test_the_default_scorer_is_fused_plus_the_hand_set_weights() -> None:
    feats = Features(
        fused=1.0,
        dense=0.8,
        lexical=0.3,
        budget=1.0,
        capacity=-0.5,
        location=0.6,
        lead_time=0.5,
        track_record=0.2,
        requirements=1.0,
        phrase=0.5,
    )
    expected = 1.0 + (0.3 * 1.0 + 0.1 * -0.5 + 0.2 * 0.6 + 0.2 * 0.5 + 0.1 * 0.2 + 0.4 * 1.0 + 0.3 * 0.5)
    assert DEFAULT_SCORER.score(feats.as_dict()) == expected
    assert set(DEFAULT_WEIGHTS) <= set(FEATURE_NAMES)
    with pytest.raises(TypeError):
        DEFAULT_WEIGHTS["budget"] = 1.0  # type: ignore[index]  # the weights are read-only


class LexicalOnly:
    """A scorer that trusts only the lexical score (to show the seam)."""

    def score(self, features: Mapping[str, float]) -> float:
        return features["lexical"]


def test_ranking_sorts_by_the_scorer_it_is_given() -> None:
    records = {i: ListingRecord(i, 100 + i, "Nasi kotak") for i in (1, 2)}
    cands = [Candidate(1, 0.9, 0.1, 2.0), Candidate(2, 0.5, 0.6, 1.0)]
    assert isinstance(LexicalOnly(), Scorer)
    assert [m.listing_id for m in rank(QUERY, cands, records)] == [1, 2]
    ranked = rank(QUERY, cands, records, settings=RankSettings(scorer=LexicalOnly()))
    assert [m.listing_id for m in ranked] == [2, 1]
    assert ranked[0].explanation.scores.total == 0.6
