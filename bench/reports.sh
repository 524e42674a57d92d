#!/usr/bin/env bash
# How fast KPI reports answer on a large history (docs/benchmarks.md, "Reports"): Kefu on a fresh PostgreSQL
# database, the demo organization with 4 groups and 40 more agents, CONVERSATIONS ended conversations with about 20
# messages each over the last DAYS days (bench/report-data.sql), their facts measured by Kefu's own rebuild, then
# each report asked REPEAT times over HTTP. The baseline, in the same run, is GET /api/v1/auth/me (a token check).
#
#   bench/reports.sh                                   100,000 conversations, 2,000,000 messages (about 15 minutes)
#   CONVERSATIONS=10000 REPEAT=10 bench/reports.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CONVERSATIONS=${CONVERSATIONS:-100000}
DAYS=${DAYS:-61}
REPEAT=${REPEAT:-30}
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
RUN=${RUN:-bench/results/reports-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RUN"
OUT="$RUN/results.txt"
PSQL=(psql -q -h 127.0.0.1 -U postgres)

echo "== building Kefu"
./mvnw -q -DskipTests package
KEFU_JAR=$(ls target/kefu-*.jar | grep -v original | head -1)
{
	echo "machine.nproc=$(nproc)"
	echo "machine.cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
	echo "machine.postgres=$("${PSQL[@]}" -d test -Atc 'SHOW server_version')"
	echo "run.kefu-commit=$(git log -1 --format=%h -- src pom.xml)"
	echo "run.loadavg-start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$OUT"

DB=kefu_reports_$(date -u +%Y%m%d%H%M%S)
"${PSQL[@]}" -d test -c "CREATE DATABASE $DB"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATA=$(mktemp -d /tmp/kefu-reports-XXXXXX)
POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/$DB" "$JAVA_HOME/bin/java" -jar "$KEFU_JAR" \
	--spring.profiles.active=postgres --kefu.demo.enabled=true --server.port="$PORT" --kefu.data-dir="$DATA" > "$RUN/kefu.log" 2>&1 &
PID=$!
cleanup() {
	kill $PID 2>/dev/null || true
	wait $PID 2>/dev/null || true
	rm -rf "$DATA"
	"${PSQL[@]}" -d test -c "DROP DATABASE IF EXISTS $DB" || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do
	grep -q "Kefu is running" "$RUN/kefu.log" && break
	kill -0 "$PID" 2>/dev/null || { echo "Kefu died; see $RUN/kefu.log" >&2; exit 1; }
	sleep 1
done
URL="http://127.0.0.1:$PORT"
api() { # method path [body]
	curl -sS --fail-with-body -X "$1" "$URL$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
TOKEN=$(curl -sf "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
	-d '{"username":"admin","password":"kefu-admin"}' | jq -r .token)
ORG=$(api GET /api/v1/auth/me | jq -r .organizationId)
CENTER=$(api GET /api/v1/admin/centers | jq -r '.[0].id')

echo "== 2 more groups (4 in all) and 40 agents through the admin API"
GROUPS_JSON=$(api GET /api/v1/admin/groups | jq -c '[.[].id]')
for name in Billing Logistics; do
	id=$(api POST /api/v1/admin/groups "{\"centerId\":\"$CENTER\",\"name\":\"$name\",\"queueLimit\":50,\"offlinePolicy\":\"KEEP\",\"requeueMinutes\":0}" | jq -r .id)
	GROUPS_JSON=$(jq -c ". + [\"$id\"]" <<< "$GROUPS_JSON")
done
for i in $(seq 1 40); do
	group=$(jq -r ".[$((i % 4))]" <<< "$GROUPS_JSON")
	api POST /api/v1/admin/staff "{\"username\":\"report-agent-$i\",\"password\":\"report-agent-pw-$i\",\"displayName\":\"Agent $i\",\"roles\":[\"AGENT\"],\"maxChats\":5,\"groupIds\":[\"$group\"]}" > /dev/null
done

echo "== generating $CONVERSATIONS conversations over $DAYS days"
start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" -v org="$ORG" -v conversations="$CONVERSATIONS" -v days="$DAYS" -f bench/report-data.sql \
	| tee "$RUN/generated.txt"
echo "reports.generate-s=$(echo "$(date +%s.%N) - $start" | bc)" >> "$OUT"
echo "reports.messages=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM message")" >> "$OUT"
echo "reports.conversations=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM conversation")" >> "$OUT"

echo "== Kefu measures every conversation (POST /api/v1/admin/reports/rebuild)"
start=$(date +%s.%N)
api POST /api/v1/admin/reports/rebuild > /dev/null
until api GET /api/v1/admin/reports/rebuild | jq -e '.finishedAt != null' > /dev/null; do sleep 2; done
api GET /api/v1/admin/reports/rebuild | jq -c . > "$RUN/rebuild.json"
echo "reports.rebuild-s=$(echo "$(date +%s.%N) - $start" | bc)" >> "$OUT"
echo "reports.facts=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM report_conversation")" >> "$OUT"

MONTH_FROM=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m-%d)
MONTH_TO=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m-%d)
RANGE_FROM=$(date -u -d "-$DAYS days" +%Y-%m-%d)
RANGE_TO=$(date -u +%Y-%m-%d)
echo "== reports, $REPEAT times each (month $MONTH_FROM to $MONTH_TO)"
python3 - "$URL" "$TOKEN" "$REPEAT" "$OUT" <<EOF
import json, statistics, sys, time, urllib.request
url, token, repeat, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cases = [
    ("baseline", "/api/v1/auth/me"),
    ("month-by-day", "/api/v1/reports/kpis?from=$MONTH_FROM&to=$MONTH_TO&period=day"),
    ("month-by-group", "/api/v1/reports/kpis?from=$MONTH_FROM&to=$MONTH_TO&period=month&by=group"),
    ("month-by-agent-day", "/api/v1/reports/kpis?from=$MONTH_FROM&to=$MONTH_TO&period=day&by=agent"),
    ("month-csv", "/api/v1/reports/kpis?from=$MONTH_FROM&to=$MONTH_TO&period=day&by=agent&format=csv"),
    ("range-by-week-channel", "/api/v1/reports/kpis?from=$RANGE_FROM&to=$RANGE_TO&period=week&by=channel"),
]
def get(path):
    request = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + token})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        body = response.read()
    return (time.perf_counter() - start) * 1000, body
with open(out, "a") as results:
    for name, path in cases:
        for _ in range(5):
            get(path)
        times = sorted(get(path)[0] for _ in range(repeat))
        _, body = get(path)
        p50, p95 = statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]
        results.write(f"reports.{name}.p50-ms={p50:.1f}\nreports.{name}.p95-ms={p95:.1f}\nreports.{name}.max-ms={times[-1]:.1f}\n")
        if name.startswith("month-by-day"):
            totals = json.loads(body)["totals"]
            results.write(f"reports.{name}.conversations={totals['conversations']}\n")
        print(f"{name:24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  max {times[-1]:7.1f} ms  ({len(body)} bytes)")
EOF
echo "run.loadavg-end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT"
cat "$OUT"
