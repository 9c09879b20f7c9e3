"""The audit timeline of a demand request: its own events and those of its proposals and quotes."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from models import AuditEvent, DemandRequest, User


def timeline_for(session: Session, request: DemandRequest) -> list[tuple[AuditEvent, User | None]]:
    """Events about the request, its matches and their quotes, oldest first, with their actors."""
    match_ids = [m.id for m in request.matches]
    quote_ids = [q.id for m in request.matches for q in m.quotes]
    conditions = [and_(AuditEvent.object_type == "request", AuditEvent.object_id == request.id)]
    if match_ids:
        conditions.append(and_(AuditEvent.object_type == "match", AuditEvent.object_id.in_(match_ids)))
    if quote_ids:
        conditions.append(and_(AuditEvent.object_type == "quote", AuditEvent.object_id.in_(quote_ids)))
    return events_where(session, conditions)


def events_where(
    session: Session, conditions: list[ColumnElement[bool]]
) -> list[tuple[AuditEvent, User | None]]:
    """The audit events meeting any of ``conditions``, oldest first, with their actors."""
    rows = session.execute(
        select(AuditEvent, User)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(or_(*conditions))
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    ).all()
    return [(event, user) for event, user in rows]


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated when shown (``note_text``)."""
    return message


# Notes the system writes on its own events, by kind. Events store the kind (``data["note"]``)
# and its parameters (``data["note_args"]``); ``reason`` keeps the English text for the audit log.
NOTES: dict[str, str] = {
    "review_finished": N_("review finished"),
    "quote_withdrawn": N_("quote withdrawn"),
    "no_quote": N_("no quote before the deadline"),
    "skips_review": N_("organisation skips review"),
    "failed_logins": N_("%(count)s failed log-ins"),
}
# Rows written before notes had a kind stored the English text only: read them by that text.
LEGACY_NOTES: dict[str, str] = {
    "review finished": "review_finished",
    "quote withdrawn": "quote_withdrawn",
    "no quote before the deadline": "no_quote",
    "organisation skips review": "skips_review",
}


def note_data(kind: str, **args: Any) -> dict[str, Any]:
    """The event data that records a system note of ``kind`` with its parameters."""
    return {"note": kind, "note_args": args} if args else {"note": kind}


def note_reason(kind: str, **args: Any) -> str:
    """The English text of a system note, kept in ``reason`` for the audit log."""
    return NOTES[kind] % args if args else NOTES[kind]


def note_text(reason: str | None, data: dict[str, Any] | None = None) -> str:
    """A stored note in the reader's language; what a person typed is shown as typed."""
    data = data if isinstance(data, dict) else {}
    kind = data.get("note") or LEGACY_NOTES.get((reason or "").strip())
    if kind in NOTES:
        args = data.get("note_args") or {}
        try:
            return str(gettext(NOTES[kind], **args) if args else gettext(NOTES[kind]))
        except (KeyError, TypeError, ValueError):
            return reason or ""
    return reason or ""
