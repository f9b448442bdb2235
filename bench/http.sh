#!/usr/bin/env bash
# HTTP benchmark: GET /health and POST /v1/mentions/evaluate against the packaged server on loopback, in the same
# run, with MariaDB (a throw-away database on 127.0.0.1:3306) storing every decision. Prints requests/s and
# p50/p99/p99.9 for each, and their ratio. Figures only: it passes or fails nothing.
#
#   bash bench/http.sh [--connections 32] [--seconds 30] [--warmup 120]
#
# Needs wrk (apt-get install wrk) and MariaDB (root, no password; RPS_BENCH_MARIADB_URL to change).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=32 SECONDS_EACH=30 WARMUP=120
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
. bench/lib.sh
bench_needs
bench_server_on_mariadb

run() { # name, seconds, wrk args...
  local name=$1 secs=$2; shift 2
  RPS_BENCH_RUN="$name" wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --timeout 10s "$@" 2>"$TMP/$name.err" \
    | grep '^FIGURES' | sed "s/^FIGURES/$name/"
}
echo "warming up for ${WARMUP}s (evaluations and health)..." >&2
run warmup-evaluate "$WARMUP" -s bench/evaluate.lua "http://127.0.0.1:$PORT" >/dev/null
run warmup-health 5 -s bench/report.lua "http://127.0.0.1:$PORT/health" >/dev/null
HEALTH=$(run health "$SECONDS_EACH" -s bench/report.lua "http://127.0.0.1:$PORT/health")
EVALUATE=$(run evaluate "$SECONDS_EACH" -s bench/evaluate.lua "http://127.0.0.1:$PORT")
STORED=$(bench_stored)
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
echo
echo "HTTP benchmark: $CONNECTIONS connections, ${SECONDS_EACH}s each after ${WARMUP}s warm-up, MariaDB store, $(nproc) cores"
printf '%-36s %10s %9s %9s %9s %7s\n' "endpoint" "req/s" "p50 ms" "p99 ms" "p99.9 ms" "errors"
for line in "$HEALTH" "$EVALUATE"; do
  printf '%-36s %10s %9s %9s %9s %7s\n' "$( [ "${line%% *}" = health ] && echo "GET /health" || echo "POST /v1/mentions/evaluate")" \
    "$(field "$line" rps)" "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" p999_ms)" "$(field "$line" errors)"
done
awk -v e="$(field "$EVALUATE" rps)" -v h="$(field "$HEALTH" rps)" 'BEGIN { printf "evaluate / health throughput: %.2f\n", e / h }'
echo "decisions stored in MariaDB during the run (warm-up included): $STORED"
[ -s "$TMP/evaluate.err" ] && { echo "non-200 answers (first lines):"; head -5 "$TMP/evaluate.err"; } || true
