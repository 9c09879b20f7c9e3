"""In a real browser: the seller's quote form warns, as the seller types, when the quote misses
the need, and without JavaScript the server warns and asks to confirm before sending."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask_migrate import upgrade

from app import create_app
from app.clock import today
from app.config import load_config
from app.extensions import db
from app.services.demand import invite_suppliers, publish_request
from app.services.indexer import run_once
from tests.factories import PASSWORD, make_buyer, make_listing, make_request, make_seller

pytestmark = pytest.mark.e2e
NEEDED_IN_DAYS = 20


@pytest.fixture(scope="module")
def prepared_database(server_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> None:
    """A caterer invited to quote for 50 kotak within a Rp 1.500.000 budget."""
    config = load_config(str(tmp_path_factory.mktemp("e2e-instance")))
    config.update(SQLALCHEMY_DATABASE_URI=server_env["DATABASE_URL"],
                  INDEX_FOLDER=server_env["INDEX_FOLDER"], MATCHER_MODEL=server_env["MATCHER_MODEL"],
                  PASSWORD_HASH_FAST=True)
    app = create_app(config)
    with app.app_context():
        upgrade()
        caterer = make_seller(db.session, email="sri@e2e.id", name="Katering Bu Sri Cakung",
                              kecamatan_name="Cakung")
        make_listing(db.session, caterer.organisation.supplier_profile,
                     title="Nasi kotak ayam bakar", price=29_000,
                     description="Nasi kotak ayam bakar, sayur dan buah untuk rapat.")
        buyer = make_buyer(db.session, email="dinas@e2e.id")
        buyer.organisation.skip_review = True
        db.session.commit()
        run_once(db.session, server_env["INDEX_FOLDER"], server_env["MATCHER_MODEL"])
        demand = make_request(db.session, buyer, title="Nasi kotak rapat RW", quantity=50,
                              budget=1_500_000, days=NEEDED_IN_DAYS)
        matches = publish_request(db.session, demand, buyer, today())
        invite_suppliers(db.session, demand, [m.id for m in matches], buyer, today())
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def _seller_page(browser: object, base: str, javascript: bool) -> object:
    context = browser.new_context(viewport={"width": 390, "height": 844},  # type: ignore[attr-defined]
                                  java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{base}/auth/login")
    page.fill("#email", "sri@e2e.id")
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{base}/seller/invitations")
    page.locator("[data-testid=invitation] a").first.click()
    page.wait_for_load_state()
    return page


def test_warnings_appear_as_the_seller_types(live_server: str, browser: object) -> None:
    page = _seller_page(browser, live_server, javascript=True)
    box = page.locator("[data-testid=quote-gaps]")
    assert not box.is_visible()
    page.fill("#unit_price", "29.000")
    page.fill("#quantity", "30")
    box.wait_for(state="visible")
    assert "kurang dari 50 kotak" in box.inner_text()
    page.fill("#quantity", "50")
    box.wait_for(state="hidden")
    page.fill("#unit_price", "31.000")
    page.fill("#delivery_date", (today() + timedelta(days=NEEDED_IN_DAYS + 2)).isoformat())
    box.wait_for(state="visible")
    text = box.inner_text()
    assert "di atas anggaran per satuan (Rp 30.000)" in text and "setelah tanggal dibutuhkan" in text


def test_without_javascript_the_server_warns_and_asks_to_confirm(live_server: str,
                                                                 browser: object) -> None:
    page = _seller_page(browser, live_server, javascript=False)
    page.fill("#unit_price", "29.000")
    page.fill("#quantity", "30")
    page.fill("#delivery_date", (today() + timedelta(days=NEEDED_IN_DAYS - 1)).isoformat())
    page.click("main form[data-quote-check] button[type=submit]")
    page.wait_for_load_state()
    box = page.locator("[data-testid=quote-gaps]")
    assert box.is_visible() and "Menawarkan 30 dari 50 kotak" in box.inner_text()
    assert "Penawaran dikirim" not in page.inner_text("main")
    page.check("[data-testid=confirm-gaps]")
    page.click("main form[data-quote-check] button[type=submit]")
    page.wait_for_load_state()
    assert "Penawaran dikirim ke pembeli." in page.inner_text("main")
