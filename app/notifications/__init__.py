"""A user's notifications."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from app.extensions import db
from app.services import notifications as notification_service

bp = Blueprint("notifications", __name__)
PER_PAGE = 30


@bp.get("/")
@login_required
def index() -> str:
    """Newest notifications first."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = notification_service.for_user(db.session, current_user, page, PER_PAGE)
    return render_template(
        "notifications/index.html", notifications=rows, total=total, page=page, per_page=PER_PAGE
    )


@bp.post("/read")
@login_required
def mark_read() -> Response:
    """Mark everything as read."""
    notification_service.mark_all_read(db.session, current_user)
    db.session.commit()
    return redirect(url_for("notifications.index"))


def register(app: Flask) -> None:
    """Make the unread count, and notifications in the reader's language, available to pages."""
    app.jinja_env.globals["notification_subject"] = notification_service.subject_text
    app.jinja_env.globals["notification_body"] = notification_service.body_text

    @app.context_processor
    def unread() -> dict[str, int]:
        if current_user and current_user.is_authenticated:
            return {"unread_notifications": notification_service.unread_count(db.session, current_user)}
        return {"unread_notifications": 0}
