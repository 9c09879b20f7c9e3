"""Roles and the states of every object with a life cycle, as string enums.

A ``StrEnum`` member is a ``str`` and compares equal to its value, so stored rows, templates
(``demand.status == 'draft'``) and JSON keep working; the database refuses any other value
through the CHECK constraints built by ``allowed``. Adding a role or a state is an edit here
(plus a migration that replaces the CHECK constraint of its column).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import CheckConstraint


class Role(StrEnum):
    """What a user acts as: an UMKM seller, a buyer, a reviewing official or an administrator."""

    SELLER = "seller"
    BUYER = "buyer"
    OFFICIAL = "official"
    ADMIN = "admin"


class RequestState(StrEnum):
    """A buyer's request (need), from draft to fulfilled or cancelled."""

    DRAFT = "draft"
    OPEN = "open"
    UNDER_REVIEW = "under_review"
    INVITED = "invited"
    QUOTED = "quoted"
    AWARDED = "awarded"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


class MatchState(StrEnum):
    """A supplier proposed for a request: a proposal, then (once invited) an invitation."""

    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"
    INVITED = "invited"
    QUOTED = "quoted"
    AWARDED = "awarded"
    DECLINED = "declined"


class QuoteState(StrEnum):
    """A supplier's quote in answer to an invitation."""

    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    NOT_CHOSEN = "not_chosen"


class OrderState(StrEnum):
    """A purchase order, from waiting for the seller to completed."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    COMPLETED = "completed"


class DeliveryState(StrEnum):
    """A delivery of (part of) an order."""

    SENT = "sent"
    RECEIVED = "received"
    DISPUTED = "disputed"
    REJECTED = "rejected"


class DisputeState(StrEnum):
    """A problem raised about a delivery."""

    OPEN = "open"
    SETTLED = "settled"
    ESCALATED = "escalated"
    DECIDED = "decided"


class InvoiceState(StrEnum):
    """A seller's invoice for a completed order."""

    ISSUED = "issued"
    PAID = "paid"
    CANCELLED = "cancelled"


class ListingState(StrEnum):
    """A product listing in the catalogue."""

    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class VerificationState(StrEnum):
    """An official's verification of a buyer organisation."""

    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    """The plain string values of ``enum``, in declaration order."""
    return tuple(member.value for member in enum)


def check_sql(column: str, enum: type[StrEnum]) -> str:
    """The SQL condition that keeps ``column`` to the values of ``enum``."""
    listed = ", ".join(f"'{value}'" for value in values(enum))
    return f"{column} IN ({listed})"


def allowed(column: str, enum: type[StrEnum]) -> CheckConstraint:
    """A CHECK constraint named after ``column`` (``ck_<table>_<column>``) allowing ``enum``."""
    return CheckConstraint(check_sql(column, enum), name=column)
