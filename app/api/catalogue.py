"""Public catalogue: search, categories, places."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.api import paged, serializers
from app.api.schemas import CategoryList, PlaceList, SearchArgs, SearchPage
from app.catalogue_index import search
from app.clock import today
from app.extensions import db
from app.services.search_order import origin_for
from app.services.storefront import SearchParams
from models import Category, Kecamatan, Kota

blp = Blueprint("api_catalogue", __name__, description="Public catalogue")


@blp.route("/search")
class Search(MethodView):
    """The storefront's hybrid search."""

    @blp.arguments(SearchArgs, location="query")
    @blp.response(200, SearchPage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Search active listings by words and meaning, with filters.

        ``limited`` is true while the search index is being prepared: the results then come
        from a plain word match.
        """
        params = SearchParams(
            text=args["q"].strip(),
            category=args["category"],
            kota_id=args["kota_id"],
            price_min=args["min_price"],
            price_max=args["max_price"],
            certification=args["certification"],
            scale=args["scale"],
            page=args["page"],
            per_page=args["per_page"],
            sort=args["sort"],
            origin=origin_for(db.session, args["near_kecamatan_id"], args["kota_id"]),
        )
        if params.sort == "distance" and params.origin is None:
            params = replace(params, sort="relevance")
        results = search(db.session, params, today())
        return {
            **paged(
                [serializers.listing(r) for r in results.listings],
                results.total,
                results.page,
                results.per_page,
            ),
            "limited": results.limited,
            "sort": params.sort,
        }


@blp.route("/categories")
class Categories(MethodView):
    """Categories."""

    @blp.response(200, CategoryList)
    def get(self) -> dict[str, Any]:
        """Every product category."""
        rows = db.session.scalars(select(Category).order_by(Category.position))
        return {"items": [{"slug": c.slug, "name_id": c.name_id, "name_en": c.name_en} for c in rows]}


@blp.route("/places")
class Places(MethodView):
    """Jakarta's kecamatan."""

    @blp.response(200, PlaceList)
    def get(self) -> dict[str, Any]:
        """Every kecamatan with its kota (use ``kecamatan_id`` in requests)."""
        rows = db.session.execute(select(Kecamatan, Kota).join(Kota).order_by(Kota.code, Kecamatan.name))
        return {"items": [{"kecamatan_id": k.id, "kecamatan": k.name, "kota": kota.name} for k, kota in rows]}
