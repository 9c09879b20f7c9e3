"""The buyer's decision: award one or several quotes (split quantities); tell everyone."""
from __future__ import annotations

from collections.abc import Mapping

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.demand import close_open_matches
from app.services.notifications import notify_organisation
from app.services.states import transition
from models import Award, DemandRequest, Quote, User


def lock_request(session: Session, request_id: int) -> DemandRequest | None:
    """The request, row-locked for the rest of the transaction where the database can."""
    return session.scalar(
        select(DemandRequest).where(DemandRequest.id == request_id)
        .with_for_update().execution_options(populate_existing=True)
    )


def award(session: Session, request_id: int, quantities: Mapping[int, int], actor: User,
          reason_for_others: str) -> list[Award]:
    """Award the given quotes ``{quote id: quantity}``; every other supplier hears why not.

    Two buyers awarding at once: the first holds the row lock, the second then finds the
    request already awarded and is refused.
    """
    request = lock_request(session, request_id)
    if request is None:
        raise ServiceError(str(_l("This request no longer exists.")))
    if request.status != "quoted":
        raise ServiceError(str(_l("This request can no longer be awarded (it is %(s)s).",
                                  s=request.status)))
    chosen = {int(k): int(v) for k, v in quantities.items() if int(v) > 0}
    if not chosen:
        raise ServiceError(str(_l("Choose at least one quote and a quantity.")))
    if not reason_for_others.strip():
        raise ServiceError(str(_l("Tell the other suppliers why they were not chosen.")), "reason")
    quotes = {q.id: q for m in request.matches for q in m.quotes}
    if any(quote_id not in quotes or quotes[quote_id].status != "submitted" for quote_id in chosen):
        raise ServiceError(str(_l("Only submitted quotes of this request can be awarded.")))
    for quote_id, quantity in chosen.items():
        if quantity > quotes[quote_id].quantity:
            raise ServiceError(str(_l("%(seller)s offered only %(n)d.",
                                      seller=quotes[quote_id].match.supplier.display_name,
                                      n=quotes[quote_id].quantity)))
    if sum(chosen.values()) > request.quantity:
        raise ServiceError(str(_l("Together the awards exceed the %(n)d requested.",
                                  n=request.quantity)))
    awards = [_award_one(session, request, quotes[qid], quantity, actor)
              for qid, quantity in chosen.items()]
    reason = reason_for_others.strip()
    close_open_matches(  # the chosen quotes are accepted by now, so only the others are left
        session, request, actor, reason,
        str(_l("Not chosen: %(title)s", title=request.title)),
        str(_l("The buyer chose another offer. Reason given: %(reason)s", reason=reason)),
    )
    transition(session, "request", request, "awarded", actor)
    session.flush()
    return awards


def _award_one(session: Session, request: DemandRequest, quote: Quote, quantity: int,
               actor: User) -> Award:
    match = quote.match
    award = Award(request=request, quote=quote, supplier_id=match.supplier_id, quantity=quantity,
                  unit_price=quote.unit_price, total_value=quote.unit_price * quantity,
                  awarded_by_id=actor.id)
    session.add(award)
    transition(session, "quote", quote, "accepted", actor)
    transition(session, "match", match, "awarded", actor)
    notify_organisation(
        session, match.supplier.organisation, "decision",
        str(_l("You won: %(title)s", title=request.title)),
        str(_l("%(buyer)s awarded you %(qty)d %(unit)s.", buyer=request.buyer.legal_name,
               qty=quantity, unit=request.unit)),
        f"/seller/invitations/{match.id}",
    )
    return award
