"""The track record score never punishes a new supplier and moves slowly with evidence."""
from __future__ import annotations

import pytest

from matching.track_record import (
    PRIOR_SCORE, TrackRecord, average_rating, bayesian_rating, on_time_share,
    track_record_adjustment, track_record_score,
)


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
        TrackRecord(rating_sum=5.0, rating_count=1))
    assert track_record_score(TrackRecord(-3, -1, 0.0, -2)) == PRIOR_SCORE


def test_plain_figures_for_display() -> None:
    record = TrackRecord(completed_orders=4, on_time_deliveries=3, rating_sum=18.0, rating_count=4)
    assert average_rating(record) == 4.5
    assert on_time_share(record) == 0.75
    assert average_rating(TrackRecord()) is None and on_time_share(None) is None
