"""Language selection: Bahasa Indonesia by default, English on request."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, has_request_context, redirect, request, session, url_for
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.wrappers import Response

from app.extensions import db

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    """The locale for this request: explicit choice, then the user's preference, then 'id'."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # commands and jobs speak the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen: str | None = session.get("lang")
    if chosen is not None and chosen in languages:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


@bp.get("/lang/<code>")
def switch_language(code: str) -> Response:
    """Remember the chosen language and go back to the page the visitor came from."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
        if current_user.is_authenticated:
            current_user.locale = code
            db.session.commit()
    target = request.args.get("next") or request.referrer or ""
    parts = urlsplit(target)
    if parts.netloc and parts.netloc != request.host:
        target = ""
    path = parts.path if parts.path.startswith("/") and not parts.path.startswith("//") else ""
    if path:
        return redirect(path + (f"?{parts.query}" if parts.query else ""))
    return redirect(url_for("storefront.home"))


def current_language() -> str:
    """The two-letter language of the current request."""
    return str(get_locale() or "id")


def register(app: Flask) -> None:
    """Attach the language switch route and template helper."""
    app.register_blueprint(bp)
    app.jinja_env.globals["current_language"] = current_language
