"""The order of storefront results: relevance (default), price either way, or distance.

Distance is measured from a chosen place (a kecamatan's centroid, or the middle of a kota)
to the seller's kecamatan; sellers whose place is unknown come last.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import cos, radians
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, case, func, select
from sqlalchemy.orm import Session, aliased

from models import Kecamatan, Listing, Organisation, SupplierProfile

SORTS = ("relevance", "price_asc", "price_desc", "distance")


@dataclass(frozen=True)
class Origin:
    """Where distances are measured from: a named point."""

    name: str
    lat: float
    lon: float


def origin_for(session: Session, kecamatan_id: int | None, kota_id: int | None) -> Origin | None:
    """The chosen kecamatan's centroid, else the middle of the chosen kota; None without either."""
    if kecamatan_id:
        place = session.get(Kecamatan, kecamatan_id)
        if place is not None and place.lat is not None and place.lon is not None:
            return Origin(place.name, place.lat, place.lon)
    if kota_id:
        row = session.execute(
            select(func.avg(Kecamatan.lat), func.avg(Kecamatan.lon)).where(
                Kecamatan.kota_id == kota_id, Kecamatan.lat.is_not(None)
            )
        ).one()
        if row[0] is not None:
            from models import Kota

            kota = session.get(Kota, kota_id)
            return Origin(kota.name if kota else "", float(row[0]), float(row[1]))
    return None


def _seller_place() -> tuple[ScalarSelect[Any], ScalarSelect[Any]]:
    """Correlated subqueries: the latitude and longitude of the listing's seller's kecamatan."""
    organisation, place = aliased(Organisation), aliased(Kecamatan)

    def coordinate(column: Any) -> ScalarSelect[Any]:
        return (
            select(column)
            .select_from(organisation)
            .join(place, place.id == organisation.kecamatan_id)
            .where(organisation.id == SupplierProfile.organisation_id)
            .scalar_subquery()
        )

    return coordinate(place.lat), coordinate(place.lon)


def distance_key(origin: Origin) -> ColumnElement[Any]:
    """A value that orders listings by distance from ``origin`` (squared equirectangular km)."""
    lat, lon = _seller_place()
    scale = cos(radians(origin.lat))
    return (lat - origin.lat) * (lat - origin.lat) + ((lon - origin.lon) * scale) * (
        (lon - origin.lon) * scale
    )


def order_first(sort: str, origin: Origin | None) -> list[Any]:
    """ORDER BY clauses that come before the relevance order for ``sort``."""
    if sort == "price_asc":
        return [Listing.price.asc()]
    if sort == "price_desc":
        return [Listing.price.desc()]
    if sort == "distance" and origin is not None:
        lat, _ = _seller_place()
        return [case((lat.is_(None), 1), else_=0), distance_key(origin).asc()]
    return []


def reorder(session: Session, ranked_ids: list[int], sort: str, origin: Origin | None) -> list[int]:
    """Ids in relevance order, re-sorted by price or distance (ties keep their relevance)."""
    if not ranked_ids or not order_first(sort, origin):
        return ranked_ids
    lat, lon = _seller_place()
    rows = session.execute(
        select(Listing.id, Listing.price, lat, lon).join(Listing.supplier).where(Listing.id.in_(ranked_ids))
    ).all()
    facts = {row[0]: row[1:] for row in rows}
    rank = {listing_id: n for n, listing_id in enumerate(ranked_ids)}

    def key(listing_id: int) -> tuple[float, int]:
        price, place_lat, place_lon = facts.get(listing_id, (None, None, None))
        if sort == "price_asc":
            return (price if price is not None else float("inf"), rank[listing_id])
        if sort == "price_desc":
            return (-price if price is not None else float("inf"), rank[listing_id])
        if place_lat is None or place_lon is None or origin is None:
            return (float("inf"), rank[listing_id])
        scale = cos(radians(origin.lat))
        return ((place_lat - origin.lat) ** 2 + ((place_lon - origin.lon) * scale) ** 2, rank[listing_id])

    return sorted(ranked_ids, key=key)
