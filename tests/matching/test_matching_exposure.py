"""Fair exposure: the ledger, the re-rank and concentration measures."""

from __future__ import annotations

from datetime import date

import pytest

from matching.exposure import ExposureLedger, concentration, gini, top_share
from matching.ranking import RankSettings, rank
from matching.retriever import Candidate
from matching.types import DemandQuery, ListingRecord

Q = DemandQuery(text="nasi kotak")


def catalogue(n: int = 12) -> tuple[list[Candidate], dict[int, ListingRecord]]:
    cands = [Candidate(i, 0.5, 0.1, 3.0 - 0.1 * i, "catering") for i in range(1, n + 1)]
    records = {i: ListingRecord(listing_id=i, supplier_id=i, title=f"Katering {i}") for i in range(1, n + 1)}
    return cands, records


def test_gini_and_top_share() -> None:
    assert gini([5, 5, 5, 5]) == pytest.approx(0.0)
    assert gini([0, 0, 0, 10]) == pytest.approx(0.75)
    assert top_share([10, 1, 1, 1, 1], k=1) == pytest.approx(10 / 14)
    report = concentration({1: 3, 2: 1}, suppliers=[1, 2, 3, 4])
    assert report["suppliers_reached"] == 2 and report["suppliers"] == 4 and report["gini"] > 0


def test_ledger_from_events_weighs_recent_more() -> None:
    ledger = ExposureLedger.from_events(
        [(1, date(2025, 3, 1)), (2, date(2025, 1, 30))], today=date(2025, 3, 1), half_life_days=30
    )
    assert ledger.recent_count(1) == pytest.approx(1.0)
    assert ledger.recent_count(2) == pytest.approx(0.5)
    assert ledger.never_proposed(3) and not ledger.never_proposed(2)


def test_fairness_off_changes_nothing() -> None:
    cands, records = catalogue()
    ledger = ExposureLedger.from_counts({1: 50, 2: 50})
    plain = rank(Q, cands, records, settings=RankSettings(limit=5))
    off = rank(Q, cands, records, exposure=ledger, settings=RankSettings(limit=5, fairness=0))
    assert [m.supplier_id for m in plain] == [m.supplier_id for m in off] == [1, 2, 3, 4, 5]


def test_fair_exposure_changes_who_is_proposed() -> None:
    cands, records = catalogue()
    ledger = ExposureLedger.from_counts({i: 20 for i in range(1, 7)})
    fair = rank(Q, cands, records, exposure=ledger, settings=RankSettings(limit=5, fairness=1.0))
    ids = [m.supplier_id for m in fair]
    assert ids != [1, 2, 3, 4, 5]
    assert any(i > 6 for i in ids)  # newcomers were given places
    assert any(m.reserved for m in fair) or all(m.explanation.scores.exposure <= 0 for m in fair)
    assert all(m.explanation.scores.exposure < 0 for m in fair if m.supplier_id <= 6)
    assert [m.rank for m in fair] == [1, 2, 3, 4, 5]


def test_reserved_places_go_to_relevant_newcomers_only() -> None:
    cands, records = catalogue(30)
    ledger = ExposureLedger.from_counts({i: 1 for i in range(1, 30)})  # only supplier 30 is new
    fair = rank(
        Q,
        cands,
        records,
        exposure=ledger,
        settings=RankSettings(limit=5, fairness=1.0, exposure_discount=0.5, reserved_share=0.2),
    )
    assert 30 not in [m.supplier_id for m in fair]  # too far down the list to deserve a place
    ledger = ExposureLedger.from_counts({i: 1 for i in range(1, 13) if i != 9})
    cands, records = catalogue(12)
    fair = rank(
        Q,
        cands,
        records,
        exposure=ledger,
        settings=RankSettings(limit=5, fairness=1.0, exposure_discount=0.5, reserved_share=0.2),
    )
    reserved = [m for m in fair if m.reserved]
    assert [m.supplier_id for m in reserved] == [9]
    assert fair[-1].supplier_id == 9


def test_repeated_matching_spreads_proposals() -> None:
    cands, records = catalogue(20)

    def simulate(fairness: float) -> dict[int, int]:
        ledger = ExposureLedger()
        counts: dict[int, int] = {}
        for _ in range(30):
            top = rank(Q, cands, records, exposure=ledger, settings=RankSettings(limit=5, fairness=fairness))
            ledger.record([m.supplier_id for m in top])
            for m in top:
                counts[m.supplier_id] = counts.get(m.supplier_id, 0) + 1
        return counts

    off, on = simulate(0.0), simulate(1.0)
    assert len(on) > len(off) == 5
    assert gini(list(on.values()) + [0] * (20 - len(on))) < gini(list(off.values()) + [0] * 15)
