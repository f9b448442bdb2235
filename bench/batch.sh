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

export RPS_BENCH_MENTIONS="$TMP/mentions.jsonl" RPS_BENCH_BATCH=$BATCH
run() { # name, seconds
  RPS_BENCH_RUN="$1" wrk -t2 -c"$CONNECTIONS" -d"${2}s" --timeout 30s -s bench/batch.lua "http://127.0.0.1:$PORT" \
    2>"$TMP/$1.err" | grep '^FIGURES'
}
echo "warming up for ${WARMUP}s (the JIT compiles Drools, Hibernate and the analysers for about 100 s)..." >&2
run warmup "$WARMUP" >/dev/null
BEFORE=$(mariadb --no-defaults -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.decision")
LINE=$(run batch "$SECONDS_EACH")
AFTER=$(mariadb --no-defaults -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.decision")
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$LINE"; }
echo
echo "Batch benchmark: $BATCH mentions per request, $CONNECTIONS connections, ${SECONDS_EACH}s after ${WARMUP}s warm-up, MariaDB store, $(nproc) cores"
awk -v r="$(field rps)" -v b="$BATCH" -v s="$(field seconds)" -v stored="$((AFTER - BEFORE))" \
  'BEGIN { printf "mentions/s (answered)   %10.0f\nmentions/s (stored)     %10.0f   (%d decisions stored during the run)\n", r * b, stored / s, stored }'
printf 'latency per batch       p50 %s ms, p99 %s ms; errors %s\n' "$(field p50_ms)" "$(field p99_ms)" "$(field errors)"
[ -s "$TMP/batch.err" ] && { echo "failures (first lines):"; head -5 "$TMP/batch.err"; } || true
