#!/usr/bin/env bash
# Load-test the storefront search of a running Pasar Padu (localhost only) with wrk.
#
#   scripts/loadtest.sh [BASE_URL] [DURATION] [CONNECTIONS] [WRK_THREADS] [TARGET]
#   scripts/loadtest.sh http://127.0.0.1:8800 30s 8 2
#   scripts/loadtest.sh http://127.0.0.1:8800 30s 8 2 healthz   # the same load on /healthz
#
# TARGET "search" (default): each request searches one of QUERIES (rotating), like shoppers
# typing product words; "healthz": /healthz, the floor of the stack (run both back to back and
# compare throughputs: the search/healthz ratio says how much the search itself costs);
# "search-uncached": the same searches with a unique address each, so that the visitors' page
# cache never answers (the cost of the engine, the database and the template every time).
# wrk is Debian's package (apt-get install wrk).
# wrk prints throughput, latency percentiles (p50/p75/p90/p99) and socket errors / non-2xx
# responses; the Lua "done" hook adds p95 and a one-line JSON summary at the end.
set -euo pipefail
BASE=${1:-http://127.0.0.1:8800}
DURATION=${2:-30s}
CONNECTIONS=${3:-8}
THREADS=${4:-2}
TARGET=${5:-search}
case "$BASE" in
  http://127.0.0.1*|http://localhost*) ;;
  *) echo "refusing to load-test a non-local address: $BASE" >&2; exit 2 ;;
esac
LUA=$(mktemp --suffix=.lua)
trap 'rm -f "$LUA"' EXIT
cat > "$LUA" <<'LUA'
local queries = {
  "nasi kotak ayam bakar", "seragam pdh bordir logo", "cetak spanduk", "kertas hvs a4",
  "meja kantor kayu jati", "servis ac split", "laundry kiloan antar jemput", "masker medis",
  "kopi bubuk robusta", "sewa tenda acara", "tas kulit asli", "pembuatan website sekolah",
  "parsel lebaran", "snack box kue basah", "sayur segar", "sewa bus dengan sopir",
  "tanaman hias kantor", "suvenir logo instansi", "sabun cuci piring", "helm proyek sni",
}
local n = 0
local target = os.getenv("LOADTEST_TARGET") or "search"
request = function()
  if target == "healthz" then return wrk.format("GET", "/healthz") end
  if target == "search-uncached" then  -- a unique address each time: no page cache hit
    return wrk.format("GET", "/search?q=" .. queries[(n % #queries) + 1]:gsub(" ", "+") .. "&u=" .. n .. math.random(1000000))
  end
  n = n + 1
  local q = queries[(n % #queries) + 1]:gsub(" ", "+")
  return wrk.format("GET", "/search?q=" .. q)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    '{"requests": %d, "rps": %.1f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, "errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
LUA
LOADTEST_TARGET=$TARGET exec wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout 10s --latency -s "$LUA" "$BASE"
