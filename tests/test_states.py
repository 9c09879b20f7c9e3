"""Roles and states are enums; the database refuses any value outside them."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.services.states import MACHINES
from models import Base
from models.states import (
    DeliveryState,
    DisputeState,
    InvoiceState,
    MatchState,
    OrderState,
    QuoteState,
    RequestState,
    Role,
    values,
)
from tests.factories import make_buyer

ENUMS = {
    "request": RequestState,
    "match": MatchState,
    "quote": QuoteState,
    "order": OrderState,
    "delivery": DeliveryState,
    "dispute": DisputeState,
    "invoice": InvoiceState,
}


@pytest.mark.parametrize("kind", sorted(ENUMS))
def test_every_state_of_a_transition_table_is_a_member_of_its_enum(kind: str) -> None:
    machine = MACHINES[kind]
    states = set(machine) | {target for targets in machine.values() for target in targets}
    assert states == set(values(ENUMS[kind]))


def test_a_state_enum_compares_equal_to_the_stored_string() -> None:
    assert RequestState.DRAFT == "draft"
    assert f"{OrderState.PENDING}" == "pending"
    assert "buyer" in tuple(Role)


def test_every_role_and_state_column_has_a_check_constraint(db: Session) -> None:
    inspector = inspect(db.get_bind())
    expected = {
        (table, f"ck_{table}_{column}")
        for table, column in (
            ("users", "role"),
            ("organisations", "verification_state"),
            ("listings", "status"),
            ("demand_requests", "status"),
            ("matches", "status"),
            ("quotes", "status"),
            ("orders", "status"),
            ("deliveries", "status"),
            ("disputes", "status"),
            ("invoices", "status"),
        )
    }
    found = {
        (table, check["name"])
        for table in Base.metadata.tables
        for check in inspector.get_check_constraints(table)
    }
    assert expected <= found


def test_the_database_refuses_an_unknown_role(db: Session) -> None:
    buyer = make_buyer(db, email="b@test.id")
    db.commit()
    with pytest.raises(IntegrityError):
        db.execute(text("UPDATE users SET role = 'root' WHERE id = :id"), {"id": buyer.id})
        db.flush()
    db.rollback()


def test_the_database_refuses_an_unknown_verification_state(db: Session) -> None:
    buyer = make_buyer(db, email="b@test.id")
    db.commit()
    with pytest.raises(IntegrityError):
        db.execute(
            text("UPDATE organisations SET verification_state = 'maybe' WHERE id = :id"),
            {"id": buyer.organisation_id},
        )
    db.rollback()


def test_the_live_quote_index_keeps_its_condition_after_the_constraint_migration(db: Session) -> None:
    indexes = {index["name"]: index for index in inspect(db.get_bind()).get_indexes("quotes")}
    assert indexes["uq_quotes_live_match_id"]["unique"]
    options = indexes["uq_quotes_live_match_id"].get("dialect_options", {})
    assert any("withdrawn" in str(value) for value in options.values())
