"""The JSON API at /api/v1: bearer-token authentication, one error format, OpenAPI from the code."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, NoReturn, TypeVar

import flask_smorest
import marshmallow as ma
from flask import Flask, current_app, g, jsonify, request
from flask_smorest import Api
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from app.extensions import db
from app.policy import Permission, can
from app.services import ServiceError
from app.services.paging import page_count
from app.services.tokens import user_for_token
from app.unit_of_work import unit_of_work
from models import User

F = TypeVar("F", bound=Callable[..., Any])
PREFIX = "/api/v1"


class ErrorSchema(ma.Schema):
    """``{"error": {"code", "message", "details"}}``."""

    class Body(ma.Schema):
        code = ma.fields.String(required=True, metadata={"example": "not_found"})
        message = ma.fields.String(required=True)
        details = ma.fields.Dict(required=True)

    error = ma.fields.Nested(Body, required=True)


class PasarPaduApi(Api):
    """flask-smorest's Api with our error format; HTML pages keep their own error handler."""

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:
        """Errors are rendered by ``app.errors``, which calls ``error_response`` for the API."""


api = PasarPaduApi(
    spec_kwargs={
        "info": {
            "description": "Pasar Padu: Jakarta UMKM marketplace. Authenticate with "
            "`Authorization: Bearer <token>` (POST /api/v1/auth/token)."
        },
    }
)


def error_response(error: HTTPException) -> tuple[Response, int]:
    """An HTTP error as ``{"error": {"code", "message", "details"}}``."""
    code = error.code or 500
    data: dict[str, Any] = getattr(error, "data", None) or {}
    details = data.get("errors") or data.get("messages") or {}
    if isinstance(details, dict) and set(details) <= {"json", "query", "form", "headers"} and details:
        details = {
            k: v
            for where, part in details.items()
            for k, v in (part.items() if isinstance(part, dict) else [(where, part)])
        }
    message = data.get("message") or (error.description if code != 500 else "Internal error")
    name = (error.name or "error").lower().replace(" ", "_")
    response = jsonify(error={"code": name, "message": str(message), "details": details})
    for header, value in error.get_headers():
        if header.lower() != "content-type":
            response.headers[header] = value
    return response, code


def is_api_request() -> bool:
    """True for requests to the JSON API."""
    return request.path.startswith(PREFIX + "/") or request.path == PREFIX


def abort(code: int, **kwargs: Any) -> NoReturn:
    """Stop the request with an HTTP error (flask-smorest's ``abort``, which always raises;
    typed here so that the checker knows nothing runs after it)."""
    flask_smorest.abort(code, **kwargs)
    raise AssertionError("flask_smorest.abort returned")  # never reached


def current_api_user() -> User | None:
    """The user behind the request's bearer token (None when absent or invalid)."""
    if "api_user" not in g:
        header = request.headers.get("Authorization", "")
        scheme, _, raw = header.partition(" ")
        g.api_user = user_for_token(db.session, raw.strip()) if scheme.lower() == "bearer" else None
    return g.api_user


def api_user() -> User:
    """The user behind the request's bearer token, for views behind ``api_permission``
    (which has already answered 401 when there is none)."""
    user = current_api_user()
    if user is None:
        abort(
            401,
            message="A valid bearer token is required.",
            headers={"WWW-Authenticate": 'Bearer realm="pasarpadu"'},
        )
    return user


def api_permission(permission: Permission) -> Callable[[F], F]:
    """Require a valid bearer token of a user whose role is granted ``permission`` (401 / 403
    otherwise; see app/policy.py)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_api_user()
            if user is None:
                abort(
                    401,
                    message="A valid bearer token is required.",
                    headers={"WWW-Authenticate": 'Bearer realm="pasarpadu"'},
                )
            if not can(user, permission):
                abort(403, message="Your role may not do this.")
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]  # functools.wraps keeps the view's signature

    return decorator


def refuse(error: ServiceError) -> None:
    """Turn a service refusal into 422 (a field is wrong) or 409 (the state forbids it)."""
    db.session.rollback()
    if error.field:
        abort(422, message=error.message, errors={error.field: [error.message]})
    abort(409, message=error.message)


STALE = "Someone else changed this at the same moment; read it again."


@contextmanager
def writing(stale: str = STALE) -> Iterator[None]:
    """One API write as a unit of work: commit once and run the after-commit hooks; a service
    refusal becomes 422/409 (``refuse``), a concurrent change (``StaleDataError``) 409 ``stale``;
    either way nothing is written."""
    try:
        with unit_of_work() as work:
            yield
    except StaleDataError:
        db.session.rollback()
        abort(409, message=stale)
    if work.error is not None:
        refuse(work.error)


def page_args() -> tuple[int, int]:
    """``page`` and ``per_page`` from the query string (1-based; at most 100 per page)."""
    page = request.args.get("page", 1, type=int) or 1
    per_page = request.args.get("per_page", 20, type=int) or 20
    return max(page, 1), min(max(per_page, 1), 100)


def paged(items: list[Any], total: int, page: int, per_page: int) -> dict[str, Any]:
    """The page envelope of every list response."""
    return {
        "items": items,
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": page_count(total, per_page),
    }


def _token_or_address() -> str:
    """Rate-limit key: the validated token (hashed, never stored raw), else the address."""
    if current_api_user() is not None:
        raw = request.headers.get("Authorization", "").partition(" ")[2].strip()
        return "token:" + hashlib.sha256(raw.encode()).hexdigest()
    return "address:" + (request.remote_addr or "unknown")


def register(app: Flask) -> None:
    """Bind the API, its blueprints, CSRF exemption, rate limits and the docs page."""
    from app.api import catalogue, deals, idempotency, procurement, sellers, tokens
    from app.api.docs import bp as docs_bp
    from app.extensions import csrf, limiter

    app.config.setdefault("API_TITLE", "Pasar Padu API")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", PREFIX)
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    api.init_app(app)
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "description": "Personal access token"}
    )
    for module in (tokens, catalogue, sellers, procurement, deals):
        limiter.limit(lambda: current_app.config["API_RATE_LIMIT"], key_func=_token_or_address)(module.blp)
        csrf.exempt(module.blp)
        api.register_blueprint(module.blp, url_prefix=PREFIX)
    app.register_blueprint(docs_bp, url_prefix=PREFIX)
    idempotency.register(app)
