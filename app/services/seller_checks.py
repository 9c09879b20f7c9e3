"""What officials need to decide on a seller: documents, duplicates, scale, owner and history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.labels import label
from app.templating import human_date
from models import (
    AuditEvent,
    Award,
    Listing,
    Match,
    Organisation,
    Quote,
    SupplierCertification,
    SupplierProfile,
    User,
)

NIB_DIGITS = 13
HISTORY_ACTIONS = (
    "supplier.verified",
    "supplier.verification_declined",
    "supplier.activation",
    "certificate.added",
    "certificate.removed",
)


def kind_label(kind: str) -> str:
    """A certificate kind in the reader's language, as every other page names it (Halal, PIRT)."""
    return label(kind, "certificate")


def normalised_number(number: str) -> str:
    """A certificate number as compared for duplicates: single spaces, upper case."""
    return " ".join(number.split()).upper()


def _same_number(number: str) -> ColumnElement[bool]:
    return func.upper(func.trim(SupplierCertification.number)) == normalised_number(number)


def same_certificate(
    session: Session, kind: str, number: str, exclude_supplier_id: int | None = None
) -> list[SupplierCertification]:
    """Certificates of the same kind and number (as normalised), other than the given seller's."""
    query = select(SupplierCertification).where(SupplierCertification.kind == kind, _same_number(number))
    if exclude_supplier_id is not None:
        query = query.where(SupplierCertification.supplier_id != exclude_supplier_id)
    return list(session.scalars(query.order_by(SupplierCertification.id)))


def sellers_with_shared_certificates(session: Session, supplier_ids: list[int]) -> set[int]:
    """Those of these sellers holding a certificate (kind and number) another seller also holds."""
    if not supplier_ids:
        return set()
    other = SupplierCertification.__table__.alias("other")
    mine = SupplierCertification.__table__.alias("mine")
    rows = session.execute(
        select(mine.c.supplier_id)
        .join(
            other,
            (other.c.kind == mine.c.kind)
            & (func.upper(func.trim(other.c.number)) == func.upper(func.trim(mine.c.number)))
            & (other.c.supplier_id != mine.c.supplier_id)
            & (func.trim(mine.c.number) != ""),
        )
        .where(mine.c.supplier_id.in_(supplier_ids))
        .distinct()
    )
    return {int(row[0]) for row in rows}


@dataclass
class CertificateView:
    """One certificate as an official sees it."""

    certificate: SupplierCertification
    valid: bool
    shared_with: list[SupplierProfile] = field(default_factory=list)


@dataclass
class HistoryEntry:
    """One past event of the seller: when, what, who, and why."""

    at: datetime
    action: str
    actor: str
    reason: str


@dataclass
class Dossier:
    """Everything an official weighs before verifying a seller."""

    supplier: SupplierProfile
    owners: list[User]
    certificates: list[CertificateView]
    listings: dict[str, int]
    proposals: int
    quotes: int
    awards: int
    awarded_value: int
    history: list[HistoryEntry]
    same_nib: list[Organisation]
    checks: list[tuple[str, bool, str]]

    @property
    def warnings(self) -> list[str]:
        """Flags that need a second look (duplicates, expired documents)."""
        out = [
            str(
                _l(
                    "%(kind)s number %(number)s is also registered by %(names)s.",
                    kind=kind_label(c.certificate.kind),
                    number=c.certificate.number,
                    names=", ".join(s.display_name for s in c.shared_with),
                )
            )
            for c in self.certificates
            if c.shared_with
        ]
        if self.same_nib:
            out.append(
                str(
                    _l(
                        "NIB %(nib)s is also registered by %(names)s.",
                        nib=self.supplier.organisation.nib,
                        names=", ".join(o.legal_name for o in self.same_nib),
                    )
                )
            )
        out += [
            str(
                _l(
                    "%(kind)s certificate %(number)s has expired.",
                    kind=kind_label(c.certificate.kind),
                    number=c.certificate.number,
                )
            )
            for c in self.certificates
            if not c.valid
        ]
        return out


def dossier(session: Session, supplier: SupplierProfile, today: date) -> Dossier:
    """The seller's documents, scale, owner, activity and history, with duplicate flags."""
    organisation = supplier.organisation
    certificates = []
    for certificate in supplier.certifications:
        others = (
            same_certificate(session, certificate.kind, certificate.number, supplier.id)
            if certificate.number.strip()
            else []
        )
        certificates.append(
            CertificateView(certificate, certificate.valid_on(today), [o.supplier for o in others])
        )
    listings = dict.fromkeys(("active", "draft", "archived"), 0)
    for status, count in session.execute(
        select(Listing.status, func.count(Listing.id))
        .where(Listing.supplier_id == supplier.id)
        .group_by(Listing.status)
    ):
        listings[str(status)] = int(count)
    proposals = session.scalar(select(func.count(Match.id)).where(Match.supplier_id == supplier.id)) or 0
    quotes = (
        session.scalar(
            select(func.count(Quote.id))
            .join(Match, Match.id == Quote.match_id)
            .where(Match.supplier_id == supplier.id)
        )
        or 0
    )
    awards, value = session.execute(
        select(func.count(Award.id), func.coalesce(func.sum(Award.total_value), 0)).where(
            Award.supplier_id == supplier.id
        )
    ).one()
    same_nib = (
        list(
            session.scalars(
                select(Organisation).where(
                    Organisation.nib == organisation.nib, Organisation.id != organisation.id
                )
            )
        )
        if organisation.nib
        else []
    )
    return Dossier(
        supplier=supplier,
        owners=list(organisation.users),
        certificates=certificates,
        listings=listings,
        proposals=int(proposals),
        quotes=int(quotes),
        awards=int(awards),
        awarded_value=int(value),
        history=_history(session, supplier),
        same_nib=same_nib,
        checks=_checks(supplier, certificates, same_nib),
    )


def _history(session: Session, supplier: SupplierProfile) -> list[HistoryEntry]:
    rows = session.execute(
        select(AuditEvent, User)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(
            AuditEvent.object_type == "supplier",
            AuditEvent.object_id == supplier.id,
            AuditEvent.action.in_(HISTORY_ACTIONS),
        )
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(50)
    ).all()
    return [
        HistoryEntry(
            event.occurred_at, event.action, (user.full_name or user.email) if user else "–", event.reason
        )
        for event, user in rows
    ]


def _checks(
    supplier: SupplierProfile, certificates: list[CertificateView], same_nib: list[Organisation]
) -> list[tuple[str, bool, str]]:
    """(what, passed, detail) for the checks list of the verification screen."""
    nib = supplier.organisation.nib or ""
    checks = [
        (str(_l("NIB has 13 digits")), nib.isdigit() and len(nib) == NIB_DIGITS, nib or "–"),
        (
            str(_l("NIB not used by another business")),
            not same_nib,
            ", ".join(o.legal_name for o in same_nib) or "–",
        ),
    ]
    for view in certificates:
        cert = view.certificate
        name = f"{kind_label(cert.kind)} {cert.number}"
        until = human_date(cert.expires_on) if cert.expires_on else str(_l("no expiry date"))
        checks.append((str(_l("%(certificate)s valid", certificate=name)), view.valid, until))
        checks.append(
            (
                str(_l("%(certificate)s not used by another seller", certificate=name)),
                not view.shared_with,
                ", ".join(s.display_name for s in view.shared_with) or "–",
            )
        )
    return checks
