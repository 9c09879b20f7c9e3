"""One policy decides who may do what; every role and permission is in its tables."""

from __future__ import annotations

from flask_login import AnonymousUserMixin
from sqlalchemy.orm import Session

from app.policy import (
    GRANTS,
    HOME_ENDPOINTS,
    Permission,
    can,
    can_change_request,
    can_view_request,
)
from models.states import Role
from tests.factories import make_buyer, make_official, make_request, make_seller


def test_every_permission_is_granted_somewhere_and_every_role_has_a_home() -> None:
    assert set(GRANTS) == set(Permission)
    assert all(GRANTS[permission] for permission in Permission)
    assert set(HOME_ENDPOINTS) == set(Role)


def test_a_visitor_who_is_not_logged_in_may_do_nothing() -> None:
    visitor = AnonymousUserMixin()
    assert not any(can(visitor, permission) for permission in Permission)


def test_a_request_is_seen_by_its_buyer_and_officials_and_changed_by_its_buyer_only(db: Session) -> None:
    buyer = make_buyer(db, email="b1@test.id")
    other = make_buyer(db, email="b2@test.id")
    official = make_official(db, email="o@test.id")
    seller = make_seller(db, email="s@test.id")
    demand = make_request(db, buyer)
    db.commit()
    assert can_view_request(buyer, demand) and can_change_request(buyer, demand)
    assert can_view_request(official, demand) and not can_change_request(official, demand)
    assert not can_view_request(other, demand) and not can_view_request(seller, demand)
