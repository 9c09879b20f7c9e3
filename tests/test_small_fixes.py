"""Smaller items of issue 12: one search box on home, chart legend, way back from the API docs."""

from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from tests.test_dashboard import build_programme


def test_home_page_has_one_search_box(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert page.count('role="search"') == 1 and 'id="hero-q"' in page
    other = client.get("/search?q=nasi").get_data(as_text=True)
    assert 'id="header-q"' in other  # every other page keeps the header search


def test_month_chart_line_has_a_legend_and_a_text_alternative(app: Flask, db: Session) -> None:
    build_programme(db)
    client = app.test_client()
    page = client.get("/transparency").get_data(as_text=True)
    chart = page[page.index('data-testid="chart-month"') :]
    chart = chart[: chart.index("</section>")]
    assert 'class="chart-legend"' in chart
    assert "Garis: tren dari bulan ke bulan" in chart  # in the legend and in the SVG's <desc>
    assert chart.count("Garis: tren dari bulan ke bulan") == 2
    client.get("/lang/en")
    page = client.get("/transparency").get_data(as_text=True)
    assert "Line: trend from month to month" in page


def test_api_docs_link_back_to_the_site(client) -> None:
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert 'data-testid="api-docs-home"' in page and 'href="/"' in page
    assert "Kembali ke Pasar Padu" in page


def test_buyers_read_the_fit_in_words_officials_also_get_numbers(app: Flask, db: Session) -> None:
    from app.clock import today
    from app.services.demand import publish_request
    from app.services.review import approve
    from tests.conftest import login
    from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

    seller = make_seller(db, email="katering@test.id", name="Katering Bu Sri", kecamatan_name="Cakung")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar", price=35_000)
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db, email="official@test.id")
    demand = make_request(db, buyer, kecamatan_name="Cakung")
    publish_request(db, demand, buyer, today())
    approve(db, [m.id for m in demand.matches], official)
    db.commit()
    assert demand.matches
    client = app.test_client()
    login(client, "buyer@test.id")
    page = client.get(f"/requests/{demand.id}").get_data(as_text=True)
    assert 'data-testid="fit-words"' in page
    assert "Sesuai anggaran" in page and "Di kecamatan tujuan pengiriman" in page
    assert 'class="scores"' not in page and "Potongan" not in page  # no raw numbers for buyers
    staff = app.test_client()
    login(staff, "official@test.id")
    page = staff.get(f"/requests/{demand.id}").get_data(as_text=True)
    assert 'data-testid="fit-words"' in page and 'class="scores"' in page


def test_fit_words_from_stored_scores() -> None:
    from flask_babel import Babel

    from app.services.fit_words import fit_words

    app = Flask("fit")
    Babel(app)
    with app.test_request_context():
        words = [
            str(w)
            for w in fit_words(
                {
                    "dense": 0.89,
                    "lexical": 0.1,
                    "budget": -0.4,
                    "location": 0.6,
                    "lead_time": -1.0,
                    "exposure": -0.0,
                }
            )
        ]
    assert words == [
        "Very close to the need",
        "Near the delivery place (same kota)",
        "Above the budget",
        "May not deliver in time",
    ]
