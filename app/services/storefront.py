"""What the public storefront shows: categories, featured products, search, product pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.services.paging import first_row, page_count, page_rows
from app.services.search_order import Origin, order_first, reorder
from app.services.visibility import visible_listings as visible_listings  # re-exported
from models import (
    Category,
    FeaturedListing,
    Listing,
    Organisation,
    SupplierCertification,
    SupplierProfile,
)

FEATURED_COUNT = 8


@dataclass(frozen=True)
class SearchParams:
    """A storefront search: free text and filters, all optional."""

    text: str = ""
    category: str | None = None
    kota_id: int | None = None
    price_min: int | None = None
    price_max: int | None = None
    certification: str | None = None
    scale: str | None = None
    page: int = 1
    per_page: int = 24
    sort: str = "relevance"  # one of ``search_order.SORTS``
    origin: Origin | None = None  # where "distance" is measured from


@dataclass
class SearchPage:
    """One page of search results."""

    listings: list[Listing]
    total: int
    page: int
    per_page: int
    matched_by: str = "lexical"
    suggestions: list[Listing] = field(default_factory=list)
    limited: bool = False  # answered from the database while the search index is not ready

    @property
    def pages(self) -> int:
        """Number of pages."""
        return page_count(self.total, self.per_page)


def week_of(day: date) -> date:
    """The Friday of ``day``'s week (Monday to Sunday): the "Jumat Beli Lokal" of that week."""
    return day - timedelta(days=day.weekday()) + timedelta(days=4)


def featured_listings(session: Session, today: date) -> list[Listing]:
    """This week's "Jumat Beli Lokal" products: curated picks, else a weekly rotation."""
    friday = week_of(today)
    curated = session.scalars(
        visible_listings()
        .join(FeaturedListing, FeaturedListing.listing_id == Listing.id)
        .where(FeaturedListing.week_of == friday)
        .options(selectinload(Listing.photos), selectinload(Listing.supplier))
        .order_by(FeaturedListing.id)
        .limit(FEATURED_COUNT)
    ).all()
    if curated:
        return list(curated)
    # No curated picks: rotate weekly through verified suppliers' products.
    bucket = friday.toordinal() // 7 % 31
    rotation = session.scalars(
        visible_listings()
        .where(SupplierProfile.verified.is_(True), (Listing.id * 7 + bucket) % 31 == 0)
        .options(selectinload(Listing.photos), selectinload(Listing.supplier))
        .order_by(Listing.id)
        .limit(FEATURED_COUNT)
    ).all()
    return list(rotation)


def categories_with_counts(session: Session) -> list[tuple[Category, int]]:
    """Top-level categories with how many visible listings each has."""
    listing_count = (
        visible_listings()
        .with_only_columns(Listing.category_id, func.count(Listing.id))
        .group_by(Listing.category_id)
        .subquery()
    )
    rows = session.execute(
        select(Category, func.coalesce(listing_count.c[1], 0))
        .outerjoin(listing_count, listing_count.c.category_id == Category.id)
        .where(Category.parent_id.is_(None))
        .order_by(Category.position, Category.slug)
    ).all()
    return [(category, int(count)) for category, count in rows]


def apply_filters(query: Select[Listing], params: SearchParams, today: date) -> Select[Listing]:
    """``query`` narrowed by the search's category, kota, price, certificate and scale."""
    if params.category:
        query = query.join(Listing.category).where(Category.slug == params.category)
    if params.kota_id:
        query = query.join(SupplierProfile.organisation).where(Organisation.kota_id == params.kota_id)
    if params.price_min is not None:
        query = query.where(Listing.price >= params.price_min)
    if params.price_max is not None:
        query = query.where(Listing.price <= params.price_max)
    if params.scale:
        query = query.where(SupplierProfile.scale == params.scale)
    if params.certification:
        query = query.where(
            select(SupplierCertification.id)
            .where(
                SupplierCertification.supplier_id == SupplierProfile.id,
                SupplierCertification.kind == params.certification,
                or_(SupplierCertification.expires_on.is_(None), SupplierCertification.expires_on >= today),
            )
            .exists()
        )
    return query


def page_of(
    session: Session, query: Select[Listing], order: Sequence[object], params: SearchParams, matched_by: str
) -> SearchPage:
    """The requested page of ``query`` in ``order``, with the total count."""
    order = [*order_first(params.sort, params.origin), *order]
    shown = query.options(
        selectinload(Listing.photos),
        selectinload(Listing.supplier).selectinload(SupplierProfile.organisation),
    ).order_by(*order)  # type: ignore[arg-type]
    rows, total = page_rows(session, shown, params.page, params.per_page)
    return SearchPage(rows, total, params.page, params.per_page, matched_by)


def search_listings(session: Session, params: SearchParams, today: date) -> SearchPage:
    """Browsing without words: the filtered visible listings, newest first.

    Searches with words go through ``catalogue_index.search`` (the engine, or the database
    fallback in ``catalogue_fallback``).
    """
    query = apply_filters(visible_listings(), params, today)
    return page_of(session, query, [Listing.id.desc()], params, "lexical")


def ranked_search(session: Session, params: SearchParams, today: date, ranked_ids: list[int]) -> SearchPage:
    """Filter and page listings already ranked by the matching engine, keeping its order.

    One light query keeps the ids that pass the filters; only the page's listings are then
    loaded with their photos and sellers.
    """
    if not ranked_ids:
        return SearchPage([], 0, params.page, params.per_page, "hybrid")
    query = apply_filters(visible_listings(), params, today).where(Listing.id.in_(ranked_ids))
    passing = set(session.scalars(query.with_only_columns(Listing.id)))
    ordered = reorder(
        session,
        [listing_id for listing_id in ranked_ids if listing_id in passing],
        params.sort,
        params.origin,
    )
    start = first_row(params.page, params.per_page)
    page_ids = ordered[start : start + params.per_page]
    rows: dict[int, Listing] = {}
    if page_ids:
        rows = {
            listing.id: listing
            for listing in session.scalars(
                select(Listing)
                .where(Listing.id.in_(page_ids))
                .options(
                    selectinload(Listing.photos),
                    selectinload(Listing.supplier).selectinload(SupplierProfile.organisation),
                )
            )
        }
    listings = [rows[listing_id] for listing_id in page_ids if listing_id in rows]
    return SearchPage(listings, len(ordered), params.page, params.per_page, "hybrid")


def supplier_page(session: Session, supplier_id: int) -> SupplierProfile | None:
    """An active supplier for its public page."""
    supplier = session.get(SupplierProfile, supplier_id)
    if supplier is None or not supplier.active:
        return None
    return supplier


def listing_page(session: Session, listing_id: int) -> Listing | None:
    """A visible listing for its product page."""
    return session.scalar(
        visible_listings().where(Listing.id == listing_id).options(selectinload(Listing.photos))
    )


def supplier_listings(session: Session, supplier_id: int, page: int, per_page: int) -> SearchPage:
    """One page of a supplier's visible listings, newest first, with the total count."""
    params = SearchParams(page=page, per_page=per_page)
    query = visible_listings().where(Listing.supplier_id == supplier_id)
    return page_of(session, query, [Listing.id.desc()], params, "supplier")


def similar_listings(session: Session, listing: Listing, limit: int = 4) -> list[Listing]:
    """Products of other suppliers in the same category, closest in price first."""
    return list(
        session.scalars(
            visible_listings()
            .where(Listing.category_id == listing.category_id, Listing.supplier_id != listing.supplier_id)
            .options(
                selectinload(Listing.photos),
                selectinload(Listing.supplier).selectinload(SupplierProfile.organisation),
            )
            .order_by(func.abs(Listing.price - listing.price), Listing.id.desc())
            .limit(limit)
        )
    )
