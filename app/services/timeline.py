"""The audit timeline of a demand request: its own events and those of its proposals and quotes."""
from __future__ import annotations

from sqlalchemy import and_, or_, select
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
    rows = session.execute(
        select(AuditEvent, User).outerjoin(User, User.id == AuditEvent.actor_id)
        .where(or_(*conditions)).order_by(AuditEvent.occurred_at, AuditEvent.id)
    ).all()
    return [(event, user) for event, user in rows]
