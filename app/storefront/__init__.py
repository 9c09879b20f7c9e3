"""The public storefront: home, categories, search, product and supplier pages, photos."""

from flask import Blueprint

bp = Blueprint("storefront", __name__)

from app.storefront import routes
