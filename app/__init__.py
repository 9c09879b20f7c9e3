"""Pasar Padu web application: the factory wires configuration, extensions and blueprints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

from app.config import ConfigError, load_config

MAX_ID = 2**31 - 1
APP_LOAD_ERROR = 4  # gunicorn halts when a worker exits with this status


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask application; ``config`` overrides the environment-derived settings."""
    app = Flask(__name__, instance_relative_config=True)
    app.url_map.converters["int"] = DatabaseIdConverter
    try:
        app.config.update(load_config(app.instance_path) if config is None else config)
    except ConfigError as error:
        # One line, no traceback; exit status 4 makes gunicorn stop instead of retrying.
        print(error, file=sys.stderr)
        raise SystemExit(APP_LOAD_ERROR) from None

    from app.services.accounts import use_fast_hashing

    use_fast_hashing(bool(app.config.get("PASSWORD_HASH_FAST")))
    _register_extensions(app)
    _register_blueprints(app)

    from app import cli, database, errors, i18n, input_guard, labels, security, session_timeouts, templating

    database.register(app)
    errors.register(app)
    i18n.register(app)
    labels.register(app)
    security.register(app)
    session_timeouts.register(app)
    templating.register(app)
    cli.register(app)
    input_guard.register(app)
    return app


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` in URLs: ids beyond a 32-bit key cannot exist, so they answer 404."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def _register_extensions(app: Flask) -> None:
    from app.extensions import babel, csrf, db, limiter, login_manager, migrate
    from app.i18n import select_locale
    from app.mail import init_mail

    db.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=str(Path(app.root_path).parent / "migrations"),
        render_as_batch=True,
        compare_type=True,
    )
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    init_mail(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    # Flask-Login's messages are English msgids looked up in the reader's language when flashed.
    from flask_babel import gettext

    login_manager.login_message = "Please log in to access this page."
    login_manager.needs_refresh_message = "Please reauthenticate to access this page."
    login_manager.localize_callback = gettext

    from app.services.accounts import load_user

    login_manager.user_loader(load_user)


def _register_blueprints(app: Flask) -> None:
    from app import notifications
    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.buyer_review import bp as buyer_review_bp
    from app.dashboard import bp as dashboard_bp
    from app.health import bp as health_bp
    from app.opendata import bp as opendata_bp
    from app.orders import bp as orders_bp
    from app.requests import bp as requests_bp
    from app.review import bp as review_bp
    from app.seller import bp as seller_bp
    from app.storefront import bp as storefront_bp

    app.register_blueprint(storefront_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(seller_bp, url_prefix="/seller")
    app.register_blueprint(requests_bp, url_prefix="/requests")
    app.register_blueprint(review_bp, url_prefix="/review")
    app.register_blueprint(buyer_review_bp, url_prefix="/review/buyers")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(dashboard_bp, url_prefix="/dashboard")
    app.register_blueprint(opendata_bp)
    app.register_blueprint(orders_bp)
    app.register_blueprint(notifications.bp, url_prefix="/notifications")
    notifications.register(app)
    app.register_blueprint(health_bp)

    from app import api

    api.register(app)
