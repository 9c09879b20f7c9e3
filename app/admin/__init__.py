"""Admins: user management (roles, disable, enable, unlock)."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin import routes
