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

# RETRIEVAL_BACKEND=milvus with MILVUS_LITE_DATA (set by `make run` when no MILVUS_URI was
# given): a Milvus Lite server on MILVUS_URI's port for the indexer and the web workers.
milvus=""
if [ "${RETRIEVAL_BACKEND:-local}" = milvus ] && [ -n "${MILVUS_LITE_DATA:-}" ]; then
    milvus_port=${MILVUS_URI##*:}
    mkdir -p "$MILVUS_LITE_DATA"
    "$BIN/python" -m milvus_lite server --data-dir "$MILVUS_LITE_DATA" --host 127.0.0.1 \
        --port "$milvus_port" > "$MILVUS_LITE_DATA/server.log" 2>&1 &
    milvus=$!
    for _ in $(seq 1 300); do
        (exec 3<> "/dev/tcp/127.0.0.1/$milvus_port") 2> /dev/null && break
        kill -0 "$milvus" 2> /dev/null || { echo "serve: Milvus Lite did not start" \
            "(see $MILVUS_LITE_DATA/server.log)" >&2; exit 1; }
        sleep 0.2
    done
    echo "serve: Milvus Lite on $MILVUS_URI (data in $MILVUS_LITE_DATA)" >&2
fi

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
if [ -n "$milvus" ]; then
    kill -TERM "$milvus" 2> /dev/null
    wait "$milvus" 2> /dev/null
fi
if [ "$stopping" = 1 ]; then
    exit 0
fi
exit $(( status == 0 ? 1 : status ))
