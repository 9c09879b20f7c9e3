"""scripts/write_burst.py against a real gunicorn: nothing acknowledged lost, no duplicate."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "write_burst.py"


def _stop_group(pidfile: Path) -> None:
    """Kill the script's gunicorn (master and workers) if it is still there."""
    try:
        os.killpg(int(pidfile.read_text()), signal.SIGKILL)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        pass


@pytest.mark.slow
def test_write_burst_with_a_killed_worker_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """A small burst on SQLite with one worker killed exits 0; its server is stopped in any case."""
    pidfile = tmp_path / "gunicorn.pid"
    script = subprocess.Popen(
        [
            sys.executable,
            str(SCRIPT),
            "--writes",
            "40",
            "--threads",
            "8",
            "--replays",
            "10",
            "--max-tries",
            "10",
            "--timeout",
            "10",
            "--server-pidfile",
            str(pidfile),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = script.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        script.terminate()  # the script stops its server and removes its files on SIGTERM
        out, err = script.communicate(timeout=30)
        pytest.fail(f"write_burst.py ran past 90 s\n{out}\n{err[-4000:]}")
    finally:
        if script.poll() is None:
            script.kill()
            script.wait(timeout=10)
        _stop_group(pidfile)
    assert script.returncode == 0, out + err[-4000:]
    assert '"duplicates": 0' in out and '"missing": 0' in out and '"unresolved": 0' in out
