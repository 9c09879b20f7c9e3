"""Ranking: every hard filter, soft scores, grouping per supplier, explanations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching.explain import format_rupiah
from matching.ranking import RankSettings, rank
from matching.retriever import Candidate
from matching.types import Certification, DemandQuery, ListingRecord

TODAY = date(2025, 3, 1)
HALAL_VALID = Certification("halal", date(2026, 1, 1))
HALAL_EXPIRED = Certification("halal", date(2025, 1, 1))


def rec(listing_id: int, supplier_id: int | None = None, **kw: object) -> ListingRecord:
    base = dict(
        title=f"Katering {listing_id}",
        description="Nasi kotak ayam",
        category="catering",
        kota="Jakarta Timur",
        kecamatan="Cakung",
    )
    base.update(kw)
    return ListingRecord(listing_id=listing_id, supplier_id=supplier_id or 100 + listing_id, **base)


def cand(listing_id: int, fused: float = 1.0) -> Candidate:
    return Candidate(listing_id, dense=0.8, lexical=0.3, fused=fused, category="catering")


def run(query: DemandQuery, *records: ListingRecord, **settings: object):
    cands = [cand(r.listing_id, 1.0 - 0.01 * k) for k, r in enumerate(records)]
    return rank(query, cands, {r.listing_id: r for r in records}, settings=RankSettings(**settings))


Q = DemandQuery(text="Belanja nasi kotak rapat", today=TODAY)


@pytest.mark.parametrize(
    "field, value, query, failed",
    [
        ("listing_active", False, Q, "listing_active"),
        ("seller_active", False, Q, "seller_active"),
        ("seller_verified", False, Q, "seller_verified"),
        ("is_umkm", False, replace(Q, umkm_only=True), "umkm"),
        ("monthly_capacity", 100, replace(Q, quantity=300), "capacity"),
        ("category", "snack", replace(Q, category="catering", require_category=True), "category"),
        ("certifications", (), replace(Q, required_certifications=("halal",)), "certification:halal"),
        (
            "certifications",
            (HALAL_EXPIRED,),
            replace(Q, required_certifications=("halal",)),
            "certification:halal",
        ),
    ],
)
def test_each_hard_filter_excludes(field: str, value: object, query: DemandQuery, failed: str) -> None:
    good = rec(1, certifications=(HALAL_VALID,), monthly_capacity=1000)
    bad = rec(2, **{field: value})
    result = run(query, bad, good)
    assert [m.listing_id for m in result] == [1]
    rejected = run(query, bad, good, include_rejected=True)
    assert rejected[-1].listing_id == 2 and not rejected[-1].eligible
    assert failed in rejected[-1].explanation.failed


def test_filters_pass_when_facts_allow() -> None:
    query = replace(
        Q,
        umkm_only=True,
        quantity=300,
        category="catering",
        require_category=True,
        required_certifications=("halal",),
    )
    ok = rec(1, monthly_capacity=800, certifications=(HALAL_VALID,))
    [match] = run(query, ok)
    assert {"umkm", "capacity", "category", "certification:halal", "seller_verified"} <= set(
        match.explanation.passed
    )


def test_certificate_must_be_valid_until_needed_by() -> None:
    query = replace(Q, required_certifications=("halal",), needed_by=date(2026, 6, 1))
    assert run(query, rec(1, certifications=(HALAL_VALID,))) == []
    assert run(replace(query, needed_by=None), rec(1, certifications=(HALAL_VALID,)))


def test_unknown_capacity_or_quantity_does_not_exclude() -> None:
    assert run(replace(Q, quantity=300), rec(1))
    assert run(Q, rec(1, monthly_capacity=10))


def test_soft_scores_order_equally_relevant_listings() -> None:
    query = replace(
        Q,
        quantity=100,
        budget_ceiling=5_000_000,
        kota="Jakarta Timur",
        kecamatan="Cakung",
        needed_by=date(2025, 3, 11),
    )
    near_cheap = rec(
        1, price=40_000, kota="Jakarta Timur", kecamatan="Cakung", lead_time_days=2, monthly_capacity=1000
    )
    far_dear = rec(
        2,
        price=80_000,
        kota="Jakarta Barat",
        kecamatan="Cengkareng",
        lead_time_days=20,
        monthly_capacity=1000,
    )
    cands = [cand(2, 1.0), cand(1, 1.0)]
    result = rank(query, cands, {1: near_cheap, 2: far_dear})
    assert [m.listing_id for m in result] == [1, 2]
    s1, s2 = result[0].explanation.scores, result[1].explanation.scores
    assert s1.budget == 1.0 and s2.budget < 0
    assert s1.location == 1.0 and s2.location == 0.0
    assert s1.lead_time > 0 > s2.lead_time
    assert {"budget", "lead_time"} <= set(result[1].explanation.failed)


def test_same_kota_beats_elsewhere() -> None:
    query = replace(Q, kota="Jakarta Timur", kecamatan="Duren Sawit")
    same_kota, elsewhere = rec(1), rec(2, kota="Jakarta Utara", kecamatan="Koja")
    result = rank(query, [cand(2), cand(1)], {1: same_kota, 2: elsewhere})
    assert result[0].listing_id == 1 and result[0].explanation.scores.location == pytest.approx(0.6)


def test_one_entry_per_supplier_with_others_attached() -> None:
    a, b, c = rec(1, supplier_id=7), rec(2, supplier_id=7), rec(3, supplier_id=8)
    result = rank(Q, [cand(2, 2.0), cand(3, 1.5), cand(1, 1.0)], {1: a, 2: b, 3: c})
    assert [m.supplier_id for m in result] == [7, 8]
    assert result[0].listing_id == 2 and result[0].listing_ids == (2, 1)
    assert [m.rank for m in result] == [1, 2]


def test_limit_and_missing_records() -> None:
    records = {i: rec(i) for i in range(1, 6)}
    result = rank(Q, [cand(i) for i in range(1, 8)], records, settings=RankSettings(limit=3))
    assert len(result) == 3


def test_explanation_content() -> None:
    query = DemandQuery(
        text="Belanja nasi kotak untuk 300 peserta",
        quantity=300,
        unit="kotak",
        budget_ceiling=15_000_000,
        kota="Jakarta Timur",
        today=TODAY,
    )
    listing = rec(
        1,
        title="Katering Berkah",
        description="Nasi kotak ayam goreng",
        price=35_000,
        unit="kotak",
        monthly_capacity=800,
    )
    [match] = rank(query, [cand(1)], {1: listing})
    exp = match.explanation
    assert {"nasi", "kotak"} <= set(exp.matched_terms)
    assert exp.scores.dense == 0.8 and exp.scores.lexical == 0.3 and exp.scores.fused == 1.0
    assert exp.scores.total == match.score
    assert exp.sentence_id.startswith("Cocok: Katering Berkah")
    assert "kapasitas 800 kotak/bulan cukup untuk 300 kotak" in exp.sentence_id
    assert "Rp 10.500.000" in exp.sentence_id and "Rp 15.000.000" in exp.sentence_id
    assert "lokasi sama-sama Jakarta Timur" in exp.sentence_id
    assert exp.sentence_en.startswith("Match: Katering Berkah") and "both in Jakarta Timur" in exp.sentence_en
    data = match.to_dict()
    assert data["explanation"]["passed"] and "sentence_id" in data["explanation"]


@pytest.mark.parametrize(
    "amount, text", [(1_250_000, "Rp 1.250.000"), (0, "Rp 0"), (999, "Rp 999"), (-5000, "-Rp 5.000")]
)
def test_rupiah_format(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


def test_supplier_meeting_every_stated_condition_nearby_ranks_first() -> None:
    query = replace(
        Q,
        quantity=100,
        budget_ceiling=5_000_000,
        kota="Jakarta Timur",
        kecamatan="Duren Sawit",
        needed_by=date(2025, 3, 11),
    )
    all_checks_near = rec(
        1, price=40_000, kota="Jakarta Timur", kecamatan="Cakung", lead_time_days=2, monthly_capacity=1000
    )
    distant = rec(
        2, price=45_000, kota="Jakarta Utara", kecamatan="Koja", lead_time_days=12, monthly_capacity=1000
    )
    records = {1: all_checks_near, 2: distant}
    close = rank(query, [cand(2, 1.4), cand(1, 1.0)], records)
    assert [m.listing_id for m in close] == [1, 2]
    assert close[0].explanation.scores.requirements == 1.0
    clearly_more_relevant = rank(query, [cand(2, 3.0), cand(1, 1.0)], records)
    assert clearly_more_relevant[0].listing_id == 2


def test_units_and_counts_are_never_matched_words() -> None:
    query = DemandQuery(text="Nasi kotak ayam goreng untuk 50 orang", today=TODAY)
    listing = rec(1, title="Nasi Kotak Ayam Goreng", description="Untuk 50 orang, paket rapat")
    [match] = rank(query, [cand(1)], {1: listing})
    assert "orang" not in match.explanation.matched_terms
    assert {"ayam", "goreng"} <= set(match.explanation.matched_terms)


def test_the_item_phrase_beats_a_shared_word() -> None:
    query = DemandQuery(text="Nasi kotak ayam goreng", today=TODAY)
    fried_rice = rec(1, title="Nasi Goreng Kampung", description="Nasi goreng dalam kotak")
    fried_chicken = rec(2, title="Nasi Kotak Ayam Goreng", description="Ayam goreng lengkuas")
    result = rank(query, [cand(1, 1.1), cand(2, 1.0)], {1: fried_rice, 2: fried_chicken})
    assert result[0].listing_id == 2 and result[0].explanation.scores.phrase == 1.0
