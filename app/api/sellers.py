"""Sellers: their listings, invitations and quotes."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.api import abort, api_permission, api_user, current_api_user, paged, serializers, writing
from app.api.schemas import (
    InvitationOut,
    InvitationPage,
    ListingIn,
    ListingOut,
    ListingPage,
    ListingPatch,
    PageArgs,
    QuoteIn,
    QuoteOut,
)
from app.clock import today
from app.extensions import db
from app.policy import Permission
from app.services import listings as listing_service
from app.services import quotes as quote_service
from models import Category, Listing, Quote, SupplierProfile

blp = Blueprint("api_sellers", __name__, description="Sellers: listings, invitations, quotes")
SECURED: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def _supplier() -> SupplierProfile:
    user = current_api_user()
    if user is None or user.organisation is None or user.organisation.supplier_profile is None:
        abort(403, message="Only sellers have listings.")
    return user.organisation.supplier_profile


def _listing(listing_id: int) -> Listing:
    found = listing_service.own_listing(db.session, _supplier(), listing_id)
    if found is None:
        abort(404, message="No such listing of yours.")
    return found


def _input(body: dict[str, Any], current: Listing | None = None) -> listing_service.ListingInput:
    merged = dict(body)
    if current is not None:
        for key in (
            "title",
            "description",
            "price",
            "unit",
            "min_order",
            "monthly_capacity",
            "lead_time_days",
        ):
            merged.setdefault(key, getattr(current, key))
        merged.setdefault("category", current.category.slug)
    category = db.session.scalar(select(Category).where(Category.slug == merged["category"]))
    if category is None:
        abort(422, message="Unknown category.", errors={"category": ["Unknown category."]})
    return listing_service.ListingInput(
        title=merged["title"],
        description=merged.get("description", ""),
        category_id=category.id,
        price=merged["price"],
        unit=merged["unit"],
        min_order=merged.get("min_order", 1),
        monthly_capacity=merged.get("monthly_capacity"),
        lead_time_days=merged.get("lead_time_days", 1),
    )


@blp.route("/listings")
class Listings(MethodView):
    """Your listings."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, ListingPage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Your listings, newest first."""
        rows, total = listing_service.supplier_listings(
            db.session, _supplier(), None, args["page"], args["per_page"]
        )
        return paged([serializers.listing(r) for r in rows], total, args["page"], args["per_page"])

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(ListingIn)
    @blp.response(201, ListingOut)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create a draft listing."""
        with writing():
            row = listing_service.create_listing(db.session, _supplier(), _input(body), actor=api_user())
        return serializers.listing(row)


@blp.route("/listings/<int:listing_id>")
class OneListing(MethodView):
    """One of your listings."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.response(200, ListingOut)
    def get(self, listing_id: int) -> dict[str, Any]:
        """Read a listing."""
        return serializers.listing(_listing(listing_id))

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(ListingPatch(partial=True))
    @blp.response(200, ListingOut)
    def patch(self, body: dict[str, Any], listing_id: int) -> dict[str, Any]:
        """Change some fields of a listing."""
        row = _listing(listing_id)
        with writing():
            listing_service.update_listing(db.session, row, _input(body, row), api_user())
        return serializers.listing(row)


@blp.route("/listings/<int:listing_id>/<any(publish, archive):action>")
class ListingState(MethodView):
    """Publish or archive a listing."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.response(200, ListingOut)
    def post(self, listing_id: int, action: str) -> dict[str, Any]:
        """``publish`` shows it in the storefront; ``archive`` hides it (nothing is deleted)."""
        row = _listing(listing_id)
        with writing():
            if action == "publish":
                listing_service.publish_listing(db.session, row)
            else:
                listing_service.archive_listing(db.session, row)
        return serializers.listing(row)


def _invitation(match_id: int) -> Any:
    found = quote_service.own_invitation(db.session, _supplier(), match_id)
    if found is None:
        abort(404, message="No such invitation of yours.")
    return found


def _invitation_out(match: Any) -> dict[str, Any]:
    live = quote_service.live_quote(match)
    return {
        "id": match.id,
        "status": match.status,
        "request": serializers.demand(match.request),
        "explanation": match.explanation or {},
        "quote": serializers.quote(live) if live else None,
    }


@blp.route("/invitations")
class Invitations(MethodView):
    """Your invitations to quote."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, InvitationPage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Invitations, newest first, with why you were matched."""
        rows, total = quote_service.invitations(db.session, _supplier(), args["page"], args["per_page"])
        return paged([_invitation_out(m) for m in rows], total, args["page"], args["per_page"])


@blp.route("/invitations/<int:match_id>")
class OneInvitation(MethodView):
    """One invitation."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.response(200, InvitationOut)
    def get(self, match_id: int) -> dict[str, Any]:
        """Read an invitation."""
        return _invitation_out(_invitation(match_id))


@blp.route("/invitations/<int:match_id>/quote")
class SubmitQuote(MethodView):
    """Answer an invitation."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(QuoteIn)
    @blp.response(201, QuoteOut)
    def post(self, body: dict[str, Any], match_id: int) -> dict[str, Any]:
        """Send a quote."""
        match = _invitation(match_id)
        with writing():
            row = quote_service.submit_quote(
                db.session, match, api_user(), quote_service.QuoteInput(**body), today()
            )
        return serializers.quote(row)


def _own_quote(quote_id: int) -> Quote:
    row = db.session.get(Quote, quote_id)
    if row is None or row.match.supplier_id != _supplier().id:
        abort(404, message="No such quote of yours.")
    return row


@blp.route("/quotes/<int:quote_id>")
class OneQuote(MethodView):
    """One of your quotes."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(QuoteIn)
    @blp.response(200, QuoteOut)
    def put(self, body: dict[str, Any], quote_id: int) -> dict[str, Any]:
        """Revise a submitted quote before the deadline."""
        row = _own_quote(quote_id)
        with writing():
            quote_service.revise_quote(db.session, row, api_user(), quote_service.QuoteInput(**body), today())
        return serializers.quote(row)


@blp.route("/quotes/<int:quote_id>/withdraw")
class WithdrawQuote(MethodView):
    """Withdraw a quote."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.response(200, QuoteOut)
    def post(self, quote_id: int) -> dict[str, Any]:
        """Withdraw a submitted quote before the deadline."""
        row = _own_quote(quote_id)
        with writing():
            quote_service.withdraw_quote(db.session, row, api_user(), today())
        return serializers.quote(row)
