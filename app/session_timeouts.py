"""Idle and absolute session timeouts for logged-in users."""

from __future__ import annotations

import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from werkzeug.wrappers import Response


def start_session_clock() -> None:
    """Remember when this session began and was last used."""
    now = int(time.time())
    session["_started"] = now
    session["_seen"] = now


def _expired() -> bool:
    config = current_app.config
    now = int(time.time())
    started = int(session.get("_started", now))
    seen = int(session.get("_seen", now))
    return (
        now - seen > config["SESSION_IDLE_MINUTES"] * 60
        or now - started > config["SESSION_ABSOLUTE_HOURS"] * 3600
    )


def register(app: Flask) -> None:
    """End sessions idle too long or open too long; refresh the idle clock otherwise."""

    @app.before_request
    def enforce_timeouts() -> Response | None:
        if request.endpoint in (None, "static") or not current_user.is_authenticated:
            return None
        if "_started" not in session:
            start_session_clock()
            return None
        if _expired():
            language = session.get("lang")
            logout_user()
            session.clear()
            if language:
                session["lang"] = language
            flash(_("Your session ended after a period of inactivity. Please log in again."), "info")
            return redirect(
                url_for("auth.login", next=request.full_path if request.method == "GET" else None)
            )
        session["_seen"] = int(time.time())
        return None
