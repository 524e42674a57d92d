#!/usr/bin/env bash
# The virtual assistant's answer latency with a large knowledge base (docs/benchmarks.md, "Assistant latency"):
# Kefu on a fresh H2 database, the demo organization loaded with ENTRIES synthetic FAQ entries and its assistant on,
# then QUESTIONS visitors, one after the other, each asking one question over WebSocket.
#
#   bench/assistant.sh                        10,000 entries, 300 questions (about 15 minutes on 2 cores)
#   ENTRIES=1000 QUESTIONS=100 bench/assistant.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ENTRIES=${ENTRIES:-10000}
QUESTIONS=${QUESTIONS:-300}
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
RUN=${RUN:-bench/results/assistant-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RUN"
OUT="$RUN/results.txt"

echo "== building Kefu and the bench"
./mvnw -q -DskipTests package
./mvnw -q -f bench/pom.xml package
KEFU_JAR=$(ls target/kefu-*.jar | grep -v original | head -1)
{
	echo "machine.nproc=$(nproc)"
	echo "machine.cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
	echo "machine.jdk=$("$JAVA" -version 2>&1 | head -1)"
	echo "run.kefu-commit=$(git log -1 --format=%h -- src pom.xml)"
	echo "run.loadavg-start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$OUT"

# Lucene's vector code (the FAQ model's dot products) uses SIMD only with the incubating Vector API module.
KEFU_JAVA_OPTS=${KEFU_JAVA_OPTS:---add-modules jdk.incubator.vector}
echo "run.kefu-java-opts=$KEFU_JAVA_OPTS" >> "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATA=$(mktemp -d /tmp/kefu-assistant-XXXXXX)
# shellcheck disable=SC2086
"$JAVA" $KEFU_JAVA_OPTS -jar "$KEFU_JAR" --server.port="$PORT" --kefu.data-dir="$DATA" \
	--kefu.intake.visitors-per-minute=1000000 --kefu.intake.visitors-burst=100000 --kefu.intake.conversations-per-minute=1000000 --kefu.intake.conversations-burst=100000 > "$RUN/kefu.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
	grep -q "Kefu is running" "$RUN/kefu.log" && break
	kill -0 "$PID" 2>/dev/null || { echo "Kefu died; see $RUN/kefu.log" >&2; exit 1; }
	sleep 1
done
"$JAVA" -cp "bench/target/kefu-bench.jar:bench/target/lib/*" dev.kefu.bench.LoadGenerator assistant \
	--url "http://127.0.0.1:$PORT" --pid "$PID" --entries "$ENTRIES" --questions "$QUESTIONS" --out "$OUT" --scope assistant
echo "run.loadavg-end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT"
grep "FAQ model" "$RUN/kefu.log" | tail -1 || true
cat "$OUT"
