"""Model rows as the API's dicts where a schema cannot read them off the row (awards are dumped
by ``AwardOut`` straight from the rows)."""

from __future__ import annotations

from typing import Any

from app.services.quote_checks import quote_gaps
from models import DemandRequest, Listing, Match, Quote


def listing(row: Listing) -> dict[str, Any]:
    """A listing with its seller's name and kota."""
    supplier = row.supplier
    return {
        "id": row.id,
        "title": row.title,
        "description": row.description,
        "category": row.category.slug,
        "price": row.price,
        "unit": row.unit,
        "min_order": row.min_order,
        "monthly_capacity": row.monthly_capacity,
        "lead_time_days": row.lead_time_days,
        "status": row.status,
        "supplier_id": supplier.id,
        "supplier_name": supplier.display_name,
        "kota": supplier.organisation.kota.name if supplier.organisation.kota else None,
        "verified_supplier": supplier.verified,
    }


def demand(row: DemandRequest) -> dict[str, Any]:
    """A demand request."""
    return {
        "id": row.id,
        "title": row.title,
        "description": row.description,
        "category": row.category.slug if row.category else None,
        "quantity": row.quantity,
        "unit": row.unit,
        "budget_ceiling": row.budget_ceiling,
        "kecamatan_id": row.kecamatan_id,
        "kota": row.kota.name if row.kota else None,
        "needed_by": row.needed_by,
        "quotes_due": row.quotes_due,
        "required_certifications": list(row.required_certifications or []),
        "umkm_only": row.umkm_only,
        "status": row.status,
        "buyer": row.buyer.legal_name,
    }


def proposal(row: Match) -> dict[str, Any]:
    """A proposal with its explanation."""
    return {
        "id": row.id,
        "request_id": row.request_id,
        "supplier_id": row.supplier_id,
        "supplier_name": row.supplier.display_name,
        "listing_id": row.listing_id,
        "rank": row.rank,
        "score": row.score,
        "status": row.status,
        "review_reason": row.review_reason,
        "explanation": row.explanation or {},
    }


def quote(row: Quote) -> dict[str, Any]:
    """A quote."""
    return {
        "id": row.id,
        "match_id": row.match_id,
        "request_id": row.match.request_id,
        "supplier_id": row.match.supplier_id,
        "supplier_name": row.match.supplier.display_name,
        "unit_price": row.unit_price,
        "quantity": row.quantity,
        "total_price": row.total_price,
        "delivery_date": row.delivery_date,
        "note": row.note,
        "status": row.status,
        "version": row.version,
        "gaps": [
            {"kind": g.kind, "field": g.field, "message": g.message}
            for g in quote_gaps(row.match.request, row)
        ],
        "awarded_quantity": row.award.quantity if row.award else None,
        "awarded_value": row.award.total_value if row.award else None,
    }
