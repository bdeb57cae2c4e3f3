#!/usr/bin/env bash
# JMH: one sender decision at pool sizes 100, 10,000, 100,000 and 1,000,000: 3 forks, sample mode (p50, p99),
# allocation per decision (-prof gc). Usage: [FORKS=3] [ITERATIONS=5] bench/selection-jmh.sh [extra JMH options,
# e.g. -p poolSize=100] (JMH refuses an option given twice, so forks and iterations are set here)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl domain test-compile
CP="domain/target/test-classes:domain/target/classes:$(./mvnw -B -ntp -q -pl domain dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -cp "$CP" org.openjdk.jmh.Main 'dev.poolkeeper.domain.bench.SelectionBenchmark' -f "${FORKS:-3}" -bm sample -tu ns \
    -prof gc -wi 3 -w 2s -i "${ITERATIONS:-5}" -r 2s -jvmArgs -Xmx4g "$@"
