""" "Minta penawaran": a need addressed to one supplier from its product or supplier page,
pre-filled from the listing; the supplier is proposed first and reviewed like any other."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.states import record_event
from models import DemandRequest, Listing, Match, SupplierProfile, User

ADDRESSED_SENTENCE_ID = "Diminta langsung oleh pembeli dari halaman produk atau penjual."
ADDRESSED_SENTENCE_EN = "Asked for by the buyer from the product or supplier page."


@dataclass(frozen=True)
class Prefill:
    """What a new request addressed to a supplier starts with."""

    supplier: SupplierProfile
    listing: Listing | None


def prefill(session: Session, listing_id: int | None, supplier_id: int | None) -> Prefill | None:
    """The listing and supplier a new request is addressed to, if they can take requests."""
    listing = session.get(Listing, listing_id) if listing_id else None
    if listing is not None and listing.status != "active":
        listing = None
    supplier = (
        listing.supplier if listing else (session.get(SupplierProfile, supplier_id) if supplier_id else None)
    )
    if supplier is None or not supplier.active or not supplier.verified:
        return None
    return Prefill(supplier=supplier, listing=listing)


def address_request(session: Session, request: DemandRequest, supplier_id: int, actor: User) -> None:
    """Address a draft request to one supplier."""
    supplier = session.get(SupplierProfile, supplier_id)
    if supplier is None or not supplier.active or not supplier.verified:
        raise ServiceError(str(_l("This supplier cannot take requests now.")))
    request.addressed_to_id = supplier.id
    session.flush()
    record_event(
        session,
        actor=actor,
        action="request.addressed",
        object_type="request",
        object_id=request.id,
        data={"supplier_id": supplier.id},
    )


def propose_addressed_supplier(session: Session, request: DemandRequest, matches: list[Match]) -> list[Match]:
    """Put the supplier the request is addressed to first among the proposals (added when the
    matcher did not find it); it is still reviewed when the organisation requires review."""
    if request.addressed_to_id is None:
        return matches
    if any(m.supplier_id == request.addressed_to_id for m in matches):
        return matches
    supplier = session.get(SupplierProfile, request.addressed_to_id)
    listing = (
        next(
            (
                l
                for l in supplier.listings
                if l.status == "active"
                and (request.category_id is None or l.category_id == request.category_id)
            ),
            None,
        )
        if supplier
        else None
    )
    match = Match(
        request=request,
        supplier_id=request.addressed_to_id,
        listing_id=listing.id if listing else None,
        rank=0,
        score=1.0,
        status="proposed",
        explanation={
            "sentence_id": ADDRESSED_SENTENCE_ID,
            "sentence_en": ADDRESSED_SENTENCE_EN,
            "reasons": [{"kind": "addressed"}],  # said in the reader's language when shown
            "matched_terms": [],
            "checks": [],
            "addressed": True,
            "reserved": False,
            "scores": {
                "dense": 1.0,
                "lexical": 0.0,
                "budget": 0.0,
                "capacity": 0.0,
                "location": 0.0,
                "lead_time": 0.0,
                "requirements": 0.0,
                "phrase": 0.0,
                "exposure": 0.0,
                "total": 1.0,
            },
        },
    )
    session.add(match)
    session.flush()
    return [match, *matches]
