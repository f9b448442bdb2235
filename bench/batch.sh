#!/usr/bin/env bash
# Batch benchmark: POST /v1/mentions/evaluate-batch with 500 mentions per request (the labelled mentions in five
# languages, fresh ids) against the packaged server on loopback, every decision stored in a throw-away MariaDB
# database. Prints mentions/s, latency per batch, and how many decisions were stored. Figures only.
#
#   bash bench/batch.sh [--connections 4] [--seconds 30] [--warmup 120] [--batch 500]
#
# Needs wrk (apt-get install wrk) and MariaDB (root, no password; RPS_BENCH_MARIADB_URL to change).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=4 SECONDS_EACH=30 WARMUP=120 BATCH=500
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
. bench/lib.sh
bench_needs
bench_server_on_mariadb

export RPS_BENCH_BATCH=$BATCH
run() { # name, seconds
  RPS_BENCH_RUN="$1" wrk -t2 -c"$CONNECTIONS" -d"${2}s" --timeout 30s -s bench/batch.lua "http://127.0.0.1:$PORT" \
    2>"$TMP/$1.err" | grep '^FIGURES'
}
echo "warming up for ${WARMUP}s (the JIT compiles Drools, Hibernate and the analysers for about 100 s)..." >&2
run warmup "$WARMUP" >/dev/null
BEFORE=$(bench_stored)
LINE=$(run batch "$SECONDS_EACH")
AFTER=$(bench_stored)
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$LINE"; }
echo
echo "Batch benchmark: $BATCH mentions per request, $CONNECTIONS connections, ${SECONDS_EACH}s after ${WARMUP}s warm-up, MariaDB store, $(nproc) cores"
awk -v r="$(field rps)" -v b="$BATCH" -v s="$(field seconds)" -v stored="$((AFTER - BEFORE))" \
  'BEGIN { printf "mentions/s (answered)   %10.0f\nmentions/s (stored)     %10.0f   (%d decisions stored during the run)\n", r * b, stored / s, stored }'
printf 'latency per batch       p50 %s ms, p99 %s ms; errors %s\n' "$(field p50_ms)" "$(field p99_ms)" "$(field errors)"
[ -s "$TMP/batch.err" ] && { echo "failures (first lines):"; head -5 "$TMP/batch.err"; } || true
