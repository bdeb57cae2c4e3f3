#!/usr/bin/env bash
# The shaping benchmark: a burst of MESSAGES messages into a pool of 20 long codes (1/s) and 2 toll-free
# numbers (20/s), weights 1:2, against a Telnyx stub on loopback, dispatched by INSTANCES instances on the
# embedded MariaDB. Usage: bench/shaping-bench.sh [messages=10000] [instances=1]
exec "$(dirname "$0")/harness.sh" ShapingBench "${1:-10000}" "${2:-1}"
