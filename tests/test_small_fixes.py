"""Smaller items of issue 12: one search box on home, chart legend, way back from the API docs."""
from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from tests.test_dashboard import Programme, build_programme


def test_home_page_has_one_search_box(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert page.count('role="search"') == 1 and 'id="hero-q"' in page
    other = client.get("/search?q=nasi").get_data(as_text=True)
    assert 'id="header-q"' in other  # every other page keeps the header search


def test_month_chart_line_has_a_legend_and_a_text_alternative(app: Flask, db: Session) -> None:
    build_programme(db)
    client = app.test_client()
    page = client.get("/transparency").get_data(as_text=True)
    chart = page[page.index('data-testid="chart-month"'):]
    chart = chart[:chart.index("</section>")]
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
