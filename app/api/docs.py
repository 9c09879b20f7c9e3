"""Interactive API documentation (Swagger UI shipped by the swagger-ui-bundle package, no CDN)."""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, make_response, render_template, send_from_directory
from werkzeug.wrappers import Response

bp = Blueprint("api_docs", __name__)
ASSETS = Path(swagger_ui_bundle.swagger_ui_path)
# Swagger UI sets inline styles on its elements; scripts stay external.
DOCS_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)


@bp.get("/docs")
def docs() -> Response:
    """Swagger UI over /api/v1/openapi.json."""
    response = make_response(render_template("api/docs.html"))
    response.headers["Content-Security-Policy"] = DOCS_POLICY
    return response


@bp.get("/docs/assets/<path:name>")
def assets(name: str) -> Response:
    """Swagger UI's own files."""
    return send_from_directory(ASSETS, name, max_age=86400)
