#!/usr/bin/env bash
# Analysis and rules in process (JMH; no HTTP, no database): mentions per second on one thread for the
# labelled mentions of 150-450 characters in five languages, with the bundled rules. Figures only.
#
#   bash bench/engine.sh [--quick]      (--quick: fewer, shorter iterations)
#
# Extra JMH options after --, e.g. bash bench/engine.sh -- -p language=pl
set -euo pipefail
cd "$(dirname "$0")/.."
JMH=(-f 1 -wi 5 -w 5s -i 5 -r 5s -t 1)
if [ "${1:-}" = --quick ]; then JMH=(-f 1 -wi 3 -w 3s -i 3 -r 3s -t 1); shift; fi
[ "${1:-}" = -- ] && shift
mvn -B -q test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" org.openjdk.jmh.Main EngineBenchmark \
  "${JMH[@]}" -jvmArgs "-Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn" "$@" 2>&1 \
  | grep -E '^(Benchmark|EngineBenchmark)|^# (JMH|VM version|Run complete)' || true
echo "(ops/s = mentions per second on one thread; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
