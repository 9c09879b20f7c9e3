"""Marshmallow schemas of the API: what comes in is validated, what goes out is documented."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import marshmallow as ma
from marshmallow import validate

from app import limits
from app.services.search_order import SORTS
from app.text_rules import text_problem
from models import BUSINESS_SCALES, CERTIFICATION_KINDS
from models.reference_data import CATEGORY_SLUGS

MAX_ID = 2**31 - 1

Bool, Date = ma.fields.Boolean, ma.fields.Date


class Str(ma.fields.String):
    """Text: visible characters, no direction overrides."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if (problem := text_problem(text)) is not None:
            raise ma.ValidationError(problem)
        return text


class Int(ma.fields.Integer):
    """A whole number: ``1.5`` is refused rather than cut to 1; true/false are not numbers."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> int:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


Nested, List, Dict = ma.fields.Nested, ma.fields.List, ma.fields.Dict


class DateTime(ma.fields.AwareDateTime):
    """An RFC 3339 timestamp with its zone; SQLite hands back naive times, which are UTC."""

    def __init__(self, **options: Any) -> None:
        super().__init__(default_timezone=UTC, **options)

    def _serialize(self, value: datetime | None, attr: Any, obj: Any, **kwargs: Any) -> str | float | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class Page(ma.Schema):
    """Paging fields shared by every list."""

    page = Int(required=True)
    per_page = Int(required=True)
    total = Int(required=True)
    pages = Int(required=True)


class PageArgs(ma.Schema):
    """``?page=&per_page=``."""

    page = Int(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = Int(load_default=20, validate=validate.Range(min=1, max=100))


def page_of(item: type[ma.Schema], name: str) -> type[ma.Schema]:
    """A page schema whose ``items`` are ``item``."""
    return type(name, (Page,), {"items": List(Nested(item), required=True)})


class TokenRequest(ma.Schema):
    """Credentials for a new token."""

    email = ma.fields.Email(required=True)
    password = ma.fields.String(required=True, validate=validate.Length(min=1, max=256))
    name = Str(load_default="", validate=validate.Length(max=80))


class TokenOut(ma.Schema):
    """A token; ``token`` is present only in the response that created it."""

    id = Int(required=True)
    name = Str(required=True)
    prefix = Str(required=True)
    token = Str()
    role = Str()
    created_at = DateTime(required=True)
    last_used_at = DateTime(allow_none=True)
    revoked_at = DateTime(allow_none=True)


class TokenList(ma.Schema):
    """The caller's tokens."""

    items = List(Nested(TokenOut), required=True)


class Place(ma.Schema):
    """A kecamatan with its kota."""

    kecamatan_id = Int(required=True)
    kecamatan = Str(required=True)
    kota = Str(required=True)


class PlaceList(ma.Schema):
    """Every kecamatan."""

    items = List(Nested(Place), required=True)


class CategoryOut(ma.Schema):
    """A product category."""

    slug = Str(required=True)
    name_id = Str(required=True)
    name_en = Str(required=True)


class CategoryList(ma.Schema):
    """Every category."""

    items = List(Nested(CategoryOut), required=True)


class SearchArgs(PageArgs):
    """Storefront search."""

    q = Str(load_default="", validate=validate.Length(max=200))
    category = Str(load_default=None, allow_none=True, validate=validate.OneOf(CATEGORY_SLUGS))
    kota_id = Int(load_default=None, allow_none=True, validate=validate.Range(min=1, max=MAX_ID))
    min_price = Int(load_default=None, allow_none=True, validate=validate.Range(min=0, max=10**15))
    max_price = Int(load_default=None, allow_none=True, validate=validate.Range(min=0, max=10**15))
    certification = Str(load_default=None, allow_none=True, validate=validate.OneOf(CERTIFICATION_KINDS))
    scale = Str(load_default=None, allow_none=True, validate=validate.OneOf(BUSINESS_SCALES))
    sort = Str(
        load_default="relevance",
        validate=validate.OneOf(SORTS),
        metadata={
            "description": "relevance (default), price_asc, price_desc or distance "
            "(from near_kecamatan_id, else from the middle of kota_id)"
        },
    )
    near_kecamatan_id = Int(load_default=None, allow_none=True, validate=validate.Range(min=1, max=MAX_ID))


class ListingIn(ma.Schema):
    """A listing's editable fields."""

    title = Str(
        required=True, validate=validate.Length(min=limits.LISTING_TITLE_MIN, max=limits.LISTING_TITLE_MAX)
    )
    description = Str(load_default="", validate=validate.Length(max=limits.LISTING_DESCRIPTION_MAX))
    category = Str(required=True, validate=validate.OneOf(CATEGORY_SLUGS))
    price = Int(required=True, validate=validate.Range(min=1, max=limits.PRICE_MAX))
    unit = Str(required=True, validate=validate.Length(min=1, max=limits.UNIT_MAX))
    min_order = Int(load_default=1, validate=validate.Range(min=1, max=limits.MIN_ORDER_MAX))
    monthly_capacity = Int(
        load_default=None, allow_none=True, validate=validate.Range(min=0, max=limits.MONTHLY_CAPACITY_MAX)
    )
    lead_time_days = Int(load_default=1, validate=validate.Range(min=0, max=limits.LEAD_TIME_DAYS_MAX))


class ListingPatch(ListingIn):
    """Some of a listing's fields."""


class ListingOut(ma.Schema):
    """A listing."""

    id = Int(required=True)
    title = Str(required=True)
    description = Str(required=True)
    category = Str(required=True)
    price = Int(required=True)
    unit = Str(required=True)
    min_order = Int(required=True)
    monthly_capacity = Int(allow_none=True)
    lead_time_days = Int(required=True)
    status = Str(required=True)
    supplier_id = Int(required=True)
    supplier_name = Str(required=True)
    kota = Str(allow_none=True)
    verified_supplier = Bool(required=True)


CHOOSE_CATEGORY = "Choose the category of the need: a slug from /api/v1/categories."
CHOOSE_PLACE = "Choose the delivery kecamatan: a kecamatan_id from /api/v1/places."


class RequestIn(ma.Schema):
    """A demand request's editable fields."""

    title = Str(
        required=True, validate=validate.Length(min=limits.REQUEST_TITLE_MIN, max=limits.REQUEST_TITLE_MAX)
    )
    description = Str(load_default="", validate=validate.Length(max=limits.REQUEST_DESCRIPTION_MAX))
    category = Str(
        required=True,
        validate=validate.OneOf(CATEGORY_SLUGS),
        error_messages={"required": CHOOSE_CATEGORY, "null": CHOOSE_CATEGORY},
        metadata={"description": "A category slug from /api/v1/categories"},
    )
    quantity = Int(required=True, validate=validate.Range(min=1, max=limits.QUANTITY_MAX))
    unit = Str(required=True, validate=validate.Length(min=1, max=limits.UNIT_MAX))
    budget_ceiling = Int(load_default=None, allow_none=True, validate=validate.Range(min=0, max=10**15))
    kecamatan_id = Int(
        required=True,
        validate=validate.Range(min=1, max=MAX_ID),
        error_messages={"required": CHOOSE_PLACE, "null": CHOOSE_PLACE},
        metadata={"description": "The delivery kecamatan, from /api/v1/places"},
    )
    needed_by = Date(required=True)
    quotes_due = Date(load_default=None, allow_none=True)
    required_certifications = List(Str(validate=validate.OneOf(CERTIFICATION_KINDS)), load_default=list)
    umkm_only = Bool(load_default=True)


class RequestPatch(RequestIn):
    """Some of a draft request's fields."""


class RequestOut(ma.Schema):
    """A demand request."""

    id = Int(required=True)
    title = Str(required=True)
    description = Str(required=True)
    category = Str(allow_none=True)
    quantity = Int(required=True)
    unit = Str(required=True)
    budget_ceiling = Int(allow_none=True)
    kecamatan_id = Int(allow_none=True)
    kota = Str(allow_none=True)
    needed_by = Date(allow_none=True)
    quotes_due = Date(
        allow_none=True,
        metadata={
            "description": "The quote deadline; set when suppliers are invited (after the review), "
            "QUOTE_WINDOW_DAYS working days later unless the buyer chose a later date"
        },
    )
    required_certifications = List(Str(), required=True)
    umkm_only = Bool(required=True)
    status = Str(required=True)
    buyer = Str(required=True)


class ReasonIn(ma.Schema):
    """A reason (cancel)."""

    reason = Str(required=True, validate=validate.Length(min=1, max=1000))


class MatchIdsIn(ma.Schema):
    """A set of proposals."""

    match_ids = List(
        Int(validate=validate.Range(min=1, max=MAX_ID)),
        required=True,
        validate=validate.Length(min=1, max=200),
    )


class ReviewIn(MatchIdsIn):
    """An official's decision on proposals."""

    decision = Str(required=True, validate=validate.OneOf(("approve", "reject")))
    reason = Str(load_default="", validate=validate.Length(max=1000))


class ProposalOut(ma.Schema):
    """A supplier proposed for a request, with the engine's explanation."""

    id = Int(required=True)
    request_id = Int(required=True)
    supplier_id = Int(required=True)
    supplier_name = Str(required=True)
    listing_id = Int(allow_none=True)
    rank = Int(required=True)
    score = ma.fields.Float(required=True)
    status = Str(required=True)
    review_reason = Str(required=True)
    explanation = Dict(required=True)


class QuoteIn(ma.Schema):
    """A seller's offer."""

    unit_price = Int(required=True, validate=validate.Range(min=1, max=limits.PRICE_MAX))
    quantity = Int(required=True, validate=validate.Range(min=1, max=limits.QUANTITY_MAX))
    delivery_date = Date(required=True)
    note = Str(load_default="", validate=validate.Length(max=2000))


class QuoteGapOut(ma.Schema):
    """One way a quote misses the need: ``late`` delivery, ``partial`` quantity, ``over_budget``
    unit price (above the budget ceiling divided by the quantity needed)."""

    kind = Str(required=True, validate=validate.OneOf(("late", "partial", "over_budget")))
    field = Str(required=True)
    message = Str(required=True)


class QuoteOut(ma.Schema):
    """A quote."""

    id = Int(required=True)
    match_id = Int(required=True)
    request_id = Int(required=True)
    supplier_id = Int(required=True)
    supplier_name = Str(required=True)
    unit_price = Int(required=True)
    quantity = Int(required=True)
    total_price = Int(required=True)
    delivery_date = Date(required=True)
    note = Str(required=True)
    status = Str(required=True)
    version = Int(required=True)
    gaps = List(
        Nested(QuoteGapOut),
        required=True,
        metadata={"description": "How the quote misses the request's need (empty if it meets it)"},
    )
    awarded_quantity = Int(
        allow_none=True,
        required=True,
        metadata={"description": "The quantity actually awarded (null if none)"},
    )
    awarded_value = Int(
        allow_none=True,
        required=True,
        metadata={"description": "The amount actually awarded, in rupiah (null if none)"},
    )


class AwardLine(ma.Schema):
    """One awarded quote and the quantity bought from it."""

    quote_id = Int(required=True, validate=validate.Range(min=1, max=MAX_ID))
    quantity = Int(required=True, validate=validate.Range(min=1, max=limits.QUANTITY_MAX))
    version = Int(
        load_default=None,
        allow_none=True,
        validate=validate.Range(min=1, max=MAX_ID),
        metadata={"description": "The quote's version as read; refused if revised since"},
    )


class AwardIn(ma.Schema):
    """The buyer's decision."""

    awards = List(Nested(AwardLine), required=True, validate=validate.Length(min=1, max=50))
    reason = Str(required=True, validate=validate.Length(min=1, max=1000))

    @ma.validates_schema
    def _one_line_per_quote(self, data: dict[str, Any], **kwargs: Any) -> None:
        ids = [line["quote_id"] for line in data.get("awards", [])]
        if len(ids) != len(set(ids)):
            raise ma.ValidationError("Each quote may appear only once.", "awards")


class AwardOut(ma.Schema):
    """An award (dumped from an ``Award``)."""

    id = Int(required=True)
    request_id = Int(required=True)
    quote_id = Int(required=True)
    supplier_id = Int(required=True)
    quantity = Int(required=True)
    unit_price = Int(required=True)
    total_value = Int(required=True)
    awarded_at = DateTime(required=True)


class AwardList(ma.Schema):
    """Awards of a request."""

    items = List(Nested(AwardOut), required=True)


class InvitationOut(ma.Schema):
    """An invitation to quote, as the seller sees it."""

    id = Int(required=True)
    status = Str(required=True)
    request = Nested(RequestOut, required=True)
    explanation = Dict(required=True)
    quote = Nested(QuoteOut, allow_none=True)


ListingPage = page_of(ListingOut, "ListingPage")


class SearchPage(ListingPage):  # type: ignore[misc, valid-type]  # a class built at run time
    """Search results; ``limited`` while the search index is being prepared (plain word match)."""

    limited = Bool(required=True)
    sort = Str(
        required=True,
        metadata={"description": "the order used: 'distance' falls back to 'relevance' without a place"},
    )


RequestPage = page_of(RequestOut, "RequestPage")
ProposalPage = page_of(ProposalOut, "ProposalPage")
QuotePage = page_of(QuoteOut, "QuotePage")
InvitationPage = page_of(InvitationOut, "InvitationPage")
