"""Write burst: nothing acknowledged is lost, and retries with an Idempotency-Key never duplicate.

Prepares a throwaway database (a SQLite file in a temporary folder, or with ``--database-url``
a throwaway database created on that PostgreSQL server and dropped afterwards), migrates it,
creates a verified seller and an API token through the app's own services, starts a real
gunicorn on loopback, fires N concurrent ``POST /api/v1/listings`` (each with its own
``Idempotency-Key`` and a distinct title), ``kill -9``s one gunicorn worker partway through,
retries every unacknowledged write with the same key, replays a sample of acknowledged ones,
then checks the database: every acknowledged id exists, one row per key, no duplicate.

Prints one line of JSON; exits 1 on any missing, duplicate, unresolved or mismatched write.

Usage (from the repository root):

    python scripts/write_burst.py                       # SQLite, 300 writes, 16 client threads
    python scripts/write_burst.py -n 40 --threads 8     # quick
    python scripts/write_burst.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/postgres   # PostgreSQL server
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # the project, and the server module beside this one

import requests
from burst_server import (
    connections_per_worker,
    create_seller_token,
    free_port,
    migrate,
    postgres_urls,
    server_env,
    start_server,
    stop_server,
    worker_pids,
)

from tests.throwaway_database import create_database, drop_database


@dataclass
class Write:
    """One listing write: its key, body and what the server answered."""

    index: int
    key: str
    body: dict[str, Any]
    first_status: str = ""
    listing_id: int | None = None
    tries: int = 0
    answers: list[str] = field(default_factory=list)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--writes", type=int, default=300, help="writes in the burst")
    parser.add_argument("--threads", type=int, default=16, help="client threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--worker-threads", type=int, default=4, help="threads per worker")
    parser.add_argument(
        "--kill-after",
        type=float,
        default=1 / 3,
        help="kill -9 one worker after this fraction of writes was sent (<0: never)",
    )
    parser.add_argument(
        "--replays", type=int, default=30, help="acknowledged writes re-sent with the same key"
    )
    parser.add_argument("--max-tries", type=int, default=20, help="tries per unacknowledged write")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per HTTP request")
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL server URL: a throwaway database is created on it and "
        "dropped afterwards (default: SQLite file in a temporary folder)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    parser.add_argument(
        "--server-pidfile", default="", help="write gunicorn's master pid (its process group) to this file"
    )
    args = parser.parse_args(argv)
    if args.writes < 1 or args.threads < 1 or args.max_tries < 1:
        parser.error("--writes, --threads and --max-tries must be positive")
    return args


class Burst:
    """Concurrent listing writes against one server, with one worker killed partway."""

    def __init__(self, base: str, token: str, args: argparse.Namespace, master: int) -> None:
        self.base, self.args, self.master = base, args, master
        self.headers = {"Authorization": f"Bearer {token}"}
        self.local = threading.local()
        self.lock = threading.Lock()
        self.sent = 0
        self.kill_at = int(args.writes * args.kill_after) if args.kill_after >= 0 else -1
        self.port = int(base.rsplit(":", 1)[1])
        self.killed: int | None = None
        self.killed_connections = 0

    def session(self) -> requests.Session:
        """This thread's HTTP session."""
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
        return self.local.session

    def post(self, write: Write) -> tuple[str, int | None, bool]:
        """Send the write once: (answer, listing id when acknowledged, replayed header)."""
        write.tries += 1
        try:
            response = self.session().post(
                f"{self.base}/api/v1/listings",
                json=write.body,
                timeout=self.args.timeout,
                headers={**self.headers, "Idempotency-Key": write.key},
            )
        except requests.RequestException as error:
            self.local.session = requests.Session()  # drop a connection to a dead worker
            return f"error:{type(error).__name__}", None, False
        replayed = response.headers.get("Idempotent-Replayed") == "true"
        if 200 <= response.status_code < 300:
            try:
                listing_id = int(response.json()["id"])
            except (ValueError, KeyError, TypeError):
                return f"{response.status_code}:no-id", None, replayed
            return str(response.status_code), listing_id, replayed
        return str(response.status_code), None, replayed

    def first_try(self, write: Write) -> None:
        """Send one write of the burst; the write that reaches ``kill_at`` kills a worker."""
        with self.lock:
            self.sent += 1
            kill = self.sent == self.kill_at
        if kill:
            self.kill_worker()
        answer, listing_id, _ = self.post(write)
        write.first_status, write.listing_id = answer, listing_id
        write.answers.append(answer)

    def kill_worker(self) -> None:
        """``kill -9`` the worker holding the most client connections (so writes are in flight)."""
        pids = worker_pids(self.master)
        if not pids:
            return
        held = connections_per_worker(self.port)
        self.killed = max(pids, key=lambda pid: (held.get(pid, 0), random.random()))
        self.killed_connections = held.get(self.killed, 0)
        os.kill(self.killed, signal.SIGKILL)

    def retry(self, write: Write) -> None:
        """Re-send an unacknowledged write with the same key until it is acknowledged."""
        deadline = time.monotonic() + self.args.max_tries * (self.args.timeout + 2)
        while (
            write.listing_id is None and write.tries < 1 + self.args.max_tries and time.monotonic() < deadline
        ):
            time.sleep(min(0.1 * write.tries, 2.0))
            answer, listing_id, replayed = self.post(write)
            write.answers.append(f"{answer}:replayed" if replayed else answer)
            write.listing_id = listing_id

    def replay(self, write: Write) -> bool:
        """Re-send an acknowledged write: True when it answers the same id, marked replayed."""
        answer, listing_id, replayed = self.post(write)
        write.answers.append(f"replay:{answer}")
        return listing_id == write.listing_id and replayed


def check_database(env: dict[str, str], run_id: str, writes: list[Write]) -> dict[str, Any]:
    """Rows of the burst in the database: count, duplicates, acknowledged ids missing."""
    from sqlalchemy import create_engine, select

    from models import Listing

    url = env["DATABASE_URL"]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(Listing.id, Listing.title).where(Listing.title.like(f"Burst {run_id} %"))
        ).all()
    engine.dispose()
    title_of = {row.id: row.title for row in rows}
    per_title = Counter(row.title for row in rows)
    acknowledged = [w for w in writes if w.listing_id is not None]
    return {
        "rows": len(rows),
        "duplicates": sum(n - 1 for n in per_title.values()),
        "missing": sum(1 for w in acknowledged if w.listing_id not in title_of),
        "wrong_row": sum(
            1 for w in acknowledged if w.listing_id in title_of and title_of[w.listing_id] != w.body["title"]
        ),
        "distinct_titles": len(per_title),
    }


def in_pool(threads: int, work: Callable[[Write], Any], items: list[Write]) -> list[Any]:
    """``work`` on every item from a thread pool; on an interruption the queued items are dropped."""
    pool = ThreadPoolExecutor(threads)
    try:
        results = list(pool.map(work, items))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Prepare, burst, retry, replay and check; the summary."""
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="pasarpadu-burst-"))
    log = tmp / "server.log"
    admin_url = pg_name = ""
    server: subprocess.Popen[bytes] | None = None
    try:
        if args.database_url:
            admin_url, database_url, pg_name = postgres_urls(args.database_url)
            create_database(admin_url, pg_name)
        else:
            database_url = f"sqlite:///{tmp / 'burst.db'}"
        env = server_env(database_url, tmp)
        migrate(env, log)
        token = create_seller_token(env)
        port = free_port()
        server = start_server(env, port, args.workers, args.worker_threads, log)
        if args.server_pidfile:
            Path(args.server_pidfile).write_text(str(server.pid))
        run_id = secrets.token_hex(3)
        writes = [
            Write(
                i,
                f"burst-{run_id}-{i:05d}",
                {
                    "title": f"Burst {run_id} listing {i:05d}",
                    "category": "catering",
                    "price": 10_000 + i,
                    "unit": "kotak",
                    "description": "write burst",
                },
            )
            for i in range(args.writes)
        ]
        burst = Burst(f"http://127.0.0.1:{port}", token, args, server.pid)
        in_pool(args.threads, burst.first_try, writes)
        acknowledged_first = [w for w in writes if w.listing_id is not None]
        unacknowledged = [w for w in writes if w.listing_id is None]
        in_pool(args.threads, burst.retry, unacknowledged)
        sample = random.sample(acknowledged_first, min(args.replays, len(acknowledged_first)))
        same = sum(in_pool(args.threads, burst.replay, sample))
        stop_server(server)
        checked = check_database(env, run_id, writes)
        first_answers = Counter(w.first_status for w in unacknowledged)
        summary: dict[str, Any] = {
            "database": "postgresql" if args.database_url else "sqlite",
            "writes": len(writes),
            "acknowledged_first_try": len(acknowledged_first),
            "lost_connections": sum(1 for w in unacknowledged if w.first_status.startswith("error:")),
            "first_try_failures": dict(first_answers),
            "retried": len(unacknowledged),
            "retry_tries": sum(w.tries - 1 for w in unacknowledged),
            "retried_replayed": sum(
                1 for w in unacknowledged if w.answers and w.answers[-1].endswith(":replayed")
            ),
            "unresolved": sum(1 for w in writes if w.listing_id is None),
            "replays": len(sample),
            "replayed_same_id": same,
            **checked,
            "killed_worker_pid": burst.killed,
            "killed_worker_connections": burst.killed_connections,
            "seconds": round(time.monotonic() - started, 1),
        }
        stuck = [w for w in writes if w.listing_id is None]
        if stuck:
            summary["unresolved_answers"] = dict(Counter(a for w in stuck for a in w.answers))
        return summary
    except Exception:
        if log.exists():  # the folder goes away below: show why the server or setup failed
            print("".join(log.read_text(errors="replace").splitlines(True)[-40:]), file=sys.stderr)
        raise
    finally:
        if server is not None:
            stop_server(server)
        if pg_name:
            drop_database(admin_url, pg_name)
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def _terminated(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds through ``run``'s cleanup


def main(argv: list[str] | None = None) -> int:
    """Run the burst; 0 when nothing was lost or duplicated and every write was acknowledged."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminated)
    summary = run(args)
    print(json.dumps(summary))
    failed = (
        summary["missing"]
        or summary["duplicates"]
        or summary["wrong_row"]
        or summary["unresolved"]
        or summary["replayed_same_id"] != summary["replays"]
        or summary["rows"] != summary["writes"]
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
