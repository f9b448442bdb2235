#!/usr/bin/env bash
# Soak test: C clients (src/soak/SoakClient.java) evaluate mentions for N minutes against a server on its
# own private MariaDB while the rules are edited (at 1/4 and 3/4 of the run) and MariaDB is killed for 20 s
# (at 1/2). Then every answer is reconciled with the stored rows (src/soak/SoakReconcile.java prints the
# figures and the checks). Loopback only; stops by itself (hard limit: the run + 4 minutes); never touches
# the MariaDB on 3306.
#
#   bash src/soak/soak.sh [--minutes N] [--clients C] [--outage-seconds S] [--outage kill|shutdown]
#
# --outage kill (default) is kill -9 of mariadbd: a crash, the realistic worst case; shutdown is SIGTERM,
# a clean stop. Exit 0 when every check passed. The requests, events, server and MariaDB logs of the last
# run are copied to target/soak/.
set -euo pipefail
cd "$(dirname "$0")/../.."

MINUTES=5 CLIENTS=8 OUTAGE_SECONDS=20 OUTAGE=kill
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --outage-seconds) OUTAGE_SECONDS=$2; shift 2 ;;
    --outage) OUTAGE=$2; shift 2 ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
DURATION=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
HARD_LIMIT=$((DURATION + 240))
MARGIN_SECONDS=10 # failures allowed until MariaDB is back + this: Hikari's 5 s connection timeout, then reconnecting
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
command -v mariadb >/dev/null && [ -x "$MARIADBD" ] || { echo "needs mariadb-server (apt-get install mariadb-server)" >&2; exit 2; }
[ -f target/response-policy-server.jar ] || mvn -B -q package -DskipTests

T0=$(date +%s%3N)
TMP=$(mktemp -d /tmp/rps-soak.XXXXXX)
CLIENT_PID='' SERVER_PID='' DB_PID='' WATCHDOG_PID=''
log() { echo "[soak +$(( ($(date +%s%3N) - T0) / 1000 ))s] $*" >&2; }
event() { printf '%s\t%s\t%s\n' "$1" "$(date +%s%3N)" "${2:-}" >>"$TMP/events.tsv"; log "$1 ${2:-}"; }
pause() { sleep "$1" & wait $!; }   # interruptible, so Ctrl-C and the watchdog act at once
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sql() { mariadb --no-defaults --socket="$TMP/db.sock" -uroot "$@"; }

# Stop one process we started, politely first.
stop() {
  local pid=$1 grace=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$WATCHDOG_PID" ] && kill "$WATCHDOG_PID" 2>/dev/null || true
  stop "$CLIENT_PID" 5
  stop "$SERVER_PID" 15
  stop "$DB_PID" 30   # SIGTERM is a clean MariaDB shutdown
  mkdir -p target/soak && rm -f target/soak/*
  cp "$TMP"/*.tsv "$TMP"/*.log "$TMP"/*.txt "$TMP"/*.json target/soak/ 2>/dev/null || true
  rm -rf "$TMP"
  log "cleaned up (logs of this run in target/soak/); exit $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Bounded: whatever happens, the run ends HARD_LIMIT seconds from now.
( trap 'kill $S 2>/dev/null; exit 0' TERM; sleep "$HARD_LIMIT" & S=$!; wait $S; echo "soak: hard limit reached" >&2; kill -TERM $$ ) &
WATCHDOG_PID=$!

start_db() {
  "$MARIADBD" --no-defaults --datadir="$TMP/db" --port="$DB_PORT" --socket="$TMP/db.sock" --bind-address=127.0.0.1 \
    --user="$(whoami)" --pid-file="$TMP/db.pid" --log-error="$TMP/mariadb.log" --skip-name-resolve &
  DB_PID=$!
  for _ in $(seq 600); do
    sql -e 'select 1' >/dev/null 2>&1 && return 0
    kill -0 "$DB_PID" 2>/dev/null || { tail -20 "$TMP/mariadb.log" >&2; return 1; }
    sleep 0.1
  done
  echo "private MariaDB did not start within 60 s" >&2; return 1
}
active_version() { curl -s -m 5 "$URL/v1/rules/status" | grep -o '"activeVersion":"[^"]*"' | head -1 | cut -d'"' -f4 || true; }
# Appends a comment: the rules mean the same, but the folder's hash (the version) changes.
edit_rules() { printf '\n%s soak edit %s\n' "$2" "$(date -u +%FT%TZ)" >>"$TMP/rules/$1"; }
wait_for_new_version() {
  local old=$1 v
  for _ in $(seq 600); do
    v=$(active_version); [ -n "$v" ] && [ "$v" != "$old" ] && { echo "$v"; return 0; }
    sleep 0.1
  done
  echo "unchanged"
}
api_reload() { curl -s -m 60 -X POST "$URL/v1/rules/reload" | grep -o '"result":"[^"]*"' | cut -d'"' -f4 || true; }
# The server must outlive everything the soak does to it; if it exits, note how (143: SIGTERM, 137: SIGKILL).
server_up() {
  [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null && return 0
  if [ -n "$SERVER_PID" ]; then
    local rc=0; wait "$SERVER_PID" 2>/dev/null || rc=$?
    event server_exited "the server process exited with status $rc; last lines of its log:"
    tail -5 "$TMP/server.log" | cut -c1-200 >&2
    SERVER_PID=''
  fi
  return 1
}
sleep_until() { # seconds after the load started
  local left=$(( LOAD_START + $1 * 1000 - $(date +%s%3N) ))
  [ "$left" -gt 0 ] && pause "$(awk -v ms="$left" 'BEGIN { printf "%.3f", ms / 1000 }')"
  server_up || return 1
  kill -0 "$CLIENT_PID" 2>/dev/null || { log "the load client stopped early"; return 1; }
}

# 1. A private MariaDB in the temp dir, on its own port and socket.
DB_PORT=$(free_port)
mariadb-install-db --no-defaults --auth-root-authentication-method=normal --datadir="$TMP/db" --user="$(whoami)" \
  --skip-test-db >"$TMP/mariadb-install.log" 2>&1
start_db
sql -e 'create database rps character set utf8mb4 collate utf8mb4_bin'
log "private MariaDB $("$MARIADBD" --version | awk '{print $3}') on 127.0.0.1:$DB_PORT (pid $DB_PID)"

# 2. The server on a copy of the bundled rules, which the soak edits.
cp -r rules "$TMP/rules"
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
java -XX:SharedArchiveFile=target/response-policy-server.jsa -jar target/response-policy-server.jar serve --host 127.0.0.1 --port "$PORT" --rules "$TMP/rules" --watch-rules \
  --db-url "jdbc:mariadb://127.0.0.1:$DB_PORT/rps" --db-user root >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1200); do
  curl -sf -m 2 "$URL/health" >/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$TMP/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf -m 2 "$URL/health" >/dev/null || { echo "server not healthy within 120 s" >&2; exit 1; }
log "server on $URL (pid $SERVER_PID), rules $(active_version)"

# 3. The load, in the background, while this script disturbs it.
java src/soak/SoakClient.java --url "$URL" --seconds "$DURATION" --clients "$CLIENTS" \
  --eval src/test/resources/eval --out "$TMP/requests.tsv" --timeout-seconds 30 &
CLIENT_PID=$!
for _ in $(seq 600); do [ -s "$TMP/requests.tsv" ] && break; sleep 0.1; done # the client compiled and is sending
LOAD_START=$(date +%s%3N)
event load_start "$CLIENTS clients, $DURATION s"

if sleep_until $((DURATION / 4)); then
  # The watcher sees the save and reloads by itself; the API reload after it should find nothing new.
  V=$(active_version)
  edit_rules policies/respond-to-negatives.drl '//'
  event rules_edit_1 "appended a comment to policies/respond-to-negatives.drl"
  event rules_active_1 "$(wait_for_new_version "$V") (by the watcher)"
  event rules_reload_api_1 "POST /v1/rules/reload: $(api_reload)"
fi
if sleep_until $((DURATION / 2)); then
  event db_down "$( [ "$OUTAGE" = kill ] && echo 'kill -9' || echo 'clean shutdown (SIGTERM)') for ${OUTAGE_SECONDS} s"
  kill "$( [ "$OUTAGE" = kill ] && echo -KILL || echo -TERM)" "$DB_PID"
  wait "$DB_PID" 2>/dev/null || true
  pause "$OUTAGE_SECONDS"
  start_db
  event db_up "MariaDB answers again (pid $DB_PID)"
fi
if sleep_until $((DURATION * 3 / 4)); then
  # This time the API reload races the watcher: one of them activates, the other finds it unchanged.
  V=$(active_version)
  edit_rules topics/credit.yaml '#'
  event rules_edit_2 "appended a comment to topics/credit.yaml"
  event rules_reload_api_2 "POST /v1/rules/reload: $(api_reload)"
  event rules_active_2 "$(wait_for_new_version "$V")"
fi
wait "$CLIENT_PID" || log "load client exited with $?"
CLIENT_PID=''
event load_end
server_up || true

# 4. Reconcile: the client's answers against the rows in the private MariaDB.
sql -N -B -e 'select brand, mention_id, decision_id from rps.decision' >"$TMP/stored.tsv"
curl -s -m 10 "$URL/v1/rules/versions" >"$TMP/rule-versions.json" || true
set +e
java src/soak/SoakReconcile.java --requests "$TMP/requests.tsv" --events "$TMP/events.tsv" \
  --stored "$TMP/stored.tsv" --timeout-seconds 30 --margin-seconds "$MARGIN_SECONDS" | tee "$TMP/figures.txt"
RESULT=${PIPESTATUS[0]}
set -e
echo
echo "Server log: $(grep -c 'Decision store unavailable' "$TMP/server.log") 'Decision store unavailable'," \
  "$(grep -c 'Unexpected error' "$TMP/server.log") 'Unexpected error', $(grep -c ' ERROR ' "$TMP/server.log") ERROR lines," \
  "$(grep -c ' WARN ' "$TMP/server.log") WARN lines"
exit "$RESULT"
