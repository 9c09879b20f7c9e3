"""Photos uploaded with a listing form that was refused: kept for the next try, for their uploader.

A refused form would otherwise make the seller choose the photos again. Each photo is checked
and re-encoded as usual (``photos.store_photo``) into the listings folder, which serves only
photos attached to a listing; a small record ``<token>.json`` in the pending folder says whose
it is. The form carries the tokens in hidden fields; the page previews them with "remove".
When the listing is saved the photos are attached and the records dropped; records older than
``MAX_AGE`` are swept away with their files.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from app.services.photos import StoredPhoto, delete_files

MAX_AGE = 24 * 3600  # seconds a refused form's photos are kept
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def _record(pending_folder: str, token: str) -> Path | None:
    return Path(pending_folder) / f"{token}.json" if _TOKEN.match(token or "") else None


def keep(pending_folder: str, owner_id: int, photo: StoredPhoto) -> str:
    """Remember a stored photo for ``owner_id``; the token that names it."""
    token = secrets.token_urlsafe(24)
    folder = Path(pending_folder)
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "owner": owner_id,
        "stored_name": photo.stored_name,
        "thumb_name": photo.thumb_name,
        "width": photo.width,
        "height": photo.height,
        "kept_at": time.time(),
    }
    (folder / f"{token}.json").write_text(json.dumps(record))
    return token


def find(pending_folder: str, owner_id: int, token: str) -> StoredPhoto | None:
    """The photo behind ``token`` when it belongs to ``owner_id`` and is still kept."""
    path = _record(pending_folder, token)
    if path is None or not path.is_file():
        return None
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if record.get("owner") != owner_id or time.time() - record.get("kept_at", 0) > MAX_AGE:
        return None
    return StoredPhoto(record["stored_name"], record["thumb_name"], record["width"], record["height"])


def forget(pending_folder: str, token: str) -> None:
    """Drop the record once its photo is attached to a listing (the files stay)."""
    path = _record(pending_folder, token)
    if path is not None:
        path.unlink(missing_ok=True)


def discard(pending_folder: str, photo_folder: str, owner_id: int, token: str) -> None:
    """Remove a kept photo the seller no longer wants: its record and its files."""
    photo = find(pending_folder, owner_id, token)
    if photo is not None:
        forget(pending_folder, token)
        delete_files(photo_folder, photo.stored_name, photo.thumb_name)


def sweep(pending_folder: str, photo_folder: str, now: float | None = None) -> int:
    """Delete records (and their files) older than ``MAX_AGE``; how many went."""
    folder = Path(pending_folder)
    if not folder.is_dir():
        return 0
    now = time.time() if now is None else now
    gone = 0
    for path in folder.glob("*.json"):
        try:
            record = json.loads(path.read_text())
        except (OSError, ValueError):
            record = {}
        if now - record.get("kept_at", 0) > MAX_AGE:
            path.unlink(missing_ok=True)
            names = [record.get("stored_name"), record.get("thumb_name")]
            delete_files(photo_folder, *[n for n in names if n])
            gone += 1
    return gone
