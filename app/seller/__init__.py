"""The seller area: business profile and listings."""

from flask import Blueprint

bp = Blueprint("seller", __name__)

from app.seller import invitations, routes
