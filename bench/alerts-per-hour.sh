#!/usr/bin/env bash
# How many alerts the county demo raises an hour (issue 14: "a believable number of alerts an hour").
#   bash bench/alerts-per-hour.sh        # env: BACKFILL_HOURS=2 SETTLE_SECONDS=150 PRESET=county
# 1. starts the demo from standalone/target (build it first: ./mvnw -DskipTests install) in a temp folder, its
#    simulator at the PRESET rate sending the last BACKFILL_HOURS of the simulated city first;
# 2. waits until that backfill is in and SETTLE_SECONDS more, for the job to raise what it raises;
# 3. counts, through GET /api/v1/alerts, the alerts raised in the backfilled hours by kind, and apart the last hour
#    alone: every device's first reading lies in the first hour (a low battery already low is raised then), so the
#    last hour is the steady rate. No SLA alert can fall due in two hours (the shortest clock is 24 h): this counts
#    device alerts; SLA alerts come on top, at the county's case rate.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
BACKFILL_HOURS=${BACKFILL_HOURS:-2}
SETTLE_SECONDS=${SETTLE_SECONDS:-150}
DATA=$(mktemp -d /tmp/gp-alert-rate-XXXX)
echo "data in $DATA"; date -u
GP_CHDB_LIB=${GP_CHDB_LIB:-$HOME/.cache/gridpulse/chdb/26.7.3-stable.1/libchdb.so} GP_DATA_DIR=$DATA GP_INGEST_PORT=18188 \
  GP_COCKPIT_PORT=18180 GP_MQTT_PORT=0 GP_SIM_BACKFILL_HOURS=$BACKFILL_HOURS GP_SIM_PRESET=${PRESET:-county} \
  "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseG1GC -Xmx2g -cp "$ROOT/standalone/target/standalone.jar:$ROOT/standalone/target/lib/*" \
  io.gridpulse.standalone.Main > "$DATA/demo.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for i in $(seq 1 900); do grep -q "now live in real time" "$DATA/demo.log" && break; sleep 1; done
KEY=$(grep -o "API key:  *[^ ]*" "$DATA/demo.log" | awk '{print $3}')
echo "backfill in after $i s"
sleep "$SETTLE_SECONDS"
FROM=$(date -u -d "$START - $BACKFILL_HOURS hours" +%Y-%m-%dT%H:%M:%SZ)
python3 - "$KEY" "$FROM" "$START" "$BACKFILL_HOURS" <<'PY'
import collections, datetime, json, sys, urllib.request
key, frm, until, hours = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
last_hour = datetime.datetime.fromisoformat(until.replace("Z", "+00:00")) - datetime.timedelta(hours=1)
every, last, cursor = collections.Counter(), collections.Counter(), None
while True:
    url = f"http://127.0.0.1:18188/api/v1/alerts?since={frm}&until={until}&limit=500" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + key})))
    for alert in page["items"]:
        every[alert["kind"]] += 1
        if datetime.datetime.fromisoformat(alert["raisedAt"].replace("Z", "+00:00")) >= last_hour:
            last[alert["kind"]] += 1
    cursor = page.get("nextCursor")
    if not cursor:
        break
print(f"RESULT alerts raised in the {hours} backfilled hours: {sum(every.values())} " + dict(every.most_common()).__repr__())
print(f"RESULT in the last hour alone (the steady rate): {sum(last.values())} " + dict(last.most_common()).__repr__())
PY
