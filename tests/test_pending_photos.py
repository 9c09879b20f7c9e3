"""A listing's photos survive a refused form: kept, previewed, removable, saved on the next try."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import pending_photos
from models import Listing, ListingPhoto
from tests.conftest import login
from tests.factories import make_seller
from tests.test_seller_listings import _count, _form, _jpeg


def _tokens(page: str) -> list[str]:
    return re.findall(r'name="pending_photo" value="([^"]+)"', page)


def test_photo_is_kept_after_a_refused_form_and_saved_with_the_listing(
    app: Flask, seller_client: FlaskClient, db: Session
) -> None:
    listings = _count(db, Listing)
    refused = seller_client.post(
        "/seller/listings/new",
        content_type="multipart/form-data",
        data=_form(db, price="", photos=(io.BytesIO(_jpeg()), "kue.jpg")),
    )
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert 'data-testid="pending-photos"' in page and "1 foto dari percobaan sebelumnya" in page
    tokens = _tokens(page)
    assert len(tokens) == 1 and _count(db, Listing) == listings and _count(db, ListingPhoto) == 0
    preview = seller_client.get(f"/seller/pending-photos/{tokens[0]}")
    assert preview.status_code == 200 and preview.mimetype == "image/jpeg"
    # Second try: the price is fixed, no file chosen again.
    saved = seller_client.post(
        "/seller/listings/new", content_type="multipart/form-data", data=_form(db, pending_photo=tokens[0])
    )
    assert saved.status_code == 302
    photo = db.scalars(select(ListingPhoto)).one()
    assert photo.listing.title == "Kue lapis legit"
    assert seller_client.get(f"/media/listings/{photo.stored_name}").status_code == 200
    assert seller_client.get(f"/seller/pending-photos/{tokens[0]}").status_code == 404  # used up


def test_kept_photo_can_be_removed_and_is_only_its_uploaders(
    app: Flask, seller_client: FlaskClient, db: Session
) -> None:
    page = seller_client.post(
        "/seller/listings/new",
        content_type="multipart/form-data",
        data=_form(db, title="", photos=(io.BytesIO(_jpeg()), "kue.jpg")),
    ).get_data(as_text=True)
    token = _tokens(page)[0]
    make_seller(db, email="lain@test.id")
    db.commit()
    other = app.test_client()
    login(other, "lain@test.id")
    assert other.get(f"/seller/pending-photos/{token}").status_code == 404
    taken = other.post(
        "/seller/listings/new", content_type="multipart/form-data", data=_form(db, pending_photo=token)
    )
    assert taken.status_code == 302 and _count(db, ListingPhoto) == 0  # another's token is ignored
    files_before = set((Path(app.config["UPLOAD_FOLDER"]) / "listings").iterdir())
    saved = seller_client.post(
        "/seller/listings/new",
        content_type="multipart/form-data",
        data=_form(db, title="Kue lapis legit kedua", pending_photo=token, remove_pending=token),
    )
    assert saved.status_code == 302 and _count(db, ListingPhoto) == 0
    assert set((Path(app.config["UPLOAD_FOLDER"]) / "listings").iterdir()) < files_before


def test_editing_a_listing_keeps_the_photo_too(seller_client: FlaskClient, db: Session) -> None:
    listing = db.scalars(select(Listing)).first()
    page = seller_client.post(
        f"/seller/listings/{listing.id}",
        content_type="multipart/form-data",
        data=_form(db, unit="", photos=(io.BytesIO(_jpeg()), "kue.jpg")),
    ).get_data(as_text=True)
    token = _tokens(page)[0]
    assert (
        seller_client.post(
            f"/seller/listings/{listing.id}",
            content_type="multipart/form-data",
            data=_form(db, pending_photo=token),
        ).status_code
        == 302
    )
    db.expire_all()
    assert len(listing.photos) == 1


def test_old_kept_photos_are_swept(app: Flask, tmp_path: Path) -> None:
    from app.services.photos import StoredPhoto

    photos = tmp_path / "listings"
    photos.mkdir()
    (photos / "a.jpg").write_bytes(b"x")
    (photos / "b.jpg").write_bytes(b"x")
    token = pending_photos.keep(str(tmp_path / "pending"), 7, StoredPhoto("a.jpg", "b.jpg", 1, 1))
    assert pending_photos.find(str(tmp_path / "pending"), 7, token) is not None
    assert pending_photos.find(str(tmp_path / "pending"), 8, token) is None
    assert pending_photos.find(str(tmp_path / "pending"), 7, "../../etc/passwd") is None
    assert (
        pending_photos.sweep(
            str(tmp_path / "pending"), str(photos), now=time.time() + pending_photos.MAX_AGE + 1
        )
        == 1
    )
    assert list(photos.iterdir()) == []
