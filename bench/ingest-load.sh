#!/usr/bin/env bash
# GridPulse ingest benchmark (issue 3 acceptance), self-contained. Run from anywhere:
#   bash bench/ingest-load.sh            # env: EVENTS_PER_RUN=300000 RUNS=3 CONNS="4 8" LAT_RATE=2000 LAT_SECONDS=30
#   GP_STREAM_JOBS=off bash bench/ingest-load.sh   # the edge and Kafka alone, without the Flink job reading
# 1. starts GridPulse (simulator off) in a temp dir, waits for "GridPulse is running";
# 2. generates realistic NDJSON once with the simulator (unique eventIds), cuts 1,000-event batch files;
#    each run rewrites the first character of every eventId (still a valid UUID) and caseId, so that no run
#    resends an id or creates a case of an earlier run again (the edge refuses a second creation with 409);
# 3. for each of RUNS rounds, alternating: (a) bench/src/BatchLoad.java POSTs EVENTS_PER_RUN events as
#    1,000-event NDJSON batches to /api/v1/events:batch over each of CONNS connections, checking every
#    answer is 200 and summing the body's "accepted"; (b) Kafka's ProducerPerformance (kafka-tools,
#    fetched with mvn) sends 500,000 records of the median event size to topic bench.raw (3 partitions,
#    like gp.events) on the SAME embedded broker with ingest's producer settings;
# 4. RUNS times: bench/src/LatencyLoad.java, open-loop single-event POSTs at LAT_RATE/s for LAT_SECONDS,
#    latency from the scheduled send time; after a 10 s warm-up at the same rate.
# CPU seconds of the server (/proc/PID/stat) and of each load tool are printed for every phase.
# Prints RESULT lines and a summary of medians; full output in $OUT (default /tmp/gp-bench-*/).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
EVENTS_PER_RUN=${EVENTS_PER_RUN:-300000}
RUNS=${RUNS:-3}
CONNS=${CONNS:-"4 8"}
LAT_RATE=${LAT_RATE:-2000}
LAT_SECONDS=${LAT_SECONDS:-30}
RAW_RECORDS=${RAW_RECORDS:-500000}
KT_VERSION=${KT_VERSION:-4.3.0} # kafka-tools 4.4.0 is not on Maven Central; 4.3.0 runs on the bundled kafka-clients 4.4.0
OUT=${OUT:-$(mktemp -d /tmp/gp-bench-XXXX)}
LIB="$ROOT/standalone/target/lib"
KT="$HOME/.cache/gridpulse/kafka-tools"
if [ ! -f "$KT/kafka-tools-$KT_VERSION.jar" ]; then
  mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.apache.kafka:kafka-tools:$KT_VERSION -DoutputDirectory="$KT"
fi
echo "output in $OUT"; date -u; nproc; free -g | head -2

export GP_DATA_DIR="$OUT/data"; mkdir -p "$GP_DATA_DIR"
# a key of its own without a rate limit: the demo key's 20,000 events/s would measure the limiter
BENCH_KEY="gpk_bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
printf '{"keys":[{"client":"bench","sha256":"%s","perSecond":1000000000,"burst":1000000000}]}' \
  "$(printf '%s' "$BENCH_KEY" | sha256sum | cut -d' ' -f1)" > "$OUT/bench-keys.json"
export GP_API_KEYS_FILE="$OUT/bench-keys.json"
GP_SIMULATOR=off GP_MQTT_PORT=0 GP_INGEST_PORT=${GP_INGEST_PORT:-18088} GP_COCKPIT_PORT=${GP_COCKPIT_PORT:-18080} \
GP_CHDB_LIB=${GP_CHDB_LIB:-$HOME/.cache/gridpulse/chdb/26.7.3-stable.1/libchdb.so} \
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$ROOT/standalone/target/standalone.jar:$LIB/*" \
  io.gridpulse.standalone.Main > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do grep -q 'GridPulse is running' "$OUT/server.log" && break; kill -0 $SERVER; sleep 1; done
grep -q 'GridPulse is running' "$OUT/server.log"
KEY="$BENCH_KEY"
BOOT=$(grep -o 'kafka broker listening on [0-9.:]*' "$OUT/server.log" | awk '{print $NF}')
URL=http://127.0.0.1:${GP_INGEST_PORT:-18088}
cpu() { awk '{printf "%.1f", ($14+$15)/100}' /proc/$SERVER/stat; } # utime+stime, USER_HZ=100

NEED=$((EVENTS_PER_RUN > 200000 ? EVENTS_PER_RUN : 200000))
"$JAVA" -cp "$LIB/*:$ROOT/standalone/target/standalone.jar" io.gridpulse.simulator.Simulator $NEED --seed 1 \
  > "$OUT/events.ndjson" 2> "$OUT/simulator.err"
SIZE=$(awk '{print length($0)}' "$OUT/events.ndjson" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
echo "events: $(wc -l < "$OUT/events.ndjson"), median event size $SIZE bytes"
"$JAVA" -cp "$LIB/*" "$ROOT/bench/src/CreateTopic.java" "$BOOT" bench.raw 3 2>/dev/null

# batch files for a run: the first hex digit of every eventId becomes $1
make_batches() {
  rm -rf "$OUT/batches"; mkdir -p "$OUT/batches"
  head -n "$EVENTS_PER_RUN" "$OUT/events.ndjson" | sed -e "s/^{\"eventId\":\"./{\"eventId\":\"$1/" \
    -e "s/\"caseId\":\"./\"caseId\":\"$1/g" \
    | split -l 1000 -d -a 5 --additional-suffix=.ndjson - "$OUT/batches/b"
}
batch_run() { # $1 connections, $2 id digit, $3 label
  make_batches "$2"
  local c0; c0=$(cpu)
  local t; t=$("$JAVA" "$ROOT/bench/src/BatchLoad.java" "$URL/api/v1/events:batch" "$KEY" "$OUT/batches" "$1" 2>&1 || true)
  echo "$t" > "$OUT/$3.txt"
  echo "$3 conns=$1 $(grep RESULT <<<"$t") server_cpu_s=$(awk -v a="$(cpu)" -v b="$c0" 'BEGIN{printf "%.1f", a-b}')"
  grep -v RESULT <<<"$t" | head -3 || true
}
raw_run() { # $1 label
  local c0; c0=$(cpu)
  local t; t=$( { /usr/bin/time -f 'perf_cpu_s=%U+%S' "$JAVA" -cp "$KT/kafka-tools-$KT_VERSION.jar:$LIB/*" \
    org.apache.kafka.tools.ProducerPerformance --topic bench.raw --num-records "$RAW_RECORDS" --record-size "$SIZE" \
    --throughput -1 --producer-props bootstrap.servers="$BOOT" acks=all enable.idempotence=true linger.ms=5 \
    batch.size=131072 compression.type=lz4 ; } 2>&1 || true)
  echo "$t" > "$OUT/$1.txt"
  echo "$1 RESULT $(grep 'records sent' <<<"$t" | tail -1) $(grep -o 'perf_cpu_s=.*' <<<"$t") server_cpu_s=$(awk -v a="$(cpu)" -v b="$c0" 'BEGIN{printf "%.1f", a-b}')"
}
lat_run() { # $1 id digit, $2 seconds, $3 label
  local c0; c0=$(cpu)
  local t; t=$("$JAVA" "$ROOT/bench/src/LatencyLoad.java" "$URL/api/v1/events" "$KEY" "$OUT/events.ndjson" \
    "$LAT_RATE" "$2" "$1" 2>&1 || true)
  echo "$t" > "$OUT/$3.txt"
  echo "$3 $(grep RESULT <<<"$t") server_cpu_s=$(awk -v a="$(cpu)" -v b="$c0" 'BEGIN{printf "%.1f", a-b}')"
}

# warm-up (JIT on both sides): 50k batch events, one raw run of 100k, not counted
EVENTS_PER_RUN_SAVE=$EVENTS_PER_RUN; EVENTS_PER_RUN=50000; batch_run 4 0 warmup-batch; EVENTS_PER_RUN=$EVENTS_PER_RUN_SAVE
RAW_SAVE=$RAW_RECORDS; RAW_RECORDS=100000; raw_run warmup-raw; RAW_RECORDS=$RAW_SAVE
digits=(1 2 3 4 5 6 7 8 9 a b c d e f)
d=0
for r in $(seq "$RUNS"); do
  for c in $CONNS; do batch_run "$c" "${digits[$d]}" "batch-c$c-run$r"; d=$((d+1)); done
  raw_run "raw-run$r"
done 2>&1 | tee "$OUT/throughput.log"
lat_run f 10 warmup-latency
for r in $(seq "$RUNS"); do lat_run "${digits[$((r+8))]}" "$LAT_SECONDS" "latency-run$r"; done 2>&1 | tee "$OUT/latency.log"

median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) print "n/a"; else print a[int((NR+1)/2)] }'; }
echo "== medians over $RUNS runs (output in $OUT)"
RAW=$(grep -o 'records sent, [0-9.]* records/sec' "$OUT/throughput.log" | awk '{print $3}' | median)
echo "raw producer records/s: $RAW"
for c in $CONNS; do
  B=$(grep "^batch-c$c-" "$OUT/throughput.log" | grep -o 'events_per_s=[0-9]*' | cut -d= -f2 | median)
  E=$(grep "^batch-c$c-" "$OUT/throughput.log" | grep -o 'batch_errors=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
  echo "events:batch conns=$c events/s: $B (batch errors over all runs: $E) ratio ingest/raw: $(awk -v b="$B" -v r="$RAW" 'BEGIN{printf "%.2f", b/r}')"
done
for p in p50 p95 p99 max; do
  echo "single POST at $LAT_RATE/s $p ms: $(grep -o "${p}_ms=[0-9.]*" "$OUT/latency.log" | cut -d= -f2 | median)"
done
echo "single POST errors over all runs: $(grep -o ' errors=[0-9]*' "$OUT/latency.log" | cut -d= -f2 | paste -sd+ | bc)"
