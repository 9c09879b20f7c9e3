"""The officials' review queue on a 390 px phone: blocks per request, no sideways scrolling,
a per-request decision that keeps the ticks after a refusal, and the seller screen."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask_migrate import upgrade

from app import create_app
from app.clock import today
from app.config import load_config
from app.extensions import db
from app.services.demand import publish_request
from app.services.indexer import run_once
from app.services.profiles import add_certification
from tests.e2e.conftest import ARTIFACTS
from tests.factories import PASSWORD, make_buyer, make_listing, make_official, make_request, make_seller

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
CATERERS = [("Katering Bu Sri Cakung", "Cakung", "Nasi kotak ayam bakar", 35_000),
            ("Dapur Betawi Bang Udin", "Duren Sawit", "Nasi kotak rendang dan sayur", 40_000),
            ("Warung Nasi Mpok Ani", "Cilandak", "Nasi kotak ayam goreng kremes", 30_000)]


@pytest.fixture(scope="module")
def prepared_database(server_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> None:
    """Three caterers, a seller to verify, and two published needs awaiting review."""
    config = load_config(str(tmp_path_factory.mktemp("e2e-instance")))
    config.update(SQLALCHEMY_DATABASE_URI=server_env["DATABASE_URL"],
                  INDEX_FOLDER=server_env["INDEX_FOLDER"], MATCHER_MODEL=server_env["MATCHER_MODEL"],
                  PASSWORD_HASH_FAST=True)
    app = create_app(config)
    with app.app_context():
        upgrade()
        for n, (name, place, title, price) in enumerate(CATERERS):
            seller = make_seller(db.session, email=f"katering{n}@e2e.id", name=name,
                                 kecamatan_name=place)
            make_listing(db.session, seller.organisation.supplier_profile, title=title, price=price,
                         description=f"{title} untuk rapat dan pelatihan kantor, kapasitas besar.")
        newcomer = make_seller(db.session, email="baru@e2e.id", verified=False,
                               name="Katering Baru Dengan Nama Usaha Yang Sangat Panjang Sekali")
        add_certification(db.session, newcomer.organisation.supplier_profile, "halal",
                          "ID00110000123450120", today() + timedelta(days=200))
        buyer = make_buyer(db.session, email="dinas@e2e.id")
        make_official(db.session, email="petugas@e2e.id")
        db.session.commit()
        run_once(db.session, server_env["INDEX_FOLDER"], server_env["MATCHER_MODEL"])
        for title in ("Nasi kotak rapat koordinasi wilayah", "Makan siang pelatihan UMKM"):
            demand = make_request(db.session, buyer, title=title)
            assert publish_request(db.session, demand, buyer, today())
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def _phone(browser: object, base: str, email: str) -> object:
    context = browser.new_context(viewport=PHONE)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{base}/auth/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/auth/login" not in page.url
    return page


def _no_sideways_scroll(page: object) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"  # type: ignore[attr-defined]


def test_review_queue_on_a_phone(live_server: str, browser: object) -> None:
    desk = _phone(browser, live_server, "petugas@e2e.id")
    desk.set_viewport_size({"width": 1366, "height": 900})
    desk.goto(f"{live_server}/review/")
    assert desk.locator("[data-testid=review-request]").count() == 2
    assert desk.evaluate("document.documentElement.scrollWidth") <= 1366
    ARTIFACTS.mkdir(exist_ok=True)
    desk.screenshot(path=str(ARTIFACTS / "review-queue-1366.png"))
    desk.context.close()
    official = _phone(browser, live_server, "petugas@e2e.id")
    official.goto(f"{live_server}/review/")
    blocks = official.locator("[data-testid=review-request]")
    assert blocks.count() == 2
    _no_sideways_scroll(official)
    for details in official.locator("details").all():  # every fold open: still no overflow
        details.evaluate("d => d.open = true")
    _no_sideways_scroll(official)
    official.reload()

    first = blocks.first
    title = first.locator("h2").inner_text()
    assert "menunggu sejak hari ini" in first.inner_text()
    items = first.locator("[data-testid=review-item]")
    assert items.count() >= 2
    items.first.locator("input[name=match_id]").check()
    first.locator(".reject-rest summary").click()
    first.locator("button[name=reject_rest]").click()
    official.wait_for_load_state()
    error = official.locator("[data-testid=review-request]", has_text=title).locator("p.error")
    assert "alasan" in error.inner_text().lower()
    block = official.locator("[data-testid=review-request]", has_text=title)
    assert block.locator("input[name=match_id]").first.is_checked()  # the tick survived
    official.screenshot(path=str(ARTIFACTS / "review-queue-390-after-error.png"), full_page=True)
    block.locator(".reject-rest select").select_option("not_fit")
    block.locator("button[name=reject_rest]").click()
    official.get_by_text("usulan ditolak").first.wait_for(timeout=10_000)
    block = official.locator("[data-testid=review-request]", has_text=title)
    assert block.locator("[data-testid=review-item]").count() == 1  # the ticked one waits
    block.locator("input[name=match_id]").check()
    block.locator("button[name=approve_request]").click()
    official.get_by_text("usulan disetujui").first.wait_for(timeout=10_000)
    assert official.locator("[data-testid=review-request]").count() == 1

    official.locator("[data-testid=review-request] h2 a").first.click()
    official.wait_for_load_state()
    assert official.locator("#proposals [data-testid=decide]").count() >= 2
    _no_sideways_scroll(official)
    official.locator("#proposals [data-testid=decide] button[name=approve_one]").first.click()
    official.get_by_text("usulan disetujui").first.wait_for(timeout=10_000)
    assert "#proposals" in official.url or "/requests/" in official.url

    official.goto(f"{live_server}/review/sellers")
    official.get_by_text("Katering Baru Dengan Nama").first.click()
    official.wait_for_load_state()
    assert "ID00110000123450120" in official.locator("[data-testid=documents]").inner_text()
    official.screenshot(path=str(ARTIFACTS / "review-seller-390.png"), full_page=True)
    _no_sideways_scroll(official)
