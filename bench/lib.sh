# Shared by the benchmark scripts (sourced, not run): what they need, the mentions they send, and a packaged
# server on a throw-away MariaDB database. Each script cds to the repository root first.

bench_needs() { # wrk, and the packaged server (built if missing)
  command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }
  [ -f target/response-policy-server.jar ] || mvn -B -q package -DskipTests
}

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The 770 labelled mentions in five languages as request bodies, one per line, with __ID__ and __AUTHOR__ for
# the wrk scripts to fill in; five brands.
bench_mentions() { # file
  python3 - "$1" <<'PY'
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
}

# Starts the packaged server on loopback with a fresh MariaDB database (dropped on exit) and waits until it
# answers. Sets TMP (a scratch folder, removed on exit), DB, PORT, SERVER_PID and RPS_BENCH_MENTIONS.
bench_server_on_mariadb() {
  DB="rps_bench_$(date +%s)"
  TMP=$(mktemp -d /tmp/rps-bench.XXXXXX)
  SERVER_PID=''
  trap bench_cleanup EXIT INT TERM
  mariadb --no-defaults -h127.0.0.1 -uroot -e "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  bench_mentions "$TMP/mentions.jsonl"
  export RPS_BENCH_MENTIONS="$TMP/mentions.jsonl"
  PORT=$(bench_free_port)
  java -XX:SharedArchiveFile=target/response-policy-server.jsa ${RPS_BENCH_JAVA_OPTS:-} -jar target/response-policy-server.jar serve --host 127.0.0.1 --port "$PORT" \
    --no-watch-rules --db-url "${RPS_BENCH_MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/}$DB" --db-user root \
    --rate-limit 0 >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$TMP/server.log" >&2; exit 1; }
}

bench_cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  mariadb --no-defaults -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  rm -rf "$TMP"
}

bench_stored() { # decisions in the benchmark database
  mariadb --no-defaults -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.decision"
}
