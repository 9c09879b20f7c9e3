"""Work that waits for the transaction to commit: services register it, the unit of work runs it.

A service that changes something the outside world must hear about (an e-mail copy of a
notification, a search-index change) registers a hook with ``after_commit(session, hook)``;
``app.unit_of_work`` commits once and then runs the hooks, each with the session and the app's
settings. A rollback forgets every hook registered since the last commit, so a refused or
failed action mails nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

Hook = Callable[[Session, Mapping[str, Any]], object]
HOOKS = "pasarpadu.after_commit"


def after_commit(session: Session, hook: Hook) -> None:
    """Run ``hook(session, settings)`` once the current transaction commits (once per hook)."""
    hooks: list[Hook] = session.info.setdefault(HOOKS, [])
    if hook not in hooks:
        hooks.append(hook)


def pending_hooks(session: Session) -> list[Hook]:
    """The hooks waiting for the next commit, in the order they were registered."""
    return list(session.info.get(HOOKS, []))


def take_hooks(session: Session) -> list[Hook]:
    """Remove and return the waiting hooks (after a commit, to run them)."""
    hooks: list[Hook] = session.info.pop(HOOKS, [])
    return hooks


def forget_hooks(session: Session) -> None:
    """Drop the waiting hooks: their transaction did not commit."""
    session.info.pop(HOOKS, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    """A rollback of the outermost transaction discards the hooks its work registered."""
    if not previous_transaction.nested:
        forget_hooks(session)
