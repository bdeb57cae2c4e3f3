#!/usr/bin/env bash
# The provider-sync benchmark: POOLS pools x NUMBERS Vonage numbers synced by INSTANCES service
# instances against the stateful Vonage simulation on loopback (WireMock), on the embedded MariaDB.
# Usage: bench/sync-bench.sh [pools=1000] [numbers=100] [instances=1]
exec "$(dirname "$0")/harness.sh" SyncBench "${1:-1000}" "${2:-100}" "${3:-1}"
