"""The engine's index follows the catalogue; search and matching run through it."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.services.catalogue_index import CatalogueIndex, catalogue_index, retrieve
from app.services.listings import archive_listing
from models import DemandRequest, Listing
from tests.factories import category, kecamatan, make_buyer, make_listing, make_seller

FILLER = [
    ("Kemeja batik Betawi", "uniform"), ("Kursi lipat besi", "furniture"),
    ("Spanduk cetak", "printing"), ("Masker medis", "ppe"), ("Kopi bubuk robusta", "beverage"),
]


def _catalogue(db: Session) -> dict[str, Listing]:
    seller = make_seller(db, name="Katering Bu Sri", kecamatan_name="Cakung")
    other = make_seller(db, name="Aneka Usaha")
    listings = {
        "nasi": make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar"),
        "tumpeng": make_listing(db, seller.organisation.supplier_profile, title="Tumpeng nasi kuning"),
    }
    for title, slug in FILLER:
        listings[title] = make_listing(db, other.organisation.supplier_profile, title=title,
                                       category_slug=slug, description=title)
    db.commit()
    return listings


def _ids(db: Session, text: str) -> list[int]:
    return [c.listing_id for c in retrieve(db, text, 20)]


def test_search_runs_through_the_engine(client: FlaskClient, db: Session) -> None:
    listings = _catalogue(db)
    assert _ids(db, "nasi kotak")[0] == listings["nasi"].id
    page = client.get("/search?q=nasi+kotak").get_data(as_text=True)
    assert page.index("Nasi kotak ayam bakar") < page.index("Tumpeng nasi kuning")


def test_index_follows_edits_archives_and_deactivation(seller_client: FlaskClient, db: Session) -> None:
    listings = _catalogue(db)
    _ids(db, "nasi")  # load the index
    listing = listings["tumpeng"]
    archive_listing(db, listing)
    db.commit()
    catalogue_index().changed(db, [listing.id])
    assert listing.id not in _ids(db, "tumpeng nasi kuning")
    kursi = listings["Kursi lipat besi"]
    kursi.title = "Meja lipat kayu jati"
    db.commit()
    catalogue_index().changed(db, [kursi.id])
    assert _ids(db, "meja kayu jati")[0] == kursi.id
    kursi.supplier.active = False
    db.commit()
    catalogue_index().changed(db, [])
    assert kursi.id not in _ids(db, "meja kayu jati")


def test_missing_or_corrupt_index_is_rebuilt_not_served(app: Flask, db: Session) -> None:
    listings = _catalogue(db)
    folder = Path(app.config["INDEX_FOLDER"])
    first = CatalogueIndex(str(folder), app.config["MATCHER_MODEL"])
    first.rebuild(db)
    snapshot = next(folder.glob("snap-*"))
    for path in snapshot.iterdir():
        if path.suffix in {".faiss", ".npz"}:
            path.write_bytes(b"garbage")
    fresh = CatalogueIndex(str(folder), app.config["MATCHER_MODEL"])
    retriever = fresh.current(db)
    assert len(retriever) == len(listings)
    assert retriever.snapshot != snapshot.name
    assert [c.listing_id for c in retriever.retrieve("nasi kotak", 3)][0] == listings["nasi"].id


def test_site_keeps_answering_from_the_previous_index_during_a_rebuild(
    app: Flask, db: Session
) -> None:
    listings = _catalogue(db)
    folder = app.config["INDEX_FOLDER"]
    serving = CatalogueIndex(folder, app.config["MATCHER_MODEL"])
    serving.rebuild(db)
    answers: list[list[int]] = []

    def search_meanwhile(_: int) -> None:
        answers.append([c.listing_id for c in serving.current(db).retrieve("nasi kotak", 3)])

    CatalogueIndex(folder, app.config["MATCHER_MODEL"]).rebuild(db, progress=search_meanwhile)
    assert answers and all(a and a[0] == listings["nasi"].id for a in answers)


def test_cli_rebuild_and_match_request(app: Flask, db: Session) -> None:
    _catalogue(db)
    buyer = make_buyer(db)
    request = DemandRequest(
        buyer=buyer.organisation, title="Belanja makan siang rapat", description="nasi kotak",
        category=category(db, "catering"), quantity=100, unit="kotak", budget_ceiling=5_000_000,
        kota_id=kecamatan(db, "Cakung").kota_id, kecamatan_id=kecamatan(db, "Cakung").id,
        needed_by=date.today() + timedelta(days=14), status="open",
    )
    db.add(request)
    db.commit()
    runner = app.test_cli_runner()
    rebuilt = runner.invoke(args=["match", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "Indexed 7 listings" in rebuilt.output
    matched = runner.invoke(args=["match", "request", str(request.id)])
    assert matched.exit_code == 0, matched.output
    assert "Katering Bu Sri" in matched.output
    assert "Cocok" in matched.output or "cocok" in matched.output
    missing = runner.invoke(args=["match", "request", "999999"])
    assert missing.exit_code != 0


def test_filters_apply_to_engine_results(client: FlaskClient, db: Session) -> None:
    _catalogue(db)
    page = client.get("/search?q=nasi&max=10000").get_data(as_text=True)
    assert "Nasi kotak ayam bakar" not in page  # 35.000 is above the maximum


