"""RETRIEVAL_BACKEND: the setting, and the storefront answering the same from Milvus as locally."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.catalogue_index import catalogue_index, retrieve, search
from app.clock import today
from app.config import ConfigError, load_config
from app.services.index_backend import BuildOptions, prune_collections
from app.services.indexer import run_once
from app.services.storefront import SearchParams
from tests.factories import make_listing, make_seller
from tests.test_catalogue_index import _catalogue

QUERIES = [
    "nasi kotak",
    "tumpeng",
    "kemeja batik",
    "kursi",
    "spanduk cetak",
    "kopi robusta",
    "masker",
    "nasi kuning untuk rapat",
    "seragam",
    "qqqq",
]


@pytest.mark.parametrize(
    "env, name",
    [
        ({"RETRIEVAL_BACKEND": "elastic"}, "RETRIEVAL_BACKEND"),
        ({"RETRIEVAL_BACKEND": "milvus", "MILVUS_URI": ""}, "MILVUS_URI"),
        ({"RETRIEVAL_BACKEND": "milvus", "MILVUS_URI": "localhost"}, "MILVUS_URI"),
        ({"MILVUS_COLLECTION": "bad-name"}, "MILVUS_COLLECTION"),
    ],
)
def test_wrong_backend_settings_stop_start_up(
    env: dict[str, str], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ConfigError, match=name):
        load_config(str(tmp_path))


def test_backend_settings_default_to_local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("RETRIEVAL_BACKEND", "MILVUS_URI", "INDEXER_RAY"):
        monkeypatch.delenv(key, raising=False)
    config = load_config(str(tmp_path))
    assert config["RETRIEVAL_BACKEND"] == "local" and config["INDEXER_RAY"] is False
    monkeypatch.setenv("RETRIEVAL_BACKEND", "milvus")
    monkeypatch.setenv("MILVUS_URI", "http://milvus.internal:19530")
    assert BuildOptions.from_config(load_config(str(tmp_path))).backend == "milvus"


def _answers(
    app: Flask, client: FlaskClient, db: Session, options: BuildOptions, folder: Path
) -> dict[str, tuple[list[int], list[int], list[int]]]:
    """(matches, storefront results, suggestions) per query, from an index built on ``options``."""
    app.config["INDEX_FOLDER"] = str(folder)
    run_once(db, str(folder), app.config["MATCHER_MODEL"], options=options)
    app.extensions.pop("catalogue_index", None)
    assert catalogue_index().current() is not None
    answers = {}
    for text in QUERIES:
        page = search(db, SearchParams(text=text), today())
        answers[text] = (
            [c.listing_id for c in retrieve(db, text, 10)],
            [item.id for item in page.listings],
            [item.id for item in page.suggestions],
        )
        assert client.get("/search", query_string={"q": text}).status_code == 200
    return answers


@pytest.mark.milvus
def test_storefront_answers_the_same_from_milvus(
    app: Flask, client: FlaskClient, db: Session, tmp_path: Path, milvus_uri: str
) -> None:
    _catalogue(db)
    seller = make_seller(db, name="Kedai Nusantara")
    for title in ("Nasi kuning tumpeng mini", "Kopi susu gula aren", "Seragam olahraga sekolah"):
        make_listing(db, seller.organisation.supplier_profile, title=title)
    db.commit()
    local = _answers(app, client, db, BuildOptions(), tmp_path / "local")
    options = BuildOptions(backend="milvus", milvus_uri=milvus_uri, collection_prefix="storefront")
    remote = _answers(app, client, db, options, tmp_path / "milvus")
    assert catalogue_index().current().backend.name == "milvus"
    assert remote == local
    # switching the setting back makes the indexer rebuild on the configured backend
    assert _answers(app, client, db, BuildOptions(), tmp_path / "milvus") == local
    assert catalogue_index().current().backend.name == "local"
    remote = _answers(app, client, db, options, tmp_path / "milvus")
    assert catalogue_index().current().backend.name == "milvus"
    # a second full build writes a new collection; the two newest are kept
    run_once(db, str(tmp_path / "milvus"), app.config["MATCHER_MODEL"], options=options)
    from app.services.indexer import Indexer

    for _ in range(2):
        Indexer(str(tmp_path / "milvus"), app.config["MATCHER_MODEL"], options=options).full_build(db)
    assert prune_collections(options) == []
    from matching.milvus_backend import MilvusBackend

    names = MilvusBackend.open_client(milvus_uri).list_collections()
    assert len([n for n in names if n.startswith("storefront_")]) == 2


@pytest.mark.milvus
def test_search_falls_back_to_the_database_when_milvus_is_down(
    app: Flask, client: FlaskClient, db: Session, tmp_path: Path
) -> None:
    from tests.conftest import milvus_lite_server

    listings = _catalogue(db)
    with milvus_lite_server(tmp_path) as (uri, server):
        options = BuildOptions(backend="milvus", milvus_uri=uri, collection_prefix="down")
        run_once(db, app.config["INDEX_FOLDER"], app.config["MATCHER_MODEL"], options=options)
        app.extensions.pop("catalogue_index", None)
        assert retrieve(db, "nasi kotak", 5)[0].listing_id == listings["nasi"].id
        server.kill()
        server.wait()
        page = search(db, SearchParams(text="nasi kotak"), today())
        assert page.limited and listings["nasi"].id in [item.id for item in page.listings]
        assert listings["nasi"].id in [c.listing_id for c in retrieve(db, "nasi kotak", 5)]
        assert client.get("/search", query_string={"q": "nasi kotak"}).status_code == 200


@pytest.mark.ray
def test_indexer_full_build_through_ray_answers_like_the_default(
    app: Flask, client: FlaskClient, db: Session, tmp_path: Path, local_ray: None
) -> None:
    _catalogue(db)
    local = _answers(app, client, db, BuildOptions(), tmp_path / "plain")
    with_ray = BuildOptions(ray=True, model=app.config["MATCHER_MODEL"])
    assert _answers(app, client, db, with_ray, tmp_path / "ray") == local
    assert not (tmp_path / "ray" / "ray-embeddings").exists()  # shards removed once indexed


@pytest.mark.milvus
def test_switching_back_to_local_while_milvus_is_gone_rebuilds_locally(
    app: Flask, db: Session, tmp_path: Path
) -> None:
    from tests.conftest import milvus_lite_server

    listings = _catalogue(db)
    folder = str(tmp_path / "index")
    with milvus_lite_server(tmp_path) as (uri, _):
        options = BuildOptions(backend="milvus", milvus_uri=uri, collection_prefix="gone")
        run_once(db, folder, app.config["MATCHER_MODEL"], options=options)
    # the snapshot names a Milvus that no longer answers: the indexer builds on the setting
    indexer = run_once(db, folder, app.config["MATCHER_MODEL"], options=BuildOptions())
    assert indexer.retriever is not None and indexer.retriever.backend.name == "local"
    app.config["INDEX_FOLDER"] = folder
    app.extensions.pop("catalogue_index", None)
    assert retrieve(db, "nasi kotak", 5)[0].listing_id == listings["nasi"].id
