"""Batch re-matching: fresh proposals for requests whose review has not started.

After a catalogue changes (new sellers, a new model, a national import) the proposals of
requests still waiting for review can be stale. A request qualifies while it is open or under
review, before its needed-by date, and none of its proposals has been decided (every one
still ``proposed``, or none yet); once an official approved or rejected one, or the buyer skips review, its proposals
are people's decisions and are left alone.

Each request is re-matched on its own (``rematch_request``; the caller commits after each),
so an interrupted run leaves every request either with its old proposals or with its new ones.
New proposals equal to the old (same suppliers, listings, ranks and scores) change nothing,
so a second run writes nothing. Fair exposure counts only decided proposals here (those
awaiting review are what a re-match replaces): each request is ranked alike whatever order
the batch runs in, and again on a second run.

Candidates come from the published index in this process, or, for a large batch, from the
Ray Data job of ``matching.ray_jobs`` (a local Ray, or ``RAY_ADDRESS``'s cluster), whose
shard files make the retrieval resumable too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.catalogue_records import demand_query
from app.services.demand import _store_matches
from app.services.locks import lock_request
from app.services.matchmaking import CANDIDATE_POOL, match_request
from app.services.settings import MATCH_DEFAULTS, MatchSettings
from app.services.states import record_event, transition
from matching.results import SupplierMatch
from matching.retriever import Candidate
from models import DemandRequest, Match
from models.states import RequestState

REMATCH_STATES = (RequestState.OPEN, RequestState.UNDER_REVIEW)
Proposal = tuple[int, int | None, int, float]  # supplier, listing, rank, score


@dataclass(frozen=True)
class RematchOutcome:
    """What happened to one request: ``changed``, ``unchanged`` or ``skipped`` (review started
    meanwhile, or no longer open), with the proposals before and after."""

    request_id: int
    result: str
    before: tuple[Proposal, ...] = ()
    after: tuple[Proposal, ...] = ()


def qualifies(request: DemandRequest, today: date) -> bool:
    """Whether the request's proposals may still be replaced (review not started)."""
    return (
        request.status in REMATCH_STATES
        and (request.needed_by is None or request.needed_by > today)
        and all(match.status == "proposed" for match in request.matches)
    )


def requests_to_rematch(
    session: Session, today: date, only: Iterable[int] | None = None
) -> list[DemandRequest]:
    """Requests whose proposals may be replaced (``only`` these ids when given), by id."""
    query = select(DemandRequest).where(DemandRequest.status.in_(REMATCH_STATES))
    wanted = None if only is None else sorted(set(only))
    if wanted is not None:
        query = query.where(DemandRequest.id.in_(wanted))
    return [r for r in session.scalars(query.order_by(DemandRequest.id)) if qualifies(r, today)]


def _proposals_of(matches: Sequence[Match]) -> tuple[Proposal, ...]:
    return tuple(
        sorted(
            ((m.supplier_id, m.listing_id, m.rank, round(float(m.score), 4)) for m in matches),
            key=lambda p: p[2],
        )
    )


def _proposals_found(found: Sequence[SupplierMatch]) -> tuple[Proposal, ...]:
    return tuple((f.supplier_id, f.listing_id, f.rank, round(float(f.score), 4)) for f in found)


def rematch_request(
    session: Session,
    request_id: int,
    today: date,
    candidates: Sequence[Candidate] | None = None,
    settings: MatchSettings = MATCH_DEFAULTS,
) -> RematchOutcome:
    """Replace one request's undecided proposals with the engine's current ones, audited.

    ``candidates``: already retrieved for the request (the Ray job), else retrieved here.
    """
    request = lock_request(session, request_id)
    if request is None or not qualifies(request, today):
        return RematchOutcome(request_id, "skipped")
    old = list(request.matches)
    before = _proposals_of(old)
    found = match_request(
        session, request, today, candidates=candidates, count_undecided=False, settings=settings
    )
    after = _proposals_found(found)
    if after == before:
        return RematchOutcome(request_id, "unchanged", before, after)
    for match in old:
        request.matches.remove(match)
        session.delete(match)
    session.flush()
    stored = _store_matches(session, request, found)
    record_event(
        session,
        actor=None,
        action="request.rematched",
        object_type="request",
        object_id=request.id,
        data={"before": [list(p) for p in before], "after": [list(p) for p in after]},
    )
    if stored and request.buyer.skip_review:
        for match in stored:
            transition(session, "match", match, "approved", None, reason="organisation skips review")
    elif stored and request.status == "open":
        transition(session, "request", request, "under_review", None, reason="re-matched")
    elif not stored and request.status == "under_review":
        transition(session, "request", request, "open", None, reason="re-matched: no eligible supplier")
    session.flush()
    return RematchOutcome(request_id, "changed", before, after)


def candidates_with_ray(
    requests: Sequence[DemandRequest],
    today: date,
    folder: str,
    model: str,
    query_model: str,
    snapshot: str,
    num_cpus: int | None = None,
) -> dict[int, list[Candidate]]:
    """The candidates of each request from the Ray Data job, against the published
    ``snapshot`` (shard files under ``<folder>/rematch-<snapshot>``: a re-run resumes)."""
    from matching.ray_jobs import load_candidates, rematch_with_ray

    if not requests:
        return {}
    out = Path(folder) / f"rematch-{snapshot}"
    ids = [r.id for r in requests]
    texts = [demand_query(r, today).text for r in requests]
    try:
        report = rematch_with_ray(
            ids,
            texts,
            folder,
            model,
            out,
            n=CANDIDATE_POOL,
            query_model=query_model,
            snapshot=snapshot,
            num_cpus=num_cpus,
        )
    except Exception as problem:  # Ray wraps the actors' errors in its own
        raise ServiceError(f"The Ray re-matching job failed: {problem}") from problem
    return load_candidates(out, report.keys)
