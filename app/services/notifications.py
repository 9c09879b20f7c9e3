"""In-app notifications and their e-mail copies, sent through Flask-Mailman (``app.mail``).

Notifications are written in the same transaction as the change they announce, as messages with
parameters (``stored_text``) shown in the reader's language; the e-mail copy is sent only after
that transaction commits (an after-commit hook, ``deliver_mail``), in the recipient's language,
so a rolled-back action mails nobody, and a failed delivery is retried by ``flask jobs mail``.
Settings (``MAIL_FROM``, ``PUBLIC_URL``) come in as an argument; the connection is Flask-Mailman's.
"""

from __future__ import annotations

import logging
import secrets
import smtplib
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from flask_babel import LazyString, force_locale
from flask_mailman import EmailMessage
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.database import commits_deferred
from app.extensions import mail
from app.services.after_commit import after_commit
from app.services.paging import page_rows
from app.services.stored_text import reader_locale, render, store
from models import Notification, Organisation, User, utcnow

log = logging.getLogger(__name__)
Text: TypeAlias = str | LazyString  # a plain text, or a lazy message stored with its parameters


def notify(
    session: Session, users: Iterable[User], kind: str, subject: Text, body: Text, link: str = ""
) -> list[Notification]:
    """Leave the same notification for each active user; its e-mail copy goes after commit.

    ``subject`` and ``body`` are best lazy messages (``lazy_gettext``): each reader then sees
    them in their own language; the plain columns keep the text as the recipient read it when
    it was written.
    """
    data = {"subject": store(subject), "body": store(body)}
    stored = data if data["subject"] or data["body"] else None
    created = []
    for user in users:
        if not user.active:
            continue
        with force_locale(reader_locale(user.locale)):  # the plain copy: in the reader's language
            notification = Notification(
                user_id=user.id, kind=kind, subject=str(subject)[:200], body=str(body), link=link, data=stored
            )
        session.add(notification)
        created.append(notification)
    if created:
        after_commit(session, deliver_mail)
    return created


def notify_organisation(
    session: Session, organisation: Organisation, kind: str, subject: Text, body: Text, link: str = ""
) -> list[Notification]:
    """Notify every active user of an organisation."""
    return notify(session, organisation.users, kind, subject, body, link)


def subject_text(notification: Notification) -> str:
    """The notification's subject in the reader's language (older rows: as written)."""
    data = notification.data if isinstance(notification.data, dict) else {}
    return render(data.get("subject"), notification.subject)


def body_text(notification: Notification) -> str:
    """The notification's body in the reader's language (older rows: as written)."""
    data = notification.data if isinstance(notification.data, dict) else {}
    return render(data.get("body"), notification.body)


def unread_count(session: Session, user: User) -> int:
    """How many notifications the user has not read."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        )
        or 0
    )


def for_user(session: Session, user: User, page: int, per_page: int) -> tuple[list[Notification], int]:
    """One page of the user's notifications, newest first, and the total."""
    query = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return page_rows(session, query, page, per_page)


def mark_all_read(session: Session, user: User) -> None:
    """Mark every notification of the user as read."""
    session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def _message(settings: Mapping[str, Any], recipient: str, subject: str, body: str, link: str) -> EmailMessage:
    url = f"\n\n{settings['PUBLIC_URL'].rstrip('/')}{link}" if link else ""
    return EmailMessage(
        subject=subject, body=f"{body}{url}\n\n— Pasar Padu", from_email=settings["MAIL_FROM"], to=[recipient]
    )


def send_direct(settings: Mapping[str, Any], recipient: str, subject: str, body: str) -> None:
    """Send one e-mail now, outside the notification outbox (password resets)."""
    message = _message(settings, recipient, subject, body, "")
    _send([(0, message)], name=f"direct-{secrets.token_hex(8)}.eml")


def _send(messages: list[tuple[int, EmailMessage]], name: str | None = None) -> None:
    """Send through the app's Flask-Mailman connection (``MAIL_BACKEND``)."""
    for number, message in messages:
        message.outbox_name = name or f"{number:08d}.eml"  # read by the file outbox (app.mail)
    with mail.get_connection() as connection:
        connection.send_messages([message for _, message in messages])


def _copy(settings: Mapping[str, Any], notification: Notification, user: User) -> EmailMessage:
    """The e-mail copy of a notification, in the recipient's own language."""
    with force_locale(reader_locale(user.locale)):
        return _message(
            settings, user.email, subject_text(notification), body_text(notification), notification.link
        )


def deliver_mail(session: Session, settings: Mapping[str, Any], limit: int = 200) -> int:
    """Send e-mail copies of committed notifications not yet mailed; returns how many were sent.

    Registered as an after-commit hook by ``notify``; during a keyed API write nothing is
    committed before the request's end, so nothing is sent then (the idempotency hook runs
    the hooks right after its commit).
    """
    if commits_deferred():
        return 0
    pending = session.execute(
        select(Notification, User)
        .join(User, User.id == Notification.user_id)
        .where(Notification.emailed_at.is_(None))
        .order_by(Notification.id)
        .limit(limit)
    ).all()
    if not pending:
        return 0
    messages = [(notification, _copy(settings, notification, user)) for notification, user in pending]
    try:
        _send([(notification.id, message) for notification, message in messages])
    except (OSError, smtplib.SMTPException) as error:
        log.warning("mail delivery failed, will retry: %s", error)
        return 0
    now = utcnow()
    for notification, _ in messages:
        notification.emailed_at = now
    session.commit()
    return len(messages)
