"""Runs the matching engine for a demand request, with fair exposure from recorded proposals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from app.catalogue_index import retrieve
from app.services.catalogue_records import demand_query, exposure_events, records_for
from app.services.learning import live_scorer
from app.services.settings import MATCH_DEFAULTS, MatchSettings
from matching.exposure import ExposureLedger
from matching.ranking import RankSettings, rank
from matching.results import SupplierMatch
from matching.retriever import Candidate
from models import DemandRequest

CANDIDATE_POOL = 300


def match_request(
    session: Session,
    request: DemandRequest,
    today: date,
    limit: int | None = None,
    fairness: float | None = None,
    *,
    candidates: Sequence[Candidate] | None = None,
    count_undecided: bool = True,
    settings: MatchSettings = MATCH_DEFAULTS,
) -> list[SupplierMatch]:
    """Ranked, explained suppliers for the request (at most ``limit``, default from
    ``settings``, as are the fair-exposure share and the learned scorer).

    ``candidates``: already retrieved for the request's text (a batch job), else retrieved now;
    ``count_undecided`` False: fair exposure leaves out proposals still awaiting review.
    """
    query = demand_query(request, today)
    if candidates is None:
        candidates = retrieve(session, query.text, CANDIDATE_POOL, precise=True)
    records = records_for(session, (c.listing_id for c in candidates))
    suppliers = {record.supplier_id for record in records.values()}
    events = exposure_events(session, today, suppliers, undecided=count_undecided)
    ledger = ExposureLedger.from_events(events, today)
    ranking = RankSettings(
        limit=limit or settings.proposals_per_request,
        fairness=settings.fair_exposure if fairness is None else fairness,
        scorer=live_scorer(settings.scorer_path),
    )
    return rank(query, candidates, records, exposure=ledger, settings=ranking)
