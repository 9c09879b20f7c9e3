"""Storefront pages."""

from __future__ import annotations

from flask import abort, current_app, make_response, render_template, request, send_from_directory
from sqlalchemy import or_, select
from werkzeug.wrappers import Response

from app.catalogue_index import search as engine_search
from app.clock import today
from app.extensions import db, limiter
from app.forms import kecamatan_choices
from app.services.search_order import SORTS, origin_for
from app.services.storefront import (
    SearchParams,
    categories_with_counts,
    featured_listings,
    listing_page,
    similar_listings,
    supplier_listings,
    supplier_page,
    visible_listings,
)
from app.storefront import bp
from app.storefront.page_cache import cached_for_visitors
from models import BUSINESS_SCALES, CERTIFICATION_KINDS, Category, Kota, Listing, ListingPhoto


@bp.get("/")
def home() -> str:
    """Home page: categories and this week's "Jumat Beli Lokal" picks."""
    return render_template(
        "storefront/home.html",
        categories=categories_with_counts(db.session),
        featured=featured_listings(db.session, today()),
    )


def _int_arg(name: str) -> int | None:
    raw = (request.args.get(name) or "").replace(".", "").strip()
    return int(raw) if raw.isdigit() else None


def _params(category: str | None = None) -> SearchParams:
    per_page = current_app.config["PER_PAGE"]
    certification = request.args.get("cert") or None
    scale = request.args.get("scale") or None
    sort = request.args.get("sort") or "relevance"
    sort = sort if sort in SORTS else "relevance"
    origin = origin_for(db.session, _int_arg("near"), _int_arg("kota")) if sort == "distance" else None
    return SearchParams(
        text=(request.args.get("q") or "").strip()[:200],
        category=category or (request.args.get("category") or None),
        kota_id=_int_arg("kota"),
        price_min=_int_arg("min"),
        price_max=_int_arg("max"),
        certification=certification if certification in CERTIFICATION_KINDS else None,
        scale=scale if scale in BUSINESS_SCALES else None,
        page=max(_int_arg("page") or 1, 1),
        per_page=per_page,
        sort=sort,
        origin=origin,
    )


def _render_results(params: SearchParams, category: Category | None) -> Response:
    results = engine_search(db.session, params, today())
    kota = db.session.scalars(select(Kota).order_by(Kota.code)).all()
    categories = db.session.scalars(
        select(Category).where(Category.parent_id.is_(None)).order_by(Category.position)
    ).all()
    response = make_response(
        render_template(
            "storefront/search.html",
            results=results,
            params=params,
            category=category,
            kota_list=kota,
            categories=categories,
            scales=BUSINESS_SCALES,
            certifications=CERTIFICATION_KINDS,
            sorts=SORTS,
            places=kecamatan_choices(db.session),
            near_id=_int_arg("near"),
        )
    )
    response.limited_results = results.limited  # type: ignore[attr-defined]  # read by the page cache
    return response


@bp.get("/search")
@limiter.limit(lambda: current_app.config["SEARCH_RATE_LIMIT"])
@cached_for_visitors
def search() -> Response:
    """Search listings by words, with filters and pages."""
    return _render_results(_params(), None)


@bp.get("/category/<slug>")
@cached_for_visitors
def category(slug: str) -> Response:
    """All listings in one category, with the same filters as search."""
    found = db.session.scalar(select(Category).where(Category.slug == slug))
    if found is None:
        abort(404)
    return _render_results(_params(category=slug), found)


@bp.get("/listing/<int:listing_id>")
def listing(listing_id: int) -> str:
    """A product page: the product, its seller's card, the actions and similar products."""
    found = listing_page(db.session, listing_id)
    if found is None:
        abort(404)
    more = db.session.scalars(
        visible_listings()
        .where(Listing.supplier_id == found.supplier_id, Listing.id != found.id)
        .order_by(Listing.id.desc())
        .limit(4)
    ).all()
    return render_template(
        "storefront/listing.html",
        listing=found,
        more=more,
        similar=similar_listings(db.session, found),
        today=today(),
    )


@bp.get("/supplier/<int:supplier_id>")
def supplier(supplier_id: int) -> str:
    """A supplier's public page: verification, scale, place, certificates and its products."""
    found = supplier_page(db.session, supplier_id)
    if found is None:
        abort(404)
    results = supplier_listings(
        db.session, found.id, max(_int_arg("page") or 1, 1), current_app.config["PER_PAGE"]
    )
    return render_template("storefront/supplier.html", supplier=found, results=results, today=today())


@bp.get("/media/listings/<name>")
def photo(name: str) -> Response:
    """A stored listing photo or thumbnail, looked up by its random name."""
    known = db.session.scalar(
        select(ListingPhoto.id).where(or_(ListingPhoto.stored_name == name, ListingPhoto.thumb_name == name))
    )
    if known is None:
        abort(404)
    response = send_from_directory(
        current_app.config["UPLOAD_FOLDER"] + "/listings",
        name,
        mimetype="image/jpeg",
        max_age=86400,
    )
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
