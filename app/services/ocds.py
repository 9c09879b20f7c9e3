"""Open Contracting Data Standard (OCDS 1.1) release packages of published procurements.

One release per published request (never a draft), carrying the latest state of the whole
contracting process: the buyer, the tender with its item and category, the tenderers (the
suppliers that quoted), and — once awarded — one award and one contract per Award row, the
contract built from the award's purchase order with its implementation (payments as
transactions, deliveries as milestones; see ``ocds_implementation``). Direct purchases from
the catalogue are processes of their own, published once the seller accepts.

Privacy: only organisations appear, never people. Buyers and suppliers that won are public
procurement facts and are named; suppliers that quoted and lost appear with an identifier and
their business scale only. Free text (titles, descriptions) has e-mail addresses and phone
numbers masked before it leaves the platform.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.clock import JAKARTA
from app.services.paging import first_row
from models import Award, DemandRequest, Match, Order, Organisation, Quote, SupplierProfile

OCID_PREFIX = "ocds-pasarpadu-"
VERSION = "1.1"
SCALE_EXTENSION = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_partyDetails_scale_extension/master/extension.json"
)
CLASSIFICATION_SCHEME = "x_PasarPaduCategory"
CURRENCY = "IDR"
PAGE_SIZE = 500
# UMKM scale (UU 20/2008, PP 7/2021) -> partyDetails scale codelist (micro | sme | large).
OCDS_SCALE = {"micro": "micro", "small": "sme", "medium": "sme"}
TENDER_STATUS = {
    "open": "active",
    "under_review": "active",
    "invited": "active",
    "quoted": "active",
    "awarded": "complete",
    "fulfilled": "complete",
    "cancelled": "cancelled",
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])(?:\+62|62|0)(?:[ -]?\d){7,12}(?![\w.])")
MASK = "[…]"


@dataclass(frozen=True)
class ReleaseWindow:
    """Requests published from ``since`` to ``until`` (Jakarta dates, inclusive); None = open."""

    since: date | None = None
    until: date | None = None


def public_text(text: str | None) -> str:
    """Free text with e-mail addresses and phone numbers masked."""
    return PHONE.sub(MASK, EMAIL.sub(MASK, text or ""))


def ocid(request_id: int) -> str:
    """The Open Contracting ID of a request."""
    return f"{OCID_PREFIX}{request_id}"


def _moment(value: datetime | None) -> str | None:
    """An RFC 3339 timestamp in Jakarta time (SQLite hands back naive UTC datetimes)."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(JAKARTA).isoformat(timespec="seconds")


def _end_of_day(day: date | None) -> str | None:
    if day is None:
        return None
    return datetime.combine(day, time(23, 59, 59), tzinfo=JAKARTA).isoformat()


def _start_utc(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=JAKARTA).astimezone(UTC)


def published_requests(window: ReleaseWindow) -> Select[int]:
    """Ids of published requests in the window, oldest publication first.

    ``published_at`` is set when, and only when, a request is published, so drafts (and
    drafts cancelled before publication) never appear.
    """
    query = select(DemandRequest.id).where(DemandRequest.published_at.is_not(None))
    if window.since:
        query = query.where(DemandRequest.published_at >= _start_utc(window.since))
    if window.until:
        query = query.where(DemandRequest.published_at < _start_utc(window.until + timedelta(days=1)))
    return query.order_by(DemandRequest.published_at, DemandRequest.id)


def _party_id(organisation_id: int) -> str:
    return f"PP-ORG-{organisation_id}"


def _address(organisation: Organisation) -> dict[str, str]:
    address = {"region": "DKI Jakarta", "countryName": "Indonesia"}
    if organisation.kota is not None:
        address["locality"] = organisation.kota.name
    return address


def _value(amount: int | None) -> dict[str, Any] | None:
    return None if amount is None else {"amount": int(amount), "currency": CURRENCY}


def _item(request: DemandRequest, quantity: int, unit_price: int | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": "1",
        "description": public_text(request.title),
        "quantity": quantity,
        "unit": {"name": request.unit or "unit"},
    }
    if unit_price is not None:
        item["unit"]["value"] = _value(unit_price)
    if request.category is not None:
        item["classification"] = {
            "scheme": CLASSIFICATION_SCHEME,
            "id": request.category.slug,
            "description": request.category.name_id,
            "description_en": request.category.name_en,
        }
    return item


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop None values (OCDS prefers absent fields to nulls), recursively."""
    cleaned: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _clean(value)
        elif isinstance(value, list):
            value = [_clean(v) if isinstance(v, dict) else v for v in value]
        if value is not None and value != {}:
            cleaned[key] = value
    return cleaned


@dataclass(frozen=True)
class Tenderer:
    """A supplier that quoted on a request (withdrawn quotes do not count)."""

    request_id: int
    organisation_id: int
    scale: str


def tenderers_of(session: Session, request_ids: Iterable[int]) -> dict[int, list[Tenderer]]:
    """The suppliers that quoted on each of the requests, in one query."""
    ids = list(request_ids)
    found: dict[int, list[Tenderer]] = defaultdict(list)
    if not ids:
        return found
    rows = session.execute(
        select(Match.request_id, SupplierProfile.organisation_id, SupplierProfile.scale)
        .join(Quote, Quote.match_id == Match.id)
        .join(SupplierProfile, SupplierProfile.id == Match.supplier_id)
        .where(Match.request_id.in_(ids), Quote.status != "withdrawn")
        .distinct()
        .order_by(Match.request_id, SupplierProfile.organisation_id)
    )
    for request_id, organisation_id, scale in rows:
        found[int(request_id)].append(Tenderer(int(request_id), int(organisation_id), scale))
    return found


def release(
    request: DemandRequest, tenderers: list[Tenderer], orders: Mapping[int, Order] | None = None
) -> dict[str, Any]:
    """The OCDS release of one published request, with its current state; ``orders`` are
    the purchase orders that followed its awards, keyed by award id."""
    from app.services import ocds_implementation as implementation

    orders = orders or {}
    buyer = request.buyer
    parties: dict[str, dict[str, Any]] = {
        _party_id(buyer.id): {
            "id": _party_id(buyer.id),
            "name": buyer.legal_name,
            "roles": ["buyer"],
            "address": _address(buyer),
        },
    }
    for tenderer in tenderers:
        parties.setdefault(
            _party_id(tenderer.organisation_id),
            {
                "id": _party_id(tenderer.organisation_id),
                "roles": ["tenderer"],
                "details": {"scale": OCDS_SCALE.get(tenderer.scale, "")},
            },
        )
    awards, contracts = [], []
    for award in sorted(request.awards, key=lambda a: a.id):
        organisation = award.supplier.organisation
        key = _party_id(organisation.id)
        roles = parties.get(key, {}).get("roles", [])
        party = parties[key] = {
            "id": key,
            "name": organisation.legal_name,
            "roles": roles + ["supplier"] if "supplier" not in roles else roles,
            "details": {"scale": OCDS_SCALE.get(award.supplier.scale, "")},
            "address": _address(organisation),
        }
        reference = {"id": party["id"], "name": organisation.legal_name}
        award_id = f"PP-AWD-{award.id}"
        awards.append(
            {
                "id": award_id,
                "title": public_text(request.title),
                "status": "active",
                "date": _moment(award.awarded_at),
                "value": _value(award.total_value),
                "suppliers": [reference],
                "items": [_item(request, award.quantity, award.unit_price)],
            }
        )
        order = orders.get(award.id)
        if order is not None:
            contracts.append(implementation.contract(order, f"PP-CON-{award.id}", award_id, request.title))
            continue
        contracts.append(
            {
                "id": f"PP-CON-{award.id}",
                "awardID": award_id,
                "title": public_text(request.title),
                "status": "terminated" if request.status == "fulfilled" else "active",
                "value": _value(award.total_value),
                "items": [_item(request, award.quantity, award.unit_price)],
            }
        )
    status = TENDER_STATUS.get(request.status, "active")
    tags = {
        "active": ["tender"],
        "complete": ["tender", "award", "contract"],
        "cancelled": ["tenderCancellation"],
    }[status]
    if status == "complete" and not awards:
        tags = ["tender"]
    if implementation.has_implementation(contracts):
        tags = [*tags, "implementation"]
    implementation.payment_roles(parties, contracts)
    moments = [
        m
        for m in (
            request.published_at,
            request.updated_at,
            request.closed_at,
            *(a.awarded_at for a in request.awards),
        )
        if m is not None
    ]
    version = f"v{request.version}"
    if orders:
        moments += [implementation.latest_moment(order) for order in orders.values()]
    latest = max(m if m.tzinfo else m.replace(tzinfo=UTC) for m in moments)
    if orders:  # deliveries and payments change the release without a new request version
        version += f"-{latest.astimezone(UTC):%Y%m%dT%H%M%S}"
    named = [p for p in parties.values() if "tenderer" in p["roles"]]
    return _clean(
        {
            "ocid": ocid(request.id),
            "id": f"{ocid(request.id)}-{version}",
            "date": _moment(latest),
            "tag": tags,
            "initiationType": "tender",
            "language": "id",
            "parties": list(parties.values()),
            "buyer": {"id": _party_id(buyer.id), "name": buyer.legal_name},
            "tender": {
                "id": f"PP-REQ-{request.id}",
                "title": public_text(request.title),
                "description": public_text(request.description) or None,
                "status": status,
                "items": [_item(request, request.quantity)],
                "value": _value(request.budget_ceiling),
                "procurementMethod": "limited",
                "procurementMethodDetails": "Pasar Padu: suppliers proposed by the matcher, reviewed "
                "by programme officials and invited by the buyer",
                "tenderPeriod": {
                    "startDate": _moment(request.published_at),
                    "endDate": _end_of_day(request.quotes_due),
                },
                "numberOfTenderers": len(tenderers),
                "tenderers": [{"id": p["id"], **({"name": p["name"]} if "name" in p else {})} for p in named],
            },
            "awards": awards or None,
            "contracts": contracts or None,
        }
    )


def release_page(
    session: Session, window: ReleaseWindow, page: int, per_page: int = PAGE_SIZE
) -> tuple[list[dict[str, Any]], bool]:
    """One page of releases (published requests and accepted direct purchases, oldest first)
    and whether another page follows (a fixed number of queries)."""
    from app.services import ocds_implementation as implementation

    found = session.execute(
        implementation.published_processes(window).limit(per_page + 1).offset(first_row(page, per_page))
    ).all()
    more = len(found) > per_page
    found = found[:per_page]
    ids = [int(i) for kind, i in found if kind == "request"]
    requests = (
        {
            r.id: r
            for r in session.scalars(
                select(DemandRequest)
                .where(DemandRequest.id.in_(ids))
                .options(
                    selectinload(DemandRequest.buyer).selectinload(Organisation.kota),
                    selectinload(DemandRequest.category),
                    selectinload(DemandRequest.awards)
                    .selectinload(Award.supplier)
                    .selectinload(SupplierProfile.organisation)
                    .selectinload(Organisation.kota),
                )
            )
        }
        if ids
        else {}
    )
    tenderers = tenderers_of(session, requests)
    orders = implementation.orders_of_awards(session, (a.id for r in requests.values() for a in r.awards))
    direct = implementation.direct_orders(session, [int(i) for kind, i in found if kind == "order"])
    releases = []
    for kind, key in found:
        if kind == "request":
            request = requests[int(key)]
            releases.append(
                release(
                    request,
                    tenderers.get(request.id, []),
                    {a.id: orders[a.id] for a in request.awards if a.id in orders},
                )
            )
        else:
            releases.append(implementation.direct_release(direct[int(key)]))
    return releases, more


def release_package(
    releases: list[dict[str, Any]],
    *,
    uri: str,
    publisher_uri: str,
    published: datetime,
    links: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Wrap releases in an OCDS 1.1 release package declaring the scale extension."""
    package: dict[str, Any] = {
        "uri": uri,
        "version": VERSION,
        "extensions": [SCALE_EXTENSION],
        "publishedDate": _moment(published),
        "publisher": {"name": "Pasar Padu", "uri": publisher_uri},
        "releases": releases,
    }
    if links:
        package["links"] = links
    return package
