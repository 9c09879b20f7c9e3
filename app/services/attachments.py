"""Quote attachments: a PDF or an image, checked by content, stored privately."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask_babel import lazy_gettext as _l

from app.services import ServiceError
from app.services.photos import store_photo


def store_attachment(data: bytes, folder: str, max_bytes: int, max_pixels: int) -> str:
    """Check and store an attachment; returns its stored file name."""
    if not data:
        raise ServiceError(str(_l("The file is empty.")), "attachment")
    if len(data) > max_bytes:
        raise ServiceError(str(_l("The file is too large.")), "attachment")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise ServiceError(str(_l("This PDF looks damaged.")), "attachment")
        name = secrets.token_hex(16) + ".pdf"
        temporary = target / (name + ".part")
        temporary.write_bytes(data)
        os.replace(temporary, target / name)
        return name
    try:
        stored = store_photo(data, folder, max_bytes, max_pixels)
    except ServiceError:
        raise ServiceError(str(_l("Attach a PDF or a photo (JPEG, PNG, WebP).")), "attachment") from None
    (target / stored.thumb_name).unlink(missing_ok=True)
    return stored.stored_name
