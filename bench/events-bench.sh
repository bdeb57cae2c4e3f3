#!/usr/bin/env bash
# The events benchmark: receipt-to-endpoint latency of message.delivered events under load, then an endpoint
# down for OUTAGE minutes that must receive every event once it is back. Usage:
# bench/events-bench.sh [messages=3000] [outage minutes=10] [messages during the outage=300]
exec "$(dirname "$0")/harness.sh" EventsBench "${1:-3000}" "${2:-10}" "${3:-300}"
