"""Image work happens before the write transaction; SQLite waits for its lock, in WAL mode."""

from __future__ import annotations

import io
import os
import sqlite3

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.extensions import db as flask_db
from app.services import photos as photo_service
from tests.factories import category

sqlite_only = pytest.mark.skipif(
    os.environ.get("PASARPADU_TEST_DB") == "postgres", reason="the embedded SQLite default"
)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@sqlite_only
def test_sqlite_connections_wait_for_the_lock_in_wal_mode(app: Flask) -> None:
    with flask_db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


@sqlite_only
def test_photo_processing_holds_no_write_lock(
    app: Flask, db: Session, seller_client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = flask_db.engine.url.database
    others: list[str] = []
    original = photo_service.store_photo

    def slow_store(*args: object, **kwargs: object) -> photo_service.StoredPhoto:
        # While the photo is being processed, another writer must get the lock at once.
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("UPDATE categories SET name_en = name_en WHERE id = -1")
            other.commit()
            others.append("wrote")
        except sqlite3.OperationalError as error:
            others.append(str(error))
        finally:
            other.close()
        return original(*args, **kwargs)

    monkeypatch.setattr(photo_service, "store_photo", slow_store)
    response = seller_client.post(
        "/seller/listings/new",
        data={
            "title": "Keripik singkong balado",
            "description": "Renyah",
            "category_id": category(db).id,
            "price": "15000",
            "unit": "bungkus",
            "min_order": "1",
            "lead_time_days": "1",
            "photos": [(io.BytesIO(_png()), f"p{n}.png") for n in range(3)],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert others == ["wrote"] * 3


def _encoded(size: tuple[int, int], kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 160, 60)).save(buffer, kind)
    return buffer.getvalue()


def test_huge_single_colour_png_is_refused_before_decoding(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _encoded((6320, 6320), "PNG")
    assert len(data) < 200_000  # tiny file, 40 million pixels
    decoded: list[int] = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(1))
    with pytest.raises(photo_service.ServiceError):
        photo_service.store_photo(
            data,
            str(app.config["UPLOAD_FOLDER"]),
            app.config["PHOTO_MAX_BYTES"],
            app.config["PHOTO_MAX_PIXELS"],
        )
    assert decoded == []


def test_large_jpeg_is_decoded_at_reduced_scale(app: Flask) -> None:
    image = photo_service._open_checked(_encoded((6000, 4000), "JPEG"), 20 * 2**20, 24_000_000)
    assert max(image.size) <= photo_service.FULL_SIZE
