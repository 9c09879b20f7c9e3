"""Bad input gets a clear 4xx in the house format, never a 500, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.clock import today
from tests.conftest import PASSWORD, login
from tests.factories import kecamatan, make_buyer, make_seller

HUGE = "9999999999999999999999999"


@pytest.fixture()
def seller_token(client: FlaskClient, db: Session) -> dict[str, str]:
    make_seller(db, email="seller@test.id")
    db.commit()
    token = client.post("/api/v1/auth/token", json={"email": "seller@test.id", "password": PASSWORD})
    return {"Authorization": f"Bearer {token.get_json()['token']}", "Content-Type": "application/json"}


def _listing(**changes: object) -> dict[str, object]:
    return {
        "title": "Keripik singkong balado",
        "category": "catering",
        "price": 15000,
        "unit": "bungkus",
        **changes,
    }


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[" * 100_000,
        b'{"title": "\\ud800 keripik"}',
        b'{"unit": "a\\u0000b"}',
        b'{"\\ud800": 1}',
    ],
)
def test_broken_json_is_a_400_in_the_house_format(
    client: FlaskClient, seller_token: dict[str, str], body: bytes
) -> None:
    for path in ("/api/v1/listings", "/api/v1/auth/token", "/api/v1/requests"):
        response = client.post(path, data=body, headers=seller_token)
        assert response.status_code == 400, (path, response.status_code)
        assert set(response.get_json()["error"]) == {"code", "message", "details"}


@pytest.mark.parametrize(
    "query",
    [
        f"page={HUGE}",
        "max_price=9223372036854775808",
        "max=9223372036854775808",
        "q=a%00b",
        "page=99999999999",
    ],
)
def test_absurd_query_values_are_refused(
    client: FlaskClient, seller_token: dict[str, str], query: str
) -> None:
    for path in (
        "/search",
        "/category/catering",
        "/supplier/1",
        "/api/v1/search",
        "/api/v1/listings",
        "/api/v1/invitations",
        "/seller/invitations",
    ):
        response = client.get(f"{path}?{query}", headers=seller_token)
        assert response.status_code == 400, (path, response.status_code)


def test_nul_in_an_html_form_shows_a_clear_error(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="seller@test.id")
    db.commit()
    login(client, "seller@test.id")
    page = client.post("/seller/listings/new", data={"title": "Keripik\x00 balado", "price": "1000"})
    assert page.status_code == 400 and "NUL" in page.get_data(as_text=True)  # message in either language


@pytest.mark.parametrize("title", ["\u200b\u200b\u200b\u200b\u200b\u200b", "Keripik \u202eolabab"])
def test_invisible_or_disguised_titles_are_refused(
    client: FlaskClient, db: Session, seller_token: dict[str, str], title: str
) -> None:
    response = client.post("/api/v1/listings", json=_listing(title=title), headers=seller_token)
    assert response.status_code == 422 and "title" in response.get_json()["error"]["details"]
    login(client, "seller@test.id")
    page = client.post("/seller/listings/new", data={"title": title, "price": "1000"})
    assert page.status_code == 422


def test_fractional_price_is_refused_not_cut(client: FlaskClient, seller_token: dict[str, str]) -> None:
    response = client.post("/api/v1/listings", json=_listing(price=1.5), headers=seller_token)
    assert response.status_code == 422 and "price" in response.get_json()["error"]["details"]


def test_dates_far_ahead_are_refused(client: FlaskClient, db: Session) -> None:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    token = client.post("/api/v1/auth/token", json={"email": "buyer@test.id", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    body = {
        "title": "Nasi kotak rapat",
        "quantity": 100,
        "unit": "kotak",
        "category": "catering",
        "kecamatan_id": kecamatan(db).id,
        "needed_by": date(9999, 12, 31).isoformat(),
    }
    far = client.post("/api/v1/requests", json=body, headers=headers)
    assert far.status_code == 422 and "needed_by" in far.get_json()["error"]["details"]
    near = client.post(
        "/api/v1/requests",
        headers=headers,
        json={**body, "needed_by": (today() + timedelta(days=300)).isoformat()},
    )
    assert near.status_code == 201


def test_delivery_dates_far_ahead_are_refused(app: Flask, db: Session) -> None:
    from app.services import ServiceError
    from app.services.quotes import QuoteInput, submit_quote
    from models import Match
    from tests.test_quote_races import _invited

    match = _invited(db)
    with pytest.raises(ServiceError) as refused:
        submit_quote(
            db,
            db.get(Match, match.id),
            make_seller(db),
            QuoteInput(19_000, 10, date(9999, 1, 1), ""),
            today(),
        )
    assert refused.value.field == "delivery_date"
