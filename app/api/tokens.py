"""Personal access tokens: issue from e-mail and password, list, revoke."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from app.api import abort, api_permission, api_user
from app.api.schemas import TokenList, TokenOut, TokenRequest
from app.extensions import db, limiter
from app.policy import Permission
from app.services.accounts import authenticate
from app.services.tokens import create_token, revoke_token, tokens_of

blp = Blueprint("api_tokens", __name__, description="Personal access tokens")
SECURED: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def _token(row: Any, raw: str | None = None) -> dict[str, Any]:
    data = {
        "id": row.id,
        "name": row.name,
        "prefix": row.prefix,
        "created_at": row.created_at,
        "last_used_at": row.last_used_at,
        "revoked_at": row.revoked_at,
        "role": row.user.role,
    }
    if raw:
        data["token"] = raw
    return data


@blp.route("/auth/token")
class IssueToken(MethodView):
    """Exchange e-mail and password for a token."""

    @limiter.limit("10 per minute")
    @blp.arguments(TokenRequest)
    @blp.response(201, TokenOut)
    @blp.alt_response(401, schema=None, description="Wrong credentials or locked account")
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Issue a token (shown once; it carries the owner's role)."""
        result = authenticate(
            db.session,
            body["email"],
            body["password"],
            request.remote_addr or "",
            secret=str(current_app.config["SECRET_KEY"]),
        )
        if result.user is None:
            db.session.commit()  # the failed attempt is audited
            abort(
                401,
                message="Account locked for 15 minutes." if result.locked else "Wrong e-mail or password.",
            )
        row, raw = create_token(db.session, result.user, body.get("name", ""))
        db.session.commit()
        return _token(row, raw)


@blp.route("/auth/tokens")
class Tokens(MethodView):
    """The caller's tokens."""

    @api_permission(Permission.USE_API)
    @blp.doc(security=SECURED)
    @blp.response(200, TokenList)
    def get(self) -> dict[str, Any]:
        """List your tokens (values are never shown again)."""
        user = api_user()
        return {"items": [_token(t) for t in tokens_of(db.session, user)]}


@blp.route("/auth/tokens/<int:token_id>")
class OneToken(MethodView):
    """One token."""

    @api_permission(Permission.USE_API)
    @blp.doc(security=SECURED)
    @blp.response(204)
    def delete(self, token_id: int) -> None:
        """Revoke a token."""
        if not revoke_token(db.session, api_user(), token_id):
            abort(404, message="No such live token of yours.")
        db.session.commit()
