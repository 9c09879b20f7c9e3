"""The one rule for what a visitor may see of the catalogue: active listings of active sellers.

The storefront, the search index, the database fallback, the programme figures and direct
orders all read the rule from here, as a SQL condition or as a check on a loaded listing.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, select

from models import Listing, SupplierProfile


def listing_visible() -> ColumnElement[bool]:
    """SQL condition: the listing is active and its seller is active (``SupplierProfile`` joined
    or correlated)."""
    return and_(Listing.status == "active", SupplierProfile.active.is_(True))


def visible_listings() -> Select[Listing]:
    """Active listings of active suppliers: what a visitor may see."""
    return select(Listing).join(Listing.supplier).where(listing_visible())


def is_visible(listing: Listing) -> bool:
    """The same rule for a listing already loaded."""
    return listing.status == "active" and listing.supplier.active
