#!/usr/bin/env bash
# Start-up, reload and memory: process start → first served evaluation (bundled rules, embedded H2 in a fresh
# folder; median of 3 starts with and 3 without the class-data archive that mvn package writes);
# POST /v1/rules/reload after a rule file changed (median of 5; each compiles the rules and runs every policy
# test before activating); resident memory (RSS) of the server while wrk drives evaluations.
# Figures only.
#
#   bash bench/startup.sh [--load-seconds 20] [--connections 32]
set -euo pipefail
cd "$(dirname "$0")/.."

LOAD_SECONDS=20 CONNECTIONS=32
while [ $# -gt 0 ]; do
  case "$1" in
    --load-seconds) LOAD_SECONDS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    *) sed -n '2,7p' "$0"; exit 2 ;;
  esac
done
. bench/lib.sh
bench_needs

TMP=$(mktemp -d /tmp/rps-startup.XXXXXX)
PID=''
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
cp -r rules "$TMP/rules"
PORT=$(bench_free_port)
BODY='{"id":"first","brand":"acme-bank","channel":"twitter","text":"Nie działa mi aplikacja od rana, pomocy!"}'

# Starts the server with a fresh database; sets PID and FIRST_MS (process start to first served evaluation).
start_server() {
  rm -rf "$TMP/data"
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $1 ${RPS_BENCH_JAVA_OPTS:-} -jar target/response-policy-server.jar serve --host 127.0.0.1 --port "$PORT" \
    --rules "$TMP/rules" --data-dir "$TMP/data" --no-watch-rules --rate-limit 0 >"$TMP/server.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT/v1/mentions/evaluate"; do
    kill -0 $PID 2>/dev/null || { cat "$TMP/server.log" >&2; exit 1; }
    sleep 0.02
  done
  FIRST_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}

stop_server() {
  kill $PID && wait $PID 2>/dev/null || true
  PID=''
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# Without and with the class-data archive that mvn package writes, three starts each.
ARCHIVE=target/response-policy-server.jsa
[ -f "$ARCHIVE" ] || { echo "no $ARCHIVE: build with mvn -B -q package -DskipTests (without -Drps.cds.skip)" >&2; exit 1; }
PLAIN=() SHARED=()
for _ in 1 2 3; do
  start_server ""; PLAIN+=("$FIRST_MS"); stop_server
  start_server "-XX:SharedArchiveFile=$ARCHIVE"; SHARED+=("$FIRST_MS"); stop_server
done
start_server "-XX:SharedArchiveFile=$ARCHIVE"

RELOADS=()
for i in 1 2 3 4 5; do
  echo "// bench edit $i" >>"$TMP/rules/policies/respond-to-negatives.drl"
  t=$(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/v1/rules/reload")
  RELOADS+=("$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')")
done
RELOAD_MEDIAN=$(median "${RELOADS[@]}")

bench_mentions "$TMP/mentions.jsonl" 2>/dev/null
MAX_RSS=0
RPS_BENCH_MENTIONS="$TMP/mentions.jsonl" RPS_BENCH_RUN=rss wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" \
  -s bench/evaluate.lua "http://127.0.0.1:$PORT" >"$TMP/wrk.out" 2>&1 &
WRK=$!
while kill -0 $WRK 2>/dev/null; do
  RSS=$(ps -o rss= -p "$PID" | tr -d ' ')
  [ "${RSS:-0}" -gt "$MAX_RSS" ] && MAX_RSS=$RSS
  sleep 1
done
echo "Start-up, reload and memory ($(nproc) cores, embedded H2, bundled rules)"
echo "  process start to first served evaluation   median $(median "${SHARED[@]}") ms with the class-data archive (all: ${SHARED[*]} ms)"
echo "                                              median $(median "${PLAIN[@]}") ms without it (all: ${PLAIN[*]} ms)"
echo "  rule reload (compile + policy tests)        median ${RELOAD_MEDIAN} ms  (all: ${RELOADS[*]} ms)"
echo "  resident memory under load (max)           $(( MAX_RSS / 1024 )) MB  ($(grep '^FIGURES' "$TMP/wrk.out" | sed 's/FIGURES //'))"
