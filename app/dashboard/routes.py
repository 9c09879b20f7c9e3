"""The officials' programme dashboard and the CSV file behind each of its charts."""

from __future__ import annotations

from flask import request
from werkzeug.wrappers import Response

from app.dashboard import bp
from app.opendata.programme_pages import chart_csv_response, render_programme_page
from app.policy import Permission
from app.security import permission_required
from app.services import programme_views


@bp.get("/")
@permission_required(Permission.REVIEW)
def index() -> str:
    """Figures, charts and tables for the chosen period, kota and category."""
    filters = programme_views.parse_filters(request.args)
    return render_programme_page("dashboard/index.html", filters, "dash", "dashboard.chart_csv")


@bp.get("/<chart>.csv")
@permission_required(Permission.REVIEW)
def chart_csv(chart: str) -> Response:
    """The numbers behind one chart (same filters as the page), as a CSV file."""
    return chart_csv_response(chart)
