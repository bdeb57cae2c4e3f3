#!/usr/bin/env bash
# The provider-sync benchmark: POOLS pools x NUMBERS Vonage numbers synced by INSTANCES service
# instances against the stateful Vonage simulation on loopback (WireMock), on the embedded MariaDB.
# Usage: bench/sync-bench.sh [pools=1000] [numbers=100] [instances=1]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q install -DskipTests
./mvnw -B -ntp -q -pl bootstrap test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cd bootstrap
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  dev.poolkeeper.bootstrap.e2e.SyncBench "${1:-1000}" "${2:-100}" "${3:-1}"
