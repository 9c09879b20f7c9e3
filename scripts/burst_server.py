"""The write burst's throwaway database and real gunicorn: prepared, started, watched, stopped.

Used by ``write_burst.py``: the environment of the migration, the setup and the server; the
migration and the seller's API token; gunicorn on loopback in its own process group, its
workers and the client connections each one holds.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = secrets.token_urlsafe(24)  # never used to log in: the token is made directly


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_urls(server_url: str) -> tuple[str, str, str]:
    """(admin URL, throwaway database URL, its name) on the given PostgreSQL server."""
    admin = server_url
    for prefix in ("postgres://", "postgresql://"):
        if admin.startswith(prefix):
            admin = "postgresql+psycopg://" + admin.removeprefix(prefix)
    name = f"pasarpadu_burst_{secrets.token_hex(4)}"
    return admin, admin.rsplit("/", 1)[0] + f"/{name}", name


def server_env(database_url: str, tmp: Path) -> dict[str, str]:
    """The environment of the migration, the setup and the server."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "INDEX_FOLDER": str(tmp / "index"),
        "UPLOAD_FOLDER": str(tmp / "uploads"),
        "MAIL_OUTBOX": str(tmp / "outbox"),
        "MAIL_BACKEND": "file",
        "SECRET_KEY": secrets.token_hex(32),
        "MATCHER_MODEL": "hashing",
        "RATELIMIT_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
    }


def migrate(env: dict[str, str], log: Path) -> None:
    """``flask db upgrade`` on the throwaway database."""
    with log.open("ab") as out:
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=300,
        )


def create_seller_token(env: dict[str, str]) -> str:
    """A verified seller and a raw API token for it, made with the app's services."""
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        sys.path.insert(0, str(ROOT))
        from sqlalchemy import select

        from app import create_app
        from app.extensions import db
        from app.services.accounts import OrganisationDetails, register_seller
        from app.services.tokens import create_token
        from models import Kecamatan

        app = create_app()
        with app.app_context():
            place = db.session.scalars(select(Kecamatan).order_by(Kecamatan.id)).first()
            assert place is not None, "no kecamatan: reference data missing after migration"
            user = register_seller(
                db.session,
                email="burst@seller.test",
                password=PASSWORD,
                full_name="Penjual Burst",
                details=OrganisationDetails(
                    legal_name="Usaha Burst", kecamatan_id=place.id, phone="081234567890", nib="9000000000001"
                ),
            )
            assert user.organisation is not None and user.organisation.supplier_profile is not None
            user.organisation.supplier_profile.verified = True
            _token, raw = create_token(db.session, user, "write burst")
            db.session.commit()
            db.engine.dispose()
        return raw
    finally:
        os.environ.clear()
        os.environ.update(saved)


def start_server(
    env: dict[str, str], port: int, workers: int, threads: int, log: Path
) -> subprocess.Popen[bytes]:
    """gunicorn on loopback, in its own process group; waits for /healthz."""
    out = log.open("ab")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "60",
            "--graceful-timeout",
            "10",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    out.close()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}; see {log}")
        try:
            if (
                requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).ok
                and len(worker_pids(server.pid)) >= workers
            ):
                return server
        except requests.RequestException:
            pass
        time.sleep(0.3)
    stop_server(server)
    raise RuntimeError(f"gunicorn did not answer /healthz within 120 s; see {log}")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn and its workers (TERM, then KILL of the whole group)."""
    if server.poll() is None:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def worker_pids(master: int) -> list[int]:
    """The pids of gunicorn's workers (the master's children)."""
    found = subprocess.run(
        ["ps", "--ppid", str(master), "-o", "pid="], capture_output=True, text=True, check=False
    ).stdout
    return [int(pid) for pid in found.split()]


def connections_per_worker(port: int) -> Counter[int]:
    """Established client connections on the server's port, per owning process (``ss``)."""
    try:
        listed = subprocess.run(
            ["ss", "-Htnp", "state", "established", f"( sport = :{port} )"],
            capture_output=True,
            text=True,
            check=False,
            timeout=5,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return Counter()
    return Counter(int(pid) for pid in re.findall(r"pid=(\d+)", listed))
