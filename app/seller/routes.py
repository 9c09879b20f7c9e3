"""Seller pages: dashboard, business profile, certificates, listings and their photos."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, send_from_directory, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.forms import attach_service_error, kecamatan_choices
from app.policy import Permission
from app.security import permission_required
from app.seller import bp
from app.seller.forms import CertificationForm, ListingForm, ProfileForm
from app.services import ServiceError, pending_photos
from app.services import listings as listing_service
from app.services import photos as photo_service
from app.services import profiles as profile_service
from app.services.attachments import store_attachment
from app.services.photos import delete_files
from app.services.seller_checks import same_certificate
from app.services.seller_home import seller_home
from app.unit_of_work import commit, unit_of_work
from models import Category, Listing, SupplierProfile, utcnow

PER_PAGE = 20


def _supplier() -> SupplierProfile:
    organisation = current_user.organisation
    if organisation is None or organisation.supplier_profile is None:
        abort(403)
    return organisation.supplier_profile


def _listing_or_404(listing_id: int) -> Listing:
    listing = listing_service.own_listing(db.session, _supplier(), listing_id)
    if listing is None:
        abort(404)
    return listing


def _category_choices() -> list[tuple[int, str]]:
    from app.i18n import current_language

    language = current_language()
    categories = db.session.scalars(select(Category).order_by(Category.position, Category.slug))
    return [(c.id, c.name(language)) for c in categories]


def certificate_folder() -> str:
    """Where certificate scans are stored (outside static/, served only to officials)."""
    return current_app.config["UPLOAD_FOLDER"] + "/certificates"


def _photo_folder() -> str:
    return current_app.config["UPLOAD_FOLDER"] + "/listings"


@bp.get("/")
@permission_required(Permission.SELL)
def dashboard() -> str:
    """The seller's home: what needs action first, then the listings."""
    supplier = _supplier()
    home = seller_home(db.session, supplier, today(), utcnow())
    return render_template("seller/dashboard.html", supplier=supplier, home=home, counts=home.counts)


@bp.route("/profile", methods=["GET", "POST"])
@permission_required(Permission.SELL)
def profile() -> str | Response:
    """Edit the business profile."""
    supplier = _supplier()
    organisation = supplier.organisation
    form = ProfileForm(obj=supplier if request.method == "GET" else None)
    form.kecamatan_id.choices = kecamatan_choices(db.session)
    if request.method == "GET":
        form.kbli_codes.data = ", ".join(supplier.kbli_codes or [])
        form.phone.data = organisation.phone
        form.street_address.data = organisation.street_address
        form.kecamatan_id.data = organisation.kecamatan_id
        form.npwp.data = organisation.npwp
    if form.validate_on_submit():
        with unit_of_work() as work:
            data = profile_service.ProfileInput(
                display_name=form.display_name.data or "",
                about=form.about.data or "",
                kbli_codes=profile_service.parse_kbli_codes(form.kbli_codes.data or ""),
                jakpreneur_member=bool(form.jakpreneur_member.data),
                scale=form.scale.data or "micro",
                monthly_capacity=form.monthly_capacity.data,
                phone=form.phone.data or "",
                street_address=form.street_address.data or "",
                kecamatan_id=form.kecamatan_id.data or 0,
                npwp=form.npwp.data,
            )
            profile_service.update_profile(db.session, supplier, data, current_user)
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            flash(_("Profile saved."), "success")
            return redirect(url_for("seller.profile"))
    return render_template(
        "seller/profile.html",
        form=form,
        supplier=supplier,
        certification_form=CertificationForm(),
        today=today(),
    )


@bp.post("/certifications")
@permission_required(Permission.SELL)
def add_certification() -> Response | tuple[str, int]:
    """Add a certificate to the profile; a refused one comes back with its field's error."""
    supplier = _supplier()
    form = CertificationForm()
    if form.validate_on_submit():
        written: str | None = None
        with unit_of_work() as work:
            upload = request.files.get("document")
            if upload and upload.filename:
                written = store_attachment(
                    upload.read(),
                    certificate_folder(),
                    current_app.config["PHOTO_MAX_BYTES"],
                    current_app.config["PHOTO_MAX_PIXELS"],
                )
            profile_service.add_certification(
                db.session,
                supplier,
                form.kind.data or "",
                form.number.data or "",
                form.expires_on.data,
                current_user,
                today(),
                written,
            )
        if (error := work.error) is not None:
            if written:
                delete_files(certificate_folder(), written)
            if error.field == "attachment":
                error = ServiceError(error.message, "document")
            attach_service_error(form, error)
        else:
            flash(_("Certificate added."), "success")
            if same_certificate(db.session, form.kind.data or "", form.number.data or "", supplier.id):
                flash(
                    _("Another business registered the same certificate number; an official will check it."),
                    "info",
                )
            return redirect(url_for("seller.profile") + "#certificates")
    profile_form = ProfileForm(formdata=None, obj=supplier)
    profile_form.kecamatan_id.choices = kecamatan_choices(db.session)
    organisation = supplier.organisation
    profile_form.kbli_codes.data = ", ".join(supplier.kbli_codes or [])
    profile_form.phone.data = organisation.phone
    profile_form.street_address.data = organisation.street_address
    profile_form.kecamatan_id.data = organisation.kecamatan_id
    profile_form.npwp.data = organisation.npwp
    return render_template(
        "seller/profile.html", form=profile_form, supplier=supplier, certification_form=form, today=today()
    ), 422


@bp.post("/certifications/<int:certification_id>/delete")
@permission_required(Permission.SELL)
def remove_certification(certification_id: int) -> Response:
    """Remove one of the seller's certificates (and its stored scan)."""
    supplier = _supplier()
    documents = [
        c.document_name for c in supplier.certifications if c.id == certification_id and c.document_name
    ]
    if not profile_service.remove_certification(db.session, supplier, certification_id, current_user):
        abort(404)
    commit()
    delete_files(certificate_folder(), *documents)
    flash(_("Certificate removed."), "info")
    return redirect(url_for("seller.profile") + "#certificates")


@bp.get("/listings")
@permission_required(Permission.SELL)
def listings() -> str:
    """The seller's listings, filterable by status, paged."""
    status = request.args.get("status") or None
    if status not in (None, "draft", "active", "archived"):
        status = None
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = listing_service.supplier_listings(db.session, _supplier(), status, page, PER_PAGE)
    return render_template(
        "seller/listings.html",
        listings=rows,
        total=total,
        page=page,
        per_page=PER_PAGE,
        status=status,
    )


def _listing_input(form: ListingForm) -> listing_service.ListingInput:
    return listing_service.ListingInput(
        title=form.title.data or "",
        description=form.description.data or "",
        category_id=form.category_id.data or 0,
        price=form.price.data or 0,
        unit=form.unit.data or "",
        min_order=form.min_order.data or 1,
        monthly_capacity=form.monthly_capacity.data,
        lead_time_days=form.lead_time_days.data or 0,
    )


def _uploaded_files() -> list[bytes]:
    return [f.read() for f in request.files.getlist("photos") if f and f.filename]


def _process_photos(files: list[bytes]) -> list[photo_service.StoredPhoto]:
    """Check, re-encode and write the photos to disk, before any database write begins."""
    stored: list[photo_service.StoredPhoto] = []
    config = current_app.config
    try:
        for data in files:
            stored.append(
                photo_service.store_photo(
                    data, _photo_folder(), config["PHOTO_MAX_BYTES"], config["PHOTO_MAX_PIXELS"]
                )
            )
    except Exception:
        photo_service.delete_files(_photo_folder(), *_names(stored))
        raise
    return stored


def _names(stored: list[photo_service.StoredPhoto]) -> list[str]:
    return [name for photo in stored for name in (photo.stored_name, photo.thumb_name)]


def _pending_folder() -> str:
    return current_app.config["UPLOAD_FOLDER"] + "/pending"


def _photos_of_the_form(form: ListingForm) -> list[tuple[str, photo_service.StoredPhoto]]:
    """Photos kept from a refused try (less those marked "remove") and the ones just uploaded.

    New uploads are checked and stored at once and kept under a token, so that a refusal
    below (a missing price, say) does not make the seller choose them again.
    """
    owner = current_user.id
    removed = set(request.form.getlist("remove_pending"))
    kept: list[tuple[str, photo_service.StoredPhoto]] = []
    for token in dict.fromkeys(request.form.getlist("pending_photo")):
        if token in removed:
            pending_photos.discard(_pending_folder(), _photo_folder(), owner, token)
            continue
        photo = pending_photos.find(_pending_folder(), owner, token)
        if photo is not None:
            kept.append((token, photo))
    with unit_of_work() as work:
        uploaded = _process_photos(_uploaded_files())
    if (error := work.error) is not None:
        attach_service_error(form, error)
        uploaded = []
    pending_photos.sweep(_pending_folder(), _photo_folder())
    kept += [(pending_photos.keep(_pending_folder(), owner, photo), photo) for photo in uploaded]
    return kept


def _save_listing(
    form: ListingForm, listing: Listing | None, photos: list[tuple[str, photo_service.StoredPhoto]]
) -> Listing | None:
    """Write the listing and attach its (already stored) photos in one transaction.

    None when refused; the photos then stay kept for the next try.
    """
    with unit_of_work() as work:
        publish = request.form.get("action") == "publish"
        if listing is None:
            listing = listing_service.create_listing(
                db.session, _supplier(), _listing_input(form), actor=current_user
            )
        else:
            listing_service.update_listing(db.session, listing, _listing_input(form), current_user)
        for _token, photo in photos:
            listing_service.add_photo(
                db.session, listing, photo.stored_name, photo.thumb_name, photo.width, photo.height
            )
        if publish:
            listing_service.publish_listing(db.session, listing)
    if (error := work.error) is not None:
        attach_service_error(form, error)
        return None
    for token, _photo in photos:
        pending_photos.forget(_pending_folder(), token)
    return listing


def _listing_form(listing: Listing | None) -> Response | tuple[str, int]:
    """Show the listing form; on a post save it, or show it again with what was refused."""
    form = ListingForm(obj=listing if request.method == "GET" and listing is not None else None)
    form.category_id.choices = _category_choices()
    photos: list[tuple[str, photo_service.StoredPhoto]] = []
    if form.is_submitted():
        valid = form.validate()
        photos = _photos_of_the_form(form)
        if valid and not form.photos.errors:
            saved = _save_listing(form, listing, photos)
            if saved is not None:
                flash(_("Listing saved."), "success")
                return redirect(url_for("seller.edit_listing", listing_id=saved.id))
    return render_template("seller/listing_form.html", form=form, listing=listing, pending=photos), (
        422 if form.errors else 200
    )


@bp.route("/listings/new", methods=["GET", "POST"])
@permission_required(Permission.SELL)
def new_listing() -> Response | tuple[str, int]:
    """Create a listing, as a draft or published at once."""
    return _listing_form(None)


@bp.route("/listings/<int:listing_id>", methods=["GET", "POST"])
@permission_required(Permission.SELL)
def edit_listing(listing_id: int) -> Response | tuple[str, int]:
    """Edit one of the seller's listings and manage its photos."""
    return _listing_form(_listing_or_404(listing_id))


@bp.get("/pending-photos/<name>")
@permission_required(Permission.SELL)
def pending_photo(name: str) -> Response:
    """The preview of a photo kept from a refused listing form, for its uploader only."""
    photo = pending_photos.find(_pending_folder(), current_user.id, name)
    if photo is None:
        abort(404)
    response = send_from_directory(_photo_folder(), photo.thumb_name, mimetype="image/jpeg", max_age=0)
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/listings/<int:listing_id>/publish")
@permission_required(Permission.SELL)
def publish_listing(listing_id: int) -> Response:
    """Make the listing visible in the storefront."""
    listing = _listing_or_404(listing_id)
    listing_service.publish_listing(db.session, listing)
    commit()
    flash(_("The listing is now visible in the storefront."), "success")
    return redirect(url_for("seller.listings"))


@bp.post("/listings/<int:listing_id>/archive")
@permission_required(Permission.SELL)
def archive_listing(listing_id: int) -> Response:
    """Hide the listing from the storefront and from matching."""
    listing = _listing_or_404(listing_id)
    listing_service.archive_listing(db.session, listing)
    commit()
    flash(_("The listing was archived. You can publish it again at any time."), "info")
    return redirect(url_for("seller.listings"))


@bp.post("/listings/<int:listing_id>/photos/<int:photo_id>/delete")
@permission_required(Permission.SELL)
def delete_photo(listing_id: int, photo_id: int) -> Response:
    """Remove a photo from the listing."""
    listing = _listing_or_404(listing_id)
    photo = listing_service.remove_photo(db.session, listing, photo_id)
    if photo is None:
        abort(404)
    names = (photo.stored_name, photo.thumb_name)
    commit()
    photo_service.delete_files(_photo_folder(), *names)
    flash(_("Photo removed."), "info")
    return redirect(url_for("seller.edit_listing", listing_id=listing.id))
