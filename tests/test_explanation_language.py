"""The matcher's reasons are stored as kinds with parameters and read in the reader's language."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from sqlalchemy.orm import Session

from app.services.explanations import explanation_sentence
from matching.explain import reasons, sentences_of
from matching.results import ConstraintCheck, ScoreBreakdown
from matching.track_record import TrackRecord
from matching.types import DemandQuery, ListingRecord
from models import Match
from tests.conftest import login
from tests.factories import make_buyer, make_official, make_request, make_seller

QUERY = DemandQuery(
    text="nasi kotak",
    quantity=300,
    unit="kotak",
    budget_ceiling=15_000_000,
    kota="Jakarta Timur",
    kecamatan="Cakung",
)
RECORD = ListingRecord(
    listing_id=1,
    supplier_id=1,
    title="Katering Berkah",
    unit="kotak",
    price=35_000,
    monthly_capacity=800,
    lead_time_days=1,
    kota="Jakarta Timur",
    kecamatan="Cakung",
)
CHECKS = (
    ConstraintCheck("capacity", True, True),
    ConstraintCheck("budget", True, False),
    ConstraintCheck("lead_time", True, False),
    ConstraintCheck("certification:halal", True, True),
)


def _stored(
    record: ListingRecord = RECORD, checks: tuple[ConstraintCheck, ...] = CHECKS, eligible: bool = True
) -> dict:
    why = reasons(QUERY, record, ("nasi", "kotak"), checks, eligible)
    sentence_id, sentence_en = sentences_of(why)
    return {
        "reasons": why,
        "sentence_id": sentence_id,
        "sentence_en": sentence_en,
        "scores": asdict(ScoreBreakdown(0.8, 0.5, 0.7)),
        "matched_terms": ["nasi", "kotak"],
        "checks": [],
    }


@pytest.mark.parametrize(
    "record, checks, eligible",
    [
        (RECORD, CHECKS, True),
        (
            ListingRecord(
                listing_id=2,
                supplier_id=2,
                title="Nasi kotak",
                lead_time_days=3,
                price=60_000,
                monthly_capacity=100,
                kota="Jakarta Barat",
                track_record=TrackRecord(
                    completed_orders=12, on_time_deliveries=11, rating_sum=55, rating_count=12
                ),
            ),
            (
                ConstraintCheck("capacity", False, True),
                ConstraintCheck("budget", False, False),
                ConstraintCheck("lead_time", False, False),
                ConstraintCheck("seller_verified", False, True),
                ConstraintCheck("certification:halal", False, True),
            ),
            False,
        ),
    ],
)
def test_one_stored_explanation_reads_in_both_languages(
    app: Flask, record: ListingRecord, checks: tuple[ConstraintCheck, ...], eligible: bool
) -> None:
    stored = _stored(record, checks, eligible)
    with app.test_request_context():
        with force_locale("id"):
            indonesian = explanation_sentence(stored)
        with force_locale("en"):
            english = explanation_sentence(stored)
    assert indonesian == stored["sentence_id"]  # the same words the engine writes for the API
    assert english.split(", failed:")[0] == stored["sentence_en"].split(", failed:")[0]
    assert indonesian != english


def test_the_sentences_say_the_reasons(app: Flask) -> None:
    stored = _stored()
    with app.test_request_context():
        with force_locale("id"):
            indonesian = explanation_sentence(stored)
        with force_locale("en"):
            english = explanation_sentence(stored)
    assert indonesian.startswith("Cocok: Katering Berkah (kata cocok: nasi, kotak)")
    assert "kapasitas 800 kotak/bulan cukup untuk 300 kotak" in indonesian
    assert "harga Rp 35.000 × 300 = Rp 10.500.000 di bawah pagu Rp 15.000.000" in indonesian
    assert "waktu pengerjaan 1 hari sesuai tenggat" in indonesian and "sertifikat halal berlaku" in indonesian
    assert english.startswith("Match: Katering Berkah (matching words: nasi, kotak)")
    assert "lead time 1 day meets the deadline" in english and "both in Kec. Cakung, Jakarta Timur" in english


def test_proposals_stored_before_reasons_show_their_sentences(app: Flask) -> None:
    old = {
        "sentence_id": "Cocok: lama, waktu pengerjaan 1 hari sesuai tenggat.",
        "sentence_en": "Match: old, lead time 1 days meets the deadline.",
    }
    with app.test_request_context():
        with force_locale("id"):
            assert explanation_sentence(old) == old["sentence_id"]
        with force_locale("en"):
            assert explanation_sentence(old) == "Match: old, lead time 1 day meets the deadline."


def _page(client: FlaskClient, url: str, language: str) -> str:
    client.get(f"/lang/{language}")
    return client.get(url).get_data(as_text=True)


def test_the_review_queue_shows_the_explanation_in_the_officials_language(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="sri@test.id")
    buyer = make_buyer(db)
    demand = make_request(db, buyer, title="Nasi kotak rapat")
    demand.status = "under_review"
    stored = _stored()
    stored["sentence_id"] = stored["sentence_en"] = "stored sentence"  # shown only for old rows
    db.add(
        Match(
            request=demand,
            supplier=seller.organisation.supplier_profile,
            rank=1,
            score=1.0,
            explanation=stored,
            status="proposed",
        )
    )
    official = make_official(db, email="petugas@test.id")
    db.commit()
    client = app.test_client()
    login(client, official.email)
    indonesian = _page(client, "/review/", "id")
    english = _page(client, "/review/", "en")
    assert "Cocok: Katering Berkah" in indonesian and "stored sentence" not in indonesian
    assert "Match: Katering Berkah" in english and "lead time 1 day meets" in english
