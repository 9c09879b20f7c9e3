"""The supplier behind a row, joined into a query: its profile, its organisation and its kota."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select

from models import Kota, Organisation, SupplierProfile


def join_supplier(
    query: Select[Any], supplier_id: Any, organisation: Any = Organisation, kota: Any = Kota
) -> Select[Any]:
    """``query`` joined to the supplier profile ``supplier_id`` names, its organisation and its kota.

    The kota is an outer join (an organisation may have none). Pass aliases as ``organisation``
    and ``kota`` when the query also joins those tables in another role (the buyer, the delivery).
    """
    return (
        query.join(SupplierProfile, SupplierProfile.id == supplier_id)
        .join(organisation, organisation.id == SupplierProfile.organisation_id)
        .outerjoin(kota, kota.id == organisation.kota_id)
    )
