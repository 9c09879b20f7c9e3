"""Accounts: registration, log-in and log-out."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from app.auth import routes  # noqa: E402,F401
from app.auth import account  # noqa: E402,F401
from app.auth import profile  # noqa: E402,F401
