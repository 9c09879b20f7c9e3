"""Generated junk at every JSON endpoint and every HTML form: never a server error."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extensions import db
from app.services.tokens import create_token
from tests.conftest import _empty_tables, login
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

NASTY = [
    "\ud800",
    "\x00",
    "\u202e",
    "\u200b" * 6,
    "9" * 30,
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "",
    " ",
    "<script>",
    "' OR 1=1 --",
    "[" * 50,
    "9223372036854775808",
    "9999-12-31",
    "💥" * 3,
]
text = st.one_of(
    st.sampled_from(NASTY), st.text(max_size=40), st.text(alphabet=st.characters(codec="utf-8"), max_size=10)
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    text,
)
FIELDS = [
    "title",
    "description",
    "category",
    "price",
    "unit",
    "quantity",
    "kecamatan_id",
    "needed_by",
    "quotes_due",
    "delivery_date",
    "unit_price",
    "note",
    "reason",
    "awards",
    "match_ids",
    "decision",
    "email",
    "password",
    "name",
    "budget_ceiling",
    "quote_id",
    "category_id",
    "min_order",
    "lead_time_days",
    "monthly_capacity",
    "kind",
    "number",
    "expires_on",
    "q",
    "page",
    "per_page",
    "confirm",
    "full_name",
    "legal_name",
    "phone",
    "nib",
    "scale",
    "action",
    "match_id",
    "max_price",
    "min_price",
    "kota_id",
    "cert",
]
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.sampled_from(FIELDS) | text, children, max_size=5)
    ),
    max_leaves=12,
)
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8).map(lambda d: json.dumps(d)),
    json_values.map(lambda v: json.dumps(v)),
    st.sampled_from(
        [
            '{"title": "\\ud800"}',
            "[" * 5000,
            "{",
            '{"a": 1}' * 3,
            "null",
            '{"price": 1e400}',
            '{"quantity": 1.5}',
        ]
    ),
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
)
queries = st.dictionaries(st.sampled_from(FIELDS), text, max_size=4)
forms = st.dictionaries(st.sampled_from(FIELDS), text, max_size=10)


def _encoded(values: dict[str, str]) -> str:
    """URL-encoded, lone surrogates included as the (invalid) bytes a client could send."""
    return urlencode(values, encoding="utf-8", errors="surrogatepass")


SKIP = re.compile(r"/(logout|logout-everywhere|static|docs)\b")


@pytest.fixture(scope="module")
def world(_app: Flask) -> Iterator[dict[str, Any]]:
    """A seller, a buyer and an official with a request and a listing; tokens and ids."""
    with _app.app_context():
        seller = make_seller(db.session, email="seller@fuzz.id")
        listing = make_listing(db.session, seller.organisation.supplier_profile, title="Nasi kotak")
        buyer = make_buyer(db.session, email="buyer@fuzz.id")
        demand = make_request(db.session, buyer)
        official = make_official(db.session, email="official@fuzz.id")
        tokens = {
            role: create_token(db.session, user)[1]
            for role, user in (("seller", seller), ("buyer", buyer), ("official", official))
        }
        db.session.commit()
        ids = [listing.id, demand.id, seller.organisation.supplier_profile.id, 1]
    yield {"tokens": tokens, "ids": ids}
    with _app.app_context():
        _empty_tables()


def _paths(app: Flask, api: bool) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1") != api or SKIP.search(rule.rule):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            if api or method == "POST" or (method == "GET" and not rule.arguments):
                found.append((method, rule.rule))
    return found


def _fill(rule: str, ids: list[int], pick: int) -> str:
    def value(match: re.Match[str]) -> str:
        converter = match.group(1) or ""
        if converter.startswith("int"):
            return str(ids[pick % len(ids)])
        if converter.startswith("any("):
            return converter[4:].split(",")[0].strip()
        return "catering"

    return re.sub(r"<(?:([^:>]+):)?[^>]+>", value, rule)


@pytest.mark.slow
def test_json_endpoints_never_answer_5xx(_app: Flask, world: dict[str, Any]) -> None:
    routes = _paths(_app, api=True)
    assert len(routes) >= 20

    @given(
        route=st.sampled_from(routes),
        body=bodies,
        query=queries,
        role=st.sampled_from(["seller", "buyer", "official"]),
        pick=st.integers(0, 3),
    )
    @settings(
        max_examples=300,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def throw(route: tuple[str, str], body: str, query: dict[str, str], role: str, pick: int) -> None:
        method, rule = route
        headers = {"Authorization": f"Bearer {world['tokens'][role]}", "Content-Type": "application/json"}
        with _app.app_context():
            response = _app.test_client().open(
                _fill(rule, world["ids"], pick),
                method=method,
                query_string=_encoded(query),
                data=body.encode("utf-8", "surrogatepass"),
                headers=headers,
            )
        assert response.status_code < 500, (method, rule, body[:200], response.get_data()[:300])

    throw()


@pytest.mark.slow
def test_html_forms_never_answer_5xx(_app: Flask, world: dict[str, Any]) -> None:
    routes = _paths(_app, api=False)
    clients = {}
    with _app.app_context():
        for role in ("seller", "buyer", "official"):
            clients[role] = _app.test_client()
            login(clients[role], f"{role}@fuzz.id")

    @given(
        route=st.sampled_from(routes),
        form=forms,
        query=queries,
        role=st.sampled_from(["seller", "buyer", "official", "anonymous"]),
        pick=st.integers(0, 3),
    )
    @settings(
        max_examples=300,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def throw(
        route: tuple[str, str], form: dict[str, str], query: dict[str, str], role: str, pick: int
    ) -> None:
        method, rule = route
        with _app.app_context():
            client = clients.get(role) or _app.test_client()
            response = client.open(
                _fill(rule, world["ids"], pick),
                method=method,
                query_string=_encoded(query),
                data=_encoded(form) if method == "POST" else None,
                content_type="application/x-www-form-urlencoded",
            )
        assert response.status_code < 500, (method, rule, form, response.get_data()[:300])

    throw()
