#!/usr/bin/env bash
# Builds Poolkeeper, then runs one of the harnesses that live in the bootstrap module's test sources (they
# start the service in process, on the embedded MariaDB, with provider stubs on loopback).
# Usage: bench/harness.sh <class in dev.poolkeeper.bootstrap.e2e> [arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
HARNESS=$1; shift
./mvnw -B -ntp -q install -DskipTests
./mvnw -B -ntp -q -pl bootstrap test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cd bootstrap
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  "dev.poolkeeper.bootstrap.e2e.$HARNESS" "$@"
