"""The track record score never punishes a new supplier and moves slowly with evidence."""

from __future__ import annotations

from datetime import date

import pytest

from matching.exposure import ExposureLedger
from matching.ranking import RankSettings, rank, track_record_soft_score
from matching.retriever import Candidate
from matching.track_record import (
    PRIOR_SCORE,
    TrackRecord,
    average_rating,
    bayesian_rating,
    on_time_share,
    track_record_adjustment,
    track_record_score,
)
from matching.types import DemandQuery, ListingRecord


def good(n: int) -> TrackRecord:
    return TrackRecord(completed_orders=n, on_time_deliveries=n, rating_sum=5.0 * n, rating_count=n)


def bad(n: int) -> TrackRecord:
    return TrackRecord(completed_orders=n, on_time_deliveries=0, rating_sum=1.0 * n, rating_count=n)


def test_a_new_supplier_scores_exactly_the_prior() -> None:
    assert track_record_score(None) == PRIOR_SCORE
    assert track_record_score(TrackRecord()) == PRIOR_SCORE
    assert track_record_adjustment(TrackRecord()) == 0.0
    assert TrackRecord().is_new and not good(1).is_new
    assert 0.0 < PRIOR_SCORE < 1.0


def test_a_good_record_is_above_the_prior_but_a_handful_stays_far_from_perfect() -> None:
    assert track_record_score(good(1)) > PRIOR_SCORE
    few = track_record_score(good(3))
    assert PRIOR_SCORE < few < 0.9
    assert track_record_adjustment(good(3)) < 0.5
    assert track_record_score(good(1000)) <= 1.0


def test_a_bad_record_is_below_the_prior_but_one_bad_order_does_not_sink_a_supplier() -> None:
    assert track_record_score(bad(1)) < PRIOR_SCORE
    assert track_record_score(bad(1)) > 0.5
    assert track_record_adjustment(bad(1)) > -0.5
    assert track_record_score(bad(1000)) >= 0.0
    assert track_record_adjustment(bad(1000)) >= -1.0


@pytest.mark.parametrize("n", range(0, 30))
def test_more_good_orders_never_lower_and_more_bad_orders_never_raise_the_score(n: int) -> None:
    assert track_record_score(good(n + 1)) > track_record_score(good(n))
    assert track_record_score(bad(n + 1)) < track_record_score(bad(n))


def test_each_part_of_the_record_counts_in_its_own_direction() -> None:
    base = TrackRecord(completed_orders=10, on_time_deliveries=5, rating_sum=35.0, rating_count=10)
    more_on_time = TrackRecord(10, 6, 35.0, 10)
    better_ratings = TrackRecord(10, 5, 36.0, 10)
    late_order_added = TrackRecord(11, 5, 35.0, 10)
    assert track_record_score(more_on_time) > track_record_score(base)
    assert track_record_score(better_ratings) > track_record_score(base)
    assert track_record_score(late_order_added) < track_record_score(base)


def test_impossible_counts_are_read_as_the_nearest_possible_ones() -> None:
    assert track_record_score(TrackRecord(2, 9, 10.0, 2)) == track_record_score(TrackRecord(2, 2, 10.0, 2))
    assert bayesian_rating(TrackRecord(rating_sum=99.0, rating_count=1)) == bayesian_rating(
        TrackRecord(rating_sum=5.0, rating_count=1)
    )
    assert track_record_score(TrackRecord(-3, -1, 0.0, -2)) == PRIOR_SCORE


def test_plain_figures_for_display() -> None:
    record = TrackRecord(completed_orders=4, on_time_deliveries=3, rating_sum=18.0, rating_count=4)
    assert average_rating(record) == 4.5
    assert on_time_share(record) == 0.75
    assert average_rating(TrackRecord()) is None and on_time_share(None) is None


# --- in the ranking ---------------------------------------------------------------------------


from matching.features import DEFAULT_WEIGHTS  # noqa: E402

QUERY = DemandQuery(text="Nasi kotak untuk rapat", today=date(2026, 12, 1))


def listing(listing_id: int, record: TrackRecord | None = None, awards: int = 0) -> ListingRecord:
    return ListingRecord(
        listing_id=listing_id,
        supplier_id=100 + listing_id,
        title=f"Nasi kotak {listing_id}",
        category="catering",
        track_record=record,
        awards_won=awards,
    )


def ranked(
    *records: ListingRecord,
    fused: tuple[float, ...] | None = None,
    exposure: ExposureLedger | None = None,
    fairness: float = 0.0,
) -> list[int]:
    scores = fused or tuple(1.0 for _ in records)
    candidates = [Candidate(r.listing_id, 0.8, 0.3, f, "catering") for r, f in zip(records, scores)]
    matches = rank(
        QUERY,
        candidates,
        {r.listing_id: r for r in records},
        exposure,
        RankSettings(fairness=fairness, limit=2 if fairness else 20),
    )
    return [m.listing_id for m in matches]


def test_a_new_umkm_is_not_pushed_below_an_equally_relevant_one_without_orders() -> None:
    assert track_record_soft_score(listing(1)) == 0.0
    assert track_record_soft_score(listing(1, TrackRecord())) == 0.0
    assert ranked(listing(1, TrackRecord()), listing(2, None), fused=(1.0, 0.99)) == [1, 2]


def test_a_good_record_breaks_a_tie_and_a_bad_one_loses_it() -> None:
    assert ranked(listing(1), listing(2, good(5))) == [2, 1]
    assert ranked(listing(1, bad(5)), listing(2)) == [2, 1]


def test_a_good_record_does_not_outrank_a_clearly_better_match() -> None:
    # A clearly more relevant listing (a quarter of a standard deviation) stays first.
    assert ranked(listing(1), listing(2, good(1000)), fused=(1.25, 1.0)) == [1, 2]


def test_award_counts_weigh_as_before() -> None:
    assert track_record_soft_score(listing(1, awards=4)) == pytest.approx(0.2)
    assert DEFAULT_WEIGHTS["track_record"] * 0.2 == pytest.approx(0.05 * 0.4)


def test_fair_exposure_still_applies_over_a_good_record() -> None:
    # Two slots, fairness on: a never-proposed newcomer takes the reserved slot from the
    # weakest already-exposed supplier, however good that supplier's record.
    veteran, strong, newcomer = listing(1, good(20)), listing(2, good(20)), listing(3)
    ledger = ExposureLedger.from_counts({101: 5.0, 102: 5.0})
    order = ranked(veteran, strong, newcomer, fused=(1.2, 1.1, 0.5), exposure=ledger, fairness=1.0)
    assert 3 in order[:2]


def test_the_explanation_puts_a_notable_record_in_words() -> None:
    record = TrackRecord(completed_orders=12, on_time_deliveries=11, rating_sum=55.2, rating_count=12)
    candidates = [Candidate(1, 0.8, 0.3, 1.0, "catering"), Candidate(2, 0.8, 0.3, 0.9, "catering")]
    records = {1: listing(1, record), 2: listing(2, TrackRecord(1, 1, 4.0, 1))}
    matches = {m.listing_id: m for m in rank(QUERY, candidates, records)}
    words = matches[1].explanation
    assert "12 pesanan selesai, 11 tepat waktu, nilai 4,6 dari 5 (12 penilaian)" in words.sentence_id
    assert "12 orders delivered, 11 on time, rated 4.6 of 5 (12 ratings)" in words.sentence_en
    assert words.scores.track_record > 0
    assert "rekam jejak" not in matches[2].explanation.sentence_id  # one order: not yet notable
