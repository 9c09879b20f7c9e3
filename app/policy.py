"""Who may do what: the one place that decides, for HTML pages, the API, services and templates.

Role-level rules are a table (``GRANTS``: permission → roles); object-level rules are plain
functions over the user and the object (``can_view_request(user, request)``). Adding a role is
a member in ``models.states.Role`` (and its CHECK constraint migration) plus rows here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import ColumnElement, true

from models import DemandRequest, Match, Order, User
from models.states import MatchState, RequestState, Role


class Permission(StrEnum):
    """Something a role may do, whatever the object."""

    SELL = "sell"  # seller pages and API: listings, invitations, quotes, orders
    BUY = "buy"  # post requests, invite, award, order, receive, pay
    VIEW_REQUESTS = "view_requests"  # open a request's page (object rule: can_view_request)
    VIEW_ORDERS = "view_orders"  # open an order's page (object rule: can_view_order)
    TRADE = "trade"  # act as one side of an order: rate the other side
    REVIEW = "review"  # review proposals, verify buyers, decide disputes, dashboards
    SEE_SCORES = "see_scores"  # the matcher's scores and every proposal of a request
    MANAGE_USERS = "manage_users"  # the admin's user management
    USE_API = "use_api"  # hold and manage API tokens


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.SELL: frozenset({Role.SELLER}),
    Permission.BUY: frozenset({Role.BUYER}),
    Permission.VIEW_REQUESTS: frozenset({Role.BUYER, Role.OFFICIAL, Role.ADMIN}),
    Permission.VIEW_ORDERS: frozenset({Role.BUYER, Role.SELLER, Role.OFFICIAL, Role.ADMIN}),
    Permission.TRADE: frozenset({Role.BUYER, Role.SELLER}),
    Permission.REVIEW: frozenset({Role.OFFICIAL, Role.ADMIN}),
    Permission.SEE_SCORES: frozenset({Role.OFFICIAL, Role.ADMIN}),
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.USE_API: frozenset(Role),
}

# Staff roles act for the programme, not for an organisation (an admin may switch between them).
STAFF_ROLES: tuple[Role, ...] = (Role.OFFICIAL, Role.ADMIN)

# Where each role lands after logging in.
HOME_ENDPOINTS: dict[str, str] = {
    Role.SELLER: "seller.dashboard",
    Role.BUYER: "requests.index",
    Role.OFFICIAL: "review.queue",
    Role.ADMIN: "review.queue",
}

# Proposals a buyer does not see: those officials have not passed yet, or turned down.
HIDDEN_FROM_BUYERS = (MatchState.PROPOSED, MatchState.REJECTED)
# Request states in which a buyer may still invite approved proposals.
INVITING_STATES = (RequestState.OPEN, RequestState.UNDER_REVIEW, RequestState.INVITED, RequestState.QUOTED)


class Actor(Protocol):
    """A logged-in user or Flask-Login's anonymous user (which has no role)."""

    @property
    def is_authenticated(self) -> bool:
        """True for a logged-in user."""


def _role(user: Actor | User | None) -> str | None:
    if user is None or not user.is_authenticated:
        return None
    role: str | None = getattr(user, "role", None)
    return role


def has_role(user: Actor | User | None, role: Role) -> bool:
    """True when ``user`` is logged in with ``role`` (for wording that differs by role)."""
    return _role(user) == role


def can(user: Actor | User | None, permission: Permission) -> bool:
    """True when ``user`` is logged in with a role granted ``permission``."""
    role = _role(user)
    return role is not None and role in GRANTS[permission]


def may_review(user: Actor | User | None) -> bool:
    """True for officials and admins: review queues, verification, disputes, dashboards."""
    return can(user, Permission.REVIEW)


def can_manage_users(user: Actor | User | None) -> bool:
    """True for admins."""
    return can(user, Permission.MANAGE_USERS)


def buys_for(user: User, organisation_id: int | None) -> bool:
    """True when ``user`` buys for the organisation ``organisation_id``."""
    return (
        can(user, Permission.BUY) and organisation_id is not None and user.organisation_id == organisation_id
    )


def sells_for(user: User, supplier_id: int | None) -> bool:
    """True when ``user`` sells for the supplier profile ``supplier_id``."""
    if not can(user, Permission.SELL) or supplier_id is None or user.organisation is None:
        return False
    profile = user.organisation.supplier_profile
    return profile is not None and profile.id == supplier_id


def can_view_request(user: User, request: DemandRequest) -> bool:
    """Officials and admins see every request; a buyer sees its organisation's."""
    return may_review(user) or buys_for(user, request.buyer_id)


def can_change_request(user: User, request: DemandRequest) -> bool:
    """Only the buying organisation's people change a request."""
    return buys_for(user, request.buyer_id)


def can_see_proposal(user: Any, match: Match) -> bool:
    """Officials see every proposal; buyers only those officials approved (or later)."""
    return can(user, Permission.SEE_SCORES) or match.status not in HIDDEN_FROM_BUYERS


def can_view_quote_of(user: User, match: Match) -> bool:
    """A quote (and its attachment) is for its seller, the buying organisation and officials."""
    return may_review(user) or buys_for(user, match.request.buyer_id) or sells_for(user, match.supplier_id)


def is_order_buyer(user: User, order: Order) -> bool:
    """True when ``user`` buys for the order's organisation."""
    return buys_for(user, order.buyer_id)


def is_order_seller(user: User, order: Order) -> bool:
    """True when ``user`` sells for the order's supplier."""
    return (
        can(user, Permission.SELL)
        and user.organisation_id is not None
        and user.organisation_id == order.supplier.organisation_id
    )


def can_view_order(user: User, order: Order) -> bool:
    """The buyer's and the seller's people, officials and admins see an order."""
    return may_review(user) or is_order_buyer(user, order) or is_order_seller(user, order)


def orders_visible_to(user: User) -> ColumnElement[bool] | None:
    """The condition on orders that ``user`` may list (None: no order at all)."""
    if may_review(user):
        return true()
    if can(user, Permission.BUY):
        return Order.buyer_id == user.organisation_id
    if can(user, Permission.SELL):
        profile = user.organisation.supplier_profile if user.organisation else None
        return Order.supplier_id == (profile.id if profile else -1)
    return None


def role_follows_organisation(user: User) -> bool:
    """True for sellers and buyers: their role comes with their organisation, so an admin may
    only move staff accounts (official, admin) between the staff roles."""
    return user.role not in STAFF_ROLES or user.organisation_id is not None


def home_endpoint(user: User) -> str:
    """The page a user lands on after logging in."""
    return HOME_ENDPOINTS.get(user.role, "storefront.home")


# Made available to every template (see app/templating.py).
TEMPLATE_GLOBALS = {
    "Permission": Permission,
    "Role": Role,
    "can": can,
    "has_role": has_role,
    "may_review": may_review,
    "can_manage_users": can_manage_users,
    "can_see_proposal": can_see_proposal,
    "can_change_request": can_change_request,
    "role_follows_organisation": role_follows_organisation,
}
