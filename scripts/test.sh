#!/usr/bin/env bash
# Lint and type checks, then the whole suite twice: on SQLite, then on a throwaway PostgreSQL database.
# The PostgreSQL run never skips: an unreachable server fails it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
bash scripts/lint.sh
echo "== pytest on SQLite =="
"$BIN/python" -m pytest "$@"
echo "== pytest on PostgreSQL =="
PASARPADU_TEST_DB=postgres "$BIN/python" -m pytest -m "not e2e" "$@"
