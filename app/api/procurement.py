"""Buyers' demand requests, officials' review of proposals, quotes and awards."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.api import abort, api_permission, api_user, current_api_user, paged, serializers, writing
from app.api.schemas import (
    AwardIn,
    AwardList,
    MatchIdsIn,
    PageArgs,
    ProposalPage,
    QuotePage,
    ReasonIn,
    RequestIn,
    RequestOut,
    RequestPage,
    RequestPatch,
    ReviewIn,
)
from app.clock import today
from app.extensions import db
from app.policy import Permission, can_change_request, can_see_proposal, can_view_request
from app.services import demand as demand_service
from app.services import review as review_service
from app.services.awards import award
from app.settings import matching, workflow
from models import Category, DemandRequest, Match

blp = Blueprint("api_procurement", __name__, description="Demand requests, proposals, quotes, awards")
SECURED: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def _request(request_id: int, write: bool = False) -> DemandRequest:
    user = current_api_user()
    found = db.session.get(DemandRequest, request_id)
    allowed = can_change_request if write else can_view_request
    readable = found is not None and user is not None and allowed(user, found)
    if not readable:
        abort(404, message="No such request of yours.")
    return found  # type: ignore[return-value]  # abort() above when None (untyped NoReturn)


def _input(body: dict[str, Any], current: DemandRequest | None = None) -> demand_service.RequestInput:
    merged = dict(body)
    if current is not None:
        # A partial update keeps the stored values; the category comes by slug, not by id.
        for key in demand_service.REQUEST_FIELDS:
            if key != "category_id":
                merged.setdefault(key, getattr(current, key))
        merged.setdefault("category", current.category.slug if current.category else None)
    category_id = None
    if merged.get("category"):
        category = db.session.scalar(select(Category).where(Category.slug == merged["category"]))
        if category is None:
            abort(422, message="Unknown category.", errors={"category": ["Unknown category."]})
        category_id = category.id
    return demand_service.RequestInput(
        title=merged["title"],
        description=merged.get("description") or "",
        category_id=category_id,
        quantity=merged["quantity"],
        unit=merged["unit"],
        budget_ceiling=merged.get("budget_ceiling"),
        kecamatan_id=merged["kecamatan_id"],
        needed_by=merged["needed_by"],
        quotes_due=merged.get("quotes_due"),
        required_certifications=list(merged.get("required_certifications") or []),
        umkm_only=merged.get("umkm_only", True),
    )


def _done(row: DemandRequest) -> dict[str, Any]:
    return serializers.demand(row)


@blp.route("/requests")
class Requests(MethodView):
    """Your organisation's demand requests."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, RequestPage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Requests, newest first."""
        organisation = api_user().organisation
        if organisation is None:
            abort(403, message="Only buyers of an organisation have requests.")
        rows, total = demand_service.buyer_requests(
            db.session, organisation, None, args["page"], args["per_page"]
        )
        return paged([serializers.demand(r) for r in rows], total, args["page"], args["per_page"])

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(RequestIn)
    @blp.response(201, RequestOut)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create a draft request."""
        with writing():
            row = demand_service.create_request(db.session, api_user(), _input(body), today())
        return _done(row)


@blp.route("/requests/<int:request_id>")
class OneRequest(MethodView):
    """One request."""

    @api_permission(Permission.VIEW_REQUESTS)
    @blp.doc(security=SECURED)
    @blp.response(200, RequestOut)
    def get(self, request_id: int) -> dict[str, Any]:
        """Read a request (buyers: their own; officials: any)."""
        return serializers.demand(_request(request_id))

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(RequestPatch(partial=True))
    @blp.response(200, RequestOut)
    def patch(self, body: dict[str, Any], request_id: int) -> dict[str, Any]:
        """Change a draft."""
        row = _request(request_id, write=True)
        with writing():
            demand_service.update_request(db.session, row, api_user(), _input(body, row), today())
        return _done(row)


@blp.route("/requests/<int:request_id>/publish")
class Publish(MethodView):
    """Publish a draft."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.response(200, RequestOut)
    def post(self, request_id: int) -> dict[str, Any]:
        """Publish and run the matcher; proposals then await review unless skipped."""
        row = _request(request_id, write=True)
        with writing():
            demand_service.publish_request(db.session, row, api_user(), today(), matching())
        return _done(row)


@blp.route("/requests/<int:request_id>/cancel")
class Cancel(MethodView):
    """Cancel a request."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(ReasonIn)
    @blp.response(200, RequestOut)
    def post(self, body: dict[str, Any], request_id: int) -> dict[str, Any]:
        """Cancel before the award; suppliers in play are told the reason."""
        row = _request(request_id, write=True)
        with writing():
            demand_service.cancel_request(db.session, row, api_user(), body["reason"])
        return _done(row)


@blp.route("/requests/<int:request_id>/proposals")
class Proposals(MethodView):
    """Suppliers proposed for a request."""

    @api_permission(Permission.VIEW_REQUESTS)
    @blp.doc(security=SECURED)
    @blp.response(200, ProposalPage)
    def get(self, request_id: int) -> dict[str, Any]:
        """Buyers see reviewed proposals; officials see all."""
        row = _request(request_id)
        user = api_user()
        items = [serializers.proposal(m) for m in row.matches if can_see_proposal(user, m)]
        return paged(items, len(items), 1, max(len(items), 1))


@blp.route("/requests/<int:request_id>/invite")
class Invite(MethodView):
    """Invite approved proposals to quote."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(MatchIdsIn)
    @blp.response(200, RequestOut)
    def post(self, body: dict[str, Any], request_id: int) -> dict[str, Any]:
        """Invite suppliers (approved proposals of this request)."""
        row = _request(request_id, write=True)
        with writing():
            demand_service.invite_suppliers(
                db.session, row, body["match_ids"], api_user(), today(), workflow()
            )
        return _done(row)


@blp.route("/requests/<int:request_id>/quotes")
class Quotes(MethodView):
    """Quotes received."""

    @api_permission(Permission.VIEW_REQUESTS)
    @blp.doc(security=SECURED)
    @blp.response(200, QuotePage)
    def get(self, request_id: int) -> dict[str, Any]:
        """Quotes, cheapest total first (withdrawn ones left out)."""
        items = [serializers.quote(q) for q in demand_service.quotes_of(_request(request_id))]
        return paged(items, len(items), 1, max(len(items), 1))


@blp.route("/requests/<int:request_id>/awards")
class Awards(MethodView):
    """Award quotes."""

    @api_permission(Permission.VIEW_REQUESTS)
    @blp.doc(security=SECURED)
    @blp.response(200, AwardList)
    def get(self, request_id: int) -> dict[str, Any]:
        """Awards of the request."""
        return {"items": _request(request_id).awards}  # AwardOut dumps the rows

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(AwardIn)
    @blp.response(201, AwardList)
    @blp.alt_response(409, schema=None, description="Not awardable (state), or decided concurrently")
    def post(self, body: dict[str, Any], request_id: int) -> dict[str, Any]:
        """Award one or several quotes (split quantities); the others are told why not."""
        _request(request_id, write=True)
        quantities = {line["quote_id"]: line["quantity"] for line in body["awards"]}
        versions = {
            line["quote_id"]: line["version"] for line in body["awards"] if line.get("version") is not None
        }
        with writing("Someone else decided this request at the same moment."):
            rows = award(db.session, request_id, quantities, api_user(), body["reason"], versions, workflow())
        return {"items": rows}  # AwardOut dumps the rows


@blp.route("/proposals")
class ReviewQueue(MethodView):
    """Proposals awaiting review."""

    @api_permission(Permission.REVIEW)
    @blp.doc(security=SECURED)
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, ProposalPage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """The review queue, oldest first."""
        rows, total = review_service.review_queue(
            db.session, review_service.QueueFilters(), today(), args["page"], args["per_page"]
        )
        return paged([serializers.proposal(m) for m in rows], total, args["page"], args["per_page"])


@blp.route("/proposals/review")
class Review(MethodView):
    """Approve or reject proposals."""

    @api_permission(Permission.REVIEW)
    @blp.doc(security=SECURED)
    @blp.arguments(ReviewIn)
    @blp.response(200, ProposalPage)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Decide on proposals (a reason is required to reject)."""
        user = api_user()
        with writing():
            if body["decision"] == "approve":
                review_service.approve(db.session, body["match_ids"], user)
            else:
                review_service.reject(db.session, body["match_ids"], user, body["reason"])
        rows = list(db.session.scalars(select(Match).where(Match.id.in_(body["match_ids"]))))
        return paged([serializers.proposal(m) for m in rows], len(rows), 1, max(len(rows), 1))
