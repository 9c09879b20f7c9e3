"""Search results sorted by relevance, price or distance, in the pages and the JSON API."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import run_indexer_once
from tests.factories import kecamatan, make_listing, make_seller

# (seller, kecamatan, title, price): Cakung and Duren Sawit are neighbours in East Jakarta,
# Cilandak is in the south.
SELLERS = [
    ("Warung Selatan", "Cilandak", "Nasi kotak ayam goreng", 30_000),
    ("Katering Timur", "Cakung", "Nasi kotak ayam bakar", 45_000),
    ("Dapur Tetangga", "Duren Sawit", "Nasi kotak rendang", 38_000),
]


@pytest.fixture()
def caterers(db: Session) -> dict[str, int]:
    ids = {}
    for n, (name, place, title, price) in enumerate(SELLERS):
        seller = make_seller(db, email=f"sort{n}@test.id", name=name, kecamatan_name=place)
        ids[title] = make_listing(db, seller.organisation.supplier_profile, title=title, price=price).id
    db.commit()
    return ids


def _titles(page: str) -> list[str]:
    return [t for t in re.findall(r"Nasi kotak [a-z ]+?(?=<)", page) if t in {s[2] for s in SELLERS}]


def _order(client: FlaskClient, url: str) -> list[str]:
    seen: list[str] = []
    for title in _titles(client.get(url).get_data(as_text=True)):
        if title not in seen:
            seen.append(title)
    return seen


@pytest.mark.parametrize("words", ["", "nasi kotak"])
def test_sort_by_price_both_ways(client: FlaskClient, caterers: dict[str, int], words: str) -> None:
    assert _order(client, f"/search?q={words}&sort=price_asc") == [
        "Nasi kotak ayam goreng",
        "Nasi kotak rendang",
        "Nasi kotak ayam bakar",
    ]
    assert _order(client, f"/search?q={words}&sort=price_desc") == [
        "Nasi kotak ayam bakar",
        "Nasi kotak rendang",
        "Nasi kotak ayam goreng",
    ]


def test_sort_by_price_with_the_search_index(
    app: Flask, client: FlaskClient, caterers: dict[str, int]
) -> None:
    run_indexer_once(app)
    page = client.get("/search?q=nasi+kotak&sort=price_asc").get_data(as_text=True)
    assert "search-limited" not in page  # answered by the index, not the fallback
    assert _order(client, "/search?q=nasi+kotak&sort=price_asc")[0] == "Nasi kotak ayam goreng"
    assert _order(client, "/search?q=nasi+kotak&sort=price_desc")[0] == "Nasi kotak ayam bakar"


def test_sort_by_distance_from_a_chosen_kecamatan(
    client: FlaskClient, db: Session, caterers: dict[str, int]
) -> None:
    cakung = kecamatan(db, "Cakung").id
    page = client.get(f"/search?sort=distance&near={cakung}").get_data(as_text=True)
    assert 'data-testid="sort-note"' in page and "Terdekat dari Cakung" in page
    assert _order(client, f"/search?sort=distance&near={cakung}") == [
        "Nasi kotak ayam bakar",
        "Nasi kotak rendang",
        "Nasi kotak ayam goreng",
    ]
    cilandak = kecamatan(db, "Cilandak").id
    assert _order(client, f"/search?q=nasi&sort=distance&near={cilandak}")[0] == "Nasi kotak ayam goreng"


def test_distance_without_a_place_is_explained(client: FlaskClient, caterers: dict[str, int]) -> None:
    page = client.get("/search?sort=distance").get_data(as_text=True)
    assert "pilih kecamatan" in page.lower() and "paling relevan" in page


def test_sort_survives_pagination_and_filters(
    app: Flask, client: FlaskClient, db: Session, caterers: dict[str, int]
) -> None:
    app.config["PER_PAGE"] = 2
    try:
        page = client.get("/search?q=nasi&sort=price_desc").get_data(as_text=True)
        next_link = re.search(r'href="([^"]+)" rel="next"', page).group(1).replace("&amp;", "&")
        assert "sort=price_desc" in next_link and "q=nasi" in next_link
        assert _order(client, next_link) == ["Nasi kotak ayam goreng"]
        filters = page[page.index('class="filters"') : page.index("</form>", page.index('class="filters"'))]
        assert 'name="sort" value="price_desc"' in filters  # applying filters keeps the order
        sort_form = page[page.index('data-testid="sort-form"') :]
        assert 'name="q" value="nasi"' in sort_form[: sort_form.index("</form>")]  # and vice versa
    finally:
        app.config["PER_PAGE"] = 24


def test_api_search_sorts(client: FlaskClient, db: Session, caterers: dict[str, int]) -> None:
    body = client.get("/api/v1/search?sort=price_desc").get_json()
    assert [i["price"] for i in body["items"]] == [45_000, 38_000, 30_000] and body["sort"] == "price_desc"
    cakung = kecamatan(db, "Cakung").id
    body = client.get(f"/api/v1/search?sort=distance&near_kecamatan_id={cakung}").get_json()
    assert body["sort"] == "distance" and body["items"][0]["title"] == "Nasi kotak ayam bakar"
    body = client.get("/api/v1/search?sort=distance").get_json()
    assert body["sort"] == "relevance"
    assert client.get("/api/v1/search?sort=cheapest").status_code == 422
