"""Ranking of retrieved listings for a demand request: hard filters, soft scores, one entry
per supplier, fair exposure and explanations. Pure: plain data in, plain data out.

Score of a listing = retrieval ``fused`` score (pool standard-deviation units)
  + Σ weight × soft score (each in [-1, 1]; 0 when the facts are unknown, so missing data
  never reorders relevance)
  - fair-exposure discount (see ``exposure``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from collections.abc import Iterable, Mapping, Sequence

from .exposure import ExposureLedger, fair_rerank
from .explain import format_number, sentences
from .results import ConstraintCheck, Explanation, ListingMatch, ScoreBreakdown, SupplierMatch
from .retriever import Candidate
from .phrases import item_phrases, meaningful, phrase_share
from .text import listing_text, matched_terms, normalise_demand_text
from .track_record import track_record_adjustment
from .types import DemandQuery, ListingRecord


@dataclass(frozen=True)
class RankSettings:
    """Ranking knobs. Weights are in the fused score's units (pool standard deviations)."""

    limit: int | None = 20
    budget_weight: float = 0.3
    capacity_weight: float = 0.1
    location_weight: float = 0.2
    lead_time_weight: float = 0.2
    track_record_weight: float = 0.1
    requirements_weight: float = 0.4
    phrase_weight: float = 0.3
    fairness: float = 0.0
    exposure_discount: float = 2.0
    reserved_share: float = 0.8
    fresh_window: int = 3
    include_rejected: bool = False
    scorer: object | None = None  # a feedback.LearnedScorer that won on held-out decisions


def _check_day(query: DemandQuery) -> date:
    today = query.today or date.today()
    return max(today, query.needed_by) if query.needed_by else today


def hard_checks(query: DemandQuery, record: ListingRecord) -> list[ConstraintCheck]:
    """Constraints a listing must pass to be proposed for ``query``."""
    checks = [
        ConstraintCheck("listing_active", record.listing_active, True,
                        "" if record.listing_active else "listing inactive"),
        ConstraintCheck("seller_active", record.seller_active, True,
                        "" if record.seller_active else "seller inactive"),
        ConstraintCheck("seller_verified", record.seller_verified, True,
                        "" if record.seller_verified else "seller not verified"),
    ]
    day = _check_day(query)
    held: dict[str, bool] = {}
    for cert in record.certifications:
        held[cert.kind.lower()] = held.get(cert.kind.lower(), False) or cert.valid_on(day)
    for kind in query.required_certifications:
        kind_l = kind.lower()
        if kind_l not in held:
            checks.append(ConstraintCheck(f"certification:{kind_l}", False, True, f"no {kind_l} certificate"))
        else:
            ok = held[kind_l]
            checks.append(ConstraintCheck(f"certification:{kind_l}", ok, True,
                                          "" if ok else f"{kind_l} certificate expired by {day.isoformat()}"))
    if query.umkm_only:
        checks.append(ConstraintCheck("umkm", record.is_umkm, True,
                                      "" if record.is_umkm else "not a UMKM"))
    if query.quantity and record.monthly_capacity:
        ok = record.monthly_capacity >= query.quantity
        checks.append(ConstraintCheck(
            "capacity", ok, True,
            "" if ok else f"capacity {format_number(record.monthly_capacity)} < {format_number(query.quantity)}"))
    if query.require_category and query.category:
        ok = record.category == query.category
        checks.append(ConstraintCheck("category", ok, True,
                                      "" if ok else f"category {record.category or '-'} != {query.category}"))
    return checks


def soft_scores(query: DemandQuery, record: ListingRecord) -> tuple[dict[str, float], list[ConstraintCheck]]:
    """Soft scores in [-1, 1] (budget, capacity, location, lead_time, track_record) and the
    soft constraints behind them (failing one lowers the score but excludes nothing)."""
    scores = {"budget": 0.0, "capacity": 0.0, "location": 0.0, "lead_time": 0.0, "track_record": 0.0}
    checks: list[ConstraintCheck] = []
    if record.price and query.budget_ceiling:
        total = record.price * (query.quantity or 1)
        ratio = total / query.budget_ceiling
        scores["budget"] = 1.0 if ratio <= 1 else max(-1.0, 1.0 - 2.0 * (ratio - 1.0))
        checks.append(ConstraintCheck("budget", ratio <= 1, False,
                                      f"total {format_number(total)} vs ceiling {format_number(query.budget_ceiling)}"))
    if query.quantity and record.min_order:
        ok = query.quantity >= record.min_order
        checks.append(ConstraintCheck("min_order", ok, False,
                                      "" if ok else f"minimum order {format_number(record.min_order)}"))
        if not ok:
            scores["budget"] = min(scores["budget"], -0.5)
    if query.quantity and record.monthly_capacity:
        headroom = record.monthly_capacity / query.quantity
        scores["capacity"] = max(-1.0, min(1.0, headroom - 1.0))
    if query.kecamatan and record.kecamatan and query.kecamatan.lower() == record.kecamatan.lower():
        scores["location"] = 1.0
    elif query.kota and record.kota and query.kota.lower() == record.kota.lower():
        scores["location"] = 0.6
    if query.kota and record.kota:
        checks.append(ConstraintCheck("location", scores["location"] > 0, False,
                                      f"{record.kecamatan or '-'}, {record.kota}"))
    if query.needed_by and record.lead_time_days is not None:
        days_left = (query.needed_by - (query.today or date.today())).days
        ok = record.lead_time_days <= days_left
        slack = (days_left - record.lead_time_days) / max(days_left, 1)
        scores["lead_time"] = max(-1.0, min(1.0, 0.5 + slack)) if ok else -1.0
        checks.append(ConstraintCheck("lead_time", ok, False,
                                      f"{record.lead_time_days} days needed, {days_left} available"))
    scores["track_record"] = track_record_soft_score(record)
    return scores, checks


def track_record_soft_score(record: ListingRecord) -> float:
    """The supplier's record in [-1, 1]: half a point at most for awards won, plus how far its
    deliveries and ratings stand from the Bayesian prior (0 for a supplier without orders, so
    a new UMKM is never pushed down; one bad order moves it a little, many a lot)."""
    awards = 0.5 * min(1.0, record.awards_won / 10.0) if record.awards_won > 0 else 0.0
    return max(-1.0, min(1.0, awards + track_record_adjustment(record.track_record)))


def requirements_score(checks: Sequence[ConstraintCheck]) -> float:
    """Share of the stated soft conditions met, in [-1, 1] (0 when none is stated), so a
    supplier meeting every condition the buyer gave rises above one meeting few."""
    if not checks:
        return 0.0
    return 2.0 * sum(c.passed for c in checks) / len(checks) - 1.0


def _listing_match(
    query: DemandQuery, qtext: str, cand: Candidate, record: ListingRecord, s: RankSettings,
    phrases: frozenset[str] = frozenset(),
) -> ListingMatch:
    hard = hard_checks(query, record)
    soft, soft_checks = soft_scores(query, record)
    soft["requirements"] = requirements_score(soft_checks)
    soft["phrase"] = phrase_share(phrases, listing_text(record)) if phrases else 0.0
    total = cand.fused + (
        s.budget_weight * soft["budget"] + s.capacity_weight * soft["capacity"]
        + s.location_weight * soft["location"] + s.lead_time_weight * soft["lead_time"]
        + s.track_record_weight * soft["track_record"]
        + s.requirements_weight * soft["requirements"] + s.phrase_weight * soft["phrase"]
    )
    scorer = s.scorer
    if scorer is not None and getattr(scorer, "use", False):
        features = {"fused": cand.fused, "dense": cand.dense, "lexical": cand.lexical, **soft}
        # RankSettings.scorer is typed object (a LearnedScorer, kept out of this module's imports)
        total = scorer.score(features)  # type: ignore[attr-defined]
    eligible = all(c.passed for c in hard)
    checks = tuple(hard + soft_checks)
    breakdown = ScoreBreakdown(cand.dense, cand.lexical, cand.fused, total=total, **soft)
    # Words and sentences are filled in by ``_in_words`` for the listings actually returned.
    return ListingMatch(record.listing_id, total, Explanation(breakdown, (), checks, "", ""), eligible)


def _in_words(query: DemandQuery, qtext: str, match: ListingMatch,
              record: ListingRecord) -> ListingMatch:
    """The listing match with its matched words and its two sentences."""
    matched = tuple(w for w in matched_terms(qtext, listing_text(record), limit=16)
                    if meaningful(w))[:8]
    sid, sen = sentences(query, record, matched, match.explanation.checks, match.eligible)
    return replace(match, explanation=replace(match.explanation, matched_terms=matched,
                                              sentence_id=sid, sentence_en=sen))


def _explained(query: DemandQuery, qtext: str, match: SupplierMatch,
               records: Mapping[int, ListingRecord]) -> SupplierMatch:
    """A returned supplier with words and sentences for its best and other listings."""
    best = _in_words(query, qtext, ListingMatch(match.listing_id, match.score, match.explanation,
                                                match.eligible), records[match.listing_id])
    others = tuple(_in_words(query, qtext, o, records[o.listing_id]) for o in match.other_listings)
    return replace(match, explanation=best.explanation, other_listings=others)


def rank(
    query: DemandQuery, candidates: Sequence[Candidate], records: Mapping[int, ListingRecord],
    exposure: ExposureLedger | None = None, settings: RankSettings | None = None,
) -> list[SupplierMatch]:
    """Eligible suppliers for ``query``, best first, one entry each, every one explained.

    ``candidates`` come from ``Retriever.retrieve``; ``records`` must hold a ListingRecord
    for each candidate id (missing ids are skipped, e.g. deleted since indexing).
    """
    s = settings or RankSettings()
    qtext = normalise_demand_text(query.text)
    phrases = item_phrases(query.text) if s.phrase_weight else frozenset()
    by_supplier: dict[int, list[ListingMatch]] = {}
    rejected: dict[int, list[ListingMatch]] = {}
    for cand in candidates:
        record = records.get(cand.listing_id)
        if record is None:
            continue
        lm = _listing_match(query, qtext, cand, record, s, phrases)
        (by_supplier if lm.eligible else rejected).setdefault(record.supplier_id, []).append(lm)
    matches = [_group(sid, lms) for sid, lms in by_supplier.items()]
    matches.sort(key=lambda m: -m.score)
    limit = s.limit if s.limit is not None else len(matches)
    matches = fair_rerank(matches, exposure, s.fairness, limit, s.exposure_discount,
                          s.reserved_share, s.fresh_window)[:limit]
    if s.include_rejected:
        extra = [_group(sid, lms, eligible=False) for sid, lms in rejected.items()
                 if sid not in by_supplier]
        extra.sort(key=lambda m: -m.score)
        matches += [replace(m, rank=len(matches) + k + 1) for k, m in enumerate(extra)]
    # Words and sentences cost more than scoring: only for what is returned.
    return [_explained(query, qtext, m, records) for m in matches]


def _group(supplier_id: int, listings: Iterable[ListingMatch], eligible: bool = True) -> SupplierMatch:
    ordered = sorted(listings, key=lambda m: -m.score)
    best = ordered[0]
    return SupplierMatch(supplier_id, best.listing_id, 0, best.score, best.explanation,
                         tuple(ordered[1:]), eligible=eligible)
