"""Flask extensions, created unbound; the factory binds them to an app."""

from __future__ import annotations

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mailman import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import Session

from app import ratelimit_storage  # noqa: F401  (imported for its effect: registers the sqlite:// store)
from app.database import RequestSession
from models import Base


class Database(SQLAlchemy):
    """Flask-SQLAlchemy, with ``db.session`` typed as the Session the services take."""

    # db.session is a scoped_session: a proxy with every method of the request's Session, which
    # the type checker cannot see (scoped_session is not a Session subclass).
    session: Session  # type: ignore[assignment]


db = Database(model_class=Base, session_options={"class_": RequestSession})
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
mail = Mail()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
