"""Error pages (HTML) for the status codes a user can meet."""

from __future__ import annotations

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import Conflict, HTTPException, InternalServerError, ServiceUnavailable

from app.api import error_response, is_api_request
from app.extensions import db
from app.input_guard import InputRefused


def register(app: Flask) -> None:
    """Render friendly error pages; roll back the session on server errors."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        if is_api_request():
            return error_response(error)
        messages = {
            400: _("The request could not be understood. Please check the form and try again."),
            403: _("You do not have access to this page."),
            404: _("We could not find that page."),
            405: _("That action is not allowed here."),
            409: _(
                "Someone else changed this at the same moment; nothing was changed. "
                "Please reload and try again."
            ),
            413: _("The file is too large."),
            429: _("Too many attempts. Please wait a moment and try again."),
        }
        code = error.code or 500
        message = messages.get(code, error.description or "")
        if isinstance(error, InputRefused):
            message = error.description or message
        return render_template("errors/error.html", code=code, message=message), code

    @app.errorhandler(StaleDataError)
    @app.errorhandler(IntegrityError)
    def conflict(error: Exception) -> ResponseReturnValue:
        """A write lost a race (a version moved on, a unique rule held): 409, nothing written."""
        db.session.rollback()
        return http_error(
            Conflict(
                "This was changed by someone else at the same moment; "
                "nothing was written. Reload and try again."
            )
        )

    @app.errorhandler(DataError)
    def unstorable(error: Exception) -> ResponseReturnValue:
        """A value the database cannot store (out of range, bad text) is the client's error."""
        db.session.rollback()
        message = _("A value is out of range or cannot be stored.")
        return http_error(InputRefused(description=message))

    @app.errorhandler(OperationalError)
    def database_unavailable(error: Exception) -> ResponseReturnValue:
        """The database cannot be reached (or is busy): a friendly 503, never a 500."""
        app.logger.error("database unavailable: %s", str(error).splitlines()[0])
        try:
            db.session.rollback()
        except OperationalError:
            pass
        return http_error(
            ServiceUnavailable(_("The service is briefly unavailable. Please try again in a moment."))
        )

    @app.errorhandler(500)
    def server_error(error: Exception) -> ResponseReturnValue:
        db.session.rollback()
        if is_api_request():
            return error_response(InternalServerError())
        message = _("Something went wrong on our side. Please try again.")
        return render_template("errors/error.html", code=500, message=message), 500
