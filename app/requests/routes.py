"""Buyer pages for demand requests; officials may read them too."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.forms import attach_service_error, kecamatan_choices
from app.policy import Permission, can_change_request, can_see_proposal, can_view_request
from app.requests import bp
from app.requests.forms import RequestForm
from app.security import permission_required
from app.services import addressed_requests, request_reading
from app.services import demand as demand_service
from app.services.awards import award
from app.services.catalogue_records import awards_won
from app.services.timeline import timeline_for
from app.settings import matching, workflow
from app.unit_of_work import unit_of_work
from models import Category, DemandRequest

PER_PAGE = 20


def _own_request(request_id: int) -> DemandRequest:
    found = db.session.get(DemandRequest, request_id)
    if found is None or not can_view_request(current_user, found):
        abort(404)
    return found


def _form_choices(form: RequestForm) -> None:
    from app.i18n import current_language

    language = current_language()
    categories = db.session.scalars(select(Category).order_by(Category.position))
    form.category_id.set_choices([(c.id, c.name(language)) for c in categories])
    form.kecamatan_id.set_choices(kecamatan_choices(db.session))
    form.quotes_due.description = _(
        "Leave empty and suppliers get %(n)d working days from their invitation, after the "
        "officials' review. A date leaving them less than 2 working days is moved later.",
        n=current_app.config["QUOTE_WINDOW_DAYS"],
    )


def _input(form: RequestForm) -> demand_service.RequestInput:
    assert form.needed_by.data is not None
    return demand_service.RequestInput(
        title=form.title.data or "",
        description=form.description.data or "",
        category_id=form.category_id.data,
        quantity=form.quantity.data or 0,
        unit=form.unit.data or "",
        budget_ceiling=form.budget_ceiling.data,
        kecamatan_id=form.kecamatan_id.data or 0,
        needed_by=form.needed_by.data,
        quotes_due=form.quotes_due.data,
        required_certifications=list(form.required_certifications.data or []),
        umkm_only=bool(form.umkm_only.data),
    )


def _finish(message: str, request_id: int, anchor: str = "") -> Response:
    """Say it is done and go back to the request (the unit of work committed and mailed)."""
    flash(message, "success")
    return redirect(url_for("requests.detail", request_id=request_id) + anchor)


@bp.get("/")
@permission_required(Permission.BUY)
def index() -> str:
    """The organisation's requests, newest first."""
    status = request.args.get("status") or None
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = demand_service.buyer_requests(db.session, current_user.organisation, status, page, PER_PAGE)
    return render_template(
        "requests/index.html", requests=rows, total=total, page=page, per_page=PER_PAGE, status=status
    )


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Permission.BUY)
def new() -> str | tuple[str, int] | Response:
    """Post a new need (saved as a draft, or published at once)."""
    form = RequestForm()
    _form_choices(form)
    addressed = addressed_requests.prefill(  # "Minta penawaran" from a product or supplier page
        db.session,
        request.values.get("listing", type=int),
        request.values.get("supplier", type=int) or request.form.get("addressed_to", type=int),
    )
    if request.method == "GET" and addressed is not None:
        _prefill(form, addressed)
    if form.validate_on_submit():
        with unit_of_work() as work:
            created = demand_service.create_request(db.session, current_user, _input(form), today())
            if addressed is not None:
                addressed_requests.address_request(db.session, created, addressed.supplier.id, current_user)
            if request.form.get("action") == "publish":
                demand_service.publish_request(db.session, created, current_user, today(), matching())
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            published = created.status != "draft"
            return _finish(
                _("Request published; the matcher proposed suppliers.") if published else _("Draft saved."),
                created.id,
            )
    return render_template(
        "requests/form.html", form=form, demand=None, addressed=addressed
    ), 422 if form.errors else 200


def _prefill(form: RequestForm, addressed: addressed_requests.Prefill) -> None:
    """Start the form from the listing the buyer asks a quote for."""
    listing = addressed.listing
    if listing is not None:
        form.title.data = listing.title
        form.description.data = listing.description
        form.category_id.data = listing.category_id
        form.unit.data = listing.unit
        form.quantity.data = listing.min_order


@bp.route("/<int:request_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.BUY)
def edit(request_id: int) -> str | tuple[str, int] | Response:
    """Change a draft."""
    demand = _own_request(request_id)
    form = RequestForm(obj=demand if request.method == "GET" else None)
    _form_choices(form)
    if form.validate_on_submit():
        with unit_of_work() as work:
            demand_service.update_request(db.session, demand, current_user, _input(form), today())
            if request.form.get("action") == "publish":
                demand_service.publish_request(db.session, demand, current_user, today(), matching())
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            return _finish(_("Request saved."), demand.id)
    return render_template("requests/form.html", form=form, demand=demand), 422 if form.errors else 200


@bp.get("/<int:request_id>")
@permission_required(Permission.VIEW_REQUESTS)
def detail(request_id: int) -> str:
    """Everything about one request: proposals, quotes, awards and the timeline."""
    demand = _own_request(request_id)
    visible = [m for m in demand.matches if can_see_proposal(current_user, m)]
    quotes = demand_service.quotes_of(demand)
    return render_template(
        "requests/detail.html",
        demand=demand,
        matches=visible,
        quotes=quotes,
        reading=request_reading.read_request(db.session, demand, today()),
        events=timeline_for(db.session, demand),
        awaiting_review=sum(1 for m in demand.matches if m.status == "proposed"),
        awards_won=awards_won(db.session, [q.match.supplier_id for q in quotes]),
        supplier_of=_suppliers_of_events(demand),
    )


def _suppliers_of_events(demand: DemandRequest) -> dict[str, str]:
    """Supplier names keyed "match:<id>" and "quote:<id>", to label timeline entries."""
    names: dict[str, str] = {}
    for match in demand.matches:
        names[f"match:{match.id}"] = match.supplier.display_name
        for quote in match.quotes:
            names[f"quote:{quote.id}"] = match.supplier.display_name
    return names


class Action(StrEnum):
    """What a buyer does to a request from its page."""

    PUBLISH = "publish"
    CANCEL = "cancel"
    FULFIL = "fulfil"
    SHORTLIST = "shortlist"
    INVITE = "invite"


def _publish(demand: DemandRequest) -> str:
    demand_service.publish_request(db.session, demand, current_user, today(), matching())
    return _("Request published; the matcher proposed suppliers.")


def _cancel(demand: DemandRequest) -> str:
    reason = (request.form.get("reason") or "").strip()
    demand_service.cancel_request(db.session, demand, current_user, reason)
    return _("Request cancelled.")


def _fulfil(demand: DemandRequest) -> str:
    demand_service.fulfil_request(db.session, demand, current_user)
    return _("Marked as delivered. Thank you for buying local!")


def _ticked() -> list[int]:
    return [int(v) for v in request.form.getlist("match_id") if v.isdigit()]


def _shortlist(demand: DemandRequest) -> str:
    demand_service.set_shortlist(db.session, demand, _ticked(), current_user)
    return _("Shortlist saved.")


def _invite(demand: DemandRequest) -> str:
    count = demand_service.invite_suppliers(db.session, demand, _ticked(), current_user, today(), workflow())
    return _("%(n)d suppliers invited to quote.", n=count)


# Each action's handler: does it through the service and answers the message to show.
ACTIONS: dict[Action, Callable[[DemandRequest], str]] = {
    Action.PUBLISH: _publish,
    Action.CANCEL: _cancel,
    Action.FULFIL: _fulfil,
    Action.SHORTLIST: _shortlist,
    Action.INVITE: _invite,
}


def _act(request_id: int, action: Action) -> Response:
    demand = _own_request(request_id)
    if not can_change_request(current_user, demand):
        abort(403)
    with unit_of_work() as work:
        message = ACTIONS[action](demand)
    if (error := work.error) is not None:
        flash(error.message, "error")
        return redirect(url_for("requests.detail", request_id=request_id))
    return _finish(message, demand.id)


@bp.post("/<int:request_id>/reading")
@permission_required(Permission.BUY)
def apply_reading(request_id: int) -> Response:
    """Apply what the matcher read in the text: the category, or the stated requirements."""
    demand = _own_request(request_id)
    if not can_change_request(current_user, demand):
        abort(403)
    with unit_of_work() as work:
        if request.form.get("apply") == "category":
            category_id = request.form.get("category_id", type=int)
            if not category_id:
                abort(400)
            request_reading.apply_category(db.session, demand, current_user, category_id, today())
            message = _("Category set.")
        else:
            request_reading.apply_requirements(db.session, demand, current_user, today())
            message = _("The requirements read from your text were applied. Check them before publishing.")
    if (error := work.error) is not None:
        flash(error.message, "error")
        return redirect(url_for("requests.detail", request_id=request_id))
    return _finish(message, demand.id)


@bp.post("/<int:request_id>/publish")
@permission_required(Permission.BUY)
def publish(request_id: int) -> Response:
    """Publish a draft and run the matcher."""
    return _act(request_id, Action.PUBLISH)


@bp.post("/<int:request_id>/cancel")
@permission_required(Permission.BUY)
def cancel(request_id: int) -> Response:
    """Cancel the request (a reason is required)."""
    return _act(request_id, Action.CANCEL)


@bp.post("/<int:request_id>/fulfil")
@permission_required(Permission.BUY)
def fulfil(request_id: int) -> Response:
    """Record delivery of an awarded request."""
    return _act(request_id, Action.FULFIL)


@bp.post("/<int:request_id>/invite")
@permission_required(Permission.BUY)
def invite(request_id: int) -> Response:
    """Invite or shortlist the ticked suppliers."""
    return _act(
        request_id, Action.SHORTLIST if request.form.get("action") == Action.SHORTLIST else Action.INVITE
    )


@bp.post("/<int:request_id>/award")
@permission_required(Permission.BUY)
def award_view(request_id: int) -> Response:
    """Award the quotes given quantities; the others are told why not."""
    _own_request(request_id)
    quantities: dict[int, int] = {}
    versions = {
        int(key[8:]): int(value)
        for key, value in request.form.items()
        if key.startswith("version_") and key[8:].isdigit() and value.isdigit() and len(value) < 10
    }
    for key, value in request.form.items():
        if key.startswith("qty_") and key[4:].isdigit():
            cleaned = value.replace(".", "").strip()
            if cleaned:
                if not cleaned.isdigit():
                    flash(_("Quantities are whole numbers."), "error")
                    return redirect(url_for("requests.detail", request_id=request_id) + "#quotes")
                quantities[int(key[4:])] = int(cleaned)
    try:
        with unit_of_work() as work:
            award(
                db.session,
                request_id,
                quantities,
                current_user,
                request.form.get("reason") or "",
                versions,
                workflow(),
            )
    except StaleDataError:
        db.session.rollback()
        flash(_("Someone else decided this request at the same moment; nothing was changed."), "error")
        return redirect(url_for("requests.detail", request_id=request_id))
    if (error := work.error) is not None:
        flash(error.message, "error")
        return redirect(url_for("requests.detail", request_id=request_id) + "#quotes")
    flash(_("Awarded. The suppliers have been told."), "success")
    return redirect(url_for("requests.detail", request_id=request_id))
