"""On the demo data (orders at every stage): the OCDS package with contracts and
implementation validates, the after-award figures move, and suppliers carry track records."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.catalogue_records import track_records
from app.services.deal_metrics import deal_figures
from app.services.metrics import MetricFilters
from models import Order
from tests.test_dashboard import kpi
from tests.test_opendata import validate


@pytest.mark.slow
def test_demo_deals_reach_open_data_figures_and_ranking(app: Flask, db: Session) -> None:
    result = app.test_cli_runner().invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    client = app.test_client()
    package = client.get("/open-data/ocds/release-package.json").get_json()
    validate(package)
    releases = list(package["releases"])
    while "next" in package.get("links", {}):
        following = urlsplit(package["links"]["next"])
        package = client.get(f"{following.path}?{following.query}").get_json()
        validate(package)
        releases += package["releases"]
    tags = [tag for r in releases for tag in r["tag"]]
    assert "implementation" in tags
    assert any(r["tender"].get("procurementMethod") == "direct" for r in releases)
    milestones = {
        m["status"]
        for r in releases
        for c in r.get("contracts", [])
        for m in (c.get("implementation") or {}).get("milestones", [])
    }
    assert {"met", "scheduled"} <= milestones

    figures = deal_figures(db, MetricFilters(), today())
    assert figures.delivered_value > 0 and figures.paid_value > 0
    assert figures.overdue_value > 0 and figures.by_buyer
    page = client.get("/transparency").get_data(as_text=True)
    assert kpi(page, "delivered") != "Rp 0" and kpi(page, "overdue") != "Rp 0"

    suppliers = set(db.scalars(select(Order.supplier_id)))
    records = track_records(db, suppliers)
    assert any(r.completed_orders for r in records.values())
    assert any(r.rating_count for r in records.values())
