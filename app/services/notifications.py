"""In-app notifications and their e-mail copies (file outbox by default, SMTP by configuration).

Notifications are written in the same transaction as the change they announce, as messages with
parameters (``stored_text``) shown in the reader's language; the e-mail copy is sent only after
that transaction commits (an after-commit hook, ``deliver_mail``), in the recipient's language,
so a rolled-back action mails nobody, and a failed delivery is retried by ``flask jobs mail``.
Settings (``MAIL_*``, ``SMTP_*``, ``PUBLIC_URL``) come in as an argument.
"""
from __future__ import annotations

import logging
import secrets
import smtplib
from collections.abc import Iterable, Mapping
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeAlias

from flask_babel import LazyString, force_locale
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.database import commits_deferred
from app.services.after_commit import after_commit
from app.services.stored_text import reader_locale, render, store
from models import Notification, Organisation, User, utcnow

log = logging.getLogger(__name__)
Text: TypeAlias = str | LazyString  # a plain text, or a lazy message stored with its parameters


def notify(session: Session, users: Iterable[User], kind: str, subject: Text, body: Text,
           link: str = "") -> list[Notification]:
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
            notification = Notification(user_id=user.id, kind=kind, subject=str(subject)[:200],
                                        body=str(body), link=link, data=stored)
        session.add(notification)
        created.append(notification)
    if created:
        after_commit(session, deliver_mail)
    return created


def notify_organisation(session: Session, organisation: Organisation, kind: str, subject: Text,
                        body: Text, link: str = "") -> list[Notification]:
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
    return session.scalar(
        select(func.count()).select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ) or 0


def for_user(session: Session, user: User, page: int, per_page: int) -> tuple[list[Notification], int]:
    """One page of the user's notifications, newest first, and the total."""
    total = session.scalar(
        select(func.count()).select_from(Notification).where(Notification.user_id == user.id)
    ) or 0
    rows = session.scalars(
        select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(per_page).offset((page - 1) * per_page)
    ).all()
    return list(rows), total


def mark_all_read(session: Session, user: User) -> None:
    """Mark every notification of the user as read."""
    session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def _message(settings: Mapping[str, Any], recipient: str, subject: str, body: str,
             link: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings["MAIL_FROM"]
    message["To"] = recipient
    message["Subject"] = subject
    url = f"\n\n{settings['PUBLIC_URL'].rstrip('/')}{link}" if link else ""
    message.set_content(f"{body}{url}\n\n— Pasar Padu")
    return message


def send_direct(settings: Mapping[str, Any], recipient: str, subject: str, body: str) -> None:
    """Send one e-mail now, outside the notification outbox (password resets)."""
    message = _message(settings, recipient, subject, body, "")
    _send(settings, [(0, message)], name=f"direct-{secrets.token_hex(8)}.eml")


def _send(settings: Mapping[str, Any], messages: list[tuple[int, EmailMessage]],
          name: str | None = None) -> None:
    backend = settings["MAIL_BACKEND"]
    if backend == "smtp":
        with smtplib.SMTP(settings["SMTP_HOST"], settings["SMTP_PORT"], timeout=20) as smtp:
            if settings["SMTP_STARTTLS"]:
                smtp.starttls()
            if settings["SMTP_USERNAME"]:
                smtp.login(settings["SMTP_USERNAME"], settings["SMTP_PASSWORD"])
            for _, message in messages:
                smtp.send_message(message)
    elif backend == "console":
        for _, message in messages:
            log.info("e-mail to %s: %s", message["To"], message["Subject"])
    else:
        outbox = Path(settings["MAIL_OUTBOX"])
        outbox.mkdir(parents=True, exist_ok=True)
        for number, message in messages:
            (outbox / (name or f"{number:08d}.eml")).write_bytes(bytes(message))


def _copy(settings: Mapping[str, Any], notification: Notification, user: User) -> EmailMessage:
    """The e-mail copy of a notification, in the recipient's own language."""
    with force_locale(reader_locale(user.locale)):
        return _message(settings, user.email, subject_text(notification), body_text(notification),
                        notification.link)


def deliver_mail(session: Session, settings: Mapping[str, Any], limit: int = 200) -> int:
    """Send e-mail copies of committed notifications not yet mailed; returns how many were sent.

    Registered as an after-commit hook by ``notify``; during a keyed API write nothing is
    committed before the request's end, so nothing is sent then (the idempotency hook runs
    the hooks right after its commit).
    """
    if commits_deferred():
        return 0
    pending = session.execute(
        select(Notification, User).join(User, User.id == Notification.user_id)
        .where(Notification.emailed_at.is_(None)).order_by(Notification.id).limit(limit)
    ).all()
    if not pending:
        return 0
    messages = [(notification, _copy(settings, notification, user)) for notification, user in pending]
    try:
        _send(settings, [(notification.id, message) for notification, message in messages])
    except (OSError, smtplib.SMTPException) as error:
        log.warning("mail delivery failed, will retry: %s", error)
        return 0
    now = utcnow()
    for notification, _ in messages:
        notification.emailed_at = now
    session.commit()
    return len(messages)
