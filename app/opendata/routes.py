"""Public transparency page, CSV exports and the OCDS release package."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from flask import abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db, limiter
from app.i18n import current_language
from app.opendata import bp
from app.opendata.csv_files import csv_response
from app.opendata.exports import EXPORTS, export_rows
from app.opendata.programme_pages import chart_csv_response, render_programme_page
from app.policy import may_review
from app.services import ocds, programme_views
from app.services.metric_filters import EARLIEST, LATEST
from models import utcnow

PUBLIC_LIMIT = "60 per minute"
MAX_PAGE = 1_000_000


def _is_official() -> bool:
    return may_review(current_user)


@bp.get("/transparency")
@limiter.limit(PUBLIC_LIMIT)
def transparency() -> str:
    """Programme figures and charts for everyone: organisations only, never people."""
    filters = programme_views.parse_filters(request.args)
    return render_programme_page(
        "opendata/transparency.html",
        filters,
        "pub",
        "opendata.chart_csv",
        awards=programme_views.recent_awards(db.session, filters, current_language()),
    )


@bp.get("/transparency/<chart>.csv")
@limiter.limit(PUBLIC_LIMIT)
def chart_csv(chart: str) -> Response:
    """The numbers behind one chart of the transparency page, as a CSV file."""
    return chart_csv_response(chart)


@bp.get("/open-data/")
def index() -> str:
    """What can be downloaded, in which format, and who may download it."""
    filters = programme_views.parse_filters(request.args)
    return render_template(
        "opendata/index.html",
        filters=filters,
        exports=EXPORTS,
        official=_is_official(),
        **programme_views.filter_choices(db.session),
    )


@bp.get("/open-data/<name>.csv")
@limiter.limit(PUBLIC_LIMIT)
def export_csv(name: str) -> Response:
    """One table as CSV; proposals and quotes are for officials only."""
    export = EXPORTS.get(name)
    if export is None:
        abort(404)
    if not export.public:
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]  # set by LoginManager.init_app
        if not _is_official():
            abort(403)
    filters = programme_views.parse_filters(request.args)
    return csv_response(
        f"pasarpadu-{name}-{today().isoformat()}.csv",
        export.columns,
        export_rows(db.session, export, filters),
    )


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return current_app.response_class(body, status=status, headers=headers or {}, mimetype="application/json")


@bp.get("/open-data/ocds/release-package.json")
@limiter.limit(PUBLIC_LIMIT)
def ocds_package() -> Response:
    """OCDS 1.1 release package of published procurements (``since``/``until``, ``page``)."""
    window: dict[str, date | None] = {}
    for name in ("since", "until"):
        value = request.args.get(name, "")
        try:
            day = date.fromisoformat(value) if value else None
        except ValueError:
            day = date.max
        if day is not None and not EARLIEST <= day <= LATEST:
            return _json({"error": _("Dates must be written as YYYY-MM-DD.")}, 400)
        window[name] = day
    page = request.args.get("page", 1, type=int) or 1
    if page < 1:
        return _json({"error": _("Pages start at 1.")}, 400)
    releases, more = (
        ([], False)
        if page > MAX_PAGE
        else ocds.release_page(db.session, ocds.ReleaseWindow(**window), page, ocds.PAGE_SIZE)
    )
    if not releases:
        return _json({"error": _("No published procurement matches these dates.")}, 404)
    base = current_app.config["PUBLIC_URL"].rstrip("/")

    def address(number: int | None) -> str:
        args: dict[str, Any] = {k: v.isoformat() for k, v in window.items() if v}
        if number and number > 1:
            args["page"] = str(number)
        return base + url_for("opendata.ocds_package", **args)

    links = {}
    if more:
        links["next"] = address(page + 1)
    if page > 1:
        links["prev"] = address(page - 1)
    package = ocds.release_package(
        releases, uri=address(page), publisher_uri=base + "/", published=utcnow(), links=links
    )
    link_header = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
    return _json(package, headers={"Link": link_header} if link_header else None)
