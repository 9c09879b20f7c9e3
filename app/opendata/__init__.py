"""The public side of the programme's data: transparency page, CSV exports and OCDS."""

from flask import Blueprint

bp = Blueprint("opendata", __name__)

from app.opendata import routes
