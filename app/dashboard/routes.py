"""The officials' programme dashboard and the CSV file behind each of its charts."""

from __future__ import annotations

from flask import render_template, request
from werkzeug.wrappers import Response

from app.clock import today
from app.dashboard import bp
from app.extensions import db
from app.i18n import current_language
from app.opendata.exports import chart_csv_response
from app.policy import Permission
from app.security import permission_required
from app.services import deal_metrics, programme_views
from app.services import metrics as metrics_service
from app.services.charts import programme_charts


@bp.get("/")
@permission_required(Permission.REVIEW)
def index() -> str:
    """Figures, charts and tables for the chosen period, kota and category."""
    filters = programme_views.parse_filters(request.args)
    metrics = metrics_service.programme_metrics(db.session, filters, current_language())
    return render_template(
        "dashboard/index.html",
        metrics=metrics,
        filters=filters,
        charts=programme_charts(metrics, "dash"),
        csv_endpoint="dashboard.chart_csv",
        deals=deal_metrics.deal_figures(db.session, filters, today()),
        **programme_views.filter_choices(db.session),
    )


@bp.get("/<chart>.csv")
@permission_required(Permission.REVIEW)
def chart_csv(chart: str) -> Response:
    """The numbers behind one chart (same filters as the page), as a CSV file."""
    return chart_csv_response(chart)
