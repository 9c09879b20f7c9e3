"""Seller listings: create, edit, publish, archive, photos."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.index_changes import record_change
from app.services.paging import page_rows
from app.services.states import record_changes
from models import Category, Listing, ListingPhoto, SupplierProfile, User, utcnow

MAX_PHOTOS = 8
AUDITED = (
    "title",
    "description",
    "category_id",
    "price",
    "unit",
    "min_order",
    "monthly_capacity",
    "lead_time_days",
    "status",
)


@dataclass
class ListingInput:
    """The editable fields of a listing, already type-checked by the form."""

    title: str
    description: str
    category_id: int
    price: int
    unit: str
    min_order: int
    monthly_capacity: int | None
    lead_time_days: int


def own_listing(session: Session, supplier: SupplierProfile, listing_id: int) -> Listing | None:
    """The supplier's listing with this id, or None when it is missing or someone else's."""
    listing = session.get(Listing, listing_id)
    if listing is None or listing.supplier_id != supplier.id:
        return None
    return listing


def supplier_listings(
    session: Session, supplier: SupplierProfile, status: str | None = None, page: int = 1, per_page: int = 20
) -> tuple[list[Listing], int]:
    """One page of a supplier's listings, newest first, and the total count."""
    query = select(Listing).where(Listing.supplier_id == supplier.id)
    if status:
        query = query.where(Listing.status == status)
    shown = query.order_by(Listing.updated_at.desc(), Listing.id.desc())
    return page_rows(session, shown, page, per_page)


def _apply(session: Session, listing: Listing, data: ListingInput) -> None:
    with session.no_autoflush:
        category = session.get(Category, data.category_id)
    if category is None:
        raise ServiceError(str(_l("Choose a category from the list.")), "category_id")
    listing.title = data.title.strip()
    listing.description = data.description.strip()
    listing.category_id = data.category_id
    listing.price = data.price
    listing.unit = data.unit.strip()
    listing.min_order = data.min_order
    listing.monthly_capacity = data.monthly_capacity
    listing.lead_time_days = data.lead_time_days


def create_listing(
    session: Session,
    supplier: SupplierProfile,
    data: ListingInput,
    publish: bool = False,
    actor: User | None = None,
) -> Listing:
    """A new listing of the supplier, as a draft unless ``publish``; audited."""
    listing = Listing(supplier=supplier, status="draft")
    session.add(listing)
    _apply(session, listing, data)
    if publish:
        publish_listing(session, listing)  # records the index change
    else:
        session.flush()
        record_change(session, listing_ids=[listing.id])
    session.flush()
    record_changes(
        session,
        actor=actor,
        action="listing.created",
        object_type="listing",
        obj=listing,
        fields=AUDITED,
        created=True,
    )
    return listing


def update_listing(
    session: Session, listing: Listing, data: ListingInput, actor: User | None = None
) -> Listing:
    """Change a listing's fields; its status stays as it was; the changes are audited."""
    if listing.status == "archived":
        raise ServiceError(str(_l("Restore the listing before editing it.")))
    _apply(session, listing, data)
    record_changes(
        session, actor=actor, action="listing.edited", object_type="listing", obj=listing, fields=AUDITED
    )
    session.flush()
    record_change(session, listing_ids=[listing.id])
    return listing


def publish_listing(session: Session, listing: Listing) -> None:
    """Make a draft or archived listing visible in the storefront."""
    listing.status = "active"
    listing.published_at = listing.published_at or utcnow()
    session.flush()
    record_change(session, listing_ids=[listing.id])


def archive_listing(session: Session, listing: Listing) -> None:
    """Take a listing out of the storefront and out of matching; nothing is deleted."""
    listing.status = "archived"
    record_change(session, listing_ids=[listing.id])


def add_photo(
    session: Session, listing: Listing, stored_name: str, thumb_name: str, width: int, height: int
) -> ListingPhoto:
    """Attach an already stored photo to the listing."""
    if len(listing.photos) >= MAX_PHOTOS:
        raise ServiceError(str(_l("A listing can have at most %(n)d photos.", n=MAX_PHOTOS)), "photos")
    photo = ListingPhoto(
        listing=listing,
        stored_name=stored_name,
        thumb_name=thumb_name,
        width=width,
        height=height,
        position=len(listing.photos),
    )
    session.add(photo)
    session.flush()
    return photo


def remove_photo(session: Session, listing: Listing, photo_id: int) -> ListingPhoto | None:
    """Detach a photo from the listing; returns it so the caller can delete its files after commit."""
    for photo in listing.photos:
        if photo.id == photo_id:
            listing.photos.remove(photo)
            session.flush()
            return photo
    return None
