"""A seller's business profile and certificates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from app.clock import today as jakarta_today
from app.services import ServiceError
from app.services.index_changes import record_change
from app.services.seller_checks import normalised_number
from app.services.states import record_changes, record_event
from models import CERTIFICATION_KINDS, Kecamatan, SupplierCertification, SupplierProfile, User

KBLI_PATTERN = re.compile(r"^\d{5}$")
PROFILE_FIELDS = ("display_name", "about", "kbli_codes", "jakpreneur_member", "scale", "monthly_capacity")
ORGANISATION_FIELDS = ("phone", "street_address", "kecamatan_id", "kota_id", "npwp")


@dataclass
class ProfileInput:
    """The editable fields of a business profile."""

    display_name: str
    about: str
    kbli_codes: list[str]
    jakpreneur_member: bool
    scale: str
    monthly_capacity: int | None
    phone: str
    street_address: str
    kecamatan_id: int
    npwp: str | None


def parse_kbli_codes(text: str) -> list[str]:
    """KBLI codes from free text separated by commas or spaces; each must have five digits."""
    codes = [code for code in re.split(r"[\s,;]+", text.strip()) if code]
    bad = [code for code in codes if not KBLI_PATTERN.match(code)]
    if bad:
        raise ServiceError(
            str(_l("KBLI codes have five digits: %(codes)s", codes=", ".join(bad))), "kbli_codes"
        )
    return list(dict.fromkeys(codes))


def update_profile(
    session: Session, supplier: SupplierProfile, data: ProfileInput, actor: User | None = None
) -> None:
    """Save the business profile and the organisation's contact details; audited."""
    kecamatan = session.get(Kecamatan, data.kecamatan_id)
    if kecamatan is None:
        raise ServiceError(str(_l("Choose a kecamatan from the list.")), "kecamatan_id")
    supplier.display_name = data.display_name.strip()
    supplier.about = data.about.strip()
    supplier.kbli_codes = data.kbli_codes
    supplier.jakpreneur_member = data.jakpreneur_member
    supplier.scale = data.scale
    supplier.monthly_capacity = data.monthly_capacity
    organisation = supplier.organisation
    organisation.phone = data.phone.strip()
    organisation.street_address = data.street_address.strip()
    organisation.kecamatan_id = kecamatan.id
    organisation.kota_id = kecamatan.kota_id
    organisation.npwp = data.npwp or None
    record_changes(
        session,
        actor=actor,
        action="profile.edited",
        object_type="supplier",
        obj=supplier,
        fields=PROFILE_FIELDS,
    )
    record_changes(
        session,
        actor=actor,
        action="organisation.edited",
        object_type="organisation",
        obj=organisation,
        fields=ORGANISATION_FIELDS,
    )
    session.flush()
    record_change(session, supplier_ids=[supplier.id], reason="supplier")


def set_active(session: Session, supplier: SupplierProfile, active: bool, actor: User | None) -> None:
    """Show the seller and its listings again, or take them out of the storefront and matching."""
    if supplier.active == active:
        return
    supplier.active = active
    record_event(
        session,
        actor=actor,
        action="supplier.activation",
        object_type="supplier",
        object_id=supplier.id,
        from_state="inactive" if active else "active",
        to_state="active" if active else "inactive",
    )
    record_change(session, supplier_ids=[supplier.id], reason="activation")


def add_certification(
    session: Session,
    supplier: SupplierProfile,
    kind: str,
    number: str,
    expires_on: date | None,
    actor: User | None = None,
    today: date | None = None,
    document_name: str | None = None,
) -> SupplierCertification:
    """Record a certificate the supplier holds; audited.

    An expired certificate (valid until a day before ``today``, Jakarta's today by default) and one the seller already
    recorded (same kind and number) are refused; the same number on another seller is
    accepted and flagged to officials on the verification screen. ``document_name`` is the
    stored scan of the certificate, if the seller attached one.
    """
    if kind not in CERTIFICATION_KINDS:
        raise ServiceError(str(_l("Choose a kind of certificate.")), "kind")
    number = " ".join(number.split())
    if not number:
        raise ServiceError(str(_l("Enter the certificate number.")), "number")
    if expires_on is not None and expires_on < (today or jakarta_today()):
        raise ServiceError(
            str(
                _l(
                    "This certificate expired on %(date)s. Renew it first, then add the new one.",
                    date=format_date(expires_on, format="long"),
                )
            ),
            "expires_on",
        )
    if any(
        c.kind == kind and normalised_number(c.number) == normalised_number(number)
        for c in supplier.certifications
    ):
        raise ServiceError(str(_l("You already added this certificate.")), "number")
    certification = SupplierCertification(
        supplier=supplier,
        kind=kind,
        number=number,
        expires_on=expires_on,
        document_name=document_name,
    )
    session.add(certification)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="certificate.added",
        object_type="supplier",
        object_id=supplier.id,
        data={"before": None, "after": _certificate(certification)},
    )
    record_change(session, supplier_ids=[supplier.id], reason="certification")
    return certification


def _certificate(certification: SupplierCertification) -> dict[str, str | int | None]:
    expires = certification.expires_on
    return {
        "id": certification.id,
        "kind": certification.kind,
        "number": certification.number,
        "expires_on": expires.isoformat() if expires else None,
        "document": certification.document_name,
    }


def remove_certification(
    session: Session, supplier: SupplierProfile, certification_id: int, actor: User | None = None
) -> bool:
    """Delete one of the supplier's certificates (audited); False when it is not theirs."""
    for certification in supplier.certifications:
        if certification.id == certification_id:
            record_event(
                session,
                actor=actor,
                action="certificate.removed",
                object_type="supplier",
                object_id=supplier.id,
                data={"before": _certificate(certification), "after": None},
            )
            supplier.certifications.remove(certification)
            record_change(session, supplier_ids=[supplier.id], reason="certification")
            return True
    return False
