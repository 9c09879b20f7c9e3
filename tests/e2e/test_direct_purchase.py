"""End to end in a real browser, from a product page to a rating: a buyer on a phone buys a
catalogue item directly, the seller accepts, the buyer downloads the purchase order, the seller
sends, the buyer confirms receipt (BAST), the seller invoices, the buyer records payment and
rates, and the supplier's page shows the rating."""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from flask_migrate import upgrade

from app import create_app
from app.clock import today
from app.config import load_config
from app.extensions import db
from tests.e2e.conftest import ARTIFACTS
from tests.factories import PASSWORD, make_buyer, make_listing, make_seller

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
WIDER_THAN_SCREEN = """Array.from(document.querySelectorAll('main *'))
  .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.tagName + '.' + e.className)"""


@pytest.fixture(scope="module")
def prepared_database(server_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Migrated database with a caterer and its listing, and a buyer."""
    config = load_config(str(tmp_path_factory.mktemp("e2e-instance")))
    config.update(SQLALCHEMY_DATABASE_URI=server_env["DATABASE_URL"],
                  INDEX_FOLDER=server_env["INDEX_FOLDER"], MATCHER_MODEL=server_env["MATCHER_MODEL"],
                  PASSWORD_HASH_FAST=True)
    app = create_app(config)
    with app.app_context():
        upgrade()
        caterer = make_seller(db.session, email="sri@beli.id", name="Katering Bu Sri Cakung",
                              kecamatan_name="Cakung")
        listing = make_listing(db.session, caterer.organisation.supplier_profile,
                               title="Nasi kotak ayam bakar", price=35_000)
        buyer = make_buyer(db.session, email="dinas@beli.id")
        db.session.commit()
        ids = {"listing": listing.id, "supplier": listing.supplier_id,
               "buyer_org": buyer.organisation_id}
        db.session.remove()
        db.engine.dispose()
    return ids


def _login(browser: object, base: str, email: str, viewport: dict[str, int]) -> object:
    context = browser.new_context(viewport=viewport)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{base}/auth/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/auth/login" not in page.url, f"log-in failed for {email}"
    return page


def test_buy_directly_then_deliver_invoice_pay_and_rate(live_server: str, browser: object,
                                                         prepared_database: dict[str, int]) -> None:
    base = live_server
    ids = prepared_database
    expect: Callable[[object, str], None] = lambda page, text: page.get_by_text(text).first.wait_for(timeout=10_000)  # type: ignore[attr-defined]  # noqa: E731
    buyer = _login(browser, base, "dinas@beli.id", PHONE)
    seller = _login(browser, base, "sri@beli.id", DESKTOP)
    try:
        buyer.goto(f"{base}/listing/{ids['listing']}")
        buyer.click("[data-testid=storefront-actions] >> text=Beli langsung")
        buyer.fill("#quantity", "20")
        buyer.fill("#delivery_date", (today() + timedelta(days=5)).isoformat())
        buyer.select_option("#kecamatan_id", label="Cakung")
        buyer.fill("#address", "Jl. Raya Bekasi Km 18")
        buyer.click("[data-testid=buy-form] button[type=submit]")
        expect(buyer, "Pesanan terkirim")
        assert "Menunggu penjual" in buyer.inner_text("[data-testid=order-status]")
        assert "Rp 700.000" in buyer.inner_text("main")
        order_url = buyer.url
        # phone layout: nothing on the order page is wider than the screen (tables scroll)
        assert buyer.evaluate(WIDER_THAN_SCREEN) == []

        seller.goto(f"{base}/orders/")
        seller.locator("[data-testid=order-row] a").first.click()
        seller.click("button[value=accept]")
        expect(seller, "Pesanan diterima")

        buyer.reload()
        assert "081234567890" in buyer.inner_text("#contacts")  # the seller's phone
        href = buyer.get_attribute("[data-testid=po-download]", "href")
        pdf = buyer.context.request.get(base + href)
        assert pdf.status == 200 and pdf.body().startswith(b"%PDF")

        seller.reload()
        seller.click("[data-testid=send-form] button[type=submit]")
        expect(seller, "Ditandai terkirim")

        buyer.reload()
        buyer.click("[data-testid=receipt-form] button[type=submit]")
        expect(buyer, "Penerimaan dikonfirmasi")
        assert "BAST" in buyer.inner_text("[data-testid=delivery]")

        seller.reload()
        seller.click("#invoices button[type=submit]")
        expect(seller, "Tagihan INV-")

        buyer.reload()
        buyer.fill("[data-testid=payment-form] input[name=reference]", "SP2D-0001")
        buyer.click("[data-testid=payment-form] button[type=submit]")
        expect(buyer, "Pembayaran tercatat.")
        assert "Selesai" in buyer.inner_text("[data-testid=order-status]")

        for name, score in (("quality", "5"), ("timeliness", "5"), ("communication", "4")):
            buyer.check(f"[data-testid=rating-form] input[name={name}][value='{score}']")
        buyer.fill("[data-testid=rating-form] textarea[name=comment]", "Enak, rapi dan tepat waktu.")
        buyer.click("[data-testid=rating-form] button[type=submit]")
        expect(buyer, "Terima kasih atas penilaian Anda.")
        assert buyer.url.startswith(order_url)
        assert buyer.evaluate(WIDER_THAN_SCREEN) == []  # every section filled in, still fits

        buyer.goto(f"{base}/supplier/{ids['supplier']}")
        record = buyer.inner_text("[data-testid=track-record]")
        assert "4.7" in record and "Enak, rapi dan tepat waktu." in record
        assert "100% dikirim tepat waktu" in record and "1 pesanan selesai" in record

        buyer.goto(f"{base}/buyers/{ids['buyer_org']}")
        assert "100%" in buyer.inner_text("[data-testid=paid-on-time]")
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        buyer.screenshot(path=str(ARTIFACTS / "e2e-direct-purchase-buyer.png"), full_page=True)  # type: ignore[attr-defined]
        seller.screenshot(path=str(ARTIFACTS / "e2e-direct-purchase-seller.png"), full_page=True)  # type: ignore[attr-defined]
        raise
