"""Ranking of retrieved listings for a demand request: hard filters, soft scores, one entry
per supplier, fair exposure and explanations. Pure: plain data in, plain data out.

Score of a listing = a ``Scorer`` over its ``features`` (``features.py``); by default the
retrieval ``fused`` score (pool standard-deviation units) + Σ weight × soft score (each in
[-1, 1]; 0 when the facts are unknown, so missing data never reorders relevance), then
fair exposure may reorder (see ``exposure``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from .explain import format_number, reasons, sentences_of
from .exposure import ExposureLedger, fair_rerank
from .features import DEFAULT_SCORER, Scorer, features
from .features import requirements_score as requirements_score  # re-exported (older imports)
from .features import soft_scores as soft_scores
from .features import track_record_soft_score as track_record_soft_score
from .phrases import item_phrases, meaningful
from .results import ConstraintCheck, Explanation, ListingMatch, ScoreBreakdown, SupplierMatch
from .text import listing_text, matched_terms, normalise_demand_text
from .types import Candidate, DemandQuery, ListingRecord


@dataclass(frozen=True)
class RankSettings:
    """Ranking knobs. The score's weights live in ``scorer`` (default: ``DEFAULT_SCORER``)."""

    limit: int | None = 20
    fairness: float = 0.0
    exposure_discount: float = 2.0
    reserved_share: float = 0.8
    fresh_window: int = 3
    include_rejected: bool = False
    # None: the hand-set ``features.DEFAULT_SCORER``; else e.g. a ``feedback.LearnedScorer``
    # that won on held-out decisions (one marked ``use = False`` is ignored).
    scorer: Scorer | None = None


def _check_day(query: DemandQuery) -> date:
    today = query.today or date.today()
    return max(today, query.needed_by) if query.needed_by else today


def hard_checks(query: DemandQuery, record: ListingRecord) -> list[ConstraintCheck]:
    """Constraints a listing must pass to be proposed for ``query``."""
    checks = [
        ConstraintCheck(
            "listing_active", record.listing_active, True, "" if record.listing_active else "listing inactive"
        ),
        ConstraintCheck(
            "seller_active", record.seller_active, True, "" if record.seller_active else "seller inactive"
        ),
        ConstraintCheck(
            "seller_verified",
            record.seller_verified,
            True,
            "" if record.seller_verified else "seller not verified",
        ),
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
            checks.append(
                ConstraintCheck(
                    f"certification:{kind_l}",
                    ok,
                    True,
                    "" if ok else f"{kind_l} certificate expired by {day.isoformat()}",
                )
            )
    if query.umkm_only:
        checks.append(ConstraintCheck("umkm", record.is_umkm, True, "" if record.is_umkm else "not a UMKM"))
    if query.quantity and record.monthly_capacity:
        ok = record.monthly_capacity >= query.quantity
        checks.append(
            ConstraintCheck(
                "capacity",
                ok,
                True,
                ""
                if ok
                else f"capacity {format_number(record.monthly_capacity)} < {format_number(query.quantity)}",
            )
        )
    if query.require_category and query.category:
        ok = record.category == query.category
        checks.append(
            ConstraintCheck(
                "category", ok, True, "" if ok else f"category {record.category or '-'} != {query.category}"
            )
        )
    return checks


def _listing_match(
    query: DemandQuery,
    cand: Candidate,
    record: ListingRecord,
    scorer: Scorer,
    phrases: frozenset[str] = frozenset(),
) -> ListingMatch:
    hard = hard_checks(query, record)
    feats, soft_checks = features(query, cand, record, phrases)
    named = feats.as_dict()
    total = scorer.score(named)
    eligible = all(c.passed for c in hard)
    checks = tuple(hard + soft_checks)
    breakdown = ScoreBreakdown(**named, total=total)
    # Words and sentences are filled in by ``_in_words`` for the listings actually returned.
    return ListingMatch(record.listing_id, total, Explanation(breakdown, (), checks, "", ""), eligible)


def _in_words(query: DemandQuery, qtext: str, match: ListingMatch, record: ListingRecord) -> ListingMatch:
    """The listing match with its matched words and its two sentences."""
    matched = tuple(w for w in matched_terms(qtext, listing_text(record), limit=16) if meaningful(w))[:8]
    why = reasons(query, record, matched, match.explanation.checks, match.eligible)
    sid, sen = sentences_of(why)
    return replace(
        match,
        explanation=replace(
            match.explanation, matched_terms=matched, sentence_id=sid, sentence_en=sen, reasons=tuple(why)
        ),
    )


def _explained(
    query: DemandQuery, qtext: str, match: SupplierMatch, records: Mapping[int, ListingRecord]
) -> SupplierMatch:
    """A returned supplier with words and sentences for its best and other listings."""
    best = _in_words(
        query,
        qtext,
        ListingMatch(match.listing_id, match.score, match.explanation, match.eligible),
        records[match.listing_id],
    )
    others = tuple(_in_words(query, qtext, o, records[o.listing_id]) for o in match.other_listings)
    return replace(match, explanation=best.explanation, other_listings=others)


def rank(
    query: DemandQuery,
    candidates: Sequence[Candidate],
    records: Mapping[int, ListingRecord],
    exposure: ExposureLedger | None = None,
    settings: RankSettings | None = None,
) -> list[SupplierMatch]:
    """Eligible suppliers for ``query``, best first, one entry each, every one explained.

    ``candidates`` come from ``Retriever.retrieve``; ``records`` must hold a ListingRecord
    for each candidate id (missing ids are skipped, e.g. deleted since indexing).
    """
    s = settings or RankSettings()
    qtext = normalise_demand_text(query.text)
    phrases = item_phrases(query.text)
    scorer = s.scorer if s.scorer is not None and getattr(s.scorer, "use", True) else DEFAULT_SCORER
    by_supplier: dict[int, list[ListingMatch]] = {}
    rejected: dict[int, list[ListingMatch]] = {}
    for cand in candidates:
        record = records.get(cand.listing_id)
        if record is None:
            continue
        lm = _listing_match(query, cand, record, scorer, phrases)
        (by_supplier if lm.eligible else rejected).setdefault(record.supplier_id, []).append(lm)
    matches = [_group(sid, lms) for sid, lms in by_supplier.items()]
    matches.sort(key=lambda m: -m.score)
    limit = s.limit if s.limit is not None else len(matches)
    matches = fair_rerank(
        matches, exposure, s.fairness, limit, s.exposure_discount, s.reserved_share, s.fresh_window
    )[:limit]
    if s.include_rejected:
        extra = [_group(sid, lms, eligible=False) for sid, lms in rejected.items() if sid not in by_supplier]
        extra.sort(key=lambda m: -m.score)
        matches += [replace(m, rank=len(matches) + k + 1) for k, m in enumerate(extra)]
    # Words and sentences cost more than scoring: only for what is returned.
    return [_explained(query, qtext, m, records) for m in matches]


def _group(supplier_id: int, listings: Iterable[ListingMatch], eligible: bool = True) -> SupplierMatch:
    ordered = sorted(listings, key=lambda m: -m.score)
    best = ordered[0]
    return SupplierMatch(
        supplier_id, best.listing_id, 0, best.score, best.explanation, tuple(ordered[1:]), eligible=eligible
    )
