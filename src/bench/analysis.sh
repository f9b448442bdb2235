#!/usr/bin/env bash
# Analysis speed per language after warm-up (no HTTP, no database): bash src/bench/analysis.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/response-policy-server.jar ] || mvn -B -q package -DskipTests
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/response-policy-server.jar:target/lib/*" \
  src/bench/AnalysisBenchmark.java 2>&1 | grep -v -E ' (INFO|DEBUG) '
