"""Web workers only read index snapshots: search, matching, fallback and refused snapshots."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app import catalogue_index as reader_module
from app.catalogue_index import CatalogueIndex, catalogue_index, retrieve
from app.services.listings import archive_listing
from matching.retriever import Retriever
from models import DemandRequest, Listing
from tests.conftest import run_indexer_once
from tests.factories import category, kecamatan, make_buyer, make_listing, make_request, make_seller

FILLER = [
    ("Kemeja batik Betawi", "uniform"),
    ("Kursi lipat besi", "furniture"),
    ("Spanduk cetak", "printing"),
    ("Masker medis", "ppe"),
    ("Kopi bubuk robusta", "beverage"),
]
LIMITED_ID = "Hasil terbatas: indeks pencarian sedang disiapkan."


def _catalogue(db: Session) -> dict[str, Listing]:
    seller = make_seller(db, name="Katering Bu Sri", kecamatan_name="Cakung")
    other = make_seller(db, name="Aneka Usaha")
    listings = {
        "nasi": make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar"),
        "tumpeng": make_listing(db, seller.organisation.supplier_profile, title="Tumpeng nasi kuning"),
    }
    for title, slug in FILLER:
        listings[title] = make_listing(
            db, other.organisation.supplier_profile, title=title, category_slug=slug, description=title
        )
    db.commit()
    return listings


def _ids(db: Session, text: str) -> list[int]:
    return [c.listing_id for c in retrieve(db, text, 20)]


@pytest.fixture()
def no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to build, extend or save an index fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a web worker built or saved an index")

    for name in ("build", "from_vectors", "upsert", "remove", "save"):
        monkeypatch.setattr(Retriever, name, refuse)


def test_search_runs_through_the_published_snapshot(app: Flask, client: FlaskClient, db: Session) -> None:
    listings = _catalogue(db)
    run_indexer_once(app)
    assert _ids(db, "nasi kotak")[0] == listings["nasi"].id
    assert catalogue_index().snapshot is not None
    page = client.get("/search?q=nasi+kotak").get_data(as_text=True)
    assert page.index("Nasi kotak ayam bakar") < page.index("Tumpeng nasi kuning")
    assert LIMITED_ID not in page


def test_empty_index_folder_answers_from_the_database_with_a_notice(
    app: Flask, client: FlaskClient, db: Session, no_building: None
) -> None:
    listings = _catalogue(db)
    response = client.get("/search?q=nasi+kotak")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert LIMITED_ID in page
    assert "Nasi kotak ayam bakar" in page and "Kopi bubuk robusta" not in page
    client.get("/lang/en")
    english = client.get("/search?q=NASI")
    assert "Limited results: the search index is being prepared." in english.get_data(as_text=True)
    # Filters and categories still apply; category names match too.
    assert "Nasi kotak ayam bakar" not in client.get("/search?q=nasi&max=10000").get_data(as_text=True)
    assert "Kemeja batik" in client.get("/search?q=uniform").get_data(as_text=True)
    api = client.get("/api/v1/search?q=tumpeng").get_json()
    assert api["limited"] is True and [i["id"] for i in api["items"]] == [listings["tumpeng"].id]
    assert not list(Path(app.config["INDEX_FOLDER"]).glob("snap-*"))


def test_web_requests_never_build_even_with_a_snapshot(
    app: Flask, client: FlaskClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    listings = _catalogue(db)
    run_indexer_once(app)
    for name in ("build", "from_vectors", "upsert", "remove", "save"):
        monkeypatch.setattr(Retriever, name, lambda *a, **k: pytest.fail("web worker built"))
    kursi = listings["Kursi lipat besi"]
    kursi.title = "Meja lipat kayu jati"
    db.commit()
    api = client.get("/api/v1/search?q=kursi+lipat").get_json()
    assert api["limited"] is False and api["items"][0]["id"] == kursi.id  # the snapshot's view


def test_request_matching_without_an_index_uses_database_candidates(
    app: Flask, db: Session, no_building: None
) -> None:
    from app.clock import today
    from app.services.demand import publish_request

    listings = _catalogue(db)
    buyer = make_buyer(db)
    request = make_request(
        db, buyer, title="Pengadaan nasi kotak rapat", description="Nasi kotak ayam untuk rapat"
    )
    matches = publish_request(db, request, buyer, today())
    db.commit()
    assert matches and matches[0].listing_id == listings["nasi"].id


def test_index_follows_edits_archives_and_deactivation(app: Flask, db: Session) -> None:
    from app.services.profiles import set_active

    listings = _catalogue(db)
    run_indexer_once(app)
    listing = listings["tumpeng"]
    archive_listing(db, listing)
    db.commit()
    run_indexer_once(app)
    assert listing.id not in _ids(db, "tumpeng nasi kuning")
    kursi = listings["Kursi lipat besi"]
    from app.services.listings import ListingInput, update_listing

    update_listing(
        db,
        kursi,
        ListingInput(
            title="Meja lipat kayu jati",
            description="Meja lipat kayu jati",
            price=kursi.price,
            category_id=kursi.category_id,
            unit=kursi.unit,
            min_order=kursi.min_order,
            monthly_capacity=kursi.monthly_capacity,
            lead_time_days=kursi.lead_time_days,
        ),
    )
    db.commit()
    run_indexer_once(app)
    assert _ids(db, "meja kayu jati")[0] == kursi.id
    set_active(db, kursi.supplier, False, actor=None)
    db.commit()
    run_indexer_once(app)
    assert kursi.id not in _ids(db, "meja kayu jati")


def _two_snapshots(app: Flask, db: Session) -> tuple[str, str]:
    """A good snapshot loaded by the reader, then a newer one whose files are damaged."""
    listings = _catalogue(db)
    folder = Path(app.config["INDEX_FOLDER"])
    run_indexer_once(app)
    good = catalogue_index()
    good.check_interval_s = 0.0
    assert good.current() is not None
    first = good.snapshot
    archive_listing(db, listings["tumpeng"])
    db.commit()
    run_indexer_once(app)
    app.extensions["catalogue_index"] = good  # the same worker, before it noticed
    second = (folder / "CURRENT").read_text().strip()
    assert second != first
    for path in (folder / second).iterdir():
        if path.suffix in {".faiss", ".npz"}:
            path.write_bytes(b"garbage")
    return first or "", second


def test_corrupt_current_snapshot_is_refused_once_and_backed_off(
    app: Flask,
    client: FlaskClient,
    db: Session,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = _two_snapshots(app, db)
    index = catalogue_index()
    clock = [1000.0]
    monkeypatch.setattr(reader_module, "monotonic", lambda: clock[0])
    monkeypatch.setattr(reader_module.log, "disabled", False)  # Alembic's fileConfig disables it
    index._checked_at = float("-inf")
    attempts = index.load_attempts
    with caplog.at_level(logging.WARNING, logger="app.catalogue_index"):
        for _ in range(20):
            page = client.get("/search?q=nasi+kotak").get_data(as_text=True)
            index.wait_idle()
            assert "Nasi kotak ayam bakar" in page and LIMITED_ID not in page
            clock[0] += 0.2  # 4 s of requests, five a second
    assert index.snapshot == first
    refusals = [r for r in caplog.records if second in r.getMessage()]
    assert len(refusals) == 1
    # Tried at 1000 s, then after 1 s and 2 s of back-off: 3 attempts in 4 s, not 20.
    assert index.load_attempts - attempts == 3
    clock[0] += 120
    client.get("/search?q=nasi")
    index.wait_idle()
    assert index.load_attempts - attempts == 4  # capped back-off: tried again after a minute


def test_reader_switches_to_a_newer_snapshot_in_the_background(app: Flask, db: Session) -> None:
    listings = _catalogue(db)
    run_indexer_once(app)
    index = catalogue_index()
    index.check_interval_s = 0.0
    before = index.current()
    assert before is not None
    archive_listing(db, listings["nasi"])
    db.commit()
    run_indexer_once(app)
    app.extensions["catalogue_index"] = index
    answering = index.current()  # notices the new snapshot, still answers from the old one
    assert answering is before
    index.wait_idle()
    assert index.current() is not before
    assert listings["nasi"].id not in _ids(db, "nasi kotak ayam bakar")


def test_cli_rebuild_and_match_request(app: Flask, db: Session) -> None:
    _catalogue(db)
    buyer = make_buyer(db)
    request = DemandRequest(
        buyer=buyer.organisation,
        title="Belanja makan siang rapat",
        description="nasi kotak",
        category=category(db, "catering"),
        quantity=100,
        unit="kotak",
        budget_ceiling=5_000_000,
        kota_id=kecamatan(db, "Cakung").kota_id,
        kecamatan_id=kecamatan(db, "Cakung").id,
        needed_by=date.today() + timedelta(days=14),
        status="open",
    )
    db.add(request)
    db.commit()
    runner = app.test_cli_runner()
    rebuilt = runner.invoke(args=["match", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "Indexed 7 listings" in rebuilt.output
    stale = runner.invoke(args=["match", "rebuild", "--if-stale"])
    assert "Index up to date: 7 listings" in stale.output, stale.output
    matched = runner.invoke(args=["match", "request", str(request.id)])
    assert matched.exit_code == 0, matched.output
    assert "Katering Bu Sri" in matched.output
    assert "Cocok" in matched.output or "cocok" in matched.output
    missing = runner.invoke(args=["match", "request", "999999"])
    assert missing.exit_code != 0


def test_filters_apply_to_engine_results(app: Flask, client: FlaskClient, db: Session) -> None:
    _catalogue(db)
    run_indexer_once(app)
    page = client.get("/search?q=nasi&max=10000").get_data(as_text=True)
    assert "Nasi kotak ayam bakar" not in page  # 35.000 is above the maximum


def test_reader_with_another_model_refuses_the_snapshot(app: Flask, db: Session) -> None:
    _catalogue(db)
    run_indexer_once(app)
    other = CatalogueIndex(app.config["INDEX_FOLDER"], "hashing-999", load_wait_s=5.0)
    assert other.current() is None
    assert other.load_attempts == 1


def test_requests_use_the_precise_query_model_and_storefront_search_does_not(
    app: Flask,
    client: FlaskClient,
    db: Session,
) -> None:
    from app.clock import today
    from app.services.demand import publish_request
    from matching.embedders import HashingEmbedder

    listings = _catalogue(db)
    run_indexer_once(app)
    precise_texts: list[str] = []

    class Precise(HashingEmbedder):
        def embed_queries(self, texts):  # records the texts
            precise_texts.extend(texts)
            return super().embed_queries(texts)

    index = catalogue_index()
    index.query_embedder = Precise(64)
    client.get("/search?q=nasi+kotak")
    assert precise_texts == []
    buyer = make_buyer(db)
    request = make_request(
        db, buyer, title="Pengadaan nasi kotak rapat", description="Nasi kotak ayam untuk rapat"
    )
    matches = publish_request(db, request, buyer, today())
    db.commit()
    assert precise_texts and matches[0].listing_id == listings["nasi"].id
