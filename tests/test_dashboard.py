"""The officials' programme dashboard: figures that match the procurements behind them."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.awards import award
from app.services.demand import invite_suppliers, publish_request
from app.services.metrics import MetricFilters, median_days_to_award, programme_metrics
from app.services.quotes import QuoteInput, submit_quote
from app.services.review import approve
from matching.exposure import gini, top_share
from models import DemandRequest, Kota, Match, User, clock_at
from tests.conftest import login
from tests.factories import category, make_buyer, make_listing, make_official, make_request, make_seller

SELLERS = [  # email, business, kecamatan, scale, listing, price, category
    ("sri@test.id", "Katering Bu Sri", "Cakung", "micro", "Nasi kotak ayam bakar", 35_000, "catering"),
    (
        "udin@test.id",
        "Dapur Betawi Bang Udin",
        "Duren Sawit",
        "small",
        "Nasi kotak rendang dan sayur",
        40_000,
        "catering",
    ),
    (
        "ani@test.id",
        "Warung Nasi Mpok Ani",
        "Cilandak",
        "micro",
        "Nasi kotak ayam goreng kremes",
        30_000,
        "catering",
    ),
    ("mebel@test.id", "Mebel Jati Pak Harto", "Menteng", "medium", "Kursi lipat besi", 150_000, "furniture"),
]
TOTAL = 3_400_000 + 2_340_000 + 1_200_000 + 1_500_000
MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)


def at(day: date, hour: int = 3) -> datetime:
    """A moment on ``day`` (10:00 in Jakarta)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass
class Programme:
    """What the scenario created, for assertions."""

    requests: dict[str, DemandRequest] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)


def _procure(
    db: Session,
    p: Programme,
    key: str,
    request: DemandRequest,
    quotes: dict[str, tuple[int, int]],
    awards: dict[str, int],
    published: date,
    quoted: date,
    awarded: date,
) -> None:
    buyer, official = p.users["buyer"], p.users["official"]
    with clock_at(at(published)):
        publish_request(db, request, buyer, today())
        approve(db, [m.id for m in request.matches], official)
        invited = [m for m in request.matches if m.supplier.display_name in quotes]
        assert {m.supplier.display_name for m in invited} == set(quotes), "matcher missed a seller"
        invite_suppliers(db, request, [m.id for m in invited], buyer)
    made = {}
    with clock_at(at(quoted)):
        for match in invited:
            price, quantity = quotes[match.supplier.display_name]
            made[match.supplier.display_name] = submit_quote(
                db,
                match,
                p.users[match.supplier.display_name],
                QuoteInput(price, quantity, today() + timedelta(days=5), ""),
                today(),
            )
    with clock_at(at(awarded)):
        award(db, request.id, {made[name].id: qty for name, qty in awards.items()}, buyer, "Harga lebih baik")
    p.requests[key] = request


def build_programme(db: Session) -> Programme:
    """Four UMKM (micro, small, micro, medium) win three procurements in March and April 2026.

    A (catering, March): Bu Sri wins 100 × Rp 34.000 — 4 days from publication to award.
    B (catering, March–April): split between Bang Udin (60 × 39.000) and Mpok Ani (40 × 30.000),
      10 days. C (furniture, April): Pak Harto 10 × 150.000, 2 days. Plus a request that is only
    published, a draft, and an unverified caterer who is never proposed.
    """
    p = Programme()
    for email, name, place, scale, title, price, slug in SELLERS:
        seller = make_seller(db, email=email, name=name, kecamatan_name=place, scale=scale)
        seller.organisation.supplier_profile.display_name = name
        make_listing(
            db,
            seller.organisation.supplier_profile,
            title=title,
            price=price,
            category_slug=slug,
            description=f"{title} untuk kantor, kapasitas besar.",
            unit="kotak" if slug == "catering" else "unit",
        )
        p.users[name] = seller
    unverified = make_seller(db, email="baru@test.id", name="Katering Baru Sekali", verified=False)
    make_listing(db, unverified.organisation.supplier_profile, title="Nasi kotak ayam bakar madu")
    p.users["buyer"] = make_buyer(db, email="buyer@test.id")
    p.users["official"] = make_official(db, email="official@test.id")
    buyer = p.users["buyer"]
    with clock_at(at(date(2026, 3, 2))):
        a = make_request(
            db,
            buyer,
            title="Nasi kotak rapat koordinasi",
            description="Nasi kotak ayam untuk 100 peserta. Kontak: bu.dewi@dinas.go.id, 0812-3456-7890.",
        )
    _procure(
        db,
        p,
        "A",
        a,
        {"Katering Bu Sri": (34_000, 100), "Dapur Betawi Bang Udin": (39_000, 100)},
        {"Katering Bu Sri": 100},
        date(2026, 3, 2),
        date(2026, 3, 4),
        date(2026, 3, 6),
    )
    with clock_at(at(date(2026, 3, 25))):
        b = make_request(db, buyer, title="Nasi kotak pelatihan kader")
    _procure(
        db,
        p,
        "B",
        b,
        {"Dapur Betawi Bang Udin": (39_000, 100), "Warung Nasi Mpok Ani": (30_000, 40)},
        {"Dapur Betawi Bang Udin": 60, "Warung Nasi Mpok Ani": 40},
        date(2026, 3, 25),
        date(2026, 3, 28),
        date(2026, 4, 4),
    )
    with clock_at(at(date(2026, 4, 1))):
        c = make_request(
            db,
            buyer,
            title="Kursi lipat aula (hubungi 0812 3456 7890)",
            description="Kursi lipat besi untuk aula kantor.",
            quantity=10,
            budget=2_000_000,
            category_slug="furniture",
        )
    _procure(
        db,
        p,
        "C",
        c,
        {"Mebel Jati Pak Harto": (150_000, 10)},
        {"Mebel Jati Pak Harto": 10},
        date(2026, 4, 1),
        date(2026, 4, 2),
        date(2026, 4, 3),
    )
    with clock_at(at(date(2026, 4, 10))):
        p.requests["open"] = make_request(
            db,
            buyer,
            title="=1+2 Kertas HVS A4",
            description="Kertas HVS 80 gram.",
            category_slug="stationery",
        )
        publish_request(db, p.requests["open"], buyer, today())
        p.requests["draft"] = make_request(db, buyer, title="Snack rapat (belum terbit)")
    db.commit()
    return p


@pytest.fixture()
def programme(db: Session) -> Programme:
    """The scenario of ``build_programme``, committed."""
    return build_programme(db)


def client_for(app: Flask, email: str) -> FlaskClient:
    """A client logged in as ``email``."""
    client = app.test_client()
    login(client, email)
    return client


def kpi(page: str, name: str) -> str:
    """The headline figure in the tile ``data-testid=kpi-<name>``."""
    found = re.search(rf'data-testid="kpi-{name}"><strong>([^<]*)</strong>', page)
    assert found, f"no kpi {name}"
    return found.group(1).strip()


def funnel(page: str) -> dict[str, int]:
    """The funnel table of the page: stage label -> number."""
    section = page[page.index('data-testid="chart-funnel"') :]
    section = section[: section.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td class="num">([\d.]+)</td>', section)
    return {label.strip(): int(number.replace(".", "")) for label, number in rows}


def read_csv(body: bytes) -> list[list[str]]:
    """Rows of a CSV download, which must start with a UTF-8 byte-order mark."""
    assert body.startswith(b"\xef\xbb\xbf"), "CSV files carry a BOM for spreadsheets"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_officials_see_figures_that_match_the_procurements(
    app: Flask, db: Session, programme: Programme
) -> None:
    page = client_for(app, "official@test.id").get("/dashboard/").get_data(as_text=True)
    assert kpi(page, "value") == "Rp 8.440.000"
    assert kpi(page, "share") == "82%"  # (3.400.000 + 2.340.000 + 1.200.000) / 8.440.000
    assert kpi(page, "awarded") == "4"
    assert kpi(page, "median") == "4"  # 2, 4 and 10 days from publication to award
    stages = list(funnel(page).values())
    proposed = {m.supplier_id for m in db.scalars(select(Match))}
    invited = {m.supplier_id for m in db.scalars(select(Match).where(Match.invited_at.is_not(None)))}
    assert stages == [5, 4, len(proposed), len(invited), 4, 4]
    assert len(invited) == 4 and len(proposed) >= 4
    scale = page[page.index('data-testid="chart-scale"') :]
    for label, value in (
        ("Usaha Mikro", "Rp 4.600.000"),
        ("Usaha Kecil", "Rp 2.340.000"),
        ("Usaha Menengah", "Rp 1.500.000"),
    ):
        assert re.search(rf"{label}</th>\s*<td class=\"num\">{value}</td>", scale), label
    assert "Jakarta Timur" in page and "Mebel" in page  # kota and category breakdowns


def test_concentration_figures_use_the_per_supplier_counts(
    app: Flask, db: Session, programme: Programme
) -> None:
    metrics = programme_metrics(db, MetricFilters())
    values = [3_400_000, 2_340_000, 1_200_000, 1_500_000]
    assert metrics.award_values.gini == round(gini(values), 4)
    assert metrics.award_values.top10_share == 1.0
    counts: dict[int, int] = {}
    for match in db.scalars(select(Match)):
        counts[match.supplier_id] = counts.get(match.supplier_id, 0) + 1
    verified = [
        u.organisation.supplier_profile.id
        for name, u in programme.users.items()
        if name not in ("buyer", "official")
    ]
    population = [counts.get(s, 0) for s in set(verified) | set(counts)]
    assert metrics.proposals.gini == round(gini(population), 4)
    assert metrics.proposals.top10_share == round(top_share(population, 10), 4)
    assert metrics.proposals.suppliers == len(population)


def test_filters_narrow_the_figures(app: Flask, db: Session, programme: Programme) -> None:
    official = client_for(app, "official@test.id")
    april = official.get("/dashboard/?from=2026-04-01&to=2026-04-30").get_data(as_text=True)
    assert kpi(april, "value") == "Rp 5.040.000"
    backwards = official.get("/dashboard/?from=2026-04-30&to=2026-04-01").get_data(as_text=True)
    assert kpi(backwards, "value") == "Rp 5.040.000"
    selatan = db.scalar(select(Kota.id).where(Kota.name.like("%Selatan")))
    south = official.get(f"/dashboard/?kota={selatan}").get_data(as_text=True)
    assert kpi(south, "value") == "Rp 1.200.000"  # Mpok Ani in Cilandak
    furniture = official.get(f"/dashboard/?category={category(db, 'furniture').id}")
    assert kpi(furniture.get_data(as_text=True), "value") == "Rp 1.500.000"
    nonsense = official.get("/dashboard/?from=kemarin&kota=abc&category=-1")
    assert nonsense.status_code == 200 and kpi(nonsense.get_data(as_text=True), "value") == "Rp 8.440.000"
    east = db.scalar(select(Kota.id).where(Kota.name.like("%Timur")))
    assert median_days_to_award(db, MetricFilters(kota_id=east)) == (7.0, 2)  # 4 and 10 days


def test_each_chart_has_its_numbers_as_csv(app: Flask, db: Session, programme: Programme) -> None:
    official = client_for(app, "official@test.id")
    response = official.get("/dashboard/month.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = read_csv(response.data)
    assert rows[1:] == [["2026-03", "3400000", "1"], ["2026-04", "5040000", "3"]]
    scale = read_csv(official.get("/dashboard/scale.csv?from=2026-04-01").data)
    assert [row[1] for row in scale[1:]] == ["1200000", "2340000", "1500000"]
    stages = read_csv(official.get("/dashboard/funnel.csv").data)
    assert len(stages) == 7 and stages[-1][1] == "4"
    concentration = read_csv(official.get("/dashboard/concentration.csv").data)
    assert concentration[0][1] == "Gini" and len(concentration) == 3
    page = official.get("/dashboard/").get_data(as_text=True)
    for name in ("funnel", "month", "kota", "category", "scale", "concentration"):
        assert f"/dashboard/{name}.csv" in page
    assert official.get("/dashboard/pie.csv").status_code == 404


def test_charts_are_accessible_svg_with_tables_and_no_inline_code(
    app: Flask, db: Session, programme: Programme
) -> None:
    page = client_for(app, "official@test.id").get("/dashboard/").get_data(as_text=True)
    charts = re.findall(r"<svg [^>]*>.*?</svg>", page, flags=re.S)
    assert len(charts) == 5
    for svg in charts:
        assert 'role="img"' in svg and "aria-label=" in svg and "<title" in svg and "<desc" in svg
    assert page.count("<table") >= 6  # each chart's numbers, plus concentration
    assert " style=" not in page and "<script>" not in page
    assert "Rp 3.400.000" in page  # the month table spells out March's value


def test_an_empty_programme_renders(app: Flask, db: Session) -> None:
    make_official(db, email="official@test.id")
    db.commit()
    official = client_for(app, "official@test.id")
    page = official.get("/dashboard/")
    assert page.status_code == 200
    assert kpi(page.get_data(as_text=True), "value") == "Rp 0"
    assert read_csv(official.get("/dashboard/month.csv").data)[1:] == []


@pytest.mark.parametrize("path", ["/dashboard/", "/dashboard/month.csv"])
def test_only_officials_see_the_dashboard(app: Flask, db: Session, path: str) -> None:
    make_seller(db, email="seller@test.id")
    make_buyer(db, email="buyer@test.id")
    make_official(db, email="official@test.id")
    db.commit()
    anonymous = app.test_client().get(path)
    assert anonymous.status_code == 302 and "/auth/login" in anonymous.headers["Location"]
    assert client_for(app, "seller@test.id").get(path).status_code == 403
    assert client_for(app, "buyer@test.id").get(path).status_code == 403
    assert client_for(app, "official@test.id").get(path).status_code == 200


def test_navigation_links(app: Flask, db: Session) -> None:
    make_official(db, email="official@test.id")
    make_buyer(db, email="buyer@test.id")
    db.commit()
    assert 'href="/dashboard/"' in client_for(app, "official@test.id").get("/").get_data(as_text=True)
    buyer_home = client_for(app, "buyer@test.id").get("/").get_data(as_text=True)
    assert 'href="/dashboard/"' not in buyer_home
    assert 'href="/transparency"' in buyer_home and 'href="/open-data/"' in buyer_home
