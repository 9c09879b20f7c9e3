"""Open data: the OCDS release package validates, CSV exports open in spreadsheets, and the
public transparency page shows figures but no personal data."""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from jsonschema import Draft4Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Match, Quote, User
from tests.test_dashboard import Programme, build_programme, client_for, kpi, read_csv

OCDS = Path(__file__).resolve().parent / "data" / "ocds"  # vendored: tests/data/ocds/README.md
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?:\+62|\b0)8\d{1,2}[ -]?\d{3,4}[ -]?\d{3,5}|\b0\d{1,3}[ -]?\d{6,8}\b")


@pytest.fixture()
def programme(db: Session) -> Programme:
    """Three awarded procurements, an open one and a draft (see tests.test_dashboard)."""
    return build_programme(db)


def _load(name: str) -> dict[str, Any]:
    return json.loads((OCDS / name).read_text(encoding="utf-8"))


def merge_patch(target: Any, patch: Any) -> Any:
    """JSON Merge Patch (RFC 7386), as OCDS applies extensions to the release schema."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def extended_release_schema() -> dict[str, Any]:
    """The 1.1.5 release schema with the partyDetails scale extension merged in.

    The shared copy of the extension (like its early upstream versions) patches
    ``properties.Organization``; Organization is a *definition* of the release schema, so the
    patch is applied there — merging it as a top-level property would silently check nothing.
    """
    schema = _load("release-schema.json")
    patch = _load("partyDetails_scale_extension.json")
    for name in list(patch.get("properties", {})):
        if name in schema["definitions"] and name not in schema["properties"]:
            patch.setdefault("definitions", {})[name] = patch["properties"].pop(name)
    return merge_patch(schema, patch)


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _uri(value: object) -> bool:
    return not isinstance(value, str) or bool(urlsplit(value).scheme and urlsplit(value).netloc)


def ocds_validator() -> Draft4Validator:
    """A draft-04 validator of release packages whose ``$ref``s resolve to the local files only."""
    package = _load("release-package-schema.json")
    release = extended_release_schema()
    registry: Registry = Registry().with_resources(
        [
            (package["id"], Resource.from_contents(package, default_specification=DRAFT4)),
            (release["id"], Resource.from_contents(release, default_specification=DRAFT4)),
        ]
    )  # no retrieve function: any reference to anything else fails instead of fetching
    checker = FormatChecker(formats=())
    checker.checks("date-time")(_date_time)
    checker.checks("uri")(_uri)
    Draft4Validator.check_schema(package)
    Draft4Validator.check_schema(release)
    return Draft4Validator(package, registry=registry, format_checker=checker)


def validate(package: dict[str, Any]) -> None:
    """Fail with every schema error listed."""
    errors = sorted(ocds_validator().iter_errors(package), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


def test_release_package_validates_against_ocds_1_1_5(app: Flask, db: Session, programme: Programme) -> None:
    response = app.test_client().get("/open-data/ocds/release-package.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    package = response.get_json()
    validate(package)
    assert package["version"] == "1.1"
    assert any("partyDetails_scale" in url for url in package["extensions"])
    ocids = {r["ocid"] for r in package["releases"]}
    published = [r for k, r in programme.requests.items() if k != "draft"]
    assert ocids == {f"ocds-pasarpadu-{r.id}" for r in published}  # never a draft


def test_awarded_release_has_parties_awards_and_contracts(
    app: Flask, db: Session, programme: Programme
) -> None:
    package = app.test_client().get("/open-data/ocds/release-package.json").get_json()
    releases = {r["ocid"]: r for r in package["releases"]}
    b = releases[f"ocds-pasarpadu-{programme.requests['B'].id}"]
    assert b["tag"] == ["tender", "award", "contract"] and b["initiationType"] == "tender"
    roles = {p.get("name", p["id"]): (p["roles"], p.get("details", {}).get("scale")) for p in b["parties"]}
    buyer_name = programme.users["buyer"].organisation.legal_name
    assert roles[buyer_name][0] == ["buyer"]
    assert b["buyer"]["name"] == buyer_name
    assert roles[_legal(programme, "Dapur Betawi Bang Udin")] == (["tenderer", "supplier"], "sme")
    assert roles[_legal(programme, "Warung Nasi Mpok Ani")] == (["tenderer", "supplier"], "micro")
    assert sorted(a["value"]["amount"] for a in b["awards"]) == [1_200_000, 2_340_000]
    assert all(a["value"]["currency"] == "IDR" and a["status"] == "active" for a in b["awards"])
    assert {c["awardID"] for c in b["contracts"]} == {a["id"] for a in b["awards"]}
    assert b["tender"]["status"] == "complete" and b["tender"]["numberOfTenderers"] == 2
    item = b["tender"]["items"][0]
    assert item["classification"]["scheme"] == "x_PasarPaduCategory"
    assert item["classification"]["id"] == "catering" and item["quantity"] == 100
    a = releases[f"ocds-pasarpadu-{programme.requests['A'].id}"]
    loser = next(p for p in a["parties"] if p["roles"] == ["tenderer"])
    assert "name" not in loser and loser["details"]["scale"] == "sme"  # lost: no name
    open_one = releases[f"ocds-pasarpadu-{programme.requests['open'].id}"]
    assert open_one["tag"] == ["tender"] and "awards" not in open_one
    assert open_one["tender"]["status"] == "active"


def _legal(programme: Programme, business: str) -> str:
    user: User = programme.users[business]
    return user.organisation.legal_name


def test_release_package_filters_by_publication_date(app: Flask, db: Session, programme: Programme) -> None:
    client = app.test_client()
    april = client.get("/open-data/ocds/release-package.json?since=2026-04-01&until=2026-04-30")
    ids = {r["ocid"] for r in april.get_json()["releases"]}
    assert ids == {f"ocds-pasarpadu-{programme.requests[k].id}" for k in ("C", "open")}
    validate(april.get_json())
    assert client.get("/open-data/ocds/release-package.json?since=2026-04-31").status_code == 400
    empty = client.get("/open-data/ocds/release-package.json?until=2020-01-01")
    assert empty.status_code == 404 and "error" in empty.get_json()


def test_release_package_pages(
    app: Flask, db: Session, programme: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import ocds

    monkeypatch.setattr(ocds, "PAGE_SIZE", 2)
    client = app.test_client()
    first = client.get("/open-data/ocds/release-package.json")
    assert len(first.get_json()["releases"]) == 2
    assert 'rel="next"' in first.headers["Link"]
    following = urlsplit(first.get_json()["links"]["next"])
    assert following.query == "page=2"
    second = client.get(f"{following.path}?{following.query}")
    assert len(second.get_json()["releases"]) == 2 and "prev" in second.get_json()["links"]
    validate(second.get_json())
    assert client.get("/open-data/ocds/release-package.json?page=3").status_code == 404


def test_scale_extension_is_really_checked() -> None:
    release = {
        "ocid": "ocds-pasarpadu-1",
        "id": "1",
        "date": "2026-04-01T10:00:00+07:00",
        "tag": ["tender"],
        "initiationType": "tender",
        "parties": [{"id": "PP-ORG-1", "roles": ["tenderer"], "details": {"scale": "huge"}}],
    }
    package = {
        "uri": "https://pasarpadu.id/p.json",
        "version": "1.1",
        "publishedDate": "2026-04-01T10:00:00+07:00",
        "publisher": {"name": "Pasar Padu"},
        "releases": [release],
    }
    with pytest.raises(ValidationError, match="huge"):
        ocds_validator().validate(package)
    release["parties"][0]["details"]["scale"] = "micro"
    ocds_validator().validate(package)


def test_personal_contacts_never_leave_in_public_exports(
    app: Flask, db: Session, programme: Programme
) -> None:
    client = app.test_client()
    package = client.get("/open-data/ocds/release-package.json").get_data(as_text=True)
    requests_csv = client.get("/open-data/requests.csv").get_data(as_text=True)
    awards_csv = client.get("/open-data/awards.csv").get_data(as_text=True)
    for text in (package, requests_csv, awards_csv):
        assert not EMAIL.search(text) and not PHONE.search(text), text[:300]
    assert "Kursi lipat aula" in requests_csv  # the title stays, the phone number goes


def test_public_csv_exports_open_in_spreadsheets(app: Flask, db: Session, programme: Programme) -> None:
    client = app.test_client()
    awards = client.get("/open-data/awards.csv")
    assert awards.status_code == 200
    assert awards.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="pasarpadu-awards-' in awards.headers["Content-Disposition"]
    rows = read_csv(awards.data)
    header = rows[0]
    assert header[:4] == ["award_id", "request_id", "ocid", "awarded_at_wib"]
    by_supplier = {row[header.index("supplier")]: row for row in rows[1:]}
    assert set(by_supplier) == {
        _legal(programme, n)
        for n in ("Katering Bu Sri", "Dapur Betawi Bang Udin", "Warung Nasi Mpok Ani", "Mebel Jati Pak Harto")
    }
    sri = by_supplier[_legal(programme, "Katering Bu Sri")]
    assert sri[header.index("total_value_idr")] == "3400000"
    assert sri[header.index("awarded_at_wib")] == "2026-03-06 10:00:00"
    assert sri[header.index("supplier_scale")] == "micro"
    requests = read_csv(client.get("/open-data/requests.csv").data)
    titles = [row[requests[0].index("title")] for row in requests[1:]]
    assert len(titles) == 4 and "Snack rapat (belum terbit)" not in titles  # drafts stay private
    assert "'=1+2 Kertas HVS A4" in titles  # a formula-looking title cannot run in a spreadsheet
    april = read_csv(client.get("/open-data/awards.csv?from=2026-04-01&to=2026-04-30").data)
    assert len(april) == 4


def test_proposals_and_quotes_are_for_officials(app: Flask, db: Session, programme: Programme) -> None:
    for path in ("/open-data/proposals.csv", "/open-data/quotes.csv"):
        anonymous = app.test_client().get(path)
        assert anonymous.status_code == 302 and "/auth/login" in anonymous.headers["Location"]
        assert client_for(app, "sri@test.id").get(path).status_code == 403
        assert client_for(app, "buyer@test.id").get(path).status_code == 403
    official = client_for(app, "official@test.id")
    proposals = read_csv(official.get("/open-data/proposals.csv").data)
    assert len(proposals) - 1 == db.scalar(select(func.count()).select_from(Match))
    quotes = read_csv(official.get("/open-data/quotes.csv").data)
    assert len(quotes) - 1 == db.scalar(select(func.count()).select_from(Quote)) == 5
    assert app.test_client().get("/open-data/bids.csv").status_code == 404
    index = official.get("/open-data/").get_data(as_text=True)
    assert "proposals.csv" in index and "quotes.csv" in index
    public_index = app.test_client().get("/open-data/").get_data(as_text=True)
    assert "/open-data/proposals.csv" not in public_index and "awards.csv" in public_index


def test_transparency_page_shows_figures_but_no_personal_data(
    app: Flask, db: Session, programme: Programme
) -> None:
    response = app.test_client().get("/transparency")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert kpi(page, "value") == "Rp 8.440.000"
    assert page.count("<svg ") == 5 and 'role="img"' in page
    assert not EMAIL.search(page) and not PHONE.search(page)
    for user in db.scalars(select(User)):
        assert user.full_name not in page and user.email not in page
        if user.organisation is not None and user.organisation.phone:
            assert user.organisation.phone not in page
    assert programme.users["buyer"].organisation.legal_name in page  # buyers are public
    assert _legal(programme, "Katering Bu Sri") in page  # so are the businesses that won
    assert "Katering Baru Sekali" not in page  # a business that never won is not named
    chart = app.test_client().get("/transparency/kota.csv")
    assert chart.status_code == 200 and read_csv(chart.data)[0][0] == "Kota"
