#!/usr/bin/env bash
# GridPulse stream benchmark (issue 4 acceptance), self-contained. Run from anywhere, on a QUIET machine:
#   bash bench/stream-freshness.sh        # env: RATE=5000 BATCH=50 SECONDS=60 RUNS=3 CONNS=4 SUSTAIN_SECONDS=30
#                                         #      BREACH_CASES=200 BREACH_SPREAD=20 POLL_MS=250
# Smoke run (proves the script works, numbers do not count): SMOKE=1 bash bench/stream-freshness.sh
# 1. starts GridPulse (simulator off, checkpoints at the default interval, GP_CHECKPOINT_SECONDS) in a temp dir from
#    standalone/target (build standalone first), waits for "GridPulse is running";
# 2. warm-up: 15 s of freshness load at RATE, not counted;
# 3. RUNS times: bench/src/StreamFreshness.java fresh: open-loop BATCH-event POSTs to /api/v1/events:batch
#    at RATE events/s for SECONDS; end-to-end freshness = 200 answer > visible in the events table
#    (GET /api/v1/event-counts polled every POLL_MS; see the source for the exact definition) p50/p95/p99;
# 4. RUNS times: sustain: CONNS senders of 1,000-event batches as fast as accepted for SUSTAIN_SECONDS,
#    then until every accepted event is visible: events/s through the whole job;
# 5. once: breach: BREACH_CASES demands whose deadlines fall over BREACH_SPREAD s, never answered: delay
#    from each deadline to its breach alert being visible in GET /api/v1/alerts.
# Prints RESULT lines, the load average before each phase, the server's CPU seconds, and the medians.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if [ "${SMOKE:-0}" = 1 ]; then
  RATE=${RATE:-1000}; SECONDS_=${SECONDS_:-5}; RUNS=${RUNS:-1}; SUSTAIN_SECONDS=${SUSTAIN_SECONDS:-5}
  BREACH_CASES=${BREACH_CASES:-20}; BREACH_SPREAD=${BREACH_SPREAD:-5}; WARMUP=${WARMUP:-3}
fi
RATE=${RATE:-5000}
BATCH=${BATCH:-50}
SECONDS_=${SECONDS_:-${DURATION:-60}}
RUNS=${RUNS:-3}
CONNS=${CONNS:-4}
SUSTAIN_SECONDS=${SUSTAIN_SECONDS:-30}
BREACH_CASES=${BREACH_CASES:-200}
BREACH_SPREAD=${BREACH_SPREAD:-20}
POLL_MS=${POLL_MS:-250}
WARMUP=${WARMUP:-15}
OUT=${OUT:-$(mktemp -d /tmp/gp-stream-bench-XXXX)}
LIB="$ROOT/standalone/target/lib"
SRC="$ROOT/bench/src/StreamFreshness.java"
echo "output in $OUT"; date -u; nproc; free -g | head -2; echo "load before start: $(cut -d' ' -f1-3 /proc/loadavg)"

export GP_DATA_DIR="$OUT/data"; mkdir -p "$GP_DATA_DIR"
# a key of its own without a rate limit: the demo key's 20,000 events/s would measure the limiter
BENCH_KEY="gpk_bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
printf '{"keys":[{"client":"bench","sha256":"%s","perSecond":1000000000,"burst":1000000000}]}' \
  "$(printf '%s' "$BENCH_KEY" | sha256sum | cut -d' ' -f1)" > "$OUT/bench-keys.json"
export GP_API_KEYS_FILE="$OUT/bench-keys.json"
GP_SIMULATOR=off GP_INGEST_PORT=${GP_INGEST_PORT:-18098} GP_COCKPIT_PORT=${GP_COCKPIT_PORT:-18090} GP_MQTT_PORT=0 \
GP_CHDB_LIB=${GP_CHDB_LIB:-$HOME/.cache/gridpulse/chdb/26.7.3-stable.1/libchdb.so} \
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$ROOT/standalone/target/standalone.jar:$LIB/*" \
  io.gridpulse.standalone.Main > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do grep -q 'GridPulse is running' "$OUT/server.log" && break; kill -0 $SERVER; sleep 1; done
grep -q 'GridPulse is running' "$OUT/server.log"
KEY="$BENCH_KEY"
URL=http://127.0.0.1:${GP_INGEST_PORT:-18098}
cpu() { awk '{printf "%.1f", ($14+$15)/100}' /proc/$SERVER/stat; } # utime+stime, USER_HZ=100
phase() { # $1 label, then the arguments of StreamFreshness
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local c0; c0=$(cpu)
  local t; t=$("$JAVA" "$SRC" "$@" 2>&1 || true)
  echo "$t" > "$OUT/$label.txt"
  echo "$label $(grep RESULT <<<"$t") load1_before=$load server_cpu_s=$(awk -v a="$(cpu)" -v b="$c0" 'BEGIN{printf "%.1f", a-b}')"
  grep -v RESULT <<<"$t" | head -3 || true
}

phase warmup fresh "$URL" "$KEY" "$RATE" "$BATCH" "$WARMUP" "$POLL_MS" | tee "$OUT/warmup.log"
for r in $(seq "$RUNS"); do phase "fresh-run$r" fresh "$URL" "$KEY" "$RATE" "$BATCH" "$SECONDS_" "$POLL_MS"; done | tee "$OUT/fresh.log"
for r in $(seq "$RUNS"); do phase "sustain-run$r" sustain "$URL" "$KEY" "$CONNS" 1000 "$SUSTAIN_SECONDS" "$POLL_MS"; done | tee "$OUT/sustain.log"
phase breach breach "$URL" "$KEY" "$BREACH_CASES" "$BREACH_SPREAD" 100 | tee "$OUT/breach.log"

median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) print "n/a"; else print a[int((NR+1)/2)] }'; }
echo "== medians over $RUNS runs (output in $OUT), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
for p in fresh_p50_ms fresh_p95_ms fresh_p99_ms ack_p95_ms; do
  echo "freshness at $RATE events/s $p: $(grep -o "$p=[0-9.]*" "$OUT/fresh.log" | cut -d= -f2 | median)"
done
for p in edge_events_per_s job_events_per_s best_5s_visible_per_s; do
  echo "sustained conns=$CONNS $p: $(grep -o "$p=[0-9.]*" "$OUT/sustain.log" | cut -d= -f2 | median)"
done
grep -o 'delay_p[0-9]*_ms=[0-9]*\|delay_max_ms=[0-9]*' "$OUT/breach.log" | sed 's/^/deadline to breach alert /'
