#!/usr/bin/env bash
# Webhook fan-out (docs/benchmarks.md, "Webhooks", issue 12): Kefu on a fresh H2 database with 64 bench agents and
# one webhook endpoint for message.created on a local receiver in the bench process. 64 chats at EVENT_RATE messages/s
# make as many events/s: delivery latency from event to receipt; then the receiver is down for OUTAGE seconds under
# the same load, and the time the backlog takes to drain once it is back. Baseline: a bare HTTP POST loop from the
# bench to the same receiver, in the same run.
#
#   bench/webhooks.sh                        about 5 minutes on 2 cores
#   KEFU_JAR=/tmp/old/kefu.jar bench/webhooks.sh   the same against another build
#   KEFU_ARGS='--name=value …' bench/webhooks.sh    the same with other settings
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
EVENT_RATE=${EVENT_RATE:-200}
OUTAGE=${OUTAGE:-60}
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
RUN=${RUN:-bench/results/webhooks-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RUN"
OUT="$RUN/results.txt"
BENCH_CP="bench/target/kefu-bench.jar:bench/target/lib/*"

if [[ -z ${KEFU_JAR:-} ]]; then
	echo "== building Kefu and the bench"
	./mvnw -q -DskipTests package
	KEFU_JAR=$(ls target/kefu-*.jar | grep -v original | head -1)
fi
[[ -f bench/target/kefu-bench.jar ]] || ./mvnw -q -f bench/pom.xml package
{
	echo "machine.nproc=$(nproc)"
	echo "machine.cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
	echo "machine.jdk=$("$JAVA" -version 2>&1 | head -1)"
	echo "run.kefu-jar=$KEFU_JAR"
	echo "run.kefu-commit=$(git log -1 --format=%h -- src pom.xml)"
	echo "run.loadavg-start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$OUT"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATA=$(mktemp -d /tmp/kefu-webhooks-XXXXXX)
PID=
trap '[[ -n $PID ]] && { kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; }; rm -rf "$DATA"' EXIT
start() { # log file
	# The bench's customers all come from one address: lift the limits on new visitors and chats. The receiver is on
	# loopback, which webhooks may only reach when private targets are allowed.
	"$JAVA" -jar "$KEFU_JAR" --server.port="$PORT" --kefu.data-dir="$DATA" --kefu.webhooks.allow-private-targets=true ${KEFU_ARGS:-} \
		--kefu.intake.visitors-per-minute=1000000 --kefu.intake.visitors-burst=100000 \
		--kefu.intake.conversations-per-minute=1000000 --kefu.intake.conversations-burst=100000 \
		> "$1" 2>&1 &
	PID=$!
	for _ in $(seq 1 180); do
		grep -q "Kefu is running" "$1" && return 0
		kill -0 "$PID" 2>/dev/null || { echo "Kefu died; see $1" >&2; exit 1; }
		sleep 1
	done
	echo "Kefu did not start; see $1" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

echo "== first start (schema, demo organization), then bench agents"
start "$RUN/kefu-seed.log"
stop
"$JAVA" -cp "$BENCH_CP" dev.kefu.bench.LoadGenerator seed \
	--db-url "jdbc:h2:file:$DATA/db/kefu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
	--agents 64 --capacity 50 --out "$OUT"
echo "== measuring"
start "$RUN/kefu.log"
sleep 3
"$JAVA" -Xmx2g -cp "$BENCH_CP" dev.kefu.bench.LoadGenerator kefu --scenarios webhooks --url "http://127.0.0.1:$PORT" \
	--pid "$PID" --agents 64 --pairs 64 --event-rate "$EVENT_RATE" --outage-seconds "$OUTAGE" --out "$OUT" \
	--scope kefu ${BENCH_OPTS:-}
echo "run.loadavg-end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT"
grep -E "webhooks\." "$OUT" | grep -E "p50|p99|drain|backlog|repeated" || true
echo "== results in $OUT"
