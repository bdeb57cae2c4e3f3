#!/usr/bin/env bash
# Builds Poolkeeper, starts it on a fresh embedded database (loopback only), runs the load harness,
# stops the server. Usage: bench/run.sh [numbers=100000] [seconds=20] [concurrency=8]
set -euo pipefail
cd "$(dirname "$0")/.."
NUMBERS=${1:-100000}; SECONDS_PER_RUN=${2:-20}; CONCURRENCY=${3:-8}
PORT=${BENCH_PORT:-18181}
DATA=$(mktemp -d /tmp/poolkeeper-bench.XXXXXX)
KEY=bench-key-0123456789abcdef

./mvnw -B -ntp -q package -DskipTests
POOLKEEPER_DATA_DIR="$DATA" POOLKEEPER_DEV_API_KEY=$KEY MICRONAUT_SERVER_PORT=$PORT \
POOLKEEPER_RATE_LIMIT_PER_MINUTE=1000000000 \
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar bootstrap/target/poolkeeper.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health/readiness" >/dev/null 2>&1 && break
  if ! kill -0 $SERVER 2>/dev/null || [ "$i" = 120 ]; then
    echo "the server did not start:" >&2; tail -40 "$DATA/server.log" >&2; exit 1
  fi
  sleep 1
done
echo "server up: $(java -version 2>&1 | head -1); $(nproc) cores"
java bench/LoadHarness.java "http://127.0.0.1:$PORT" $KEY "$NUMBERS" "$SECONDS_PER_RUN" "$CONCURRENCY"
