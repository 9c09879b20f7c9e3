"""Every role's main pages at phone and desktop width, in a real browser: each fits the window,
has no serious or critical accessibility violation (axe-core) and, with SCREENSHOTS=1, is
photographed into docs/screens/; then each role's own jobs besides the procurement flow
(tests/e2e/test_procurement_flow.py): a visitor searching, a seller setting up shop, an
official rejecting proposals and verifying a seller.

New pages: add a MainPage to MAIN_PAGES (ids of seeded rows go in braces, see ``seeded``)."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask_migrate import upgrade

from app import create_app
from app.clock import today
from app.config import load_config
from app.extensions import db
from app.services import review
from app.services.accounts import create_staff_user
from app.services.demand import invite_suppliers, publish_request
from app.services.indexer import run_once
from app.services.orders import DirectOrderInput, accept_order, place_direct_order
from app.services.quotes import QuoteInput, submit_quote
from models import SupplierCertification
from tests.e2e.browsing import VIEWPORTS, MainPage, check_page, login, new_page
from tests.factories import PASSWORD, make_buyer, make_listing, make_official, make_request, make_seller

pytestmark = pytest.mark.e2e

SELLER, BUYER, OFFICIAL, ADMIN = "sri@e2e.id", "dinas@e2e.id", "petugas@e2e.id", "admin@e2e.id"
ACCOUNTS = {"seller": SELLER, "buyer": BUYER, "official": OFFICIAL, "admin": ADMIN}

MAIN_PAGES: list[MainPage] = [
    MainPage("visitor", "/", "home"),
    MainPage("visitor", "/search?q=nasi+kotak", "search"),
    MainPage("visitor", "/category/catering", "category"),
    MainPage("visitor", "/listing/{listing}", "product"),
    MainPage("visitor", "/supplier/{supplier}", "supplier"),
    MainPage("visitor", "/auth/login", "login"),
    MainPage("visitor", "/auth/register/seller", "register-seller"),
    MainPage("visitor", "/auth/register/buyer", "register-buyer"),
    MainPage("visitor", "/transparency", "transparency"),
    MainPage("visitor", "/open-data/", "open-data"),
    MainPage("seller", "/seller/", "home"),
    MainPage("seller", "/seller/profile", "profile"),
    MainPage("seller", "/seller/listings", "listings"),
    MainPage("seller", "/seller/listings/new", "listing-new"),
    MainPage("seller", "/seller/invitations", "invitations"),
    MainPage("seller", "/seller/invitations/{invitation}", "invitation"),
    MainPage("seller", "/notifications/", "notifications"),
    MainPage("seller", "/auth/account", "account"),
    MainPage("seller", "/auth/security", "account-security"),
    MainPage("buyer", "/requests/", "requests"),
    MainPage("buyer", "/requests/new", "request-new"),
    MainPage("buyer", "/requests/{quoted_request}", "request", sections=("quotes",)),
    MainPage("buyer", "/notifications/", "notifications"),
    MainPage("buyer", "/auth/account", "account"),
    MainPage("official", "/review/", "review"),
    MainPage("official", "/requests/{review_request}", "request"),
    MainPage("official", "/review/sellers", "sellers"),
    MainPage("official", "/review/sellers/{unverified}", "seller"),
    MainPage("official", "/review/buyers/", "buyers"),
    MainPage("official", "/review/buyers/{unverified_buyer}", "buyer"),
    MainPage("official", "/dashboard/", "dashboard"),
    MainPage("admin", "/review/", "review"),
    MainPage("admin", "/review/sellers", "sellers"),
    MainPage("admin", "/dashboard/", "dashboard"),
    MainPage("admin", "/admin/users", "users"),
    MainPage("admin", "/admin/users/{seller_user}", "user"),
    MainPage("admin", "/auth/account", "account"),
    MainPage("visitor", "/buyers/{buyer_organisation}", "buyer"),
    MainPage("buyer", "/orders/buy/{listing}", "buy"),
    MainPage("buyer", "/orders/", "orders"),
    MainPage("buyer", "/orders/{order}", "order"),
    MainPage("seller", "/orders/", "orders"),
    MainPage("seller", "/orders/{order}", "order"),
    MainPage("official", "/orders/overdue", "overdue"),
    MainPage("official", "/orders/disputes", "disputes"),
]
ROLES = ["visitor", "seller", "buyer", "official", "admin"]


@pytest.fixture(scope="module")
def prepared_database(server_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """A small market in every state the main pages show: products with and without
    certificates, a request with quotes to compare, requests waiting for review, sellers
    waiting for verification. Returns the ids the page paths name."""
    config = load_config(str(tmp_path_factory.mktemp("e2e-pages-instance")))
    config.update(SQLALCHEMY_DATABASE_URI=server_env["DATABASE_URL"],
                  INDEX_FOLDER=server_env["INDEX_FOLDER"], MATCHER_MODEL=server_env["MATCHER_MODEL"],
                  PASSWORD_HASH_FAST=True)
    app = create_app(config)
    with app.app_context():
        upgrade()
        session = db.session
        sri = make_seller(session, email=SELLER, name="Katering Bu Sri Cakung", kecamatan_name="Cakung",
                          scale="small")
        sri_shop = sri.organisation.supplier_profile
        sri_shop.about = "Katering rumahan untuk rapat, pelatihan dan acara kantor sejak 2012."
        nasi = make_listing(session, sri_shop, title="Nasi kotak ayam bakar", price=35_000,
                            description="Nasi kotak ayam bakar, sayur dan buah untuk rapat dan pelatihan.")
        make_listing(session, sri_shop, title="Snack box rapat", price=15_000,
                     description="Tiga kue basah dan air mineral untuk rapat.")
        session.add(SupplierCertification(supplier=sri_shop, kind="halal", number="ID31110001234",
                                          expires_on=today() + timedelta(days=400)))
        session.add(SupplierCertification(supplier=sri_shop, kind="pirt", number="2063171010123-27",
                                          expires_on=today() - timedelta(days=30)))
        udin = make_seller(session, email="udin@e2e.id", name="Dapur Betawi Bang Udin",
                           kecamatan_name="Duren Sawit")
        make_listing(session, udin.organisation.supplier_profile, title="Nasi kotak rendang dan sayur",
                     price=40_000, description="Nasi kotak rendang untuk rapat kantor, kapasitas besar.")
        mebel = make_seller(session, email="mebel@e2e.id", name="Mebel Jati Klender", kecamatan_name="Duren Sawit")
        for title, price in (("Meja kerja jati", 1_500_000), ("Kursi lipat besi", 150_000)):
            make_listing(session, mebel.organisation.supplier_profile, title=title, price=price,
                         category_slug="furniture", unit="unit",
                         description=f"{title} untuk kantor, aula dan sekolah.")
        waiting = [make_seller(session, email=f"baru{n}@e2e.id", name=name, verified=False)
                   for n, name in enumerate(("Kue Basah Bu Lilis", "Warung Nasi Mpok Ani",
                                             "Kerajinan Rotan Pak Darto"))]
        buyer = make_buyer(session, email=BUYER)
        newcomer = make_buyer(session, email="kelurahan@e2e.id", verified=False)
        official = make_official(session, email=OFFICIAL)
        create_staff_user(session, email=ADMIN, password=PASSWORD, full_name="Admin E2E", role="admin")
        session.commit()
        run_once(session, server_env["INDEX_FOLDER"], server_env["MATCHER_MODEL"])

        # Quotes to compare: proposals approved, both caterers invited and quoting.
        quoted = make_request(session, buyer, title="Nasi kotak rapat koordinasi wilayah",
                              quantity=100, budget=5_000_000)
        proposals = publish_request(session, quoted, buyer, today())
        review.approve(session, [m.id for m in proposals], official)
        caterers = {sri_shop.id: sri, udin.organisation.supplier_profile.id: udin}
        invited = [m for m in proposals if m.supplier_id in caterers]
        assert len(invited) == 2, "both caterers should be proposed for nasi kotak"
        invite_suppliers(session, quoted, [m.id for m in invited], buyer)
        offers = {sri_shop.id: (34_500, 100), udin.organisation.supplier_profile.id: (39_000, 80)}
        for match in invited:  # Bang Udin can cook only 80 of the 100: a gap the buyer sees
            price, quantity = offers[match.supplier_id]
            submit_quote(session, match, caterers[match.supplier_id],
                         QuoteInput(unit_price=price, quantity=quantity,
                                    delivery_date=today() + timedelta(days=12), note=""), today())
        # Proposals waiting for review: one request for the pages, one per width to reject.
        under_review = {}
        for name in ("pages", *VIEWPORTS):
            demand = make_request(session, buyer, title=f"Kursi lipat untuk aula ({name})",
                                  description="Kursi lipat besi untuk aula kelurahan, 60 unit.",
                                  quantity=60, budget=12_000_000, category_slug="furniture")
            assert publish_request(session, demand, buyer, today()), "the carpenter should be proposed"
            under_review[name] = demand.id
        # A direct order the seller took on: the deal pages of both sides.
        order = place_direct_order(session, buyer, DirectOrderInput(
            listing_id=nasi.id, quantity=50, kecamatan_id=buyer.organisation.kecamatan_id or 0,
            address="Jl. Medan Merdeka Selatan 8", delivery_date=today() + timedelta(days=14)), today())
        accept_order(session, order, sri)
        session.commit()
        ids = {"listing": nasi.id, "order": order.id, "buyer_organisation": buyer.organisation_id, "supplier": sri_shop.id, "quoted_request": quoted.id,
               "invitation": next(m.id for m in invited if m.supplier_id == sri_shop.id),
               "review_request": under_review["pages"],
               "unverified": waiting[0].organisation.supplier_profile.id,
               "unverified_buyer": newcomer.organisation_id, "seller_user": sri.id}
        ids.update({f"review_request_{name}": under_review[name] for name in VIEWPORTS})
        db.session.remove()
        db.engine.dispose()
    return ids


@pytest.fixture(scope="module")
def seeded(prepared_database: dict[str, int], live_server: str) -> dict[str, int]:
    """The seeded ids, once the server runs."""
    return prepared_database


def _window(browser: Any, base: str, role: str, viewport: str) -> Any:
    if role == "visitor":
        return new_page(browser, viewport)
    return login(browser, base, ACCOUNTS[role], viewport)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("role", ROLES)
def test_main_pages_fit_and_are_accessible(role: str, viewport: str, live_server: str,
                                            browser: Any, seeded: dict[str, int]) -> None:
    page = _window(browser, live_server, role, viewport)
    problems: list[str] = []
    for entry in (p for p in MAIN_PAGES if p.role == role):
        response = page.goto(live_server + entry.path.format(**seeded))
        assert response is not None and response.status < 400, f"{entry.path}: HTTP {response and response.status}"
        problems += check_page(page, viewport, role, entry.name, entry.sections)
    page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_visitor_searches_with_filters_and_reaches_the_supplier(viewport: str, live_server: str,
                                                               browser: Any, seeded: dict[str, int]) -> None:
    page = new_page(browser, viewport)
    page.goto(live_server + "/")
    search_box = page.locator("input[name=q]:visible").first  # whichever search box home shows
    search_box.fill("nasi kotak")
    search_box.press("Enter")
    page.wait_for_url("**/search?*")
    panel = page.locator("[data-testid=filters]")
    results = page.locator(".results .card").first
    if viewport == "phone":
        # The filters wait behind their toggle; the first results show on the first screen.
        assert panel.get_attribute("open") is None
        assert results.bounding_box()["y"] < VIEWPORTS["phone"]["height"]
        panel.locator("summary").click()
    else:
        assert panel.get_attribute("open") is not None
    page.select_option("#f-cert", "halal")
    page.click("[data-testid=filters] button[type=submit]")
    page.wait_for_url("**cert=halal*")
    assert "1 aktif" in page.inner_text("[data-testid=active-filters]")
    assert page.locator(".results .card").count() >= 1
    assert "Dapur Betawi" not in page.inner_text(".results")  # no halal certificate
    page.locator(".results .card", has_text="Nasi kotak ayam bakar").locator("a").first.click()
    card = page.locator("[data-testid=seller-card]")
    assert "Usaha kecil" in card.inner_text() and "Halal" in card.inner_text()
    assert page.locator("section.actions").count() == 1
    assert page.locator("[data-testid=similar]").inner_text().count("Dapur Betawi") == 1
    card.locator("h2 a").click()
    page.wait_for_url(f"**/supplier/{seeded['supplier']}")
    certificates = page.inner_text("[data-testid=certificates]")
    assert "ID31110001234" in certificates and "kedaluwarsa" in certificates
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_seller_registers_fills_profile_and_adds_a_listing(viewport: str, live_server: str,
                                                          browser: Any, seeded: dict[str, int]) -> None:
    page = new_page(browser, viewport)
    page.goto(live_server + "/auth/register/seller")
    page.fill("#legal_name", f"Batik Betawi Terogong {viewport}")
    page.fill("#nib", "9120000000" + str(len(viewport)).rjust(3, "0"))
    page.select_option("#scale", "micro")
    page.select_option("#kecamatan_id", label="Cilandak")
    page.fill("#phone", "081234567890")
    page.fill("#full_name", "Ibu Ratna")
    page.fill("#email", f"batik-{viewport}@e2e.id")
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/seller/profile")

    page.fill("#about", "Batik tulis dan cap motif Betawi untuk seragam kantor dan sekolah.")
    page.locator("label", has_text="Jakpreneur").click()
    page.locator("main form", has=page.locator("#about")).locator("button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("#about").input_value().startswith("Batik tulis")
    assert page.locator("#jakpreneur_member").is_checked()

    page.goto(live_server + "/seller/listings/new")
    page.fill("#title", "Kemeja batik Betawi lengan panjang")
    page.fill("#description", "Kemeja batik cap motif ondel-ondel, ukuran S sampai XXL.")
    page.select_option("#category_id", label="Seragam & Konveksi")
    page.fill("#price", "275.000")
    page.fill("#unit", "pcs")
    page.fill("#min_order", "12")
    page.fill("#lead_time_days", "10")
    page.click("main form button[value=publish]")
    page.wait_for_load_state()
    page.goto(live_server + "/seller/listings")
    assert "Kemeja batik Betawi lengan panjang" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_official_rejects_proposals_and_verifies_a_seller(viewport: str, live_server: str,
                                                         browser: Any, seeded: dict[str, int]) -> None:
    page = login(browser, live_server, OFFICIAL, viewport)
    title = f"Kursi lipat untuk aula ({viewport})"
    page.goto(live_server + "/review/")
    # One block per request; the request's proposals are ticked and rejected together.
    block = page.locator("[data-testid=review-request]", has_text=title)
    assert block.count() == 1
    items = block.locator("[data-testid=review-item]")
    assert items.count() >= 1
    for n in range(items.count()):
        items.nth(n).locator("input[name=match_id]").check()
    page.click("#review-form .bulk-bar summary")
    page.select_option("#reason", "not_fit")
    page.fill("#note", "Kursi kayu lebih sesuai untuk aula ini.")
    page.click("button[value=reject]")
    page.get_by_text("ditolak").first.wait_for()
    assert page.locator("[data-testid=review-request]", has_text=title).count() == 0

    page.goto(live_server + "/review/sellers")
    first = page.locator("main .row-list a").first
    name = first.inner_text()
    first.click()
    page.click("button[value=verify]")
    page.wait_for_load_state()
    page.goto(live_server + "/review/sellers")
    assert name not in page.inner_text("main")
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_role_reaches_its_account_page_from_the_header(viewport: str, live_server: str,
                                                             browser: Any, seeded: dict[str, int]) -> None:
    for role in ("seller", "buyer", "official", "admin"):
        page = login(browser, live_server, ACCOUNTS[role], viewport)
        link = page.locator("[data-testid=account-link]")
        assert link.is_visible(), f"{role}: no account link at {viewport} width"
        if viewport == "phone":
            assert link.inner_text().strip() == "Akun"  # the name would crowd the header
        link.click()
        page.wait_for_url("**/auth/account")
        assert page.locator("main input[type=password]").count() >= 2  # password change is there
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
        page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_buyer_sees_a_quote_gap_beside_its_figure(viewport: str, live_server: str, browser: Any,
                                                  seeded: dict[str, int]) -> None:
    page = login(browser, live_server, BUYER, viewport)
    page.goto(f"{live_server}/requests/{seeded['quoted_request']}")
    row = page.locator("[data-testid=quote-row]", has_text="Dapur Betawi")
    flag = row.locator("[data-testid^=gap-]")
    assert flag.count() == 1 and "80" in row.inner_text()
    cell = flag.locator("xpath=ancestor::td[1]")
    cell_box, flag_box = cell.bounding_box(), flag.bounding_box()
    assert cell_box and flag_box
    if viewport == "phone":
        # On a phone each cell is "label | figure": the warning sits under the figure, not the label.
        label_width = page.evaluate("(td) => parseFloat(getComputedStyle(td, '::before').width)",
                                    cell.element_handle())
        assert flag_box["x"] > cell_box["x"] + label_width, (cell_box, flag_box)
    assert flag_box["x"] + flag_box["width"] <= VIEWPORTS[viewport]["width"]
    page.context.close()
