"""In-app notifications and their e-mail copies, sent through Flask-Mailman (``app.mail``).

Notifications are written in the same transaction as the change they announce; e-mail is sent
only after that transaction commits (``deliver_mail``), so a rolled-back action mails nobody,
and a failed delivery is retried by ``flask jobs mail``.
"""
from __future__ import annotations

import secrets
import smtplib
from collections.abc import Iterable

from flask import current_app
from flask_mailman import EmailMessage
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.database import commits_deferred
from app.extensions import mail
from app.services.paging import page_rows
from models import Notification, Organisation, User, utcnow


def notify(session: Session, users: Iterable[User], kind: str, subject: str, body: str,
           link: str = "") -> list[Notification]:
    """Leave the same notification for each active user."""
    created = []
    for user in users:
        if not user.active:
            continue
        notification = Notification(user_id=user.id, kind=kind, subject=subject[:200], body=body,
                                    link=link)
        session.add(notification)
        created.append(notification)
    return created


def notify_organisation(session: Session, organisation: Organisation, kind: str, subject: str,
                        body: str, link: str = "") -> list[Notification]:
    """Notify every active user of an organisation."""
    return notify(session, organisation.users, kind, subject, body, link)


def unread_count(session: Session, user: User) -> int:
    """How many notifications the user has not read."""
    return session.scalar(
        select(func.count()).select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ) or 0


def for_user(session: Session, user: User, page: int, per_page: int) -> tuple[list[Notification], int]:
    """One page of the user's notifications, newest first, and the total."""
    query = (select(Notification).where(Notification.user_id == user.id)
             .order_by(Notification.created_at.desc(), Notification.id.desc()))
    return page_rows(session, query, page, per_page)


def mark_all_read(session: Session, user: User) -> None:
    """Mark every notification of the user as read."""
    session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def _message(notification: Notification, recipient: str) -> EmailMessage:
    config = current_app.config
    link = f"\n\n{config['PUBLIC_URL'].rstrip('/')}{notification.link}" if notification.link else ""
    return EmailMessage(subject=notification.subject, body=f"{notification.body}{link}\n\n— Pasar Padu",
                        from_email=config["MAIL_FROM"], to=[recipient])


def send_direct(recipient: str, subject: str, body: str) -> None:
    """Send one e-mail now, outside the notification outbox (password resets)."""
    message = _message(Notification(id=0, subject=subject, body=body, link=""), recipient)
    message.outbox_name = f"direct-{secrets.token_hex(8)}.eml"  # read by the file outbox
    message.send()


def _send(messages: list[tuple[Notification, EmailMessage]]) -> None:
    for notification, message in messages:
        message.outbox_name = f"{notification.id:08d}.eml"  # read by the file outbox
    with mail.get_connection() as connection:
        connection.send_messages([message for _, message in messages])


def deliver_mail(session: Session, limit: int = 200) -> int:
    """Send e-mail copies of committed notifications not yet mailed; returns how many were sent.

    During a keyed API write nothing is committed before the request's end, so nothing is
    sent then; the idempotency hook delivers right after its commit.
    """
    if commits_deferred():
        return 0
    pending = session.execute(
        select(Notification, User.email).join(User, User.id == Notification.user_id)
        .where(Notification.emailed_at.is_(None)).order_by(Notification.id).limit(limit)
    ).all()
    if not pending:
        return 0
    messages = [(notification, _message(notification, email)) for notification, email in pending]
    try:
        _send(messages)
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.warning("mail delivery failed, will retry: %s", error)
        return 0
    now = utcnow()
    for notification, _ in messages:
        notification.emailed_at = now
    session.commit()
    return len(messages)
