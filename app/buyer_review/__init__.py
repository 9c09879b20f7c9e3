"""Officials: verify buyer organisations before their requests go out."""

from flask import Blueprint

bp = Blueprint("buyer_review", __name__)

from app.buyer_review import routes
