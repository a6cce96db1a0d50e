#!/usr/bin/env bash
# From a breach's deadline to the subscriber's webhook receiving it (issue 14: "a breach's deadline → the webhook
# request received, p50/p99, target p99 ≤ 2 s"), at county load.
#   bash bench/webhook-latency.sh        # env: CASES=120 SPREAD_SECONDS=60 PRESET=county
# 1. starts the demo from standalone/target (build it first: ./mvnw -DskipTests install) in a temp folder, its
#    simulator at the PRESET rate (the county's background of device readings, visits and demands);
# 2. once it is live, subscribes a local receiver (a Python HTTP server that checks each signature) to sla_breach
#    over the API;
# 3. files CASES demands in random grids whose 24-hour first-response deadlines fall SPREAD_SECONDS apart over the
#    next minute or so: each breach falls due at a known instant while the county's other traffic goes on;
# 4. reports, for each breach received, the receiving instant minus its deadline: p50, p95, p99, max.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CASES=${CASES:-120}
SPREAD_SECONDS=${SPREAD_SECONDS:-60}
DATA=$(mktemp -d /tmp/gp-webhook-latency-XXXX)
echo "data in $DATA"; date -u
GP_CHDB_LIB=${GP_CHDB_LIB:-$HOME/.cache/gridpulse/chdb/26.7.3-stable.1/libchdb.so} GP_DATA_DIR=$DATA GP_INGEST_PORT=18288 \
  GP_COCKPIT_PORT=18280 GP_MQTT_PORT=0 GP_SIM_BACKFILL_HOURS=1 GP_SIM_PRESET=${PRESET:-county} \
  "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseG1GC -Xmx2g -cp "$ROOT/standalone/target/standalone.jar:$ROOT/standalone/target/lib/*" \
  io.gridpulse.standalone.Main > "$DATA/demo.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for i in $(seq 1 900); do grep -q "now live in real time" "$DATA/demo.log" && break; sleep 1; done
KEY=$(grep -o "API key:  *[^ ]*" "$DATA/demo.log" | awk '{print $3}')
echo "live after $i s"
python3 - "$KEY" "$CASES" "$SPREAD_SECONDS" <<'PY'
import datetime, hashlib, hmac, http.server, json, random, statistics, sys, threading, time, urllib.request, uuid
key, cases, spread = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
API = "http://127.0.0.1:18288"
SECRET = "bench-secret-" + uuid.uuid4().hex
received, bad = {}, []

class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        at = time.time()
        body = self.rfile.read(int(self.headers["Content-Length"]))
        signed = "sha256=" + hmac.new(SECRET.encode(), (self.headers["X-GridPulse-Timestamp"] + ".").encode() + body, hashlib.sha256).hexdigest()
        if signed != self.headers["X-GridPulse-Signature"]:
            bad.append(self.headers["X-GridPulse-Delivery"])
        for alert in json.loads(body)["alerts"]:
            if alert["caseId"].startswith("bench-") and alert["status"] == "open":
                received.setdefault(alert["caseId"], (at, alert["deadline"]))
        self.send_response(204); self.end_headers()
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
threading.Thread(target=server.serve_forever, daemon=True).start()

def call(method, path, body=None):
    req = urllib.request.Request(API + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")

call("POST", "/api/v1/subscriptions", {"channel": "webhook", "url": f"http://127.0.0.1:{server.server_port}/hook",
     "secret": SECRET, "kinds": ["sla_breach"], "minSeverity": "major"})
grids = [a["code"] for a in call("GET", "/api/v1/areas?level=grid")["areas"]]
time.sleep(3)  # the dispatcher reads the subscriptions every 2 s
shanghai = datetime.timezone(datetime.timedelta(hours=8))
first = time.time() + 20
for i in range(cases):
    deadline = first + i * spread / cases
    created = datetime.datetime.fromtimestamp(deadline - 24 * 3600, shanghai).isoformat(timespec="milliseconds")
    call("POST", "/api/v1/events", {"eventId": str(uuid.uuid4()), "kind": "demand.created", "occurredAt": created,
         "source": "bench-terminal", "gridCode": random.choice(grids), "caseId": f"bench-{i}", "channel": "visit",
         "demandType": "elderly_care", "demandClass": "resolve_now"})
wait_until = first + spread + 30
while time.time() < wait_until and len(received) < cases:
    time.sleep(0.5)
lat = sorted(at - datetime.datetime.fromisoformat(d.replace("Z", "+00:00")).timestamp() for at, d in received.values())
q = lambda p: lat[min(len(lat) - 1, int(round(p * (len(lat) - 1))))]
print(f"RESULT breaches received {len(lat)} of {cases}, bad signatures {len(bad)}")
print(f"RESULT deadline -> webhook received: p50 {q(0.5):.2f} s, p95 {q(0.95):.2f} s, p99 {q(0.99):.2f} s, max {lat[-1]:.2f} s, min {lat[0]:.2f} s")
PY
