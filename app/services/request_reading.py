"""What the matcher read in a request's words, and applying it once the buyer confirms.

The engine reads the category the request is about (``matching.intent``) and requirements
stated in the text (``matching.requirements``: certificates, quantity, place, needed-by
date). Nothing read is used until the buyer applies it to the draft, so hard filters only
ever act on fields the buyer confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import cast

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services import demand as demand_service
from matching.intent import default_intent
from matching.requirements import read_requirements
from models import Category, DemandRequest, Kecamatan, Kota, User

MIN_INTENT_PROBABILITY = 0.35


@dataclass
class Proposal:
    """One field read from the text that differs from the request: name, value, evidence."""

    field: str
    value: object
    evidence: str


@dataclass
class Reading:
    """The category read (if the model is sure enough) and proposed field changes."""

    category: Category | None = None
    probability: float = 0.0
    proposals: list[Proposal] = field(default_factory=list)


def _category(session: Session, text: str) -> tuple[Category | None, float]:
    model = default_intent()
    guess = model.guess(text) if model is not None else None
    if guess is None or guess.probability < MIN_INTENT_PROBABILITY:
        return None, 0.0
    found = session.scalar(select(Category).where(Category.slug == guess.category))
    return found, guess.probability


def _kecamatan(session: Session, kota: str, kecamatan: str) -> Kecamatan | None:
    if not kecamatan:
        return None
    query = select(Kecamatan).where(func.lower(Kecamatan.name) == kecamatan.lower())
    if kota:
        query = query.join(Kota, Kota.id == Kecamatan.kota_id).where(func.lower(Kota.name) == kota.lower())
    return session.scalars(query).first()


def read_request(session: Session, demand: DemandRequest, today: date) -> Reading:
    """The category and requirements read in the request's title and description."""
    text = f"{demand.title}. {demand.description}".strip()
    category, probability = _category(session, text)
    read = read_requirements(text, today)
    proposals: list[Proposal] = []
    missing = [c for c in read.certifications if c not in (demand.required_certifications or [])]
    for kind in missing:
        proposals.append(Proposal("certification", kind, read.evidence.get(f"certification:{kind}", kind)))
    if read.quantity and read.quantity != demand.quantity:
        proposals.append(Proposal("quantity", (read.quantity, read.unit), read.evidence.get("quantity", "")))
    place = _kecamatan(session, read.kota, read.kecamatan)
    if place is not None and place.id != demand.kecamatan_id:
        proposals.append(Proposal("kecamatan", place, read.evidence.get("kecamatan", "")))
    if read.needed_by and read.needed_by > today and read.needed_by != demand.needed_by:
        proposals.append(Proposal("needed_by", read.needed_by, read.evidence.get("needed_by", "")))
    return Reading(category, probability, proposals)


def _input_of(demand: DemandRequest) -> demand_service.RequestInput:
    assert demand.needed_by is not None and demand.kecamatan_id is not None
    return demand_service.RequestInput(
        title=demand.title,
        description=demand.description,
        category_id=demand.category_id,
        quantity=demand.quantity,
        unit=demand.unit,
        budget_ceiling=demand.budget_ceiling,
        kecamatan_id=demand.kecamatan_id,
        needed_by=demand.needed_by,
        quotes_due=demand.quotes_due,
        required_certifications=list(demand.required_certifications or []),
        umkm_only=demand.umkm_only,
    )


def apply_category(
    session: Session, demand: DemandRequest, actor: User, category_id: int, today: date
) -> None:
    """Set the draft's category to the one the buyer accepted."""
    data = _input_of(demand)
    data.category_id = category_id
    demand_service.update_request(session, demand, actor, data, today)


def apply_requirements(session: Session, demand: DemandRequest, actor: User, today: date) -> int:
    """Apply every proposed requirement to the draft; returns how many fields changed."""
    reading = read_request(session, demand, today)
    if not reading.proposals:
        raise ServiceError(str(_l("Nothing new was read from the text.")))
    data = _input_of(demand)
    for proposal in reading.proposals:
        if proposal.field == "certification":
            data.required_certifications.append(str(proposal.value))
        elif proposal.field == "quantity":
            # each field's reader proposes a value of that field's type (see read_request)
            data.quantity, data.unit = cast("tuple[int, str]", proposal.value)
        elif proposal.field == "kecamatan":
            data.kecamatan_id = cast(Kecamatan, proposal.value).id
        elif proposal.field == "needed_by":
            data.needed_by = cast(date, proposal.value)
            if data.quotes_due and data.quotes_due > data.needed_by:
                data.quotes_due = None
    demand_service.update_request(session, demand, actor, data, today)
    return len(reading.proposals)
