"""One unit of work per action: run the service calls, commit once, then run the after-commit
hooks the services registered (``app.services.after_commit``); a refusal (``ServiceError``)
rolls everything back and is handed to the route, which shows it beside the form or as the API
error.

    with unit_of_work() as work:
        row = demand_service.create_request(db.session, current_user, data, today())
    if work.error:
        attach_service_error(form, work.error)
    else:
        return redirect(...)
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import current_app
from sqlalchemy.orm import Session

from app.database import commits_deferred
from app.extensions import db
from app.services import ServiceError
from app.services.after_commit import forget_hooks, take_hooks

log = logging.getLogger(__name__)


def _session(session: Session | None) -> Session:
    """The given session, else the app's request-scoped one."""
    return session if session is not None else db.session


@dataclass
class Work:
    """The outcome of a unit of work: ``error`` is the service's refusal, if there was one."""

    error: ServiceError | None = None

    @property
    def failed(self) -> bool:
        """True when the work was refused and rolled back."""
        return self.error is not None


@contextmanager
def unit_of_work(session: Session | None = None) -> Iterator[Work]:
    """Commit the block's work and run its after-commit hooks; on ``ServiceError`` roll back and
    record the refusal in the yielded ``Work`` instead of raising it. Any other error rolls back
    and propagates."""
    session = _session(session)
    work = Work()
    try:
        yield work
    except ServiceError as error:
        session.rollback()
        forget_hooks(session)  # also when the rollback had no transaction to end
        work.error = error
        return
    except BaseException:
        session.rollback()
        forget_hooks(session)
        raise
    commit(session)


def commit(session: Session | None = None) -> None:
    """Commit the session, then run the hooks its work registered."""
    session = _session(session)
    session.commit()
    run_after_commit(session)


def run_after_commit(session: Session | None = None) -> None:
    """Run the hooks waiting for a commit that has happened.

    During a keyed API write the commit waits for the request's end: the hooks wait with it and
    the idempotency hook runs them after its own commit. A failing hook is logged and does not
    undo the committed work (mail delivery is retried by ``flask jobs mail``).
    """
    session = _session(session)
    if commits_deferred():
        return
    for hook in take_hooks(session):
        try:
            hook(session, current_app.config)
        except Exception:
            log.exception("after-commit hook %r failed", hook)
            session.rollback()
