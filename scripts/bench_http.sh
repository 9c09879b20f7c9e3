#!/usr/bin/env bash
# Storefront search over HTTP, as `make run` serves it (scripts/serve.sh: the indexer beside
# gunicorn, 2 workers x 4 threads), on this machine's loopback only.
#
#   DATABASE_URL=sqlite:////path/db INDEX_FOLDER=/path/index scripts/bench_http.sh [PORT] [DURATION] [CONNECTIONS]
#
# Waits until the indexer has published a snapshot and a worker answers from it, then loads
# /healthz, /search (20 rotating product searches, as shoppers repeat popular ones: mostly
# answered by the visitors' page cache) and /search with a unique address per request (never
# cached) with scripts/loadtest.sh (wrk), one after the other with the same settings, prints
# their JSON lines and the search/healthz throughput ratio, and the memory of each web
# worker (RSS, PSS, USS from /proc/PID/smaps_rollup: USS is what a worker holds alone, PSS
# adds its share of the memory-mapped index pages all workers share). Rate limits are off for
# the run (one client address would meet them at once).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8300}
DURATION=${2:-30s}
CONNECTIONS=${3:-8}
BASE="http://127.0.0.1:$PORT"
LOG=$(mktemp --suffix=.serve.log)
export RATELIMIT_ENABLED=false PORT
setsid scripts/serve.sh > "$LOG" 2>&1 &
serve=$!
trap 'kill -TERM -- -$serve 2>/dev/null || true; wait $serve 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if curl -fs "$BASE/api/v1/search?q=nasi" 2>/dev/null | grep -q '"limited": *false'; then
    break
  fi
  sleep 1
done
curl -fs "$BASE/api/v1/search?q=nasi" | grep -q '"limited": *false' || {
  echo "no index snapshot served after 600 s; log: $LOG" >&2; exit 1; }
for q in "nasi kotak" "seragam" "kopi"; do curl -fs -o /dev/null "$BASE/search?q=${q// /+}"; done
healthz=$(scripts/loadtest.sh "$BASE" "$DURATION" "$CONNECTIONS" 2 healthz | tail -n 1)
search=$(scripts/loadtest.sh "$BASE" "$DURATION" "$CONNECTIONS" 2 search | tail -n 1)
uncached=$(scripts/loadtest.sh "$BASE" "$DURATION" "$CONNECTIONS" 2 search-uncached | tail -n 1)
echo "healthz:         $healthz"
echo "search:          $search"
echo "search-uncached: $uncached"
python3 - "$healthz" "$search" <<'PY'
import json, sys
h, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"search/healthz throughput ratio: {s['rps'] / h['rps']:.3f}")
PY
master=$(pgrep -f "gunicorn.*127.0.0.1:$PORT" | head -n 1)
for pid in $(pgrep -P "$master"); do
  awk -v pid="$pid" '/^Rss|^Pss:|^Private_Clean|^Private_Dirty/ {v[$1]=$2}
    END {printf "worker %s: RSS %.0f MB, PSS %.0f MB, USS %.0f MB\n", pid, v["Rss:"]/1024,
         v["Pss:"]/1024, (v["Private_Clean:"]+v["Private_Dirty:"])/1024}' "/proc/$pid/smaps_rollup"
done
