#!/usr/bin/env bash
# HTTP load test of the token service, on loopback only.
#
#   scripts/load-test.sh            # 15 s per endpoint, 50 connections
#   DURATION=30s CONNECTIONS=100 scripts/load-test.sh
#
# The server runs in demo mode pinned to CPU 0 (one core); wrk runs pinned to
# CPU 1 so the load generator does not steal the server's core. Each endpoint
# is warmed up first (JIT), then measured. Needs wrk and taskset
# (Debian: apt-get install wrk util-linux) and a built jar (mvn -DskipTests package).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=target/agora-token-service.jar
PORT=${PORT:-18080}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-50}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
JAVA_FLAGS=${JAVA_FLAGS:--Xmx128m -XX:+UseSerialGC}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: run mvn -q -DskipTests package first" >&2; exit 1; }

log=$(mktemp)
# shellcheck disable=SC2086 # JAVA_FLAGS is a list of flags
PORT=$PORT taskset -c "$SERVER_CPU" java $JAVA_FLAGS -jar "$JAR" --demo >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/ping" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/ping" >/dev/null || { cat "$log"; echo "server did not start" >&2; exit 1; }

# wrk prints its latency distribution and counts; this keeps the numbers we report.
measure() {
  local name=$1 path=$2 out
  out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$path")
  local rps p50 p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  printf '%-34s %12s %10s %10s %8s\n' "$name" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${errors:-0} ))"
  eval "RPS_$3=$rps"
}

# Warm every endpoint before measuring any, so the JIT has compiled the shared
# HTTP path by the time the first measurement starts.
for path in /ping "/rtc/MyChannel/1/uid/1/?expiry=300" "/rtm/alice/?expiry=600"; do
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT$path" >/dev/null
done

echo "server: 1 core (CPU $SERVER_CPU), java $JAVA_FLAGS; wrk: 1 thread, $CONNECTIONS connections, $DURATION"
printf '%-34s %12s %10s %10s %8s\n' endpoint requests/s p50 p99 errors
measure "GET /ping" "/ping" ping
measure "GET /rtc/MyChannel/1/uid/1/" "/rtc/MyChannel/1/uid/1/?expiry=300" rtc
measure "GET /rtm/alice/" "/rtm/alice/?expiry=600" rtm
echo "server RSS after the runs: $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status")"
awk -v p="$RPS_ping" -v r="$RPS_rtc" -v m="$RPS_rtm" \
  'BEGIN { printf "rtc/ping = %.0f%%, rtm/ping = %.0f%%\n", 100 * r / p, 100 * m / p }'
