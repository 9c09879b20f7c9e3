"""The buyer's decision: award one or several quotes (split quantities); tell everyone."""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.demand import close_open_matches
from app.services.locks import lock_quotes_of, lock_request
from app.services.notifications import notify_organisation
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.states import transition
from app.templating import rupiah, thousands
from models import Award, DemandRequest, Quote, User

__all__ = ["award", "lock_request"]


def award(
    session: Session,
    request_id: int,
    quantities: Mapping[int, int],
    actor: User,
    reason_for_others: str,
    versions: Mapping[int, int] | None = None,
    settings: WorkflowSettings = DEFAULTS,
) -> list[Award]:
    """Award the given quotes ``{quote id: quantity}``; every other supplier hears why not.

    Two buyers awarding at once, or a seller withdrawing or revising while the buyer awards:
    the request, its proposals and quotes are locked and read afresh, so the first action
    wins and the others are refused. ``versions`` ``{quote id: version}`` (what the buyer
    saw) refuses the award when a quote was revised in between.
    """
    request = lock_request(session, request_id)
    if request is None:
        raise ServiceError(str(_l("This request no longer exists.")))
    if request.status != "quoted":
        raise ServiceError(str(_l("This request can no longer be awarded (it is %(s)s).", s=request.status)))
    chosen = {int(k): int(v) for k, v in quantities.items() if int(v) > 0}
    if not chosen:
        raise ServiceError(str(_l("Choose at least one quote and a quantity.")))
    if not reason_for_others.strip():
        raise ServiceError(str(_l("Tell the other suppliers why they were not chosen.")), "reason")
    quotes = lock_quotes_of(session, request_id)
    if any(quote_id not in quotes or quotes[quote_id].status != "submitted" for quote_id in chosen):
        raise ServiceError(str(_l("Only submitted quotes of this request can be awarded.")))
    for quote_id, version in (versions or {}).items():
        if quote_id in quotes and quotes[quote_id].version != version:
            raise ServiceError(
                str(_l("A quote was changed after you read it; reload the page and decide again."))
            )
    for quote_id, quantity in chosen.items():
        if quantity > quotes[quote_id].quantity:
            raise ServiceError(
                str(
                    _l(
                        "%(seller)s offered only %(n)d.",
                        seller=quotes[quote_id].match.supplier.display_name,
                        n=quotes[quote_id].quantity,
                    )
                )
            )
    if sum(chosen.values()) > request.quantity:
        raise ServiceError(str(_l("Together the awards exceed the %(n)d requested.", n=request.quantity)))
    awards = [_award_one(session, request, quotes[qid], quantity, actor) for qid, quantity in chosen.items()]
    reason = reason_for_others.strip()
    close_open_matches(  # the chosen quotes are accepted by now, so only the others are left
        session,
        request,
        actor,
        reason,
        _l("Not chosen: %(title)s", title=request.title),
        _l("The buyer chose another offer. Reason given: %(reason)s", reason=reason),
    )
    transition(session, "request", request, "awarded", actor)
    session.flush()
    from app.services.orders import order_from_award  # each award becomes a purchase order

    for chosen_award in awards:
        order_from_award(session, chosen_award, actor, settings)
    return awards


def _award_one(session: Session, request: DemandRequest, quote: Quote, quantity: int, actor: User) -> Award:
    match = quote.match
    award = Award(
        request=request,
        quote=quote,
        supplier_id=match.supplier_id,
        quantity=quantity,
        unit_price=quote.unit_price,
        total_value=quote.unit_price * quantity,
        awarded_by_id=actor.id,
    )
    session.add(award)
    transition(
        session,
        "quote",
        quote,
        "accepted",
        actor,
        data={"quantity": quantity, "unit_price": quote.unit_price},
    )
    transition(session, "match", match, "awarded", actor)
    notify_organisation(
        session,
        match.supplier.organisation,
        "decision",
        _l("You won: %(title)s", title=request.title),
        _award_message(request, quote, award),
        f"/seller/invitations/{match.id}",
    )
    return award


def _award_message(request: DemandRequest, quote: Quote, award: Award) -> LazyString:
    """What the winner reads: the quantity and amount awarded (not the quote's, when split)."""
    figures = {
        "buyer": request.buyer.legal_name,
        "qty": thousands(award.quantity),
        "unit": request.unit,
        "price": rupiah(award.unit_price),
        "total": rupiah(award.total_value),
    }
    if award.quantity < quote.quantity:
        return _l(
            "%(buyer)s awarded you %(qty)s of the %(offered)s %(unit)s you offered, "
            "at %(price)s each: %(total)s in all.",
            offered=thousands(quote.quantity),
            **figures,
        )
    return _l("%(buyer)s awarded you %(qty)s %(unit)s at %(price)s each: %(total)s in all.", **figures)
