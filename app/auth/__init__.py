"""Accounts: registration, log-in and log-out."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from app.auth import account, profile, routes
