"""Time log-ins with a correct password, as production does them, and where the time goes.

Runs the real app (production password hashing, rate limits on their SQLite store) on a
throwaway SQLite database, creates one seller, then logs in ``--count`` times from distinct
addresses with the test client. Prints the median and 90th percentile of the whole request,
and of argon2 verification alone.

    .venv/bin/python scripts/measure_login.py --count 20 [--before]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _summary(label: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p90 = ordered[max(0, int(round(0.9 * len(ordered))) - 1)]
    return (
        f"{label}: n={len(seconds)} median={statistics.median(seconds) * 1000:.0f} ms "
        f"p90={p90 * 1000:.0f} ms max={ordered[-1] * 1000:.0f} ms"
    )


def main() -> None:
    """Measure and print log-in times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument(
        "--before",
        action="store_true",
        help="use argon2-cffi's defaults (64 MiB, t=3, p=4), as before the fix",
    )
    args = parser.parse_args()

    from flask_migrate import upgrade

    from app import create_app
    from app.config import config_for_tests
    from app.extensions import db
    from app.services import accounts
    from tests.factories import make_seller

    if args.before:
        from argon2 import PasswordHasher

        accounts._hasher = PasswordHasher()

    with tempfile.TemporaryDirectory() as folder:
        config = config_for_tests(folder, f"sqlite:///{folder}/login.db")
        config.update(
            PASSWORD_HASH_FAST=False,
            RATELIMIT_ENABLED=True,
            RATELIMIT_STORAGE_URI=f"sqlite://{folder}/ratelimits.sqlite",
            TESTING=False,
        )
        app = create_app(config)
        with app.app_context():
            upgrade()
            make_seller(db.session, email="penjual@measure.id")
            db.session.commit()
            hasher = accounts._password_hasher()
            print(
                f"argon2id parameters: m={hasher.memory_cost // 1024} MiB, t={hasher.time_cost}, "
                f"p={hasher.parallelism}"
            )
            stored = db.session.scalar(
                db.select(accounts.User.password_hash).where(accounts.User.email == "penjual@measure.id")
            )
            verify = []
            for _ in range(args.count):
                started = time.perf_counter()
                hasher.verify(stored, "kata sandi yang panjang")
                verify.append(time.perf_counter() - started)
        requests, landings = [], []
        for n in range(args.count):
            client = app.test_client()
            started = time.perf_counter()
            response = client.post(
                "/auth/login",
                data={"email": "penjual@measure.id", "password": "kata sandi yang panjang"},
                environ_base={"REMOTE_ADDR": f"10.0.{n // 250}.{n % 250 + 1}"},
            )
            requests.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            client.get(response.headers["Location"])
            landings.append(time.perf_counter() - started)
        print(_summary("argon2 verify", verify))
        print(_summary("POST /auth/login (correct password)", requests))
        print(_summary("log-in and the page it lands on", landings))


if __name__ == "__main__":
    main()
