#!/usr/bin/env bash
# Lint, format and type checks (settings in pyproject.toml): ruff check, ruff format --check, mypy
# (strict for matching/, models/, app/services/; the rest checked without strict).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
echo "== ruff check =="
"$BIN/ruff" check .
echo "== ruff format --check =="
"$BIN/ruff" format --check .
echo "== mypy =="
"$BIN/mypy"
