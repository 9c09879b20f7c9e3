"""What the officials' dashboard and the public transparency page share: figures and chart files."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, render_template, request

from app.clock import today
from app.extensions import db
from app.i18n import current_language
from app.opendata.csv_files import csv_response
from app.services import deal_metrics, programme_views
from app.services import metrics as metrics_service
from app.services.charts import programme_charts
from app.services.metric_filters import MetricFilters


def render_programme_page(
    template: str, filters: MetricFilters, chart_prefix: str, csv_endpoint: str, **context: Any
) -> str:
    """``template`` with the programme figures, charts and deal figures for ``filters``.

    ``chart_prefix`` keeps the two pages' chart element ids apart; ``csv_endpoint`` serves the
    numbers behind each chart; ``context`` is what the page shows besides.
    """
    metrics = metrics_service.programme_metrics(db.session, filters, current_language())
    return render_template(
        template,
        metrics=metrics,
        filters=filters,
        charts=programme_charts(metrics, chart_prefix),
        csv_endpoint=csv_endpoint,
        deals=deal_metrics.deal_figures(db.session, filters, today()),
        **context,
        **programme_views.filter_choices(db.session),
    )


def chart_csv_response(chart: str) -> Response:
    """The numbers behind one programme chart, for the request's filters, as a CSV file."""
    filters = programme_views.parse_filters(request.args)
    if chart == "payments":
        figures = deal_metrics.deal_figures(db.session, filters, today())
        return csv_response(
            f"pasarpadu-payments-{today().isoformat()}.csv",
            *programme_views.payments_table(figures, current_language()),
        )
    if chart not in metrics_service.CHARTS:
        abort(404)
    metrics = metrics_service.programme_metrics(db.session, filters, current_language(), charts=[chart])
    table = programme_views.chart_table(metrics, chart)
    assert table is not None
    return csv_response(f"pasarpadu-{chart}-{today().isoformat()}.csv", *table)
