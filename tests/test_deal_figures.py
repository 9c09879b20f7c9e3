"""Dashboard and transparency page: value delivered and paid to UMKM, on-time payment by buyer
agency and overdue amounts, matching the deliveries and payments behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from app.services.deal_metrics import deal_figures
from app.services.metrics import MetricFilters
from models import Organisation, clock_at
from tests import deal_rows
from tests.factories import category, make_buyer, make_listing, make_official, make_seller
from tests.test_dashboard import client_for, kpi, read_csv

TODAY = date(2026, 6, 1)


@dataclass
class Deals:
    """Two buyers, two UMKM, four orders at every stage up to payment."""

    education: Organisation
    water: Organisation
    sri: Organisation
    ani: Organisation


@pytest.fixture()
def deals(db: Session) -> Deals:
    education = make_buyer(db, email="disdik@test.id").organisation
    education.legal_name = "Dinas Pendidikan Provinsi DKI Jakarta"
    water = make_buyer(db, email="pam@test.id", kind="bumd").organisation
    water.legal_name = "PAM Jaya"
    sri = make_seller(db, email="sri@test.id", name="Katering Bu Sri", kecamatan_name="Cakung")
    ani = make_seller(db, email="ani@test.id", name="Warung Nasi Mpok Ani", kecamatan_name="Cilandak")
    make_official(db, email="official@test.id")
    sri_profile, ani_profile = (u.organisation.supplier_profile for u in (sri, ani))
    nasi = make_listing(db, sri_profile, title="Nasi kotak ayam bakar")
    # 1. Paid a day early: 100 × 35.000.
    first = deal_rows.order(db, education, sri_profile, listing_id=nasi.id)
    deal_rows.deliver(db, first, received_on=date(2026, 5, 8))
    deal_rows.pay(db, deal_rows.invoice(db, first, due_on=date(2026, 5, 13)), date(2026, 5, 12))
    # 2. Partly delivered (20 of 50 × 30.000), invoiced and paid four days late.
    second = deal_rows.order(db, education, ani_profile, quantity=50, unit_price=30_000)
    deal_rows.deliver(db, second, received_on=date(2026, 5, 6), quantity=20)
    bill = deal_rows.invoice(db, second, due_on=date(2026, 5, 11), amount=600_000)
    deal_rows.pay(db, bill, date(2026, 5, 15))
    # 3. Delivered, a part paid, the rest overdue: 40 × 25.000, due 25 May.
    third = deal_rows.order(db, water, sri_profile, quantity=40, unit_price=25_000)
    deal_rows.deliver(db, third, received_on=date(2026, 5, 20))
    deal_rows.pay(
        db, deal_rows.invoice(db, third, due_on=date(2026, 5, 25)), date(2026, 5, 28), amount=400_000
    )
    # 4. Sent, not yet received; and one the seller declined.
    fourth = deal_rows.order(db, water, ani_profile)
    deal_rows.deliver(db, fourth, received_on=None)
    deal_rows.order(db, water, ani_profile, status="declined")
    db.commit()
    return Deals(education, water, sri.organisation, ani.organisation)


def test_figures_follow_receipts_payments_and_due_dates(db: Session, deals: Deals) -> None:
    figures = deal_figures(db, MetricFilters(), TODAY)
    assert (figures.delivered_value, figures.delivered_orders) == (3_500_000 + 600_000 + 1_000_000, 3)
    assert (figures.paid_value, figures.paid_invoices) == (3_500_000 + 600_000 + 400_000, 3)
    assert (figures.invoices_due, figures.paid_on_time) == (3, 1)
    assert (figures.overdue_value, figures.overdue_invoices) == (600_000, 1)
    assert figures.oldest_overdue_days == 7
    worst, best = figures.by_buyer
    assert (worst.buyer, worst.invoices_due, worst.on_time_share, worst.overdue_value) == (
        "PAM Jaya",
        1,
        0.0,
        600_000,
    )
    assert (best.buyer, best.paid_on_time, best.paid_late, best.on_time_share) == (
        "Dinas Pendidikan Provinsi DKI Jakarta",
        1,
        1,
        0.5,
    )


def test_an_invoice_not_yet_due_is_neither_on_time_nor_overdue(db: Session, deals: Deals) -> None:
    before_due = deal_figures(db, MetricFilters(), date(2026, 5, 25))
    assert before_due.invoices_due == 2 and before_due.overdue_value == 0
    assert before_due.oldest_overdue_days is None


def test_filters_narrow_the_figures(db: Session, deals: Deals) -> None:
    south = deal_figures(db, MetricFilters(kota_id=deals.ani.kota_id), TODAY)
    assert (south.delivered_value, south.paid_value, south.invoices_due) == (600_000, 600_000, 1)
    late_may = deal_figures(db, MetricFilters(start=date(2026, 5, 12), end=date(2026, 5, 31)), TODAY)
    assert late_may.delivered_value == 1_000_000
    assert late_may.paid_value == 4_500_000
    assert (late_may.invoices_due, late_may.paid_on_time) == (2, 1)
    catering = deal_figures(db, MetricFilters(category_id=category(db, "catering").id), TODAY)
    assert (catering.delivered_value, catering.invoices_due) == (3_500_000, 1)


def test_dashboard_and_transparency_page_show_the_figures(app: Flask, db: Session, deals: Deals) -> None:
    with clock_at(deal_rows.moment(TODAY)):
        dashboard = client_for(app, "official@test.id").get("/dashboard/").get_data(as_text=True)
        public = app.test_client().get("/transparency").get_data(as_text=True)
        payments = app.test_client().get("/transparency/payments.csv")
    for page in (dashboard, public):
        assert kpi(page, "delivered") == "Rp 5.100.000"
        assert kpi(page, "paid") == "Rp 4.500.000"
        assert kpi(page, "on-time") == "33%"
        assert kpi(page, "overdue") == "Rp 600.000"
        assert "PAM Jaya" in page and "Dinas Pendidikan Provinsi DKI Jakarta" in page
        assert "Petugas Gudang" not in page  # who signed a receipt is never shown
    assert "Dibayar tepat waktu" in public
    assert f'href="/buyers/{deals.water.id}"' in public  # each agency links to its public page
    assert 'href="/orders/overdue"' in dashboard and 'href="/orders/overdue"' not in public
    assert payments.status_code == 200
    rows = read_csv(payments.data)
    assert rows[0][0] == "Pembeli" and len(rows) == 3
    assert rows[1][0] == "PAM Jaya" and rows[1][-1] == "600000"


def test_an_empty_programme_shows_zero_after_the_award(app: Flask, db: Session) -> None:
    page = app.test_client().get("/transparency").get_data(as_text=True)
    assert kpi(page, "delivered") == "Rp 0" and kpi(page, "on-time") == "–"
    assert "Belum ada tagihan yang jatuh tempo." in page
