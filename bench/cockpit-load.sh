#!/usr/bin/env bash
# GridPulse cockpit benchmark (issue 5 acceptance): the cockpit with TARGET events stored, at county load.
#   bash bench/cockpit-load.sh        # env: TARGET=10000000 BACKFILL_HOURS=135 WALL=10 DRILL=10 PUSH=10 USER_=leader
# Smoke run (proves the script works, numbers do not count): SMOKE=1 bash bench/cockpit-load.sh
# 1. starts GridPulse with the simulator at the county preset (GP_SIM_PRESET=county) and BACKFILL_HOURS of
#    simulated history, which it pushes through ingest > Kafka > Flink > ClickHouse as fast as they take it,
#    then the present in real time; build standalone first (./gridpulse build);
# 2. waits until the warehouse holds TARGET distinct events (GET /api/v1/event-counts every 15 s) and prints
#    the load rate;
# 3. runs bench/src/CockpitLoad.java in headless Chromium as USER_: /wall first meaningful paint, drill-down
#    from the city to a grid on /map, and the delay from an SOS alert landing in the warehouse to the wall
#    showing it (see the source for the exact definitions); the simulator keeps feeding the present meanwhile.
# Prints RESULT lines with p50/p95 and the load average.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
if [ "${SMOKE:-0}" = 1 ]; then
  TARGET=${TARGET:-50000}; BACKFILL_HOURS=${BACKFILL_HOURS:-1}; WALL=${WALL:-2}; DRILL=${DRILL:-1}; PUSH=${PUSH:-2}
fi
TARGET=${TARGET:-10000000}
BACKFILL_HOURS=${BACKFILL_HOURS:-135}
WALL=${WALL:-10}; DRILL=${DRILL:-10}; PUSH=${PUSH:-10}
USER_=${USER_:-leader}
OUT=${OUT:-$(mktemp -d /tmp/gp-cockpit-bench-XXXX)}
INGEST_PORT=${GP_INGEST_PORT:-18198}; COCKPIT_PORT=${GP_COCKPIT_PORT:-18190}
echo "output in $OUT"; date -u; nproc; free -g | head -2; echo "load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
export GP_DATA_DIR="$OUT/data"; mkdir -p "$GP_DATA_DIR"; touch "$OUT/started"; STARTED=$(date +%s)
# the load signs in as the whole-region leader once a browser: the second factor is not what is measured
export GP_COCKPIT_SECOND_FACTOR=off
GP_SIM_PRESET=county GP_SIM_BACKFILL_HOURS=$BACKFILL_HOURS GP_INGEST_PORT=$INGEST_PORT GP_COCKPIT_PORT=$COCKPIT_PORT \
GP_MQTT_PORT=0 GP_CHDB_LIB=${GP_CHDB_LIB:-$HOME/.cache/gridpulse/chdb/26.7.3-stable.1/libchdb.so} \
  "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseG1GC -Xmx3g \
  -cp "$ROOT/standalone/target/standalone.jar:$ROOT/standalone/target/lib/*" \
  io.gridpulse.standalone.Main > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
# a first start on a data folder whose job state is on the heap converts it to RocksDB before it says it runs
for _ in $(seq 1200); do grep -q 'GridPulse is running' "$OUT/server.log" && break; kill -0 $SERVER; sleep 1; done
echo "RESULT started seconds_after_start=$(( $(date +%s) - STARTED ))"
grep -q 'GridPulse is running' "$OUT/server.log"
KEY=$(cat "$GP_DATA_DIR/secrets/demo-api-key"); PASS=$(cat "$GP_DATA_DIR/secrets/demo-password")
count() { curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$INGEST_PORT/api/v1/event-counts" \
  | grep -o '"distinctEvents":[0-9]*' | cut -d: -f2; }
T0=$(date +%s)
while true; do
  N=$(count || echo 0); N=${N:-0}
  echo "$(date -u +%T) stored $N events (load $(cut -d' ' -f1 /proc/loadavg))"
  [ "$N" -ge "$TARGET" ] && break
  kill -0 $SERVER
  sleep 15
done
T1=$(date +%s)
echo "RESULT load events=$N seconds=$((T1 - T0)) events_per_s=$((N / (T1 - T0 + 1)))"
# on stored data the job first restores its state (the eventIds it remembers, the clocks): measure only once it
# runs, that is once it has completed a checkpoint of its own (WAIT_FOR_JOB=0 skips this)
if [ "${WAIT_FOR_JOB:-1}" = 1 ]; then
  until find "$GP_DATA_DIR/flink/checkpoints" -name _metadata -newer "$OUT/started" 2>/dev/null | grep -q .; do
    kill -0 $SERVER; sleep 2
  done
  echo "RESULT job_running seconds_after_start=$(( $(date +%s) - STARTED ))"
fi
# then let the catch-up after the restart settle (the job works off what arrived meanwhile): steady county load
sleep "${SETTLE_SECONDS:-60}"
cd "$ROOT" && ./mvnw -q -o -pl standalone dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/test.classpath" >/dev/null
echo "load before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$ROOT/standalone/target/test-classes:$ROOT/standalone/target/classes:$(cat "$OUT/test.classpath")" \
  "$ROOT/bench/src/CockpitLoad.java" "http://127.0.0.1:$COCKPIT_PORT" "http://127.0.0.1:$INGEST_PORT" "$USER_" "$PASS" "$KEY" \
  "$WALL" "$DRILL" "$PUSH" 2>&1 | grep -v "^WARNING\|CDP\|^$" | tee "$OUT/cockpit-load.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "stored at the end: $(count) events"
