"""Anonymous visitors' search pages come from a short-lived cache; nobody else's do."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import login, run_indexer_once
from tests.factories import make_listing, make_seller


def test_visitors_get_the_cached_page_until_a_new_snapshot(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="penjual@test.id")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    db.commit()
    run_indexer_once(app)
    app.config["PAGE_CACHE_SECONDS"] = 60
    try:
        visitor = app.test_client()
        first = visitor.get("/search?q=nasi+kotak")
        assert first.status_code == 200 and "Nasi kotak ayam bakar" in first.get_data(as_text=True)
        make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak rendang")
        db.commit()
        again = visitor.get("/search?q=nasi+kotak")
        assert again.get_data() == first.get_data()  # served from the cache
        assert "Set-Cookie" not in again.headers and again.headers["Content-Type"].startswith("text/html")
        assert "Content-Security-Policy" in again.headers  # security headers on every answer

        logged_in = app.test_client()
        login(logged_in, "penjual@test.id")
        mine = logged_in.get("/search?q=nasi+kotak").get_data(as_text=True)
        assert "Log out" in mine or "Keluar" in mine  # their own page, never the visitors' copy

        run_indexer_once(app)  # a new snapshot: the cache starts afresh
        fresh = visitor.get("/search?q=nasi+kotak").get_data(as_text=True)
        assert "Nasi kotak rendang" in fresh
    finally:
        app.config["PAGE_CACHE_SECONDS"] = 0
        app.extensions.pop("page_cache", None)


def test_database_fallback_pages_are_never_cached(app: Flask, client: FlaskClient, db: Session) -> None:
    seller = make_seller(db)
    make_listing(db, seller.organisation.supplier_profile, title="Kopi bubuk robusta")
    db.commit()
    app.config["PAGE_CACHE_SECONDS"] = 60
    try:
        client.get("/search?q=kopi")
        assert not app.extensions.get("page_cache") or not app.extensions["page_cache"]._pages
    finally:
        app.config["PAGE_CACHE_SECONDS"] = 0
        app.extensions.pop("page_cache", None)
