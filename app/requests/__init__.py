"""Buyers' demand requests: post, publish, review proposals, invite, compare quotes, award."""

from flask import Blueprint

bp = Blueprint("requests", __name__)

from app.requests import routes
