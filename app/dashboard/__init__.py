"""Officials: the programme dashboard (figures, charts and the CSV behind each chart)."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from app.dashboard import routes
