"""The change feed and the indexer process that drains it into published snapshots."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import indexer as indexer_module
from app.services import listings as listing_service
from app.services import profiles as profile_service
from app.services.index_changes import record_change
from app.services.indexer import FolderLock, Indexer, IndexerBusy, snapshot_watermark
from app.services.review import verify_supplier
from matching.retriever import Retriever
from matching.snapshots import current_snapshot
from models import IndexChange, Listing, SupplierProfile
from tests.conftest import run_indexer_once
from tests.factories import category, make_listing, make_official, make_seller


def _changes(db: Session) -> list[tuple[int | None, int | None, str]]:
    rows = db.execute(
        select(IndexChange.listing_id, IndexChange.supplier_id, IndexChange.reason).order_by(IndexChange.id)
    ).all()
    return [tuple(row) for row in rows]


def _input(listing: Listing, **changes: object) -> listing_service.ListingInput:
    fields = dict(
        title=listing.title,
        description=listing.description,
        category_id=listing.category_id,
        price=listing.price,
        unit=listing.unit,
        min_order=listing.min_order,
        monthly_capacity=listing.monthly_capacity,
        lead_time_days=listing.lead_time_days,
    )
    fields.update(changes)
    return listing_service.ListingInput(**fields)


def _profile(supplier: SupplierProfile, **changes: object) -> profile_service.ProfileInput:
    organisation = supplier.organisation
    fields = dict(
        display_name=supplier.display_name,
        about=supplier.about or "",
        kbli_codes=[],
        jakpreneur_member=False,
        scale=supplier.scale,
        monthly_capacity=None,
        phone=organisation.phone,
        street_address=organisation.street_address or "",
        kecamatan_id=organisation.kecamatan_id,
        npwp=None,
    )
    fields.update(changes)
    return profile_service.ProfileInput(**fields)


def _clear_feed(db: Session) -> None:
    db.execute(IndexChange.__table__.delete())
    db.commit()


WRITES: dict[str, Callable[[Session, SupplierProfile, Listing], None]] = {
    "create": lambda db, s, l: listing_service.create_listing(db, s, _input(l, title="Baru")) and None,
    "edit": lambda db, s, l: listing_service.update_listing(db, l, _input(l, title="Ubah")) and None,
    "publish": lambda db, s, l: listing_service.publish_listing(db, l),
    "archive": lambda db, s, l: listing_service.archive_listing(db, l),
    "profile": lambda db, s, l: profile_service.update_profile(db, s, _profile(s, about="Baru")),
    "add certificate": lambda db, s, l: (
        profile_service.add_certification(db, s, "halal", "ID123", None) and None
    ),
    "remove certificate": lambda db, s, l: (
        profile_service.remove_certification(db, s, s.certifications[0].id) and None
    ),
    "verification": lambda db, s, l: verify_supplier(db, s, make_official(db)),
    "activation": lambda db, s, l: profile_service.set_active(db, s, False, None),
}


@pytest.mark.parametrize("kind", WRITES)
def test_every_kind_of_change_writes_a_feed_row_in_its_transaction(db: Session, kind: str) -> None:
    seller = make_seller(db, verified=kind != "verification")
    supplier = seller.organisation.supplier_profile
    listing = make_listing(db, supplier)
    profile_service.add_certification(db, supplier, "pirt", "P-1", None)
    db.commit()
    _clear_feed(db)

    WRITES[kind](db, supplier, listing)
    rows = _changes(db)
    assert rows, kind
    assert all(l is not None or s == supplier.id for l, s, _ in rows)
    db.rollback()
    assert _changes(db) == []  # rolled back together with the change

    WRITES[kind](db, supplier, listing)
    db.commit()
    assert _changes(db)


def test_photos_do_not_touch_the_feed(db: Session) -> None:
    supplier = make_seller(db).organisation.supplier_profile
    listing = make_listing(db, supplier)
    db.commit()
    _clear_feed(db)
    listing_service.add_photo(db, listing, "a" * 32 + ".jpg", "b" * 32 + ".jpg", 10, 10)
    assert _changes(db) == []


def test_html_and_api_write_paths_record_changes(app: Flask, seller_client: FlaskClient, db: Session) -> None:
    _clear_feed(db)
    response = seller_client.post(
        "/seller/listings/new",
        data={
            "title": "Kue lapis legit",
            "description": "Kue lapis",
            "price": "150000",
            "unit": "loyang",
            "min_order": "1",
            "lead_time_days": "2",
            "category_id": str(category(db, "catering").id),
            "action": "publish",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    created = db.scalar(select(Listing).where(Listing.title == "Kue lapis legit"))
    assert created is not None and created.status == "active"
    assert {l for l, _, _ in _changes(db)} == {created.id}
    token = (
        app.test_client()
        .post("/api/v1/auth/token", json={"email": "seller@test.id", "password": "kata sandi yang panjang"})
        .get_json()["token"]
    )
    api = app.test_client()
    answer = api.post(f"/api/v1/listings/{created.id}/archive", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.get_json()
    assert len(_changes(db)) >= 2


@pytest.fixture()
def settled_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Missing feed ids count as final at once (earlier tests deleted their rows; on PostgreSQL
    those ids would otherwise look like writes still in flight for a minute)."""
    monkeypatch.setattr(indexer_module, "GAP_TIMEOUT_S", 0.0)


def test_indexer_once_publishes_new_listings_and_drops_archived(
    app: Flask, db: Session, settled_feed: None
) -> None:
    supplier = make_seller(db, name="Katering Bu Sri").organisation.supplier_profile
    first = make_listing(db, supplier, title="Nasi kotak ayam bakar")
    db.commit()
    indexer = run_indexer_once(app)
    folder = Path(app.config["INDEX_FOLDER"])
    built = current_snapshot(folder)
    assert first.id in indexer.retriever

    second = make_listing(db, supplier, title="Tumpeng nasi kuning")
    listing_service.archive_listing(db, first)
    db.commit()
    indexer = run_indexer_once(app)
    snapshot = current_snapshot(folder)
    assert snapshot != built
    loaded = Retriever.load(folder, indexer.embedder)
    assert second.id in loaded and first.id not in loaded and len(loaded) == 1
    latest = db.scalar(select(IndexChange.id).order_by(IndexChange.id.desc()).limit(1))
    assert snapshot_watermark(folder, snapshot) == latest


def test_supplier_rename_reindexes_all_its_listings(app: Flask, db: Session) -> None:
    supplier = make_seller(db, name="Usaha Biasa").organisation.supplier_profile
    ids = [
        make_listing(db, supplier, title=t, description=t).id
        for t in ("Kemeja batik", "Kain tenun", "Selendang sutra")
    ]
    other = make_seller(db, name="Toko Lain").organisation.supplier_profile
    make_listing(db, other, title="Kopi bubuk", description="Kopi bubuk")
    db.commit()
    run_indexer_once(app)
    profile_service.update_profile(db, supplier, _profile(supplier, display_name="Sanggar Zamrud"))
    db.commit()
    indexer = run_indexer_once(app)
    retriever = indexer.retriever
    found = [c.listing_id for c in retriever.retrieve("sanggar zamrud", 3)]
    assert sorted(found) == sorted(ids)


def test_restart_resumes_from_the_watermark_without_duplicates(
    app: Flask, db: Session, settled_feed: None
) -> None:
    folder = app.config["INDEX_FOLDER"]
    model = app.config["MATCHER_MODEL"]
    supplier = make_seller(db).organisation.supplier_profile
    make_listing(db, supplier, title="Nasi uduk")
    db.commit()
    run_indexer_once(app)
    added = make_listing(db, supplier, title="Lontong sayur")
    db.commit()
    # Crash after applying the change but before publishing it.
    crashed = Indexer(folder, model)
    crashed.open(db)
    assert crashed.step(db) > 0 and added.id in crashed.retriever
    assert snapshot_watermark(Path(folder), current_snapshot(folder)) < crashed.watermark
    del crashed
    restarted = run_indexer_once(app)
    retriever = restarted.retriever
    assert len(retriever) == 2 and added.id in retriever
    again = run_indexer_once(app)  # nothing new: same contents, no duplicate rows or vectors
    assert len(again.retriever) == 2
    hits = [c.listing_id for c in again.retriever.retrieve("lontong sayur", 5)]
    assert len(hits) == len(set(hits)) == 2


def test_unusable_snapshot_is_rebuilt_by_the_indexer(app: Flask, db: Session) -> None:
    folder = Path(app.config["INDEX_FOLDER"])
    supplier = make_seller(db).organisation.supplier_profile
    make_listing(db, supplier, title="Nasi uduk")
    db.commit()
    run_indexer_once(app)
    broken = current_snapshot(folder)
    for path in (folder / str(broken)).iterdir():
        if path.suffix in {".faiss", ".npz"}:
            path.write_bytes(b"garbage")
    rebuilt = run_indexer_once(app)
    assert current_snapshot(folder) != broken and len(rebuilt.retriever) == 1


def test_a_second_indexer_exits(app: Flask, db: Session) -> None:
    folder = app.config["INDEX_FOLDER"]
    with FolderLock(folder):
        with pytest.raises(IndexerBusy):
            FolderLock(folder).acquire()
        result = app.test_cli_runner().invoke(args=["indexer", "run"])
        assert result.exit_code != 0
        assert "another indexer" in result.output
    FolderLock(folder).acquire()  # free again once the first one is gone


def test_gaps_in_the_feed_hold_the_watermark_until_they_appear_or_time_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    indexer = Indexer(str(tmp_path), "hashing")
    indexer.watermark = 10
    indexer.seen = {11, 13, 14}  # 12 not committed yet
    indexer._advance(100.0)
    assert indexer.watermark == 11 and indexer.seen == {13, 14}
    indexer.seen.add(12)
    indexer._advance(101.0)
    assert indexer.watermark == 14 and not indexer.seen and not indexer.gaps
    indexer.seen = {16}  # 15 rolled back: never appears
    indexer._advance(200.0)
    assert indexer.watermark == 14
    indexer._advance(200.0 + indexer_module.GAP_TIMEOUT_S)
    assert indexer.watermark == 16
    indexer.seen = {16 + indexer_module.MAX_GAP_RUN + 2}  # a run of deleted rows
    indexer._advance(300.0)
    assert indexer.watermark == 16 + indexer_module.MAX_GAP_RUN + 2


def test_running_indexer_publishes_a_change_within_seconds_and_throttles(app: Flask, db: Session) -> None:
    supplier = make_seller(db).organisation.supplier_profile
    make_listing(db, supplier, title="Nasi uduk")
    db.commit()
    folder = Path(app.config["INDEX_FOLDER"])
    stop = threading.Event()
    published: list[float] = []

    def follow() -> None:
        from app.extensions import db as database

        with app.app_context():
            with FolderLock(folder):
                indexer = Indexer(str(folder), app.config["MATCHER_MODEL"])
                original = indexer.publish

                def publish() -> object:
                    published.append(time.monotonic())
                    return original()

                indexer.publish = publish
                indexer.open(database.session)
                indexer.run(database.session, stop)
            database.session.remove()

    thread = threading.Thread(target=follow)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while current_snapshot(folder) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        first = current_snapshot(folder)
        assert first is not None
        started = time.monotonic()
        for n in range(5):  # a burst of changes
            make_listing(db, supplier, title=f"Lontong sayur {n}")
            db.commit()
        while time.monotonic() < started + 10:
            snapshot = current_snapshot(folder)
            if (
                snapshot != first
                and json.loads((folder / snapshot / "retriever.json").read_text())["count"] == 6
            ):
                break
            time.sleep(0.05)
        assert time.monotonic() - started < 4
    finally:
        stop.set()
        thread.join(10)
    gaps = [b - a for a, b in pairwise(published)]
    assert all(gap >= indexer_module.MIN_PUBLISH_INTERVAL_S * 0.95 for gap in gaps), gaps


def test_record_change_deduplicates_and_accepts_nothing(db: Session) -> None:
    _clear_feed(db)
    record_change(db)
    record_change(db, listing_ids=[5, 5, 6], supplier_ids=[7])
    assert _changes(db) == [(5, None, "listing"), (6, None, "listing"), (None, 7, "listing")]
    db.rollback()


def test_old_feed_rows_are_pruned_after_publishing(
    app: Flask, db: Session, settled_feed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    supplier = make_seller(db).organisation.supplier_profile
    for n in range(3):
        make_listing(db, supplier, title=f"Nasi {n}")
    db.commit()
    monkeypatch.setattr(indexer_module, "PRUNE_AFTER", timedelta(seconds=-60))
    before = len(_changes(db))
    run_indexer_once(app)
    assert 1 <= len(_changes(db)) < before  # the newest row always stays


def test_indexer_process_stops_on_repeated_signals(tmp_path: Path) -> None:
    """systemd's TERM followed by another TERM or a Ctrl-C must stop it, never hang it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
        "INDEX_FOLDER": str(tmp_path / "index"),
        "MATCHER_MODEL": "hashing",
        "MATCHER_QUERY_MODEL": "none",
        "FLASK_APP": "wsgi",
        "SECRET_KEY": "x",
    }
    flask = [sys.executable, "-m", "flask"]
    subprocess.run(flask + ["db", "upgrade"], cwd=root, env=env, check=True, capture_output=True, timeout=120)
    process = subprocess.Popen(
        flask + ["indexer", "run"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        assert process.stdout is not None
        for line in process.stdout:
            if "Indexer following" in line or time.monotonic() > deadline:
                break
        for signum in (signal.SIGTERM, signal.SIGTERM, signal.SIGINT) * 5:
            process.send_signal(signum)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
