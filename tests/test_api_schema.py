"""Schemathesis against the app's own OpenAPI document: no server errors, every response as documented."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.extensions import db
from app.services.tokens import create_token
from tests import deal_rows
from tests.conftest import _empty_tables
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

# Business rules (a future date, a known kecamatan) legitimately refuse some schema-valid
# inputs with 422, so "every schema-valid request succeeds" is not among the checks.
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, status_code_conformance]
SELLER_PATHS = ("/api/v1/listings", "/api/v1/invitations", "/api/v1/quotes")
OFFICIAL_PATHS = ("/api/v1/proposals", "/api/v1/invoices/overdue", "/api/v1/disputes")


@pytest.fixture(scope="module")
def api_world(_app: Flask) -> Iterator[dict[str, str]]:
    """A seller with a listing, a buyer with a request and two orders, an official; a token
    for each."""
    with _app.app_context():
        seller = make_seller(db.session, email="seller@schema.id")
        make_listing(db.session, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
        buyer = make_buyer(db.session, email="buyer@schema.id")
        make_request(db.session, buyer)
        for status in ("pending", "accepted"):  # orders at two stages, one delivered and invoiced
            order = deal_rows.order(
                db.session, buyer.organisation, seller.organisation.supplier_profile, status=status
            )
        deal_rows.deliver(db.session, order, received_on=order.delivery_date)
        deal_rows.invoice(db.session, order, due_on=order.delivery_date)
        official = make_official(db.session, email="official@schema.id")
        tokens = {
            role: create_token(db.session, user)[1]
            for role, user in (("seller", seller), ("buyer", buyer), ("official", official))
        }
        db.session.commit()
    yield tokens
    with _app.app_context():
        _empty_tables()


@pytest.fixture(scope="module")
def api_schema(_app: Flask, api_world: dict[str, str]) -> Any:
    """The OpenAPI document served by the app, loaded in-process."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _app)


def _token_for(path: str, tokens: dict[str, str]) -> str:
    if path.startswith(SELLER_PATHS):
        return tokens["seller"]
    if path.startswith(OFFICIAL_PATHS):
        return tokens["official"]
    return tokens["buyer"]


@pytest.mark.slow
def test_api_conforms_to_its_schema(api_schema: Any, api_world: dict[str, str], _app: Flask) -> None:
    """Every operation, with generated inputs: no 5xx, responses match the documented schemas."""
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 25

    for operation in operations:
        headers = {"Authorization": f"Bearer {_token_for(operation.path, api_world)}"}

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case: Any) -> None:
            with _app.app_context():
                case.call_and_validate(headers=headers, checks=CHECKS)  # noqa: B023 - runs in this iteration

        try:
            exercise()
        except Exception as error:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {str(error)[:600]}")
    assert failures == [], "\n\n".join(failures)
