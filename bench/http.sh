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
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }
[ -f target/response-policy-server.jar ] || mvn -B -q package -DskipTests

DB="rps_bench_$(date +%s)"
TMP=$(mktemp -d /tmp/rps-bench.XXXXXX)
SERVER_PID=''
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  mariadb --no-defaults -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
mariadb --no-defaults -h127.0.0.1 -uroot -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"

# The labelled mentions in five languages as request bodies, with __ID__ and __AUTHOR__ for wrk to fill in;
# five brands.
python3 - "$TMP/mentions.jsonl" <<'PY'
import glob, json, sys, yaml
out = open(sys.argv[1], "w", encoding="utf-8")
n = 0
for path in sorted(glob.glob("src/test/resources/eval/*.yaml")):
    for m in yaml.safe_load(open(path, encoding="utf-8")):
        body = {"id": "__ID__", "brand": "bench-%d" % (n % 5), "channel": m.get("channel", "twitter"),
                "visibility": m.get("visibility", "public"), "text": m["text"],
                "author": {"id": "__AUTHOR__", "followers": (n * 37) % 5000}}
        out.write(json.dumps(body, ensure_ascii=False) + "\n")
        n += 1
print(f"{n} mentions", file=sys.stderr)
PY

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${RPS_BENCH_JAVA_OPTS:-} -jar target/response-policy-server.jar serve --host 127.0.0.1 --port "$PORT" --no-watch-rules \
  --db-url "${RPS_BENCH_MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/}$DB" --db-user root --rate-limit 0 \
  >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$TMP/server.log" >&2; exit 1; }

export RPS_BENCH_MENTIONS="$TMP/mentions.jsonl"
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
STORED=$(mariadb --no-defaults -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.decision")
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
