"""Sellers manage listings and photos."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Listing, ListingPhoto
from tests.factories import category


def _jpeg(size: tuple[int, int] = (800, 600), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    buffer = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCameraMaker"  # Make
        image.save(buffer, "JPEG", exif=data.tobytes())
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def _form(db: Session, **overrides: object) -> dict[str, object]:
    form: dict[str, object] = {
        "title": "Kue lapis legit",
        "description": "Kue lapis legit premium, 20 lapis.",
        "category_id": str(category(db, "snack").id),
        "price": "Rp 185.000",
        "unit": "loyang",
        "min_order": "2",
        "monthly_capacity": "300",
        "lead_time_days": "3",
        "action": "publish",
    }
    form.update(overrides)
    return form


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_create_publish_and_archive_a_listing(seller_client: FlaskClient, db: Session) -> None:
    response = seller_client.post("/seller/listings/new", data=_form(db))
    assert response.status_code == 302
    listing = db.scalar(select(Listing).where(Listing.title == "Kue lapis legit"))
    assert listing is not None
    assert listing.price == 185_000 and listing.status == "active"
    assert "Kue lapis legit" in seller_client.get(f"/listing/{listing.id}").get_data(as_text=True)
    assert seller_client.post(f"/seller/listings/{listing.id}/archive").status_code == 302
    assert seller_client.get(f"/listing/{listing.id}").status_code == 404  # gone from the storefront
    db.expire_all()
    assert db.get(Listing, listing.id).status == "archived"


def test_draft_is_not_in_the_storefront(seller_client: FlaskClient, db: Session) -> None:
    seller_client.post("/seller/listings/new", data=_form(db, action="save"))
    listing = db.scalar(select(Listing).where(Listing.title == "Kue lapis legit"))
    assert listing is not None and listing.status == "draft"
    assert seller_client.get(f"/listing/{listing.id}").status_code == 404


def test_invalid_listing_rerenders_and_writes_nothing(seller_client: FlaskClient, db: Session) -> None:
    before = _count(db, Listing)
    response = seller_client.post("/seller/listings/new", data=_form(db, title="", price="gratis"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kue lapis legit premium" in page  # typed text kept
    assert page.count('class="error"') >= 2
    assert _count(db, Listing) == before


def test_photo_upload_is_reencoded_thumbnailed_and_stored_privately(
    app: Flask, seller_client: FlaskClient, db: Session
) -> None:
    data = _form(db, photos=(io.BytesIO(_jpeg((2400, 1800), exif=True)), "foto.jpg"))
    response = seller_client.post("/seller/listings/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    photo = db.scalars(select(ListingPhoto)).one()
    assert photo.stored_name.endswith(".jpg") and "foto" not in photo.stored_name
    assert max(photo.width, photo.height) == 1600
    upload_folder = app.config["UPLOAD_FOLDER"]
    assert "static" not in upload_folder
    served = seller_client.get(f"/media/listings/{photo.stored_name}")
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert b"SecretCameraMaker" not in served.data
    thumb = Image.open(io.BytesIO(seller_client.get(f"/media/listings/{photo.thumb_name}").data))
    assert max(thumb.size) == 480


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "kue.jpg", "bukan foto"),
        (b"", "kosong.jpg", "kosong"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_written(
    app: Flask, seller_client: FlaskClient, db: Session, content: bytes, name: str, message: str
) -> None:
    before = _count(db, Listing)
    data = _form(db, photos=(io.BytesIO(content), name))
    response = seller_client.post("/seller/listings/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True).lower()
    assert _count(db, Listing) == before and _count(db, ListingPhoto) == 0


def test_oversized_photo_is_refused(app: Flask, seller_client: FlaskClient, db: Session) -> None:
    app.config["PHOTO_MAX_BYTES"] = 50_000
    try:
        big = _jpeg((3000, 3000))
        assert len(big) > 50_000
        data = _form(db, photos=(io.BytesIO(big), "besar.jpg"))
        response = seller_client.post("/seller/listings/new", data=data, content_type="multipart/form-data")
        assert response.status_code == 422
        assert _count(db, ListingPhoto) == 0
    finally:
        app.config["PHOTO_MAX_BYTES"] = 5 * 1024 * 1024


def test_request_over_the_upload_limit_gets_413(app: Flask, seller_client: FlaskClient, db: Session) -> None:
    limit = app.config["MAX_CONTENT_LENGTH"]
    data = _form(db, photos=(io.BytesIO(b"x" * (limit + 1)), "huge.jpg"))
    response = seller_client.post("/seller/listings/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 413


def test_profile_edit_validates_kbli(seller_client: FlaskClient, db: Session) -> None:
    page = seller_client.get("/seller/profile").get_data(as_text=True)
    assert "Profil usaha" in page or "profil" in page.lower()
    response = seller_client.post(
        "/seller/profile",
        data={
            "display_name": "Katering Baru",
            "about": "",
            "kbli_codes": "56210, 123",
            "scale": "small",
            "phone": "0812 1111 2222",
            "kecamatan_id": "1",
        },
    )
    assert response.status_code == 200
    assert "123" in response.get_data(as_text=True)
