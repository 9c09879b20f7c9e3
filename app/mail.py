"""E-mail through Flask-Mailman: SMTP in production, a folder of ``.eml`` files by default.

``MAIL_BACKEND`` names a Flask-Mailman backend (``smtp``, ``console``, ``locmem``, ``dummy``)
or ``file``: Pasar Padu's outbox, Flask-Mailman's file backend writing one ``.eml`` file per
message into ``MAIL_OUTBOX`` (read when the message is sent, so a test may point it elsewhere),
which the tests and the demo read like a mailbox.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from flask_mailman import EmailMessage
from flask_mailman.backends.file import EmailBackend as FileBackend

from app.extensions import mail

OUTBOX_BACKEND = "app.mail"  # Flask-Mailman loads the module's ``EmailBackend``


class OutboxBackend(FileBackend):  # FileBackend is Any: Flask-Mailman ships no type hints
    """Flask-Mailman's file backend, one ``<name>.eml`` file per message in ``MAIL_OUTBOX``."""

    def __init__(self, *args: Any, file_path: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, file_path=file_path or current_app.config["MAIL_OUTBOX"], **kwargs)

    def open(self) -> bool:
        """Nothing to open: each message gets its own file."""
        return False

    def close(self) -> None:
        """Nothing to close."""

    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        """Write each message to its own file; returns how many were written."""
        for message in email_messages:
            name = getattr(message, "outbox_name", None) or f"mail-{secrets.token_hex(8)}.eml"
            (Path(self.file_path) / name).write_bytes(message.message().as_bytes())
        return len(email_messages)


EmailBackend = OutboxBackend


def init_mail(app: Flask) -> None:
    """Bind Flask-Mailman to ``app``, ``MAIL_BACKEND = "file"`` meaning the ``.eml`` outbox."""
    if app.config.get("MAIL_BACKEND", "file") == "file":
        app.config["MAIL_BACKEND"] = OUTBOX_BACKEND
    app.config.setdefault("MAIL_FILE_PATH", app.config.get("MAIL_OUTBOX"))
    app.config.setdefault("MAIL_DEFAULT_SENDER", app.config.get("MAIL_FROM"))
    mail.init_app(app)
