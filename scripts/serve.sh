#!/usr/bin/env bash
# Serves Pasar Padu: the indexer (owner of the search index) beside gunicorn (web workers that
# only read index snapshots). One command, one lifetime: SIGINT/SIGTERM stop both; if either
# stops on its own, the other is stopped too and the script exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
PORT=${PORT:-8000}
WORKERS=${WORKERS:-2}
export FLASK_APP=${FLASK_APP:-wsgi}

"$BIN/flask" indexer run &
indexer=$!
"$BIN/gunicorn" --workers "$WORKERS" --threads 4 --bind "127.0.0.1:$PORT" \
    --access-logfile - wsgi:app &
web=$!

stopping=0
stop_both() {
    kill -TERM "$indexer" "$web" 2> /dev/null
}
on_signal() {
    stopping=1
    stop_both
}
trap on_signal INT TERM

# Background jobs of a non-interactive shell ignore SIGINT, so Ctrl-C reaches them through
# the trap above. `wait -n` returns when the first child ends (or when a signal arrives).
wait -n "$indexer" "$web"
status=$?
if [ "$stopping" = 0 ]; then
    if kill -0 "$indexer" 2> /dev/null; then
        echo "serve: gunicorn stopped (status $status); stopping the indexer" >&2
    else
        echo "serve: the indexer stopped (status $status); stopping gunicorn" >&2
    fi
fi
stop_both
wait "$indexer" 2> /dev/null
wait "$web" 2> /dev/null
if [ "$stopping" = 1 ]; then
    exit 0
fi
exit $(( status == 0 ? 1 : status ))
