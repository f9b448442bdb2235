#!/usr/bin/env bash
# Console queries on a filled store: stores decisions for a while with POST /v1/mentions/evaluate-batch (the
# labelled mentions in five languages, fresh ids) into a throw-away MariaDB database, then times what the console
# asks for — the overview over a day, a week and a month, and decision searches — as the median of 5 requests each.
#
#   bash bench/console.sh [--fill-seconds 60]
#
# Needs wrk (apt-get install wrk) and MariaDB (root, no password; RPS_BENCH_MARIADB_URL to change).
set -euo pipefail
cd "$(dirname "$0")/.."

FILL=60
while [ $# -gt 0 ]; do
  case "$1" in
    --fill-seconds) FILL=$2; shift 2 ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done
. bench/lib.sh
bench_needs
bench_server_on_mariadb

echo "filling the store for ${FILL}s..." >&2
RPS_BENCH_BATCH=500 RPS_BENCH_RUN=fill wrk -t2 -c4 -d"${FILL}s" --timeout 30s -s bench/batch.lua \
  "http://127.0.0.1:$PORT" >/dev/null 2>&1
STORED=$(bench_stored)

median_ms() { # path: the median of 5 timed requests, in ms
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$1"
  done | sort -n | sed -n 3p | awk '{ printf "%.0f", $1 * 1000 }'
}

echo
echo "Console queries over $STORED stored decisions, MariaDB, $(nproc) cores (median of 5, ms)"
for path in "/v1/overview?since=24h" "/v1/overview?since=7d&timeZone=Europe/Warsaw" "/v1/overview?since=30d" \
  "/v1/decisions?limit=50" "/v1/decisions?action=ESCALATE&queue=compliance&limit=50" \
  "/v1/decisions?policy=thank-advocates&limit=50" "/v1/decisions?action=PIN_STATEMENT&limit=50"; do
  printf '%-60s %6s\n' "$path" "$(median_ms "$path")"
done
