#!/usr/bin/env bash
# Measures start-up time (process start → GET /health answers UP) and the latency of POST
# /v1/mentions/evaluate over keep-alive, sequentially, after a warm-up, with the bundled rules and
# embedded H2. Usage:  bash src/bench/measure.sh [requests] [warmup]
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-2000}
WARMUP=${2:-1000}
[ -f target/response-policy-server.jar ] || mvn -B -q package -DskipTests
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATA=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
START=$(date +%s%N)
java -jar target/response-policy-server.jar serve --port "$PORT" --data-dir "$DATA" --host 127.0.0.1 >"$DATA/server.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.05
done
echo "startup_ms=$(( ($(date +%s%N) - START) / 1000000 ))  (process start to /health UP, JVM included)"
grep -o 'started in [0-9]* ms' "$DATA/server.log" | sed 's/^/server log: /'
python3 - "$PORT" "$REQUESTS" "$WARMUP" <<'PY'
import http.client, json, sys, time, statistics
port, n, warmup = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
texts = [
    "Your app has been down all morning, terrible service. Nobody answers!",
    "Dziękuję za szybką pomoc, świetna obsługa, polecam!",
    "Czy mogę przewalutować kredyt we frankach? Rata znowu wzrosła.",
    "My card 4111 1111 1111 1111 was charged twice, please fix it",
    "It would be great if you added Apple Pay for business cards.",
    "Acme Bank opened a new branch on Main Street today.",
]
conn = http.client.HTTPConnection("127.0.0.1", port)
def one(i):
    body = json.dumps({"id": f"bench-{i}", "brand": "bench", "channel": "twitter",
                       "text": texts[i % len(texts)], "author": {"displayName": "Anna Nowak", "followers": 100}})
    t = time.perf_counter()
    conn.request("POST", "/v1/mentions/evaluate", body, {"Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    assert r.status == 200, r.status
    return (time.perf_counter() - t) * 1000
for i in range(warmup):
    one(i)
t0 = time.perf_counter()
lat = sorted(one(warmup + i) for i in range(n))
wall = time.perf_counter() - t0
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"evaluate: n={n} after {warmup} warm-up  p50={q(.5):.2f} ms  p95={q(.95):.2f} ms  p99={q(.99):.2f} ms  "
      f"max={lat[-1]:.2f} ms  sequential throughput={n / wall:.0f}/s")
PY
