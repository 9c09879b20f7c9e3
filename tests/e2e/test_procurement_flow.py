"""End to end in a real browser: a buyer posts a need, an official approves the proposals,
a seller quotes, the buyer awards — checking what each person sees at each step, at phone
and desktop width."""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from flask_migrate import upgrade

from app import create_app
from app.clock import today
from app.config import load_config
from app.extensions import db
from app.services.indexer import run_once
from tests.e2e.browsing import VIEWPORTS, horizontal_overflow, login
from tests.e2e.conftest import ARTIFACTS
from tests.factories import make_buyer, make_listing, make_official, make_seller

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def prepared_database(server_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> None:
    """Migrated database with a caterer, an unrelated seller, a buyer and an official."""
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
                     title="Nasi kotak ayam bakar", price=35_000,
                     description="Nasi kotak ayam bakar, sayur dan buah untuk rapat dan pelatihan.")
        carpenter = make_seller(db.session, email="mebel@e2e.id", name="Mebel Jati Klender")
        make_listing(db.session, carpenter.organisation.supplier_profile, title="Meja kerja jati",
                     category_slug="furniture", price=1_500_000, unit="unit",
                     description="Meja kerja kayu jati untuk kantor.")
        make_buyer(db.session, email="dinas@e2e.id")
        make_official(db.session, email="petugas@e2e.id")
        db.session.commit()
        # What the indexer process does before the server starts: publish the first snapshot.
        run_once(db.session, server_env["INDEX_FOLDER"], server_env["MATCHER_MODEL"])
        db.session.remove()
        db.engine.dispose()


class Steps:
    """Times each step and keeps a screenshot of every page when a step fails."""

    def __init__(self) -> None:
        self.timings: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str, *pages: object) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        except Exception:
            ARTIFACTS.mkdir(exist_ok=True)
            for n, page in enumerate(pages):
                page.screenshot(path=str(ARTIFACTS / f"e2e-{name.replace(' ', '-')}-{n}.png"),  # type: ignore[attr-defined]
                                full_page=True)
            raise
        finally:
            self.timings.append((name, time.perf_counter() - started))

    def report(self) -> str:
        return "\n".join(f"{name:<40} {seconds:6.2f} s" for name, seconds in self.timings)


def _on_one_line(page: object, box_selector: str) -> bool:
    """True when the checkbox and its label sit side by side (their middles level)."""
    box = page.locator(box_selector).bounding_box()  # type: ignore[attr-defined]
    label = page.locator(f"label[for='{box_selector.lstrip('#')}']").bounding_box()  # type: ignore[attr-defined]
    return abs((box["y"] + box["height"] / 2) - (label["y"] + label["height"] / 2)) < 8 and label["x"] > box["x"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_buyer_official_seller_buyer(viewport: str, live_server: str, browser: object) -> None:
    """The whole procurement at each width; each run posts its own request."""
    steps = Steps()
    base = live_server
    width = VIEWPORTS[viewport]["width"]
    title = f"Belanja makan siang rapat koordinasi ({viewport})"
    expect: Callable[[object, str], None] = lambda page, text: page.get_by_text(text).first.wait_for(timeout=10_000)  # type: ignore[attr-defined]  # noqa: E731

    buyer = login(browser, base, "dinas@e2e.id", viewport)
    with steps.step(f"{viewport} buyer posts and publishes a need", buyer):
        buyer.goto(f"{base}/requests/new")
        assert _on_one_line(buyer, "#required_certifications-0")  # halal checkbox beside its label
        buyer.fill("#title", title)
        buyer.fill("#description", "Nasi kotak ayam untuk 80 peserta rapat, diantar pukul 11.30.")
        buyer.fill("#quantity", "80")
        buyer.fill("#unit", "kotak")
        buyer.fill("#budget_ceiling", "4.000.000")
        buyer.select_option("#category_id", label="Katering & Nasi Kotak")
        buyer.select_option("#kecamatan_id", label="Cakung")
        buyer.fill("#needed_by", (today() + timedelta(days=14)).isoformat())
        buyer.click("button[value=publish]")
        expect(buyer, "Dalam tinjauan")
        expect(buyer, "menunggu tinjauan")
        assert buyer.locator("[data-testid=proposal]").count() == 0  # not before review
        request_url = buyer.url

    official = login(browser, base, "petugas@e2e.id", viewport)
    with steps.step(f"{viewport} official approves the proposals", official):
        official.goto(f"{base}/review/")
        mine = official.locator("[data-testid=review-request]", has_text=title)  # one block per request
        item = mine.locator("[data-testid=review-item]", has_text="Katering Bu Sri Cakung")
        item.wait_for()
        assert "Cocok" in item.inner_text()
        for box in mine.locator("input[name=match_id]").all():
            box.check()
        mine.locator("button[name=approve_request]").click()
        expect(official, "disetujui")

    with steps.step(f"{viewport} buyer sees proposals and invites", buyer):
        buyer.goto(request_url)
        proposal = buyer.locator("[data-testid=proposal]", has_text="Katering Bu Sri Cakung")
        proposal.wait_for()
        assert "Cocok" in proposal.inner_text()
        proposal.locator("input[type=checkbox]").check()
        buyer.click("button[value=invite]")
        expect(buyer, "Pemasok diundang")

    seller = login(browser, base, "sri@e2e.id", viewport)
    with steps.step(f"{viewport} seller reads the invitation and quotes", seller):
        seller.goto(f"{base}/seller/invitations")
        seller.locator("[data-testid=invitation]", has_text=title).locator("a").click()
        expect(seller, "Mengapa Anda dicocokkan")
        seller.fill("#unit_price", "34.500")
        seller.fill("#quantity", "80")
        seller.fill("#delivery_date", (today() + timedelta(days=13)).isoformat())
        seller.fill("#note", "Termasuk air mineral dan ongkos kirim.")
        seller.click("main form button[type=submit] >> nth=0")
        expect(seller, "Penawaran dikirim ke pembeli.")
        assert "Rp 2.760.000" in seller.inner_text("main")

    with steps.step(f"{viewport} buyer compares quotes and awards", buyer):
        buyer.goto(request_url)
        row = buyer.locator("[data-testid=quote-row]", has_text="Katering Bu Sri Cakung")
        assert "Rp 2.760.000" in row.inner_text()
        award_input = row.locator("input[name^=qty_]")
        box = award_input.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, f"award input off-screen: {box}"
        assert horizontal_overflow(buyer) == 0
        award_input.fill("80")
        buyer.click("#quotes button[type=submit]")
        expect(buyer, "Ditetapkan")
        assert "Rp 2.760.000" in buyer.inner_text("#awards")
        timeline = buyer.inner_text("#timeline")
        assert re.search(r"Penawaran", timeline) and "Katering Bu Sri Cakung" in timeline

    with steps.step(f"{viewport} seller sees the outcome", seller):
        seller.reload()
        expect(seller, "Anda memenangkan permintaan ini")
        seller.goto(f"{base}/notifications/")
        expect(seller, "Anda menang")

    for page in (buyer, official, seller):
        page.context.close()  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    Path(ARTIFACTS / f"e2e-timings-{viewport}.txt").write_text(steps.report() + "\n")
    print("\n" + steps.report())
