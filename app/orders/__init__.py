"""From award to paid: direct buying, purchase orders, delivery, invoices, payment, ratings,
and the public buyer organisation pages."""

from flask import Blueprint

bp = Blueprint("orders", __name__)

from app.orders import routes, steps
