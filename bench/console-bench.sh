#!/usr/bin/env bash
# The console benchmark: a signed-in operator opens the page of a pool of SMALL numbers and of one of LARGE
# numbers, ROUNDS times each, interleaved, on the embedded MariaDB. Usage:
# bench/console-bench.sh [small=100] [large=100000] [rounds=500]
exec "$(dirname "$0")/harness.sh" ConsoleBench "${1:-100}" "${2:-100000}" "${3:-500}"
