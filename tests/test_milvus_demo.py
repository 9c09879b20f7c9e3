"""`RETRIEVAL_BACKEND=milvus` on `make run`'s demo data: the storefront and request matching
answer exactly as the default local backend (a real Milvus Lite server on loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalogue_index import catalogue_index, search
from app.clock import today
from app.services.catalogue_records import demand_query
from app.services.index_backend import BuildOptions
from app.services.indexer import run_once
from app.services.matchmaking import match_request
from app.services.storefront import SearchParams
from models import DemandRequest

pytestmark = [pytest.mark.milvus, pytest.mark.slow]

DEMO_QUERIES = [
    "nasi kotak",
    "nasi tumpeng",
    "snack box rapat",
    "kue basah",
    "kopi bubuk",
    "batik tulis",
    "kemeja batik",
    "seragam sekolah",
    "kaos sablon",
    "tas anyaman",
    "kerajinan rotan",
    "sabun cuci tangan",
    "masker kain",
    "spanduk",
    "cetak brosur",
    "kursi kayu",
    "meja lipat",
    "servis ac",
    "katering prasmanan 200 orang",
    "keripik singkong",
    "jasa kebersihan kantor",
    "air mineral galon",
]


def _answers(
    app: Flask,
    client: FlaskClient,
    db: Session,
    options: BuildOptions,
    folder: Path,
    requests: list[DemandRequest],
) -> dict[str, list[int]]:
    """Top-10 storefront results per query and proposals per request, from ``options``' index."""
    app.config["INDEX_FOLDER"] = str(folder)
    run_once(db, str(folder), app.config["MATCHER_MODEL"], options=options)
    app.extensions.pop("catalogue_index", None)
    assert catalogue_index().current().backend.name == options.backend
    answers: dict[str, list[int]] = {}
    for text in DEMO_QUERIES:
        page = search(db, SearchParams(text=text), today())
        assert not page.limited
        answers[text] = [item.id for item in [*page.listings, *page.suggestions]][:10]
        assert client.get("/search", query_string={"q": text}).status_code == 200
    for request in requests:
        answers[f"#{request.id}"] = [m.supplier_id for m in match_request(db, request, today())]
    return answers


def test_demo_storefront_and_matching_answer_the_same_from_milvus(
    app: Flask,
    client: FlaskClient,
    db: Session,
    tmp_path: Path,
    milvus_uri: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(app.config, "MATCHER_MODEL", "static")  # make run's model
    seeded = app.test_cli_runner().invoke(args=["seed-demo"])
    assert seeded.exit_code == 0, seeded.output
    requests = list(
        db.scalars(
            select(DemandRequest)
            .where(DemandRequest.status.in_(("open", "under_review")))
            .order_by(DemandRequest.id)
            .limit(10)
        )
    )
    assert len(requests) >= 5 and all(demand_query(r, today()).text for r in requests)
    local = _answers(app, client, db, BuildOptions(), tmp_path / "local", requests)
    remote = _answers(
        app,
        client,
        db,
        BuildOptions(backend="milvus", milvus_uri=milvus_uri, collection_prefix="demo"),
        tmp_path / "milvus",
        requests,
    )
    assert sum(len(ids) for ids in local.values()) > 150  # the queries do find things
    assert remote == local
