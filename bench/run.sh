#!/usr/bin/env bash
# Kefu's benchmark, end to end, on this machine: builds Kefu and the bench, measures the baselines (a one-row
# PostgreSQL insert, a bare WebSocket echo on Kefu's stack), then Kefu on H2 and on PostgreSQL (idle connections,
# throughput, burst of new chats), and prints the results as Markdown. See docs/benchmarks.md.
#
#   bench/run.sh                         everything (about 30 minutes on a busy 2-core machine)
#   TARGETS="echo h2" bench/run.sh       only some of: insert echo echo-variants h2 postgres commit-cost h2-delay500
#                                        (the last two are not in the default set: see "Durable acks on H2")
#   IDLE=2000 RATES=500 bench/run.sh     smaller; any LoadGenerator option in BENCH_OPTS is passed on
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TARGETS=${TARGETS:-"insert echo echo-variants h2 postgres"}
IDLE=${IDLE:-10000}
RATES=${RATES:-500,1000,2000}
# Extra echo runs, idle only, to see what Tomcat's per-connection buffers cost (see echo_variant below).
ECHO_VARIANTS=${ECHO_VARIANTS:-"text-8k text-1k tuned-text-8k tuned-text-1k"}
BENCH_OPTS=${BENCH_OPTS:-}
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432}
# Tomcat's default max-connections is 8192: not enough for 10,000 idle visitors. Kefu and the echo get the same.
SERVER_OPTS="--server.tomcat.max-connections=20000"

RUN=${RUN:-bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RUN"
OUT="$RUN/results.txt"
BENCH_CP="bench/target/kefu-bench.jar:bench/target/lib/*"
bench() { "$JAVA" -Xmx4g -cp "$BENCH_CP" dev.kefu.bench.LoadGenerator "$@" --out "$OUT" --jcmd "$JCMD"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() { # url, pid: until the server answers at all
	for _ in $(seq 1 120); do
		curl -s -o /dev/null "$1" && return 0
		kill -0 "$2" 2>/dev/null || { echo "server $2 died; see $RUN" >&2; return 1; }
		sleep 1
	done
	echo "timed out waiting for $1" >&2; return 1
}

wait_for_log() { # file, text, pid: Kefu seeds its demo organization after the port opens; wait for the banner
	for _ in $(seq 1 180); do
		grep -q "$2" "$1" && return 0
		kill -0 "$3" 2>/dev/null || { echo "server $3 died; see $1" >&2; return 1; }
		sleep 1
	done
	echo "timed out waiting for '$2' in $1" >&2; return 1
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

note() { echo "$1=$2" >> "$OUT"; echo "RESULT $1=$2"; }

# Echo server variants: JVM options ($2 = jvm) or application arguments ($2 = app). Kefu's text buffer is 64 KiB
# (chars, so 128 KiB of heap); "tuned" also shrinks Tomcat's 8 KiB WebSocket I/O buffers and socket buffers to 1 KiB.
echo_variant() {
	local tuned_jvm="-Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE=1024" tuned_app="--bench.echo.socket-buffer=1024"
	case "$1:$2" in
		text-8k:app) echo "--bench.echo.text-buffer=8192" ;;
		text-1k:app) echo "--bench.echo.text-buffer=1024" ;;
		tuned-text-8k:jvm | tuned-text-1k:jvm) echo "$tuned_jvm" ;;
		tuned-text-8k:app) echo "$tuned_app --bench.echo.text-buffer=8192" ;;
		tuned-text-1k:app) echo "$tuned_app --bench.echo.text-buffer=1024" ;;
	esac
}

echo "== building Kefu and the bench"
./mvnw -q -DskipTests package
./mvnw -q -f bench/pom.xml package
KEFU_JAR=$(ls target/kefu-*.jar | grep -v original | head -1)

note machine.nproc "$(nproc)"
note machine.memory "$(free -g | awk '/^Mem/ {print $2 " GiB"}')"
note machine.cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
note machine.os "$(. /etc/os-release; echo "$PRETTY_NAME") $(uname -r)"
note machine.jdk "$("$JAVA" -version 2>&1 | head -1)"
note machine.open-files "$(ulimit -n)"
note run.kefu-commit "$(git log -1 --format=%h -- src pom.xml) (last change to Kefu's code; checkout at $(git rev-parse --short HEAD))"
note run.loadavg-start "$(cut -d' ' -f1-3 /proc/loadavg)"
note run.command "TARGETS=\"$TARGETS\" IDLE=$IDLE RATES=$RATES AGENTS=${AGENTS:-64} BENCH_OPTS=\"$BENCH_OPTS\" bench/run.sh"

if [[ $TARGETS == *insert* ]]; then
	echo "== baseline: one-row PostgreSQL insert"
	bench insert --scope pg --pg-url "$PG_URL/test"
fi

if [[ " $TARGETS " == *" echo "* ]]; then
	echo "== baseline: WebSocket echo on Kefu's stack"
	PORT=$(free_port)
	"$JAVA" -cp "$BENCH_CP" dev.kefu.bench.EchoServer --server.port="$PORT" $SERVER_OPTS > "$RUN/echo.log" 2>&1 &
	PID=$!
	wait_for "http://127.0.0.1:$PORT/ws" "$PID"
	sleep 3
	bench echo --scope echo --url "http://127.0.0.1:$PORT" --pid "$PID" --idle "$IDLE" --rates "$RATES" $BENCH_OPTS
	stop "$PID"
fi

if [[ $TARGETS == *echo-variants* ]]; then
	echo "== echo variants, idle only: $ECHO_VARIANTS"
	PORT=$(free_port)
	for variant in $ECHO_VARIANTS; do
		# shellcheck disable=SC2046
		"$JAVA" $(echo_variant "$variant" jvm) -cp "$BENCH_CP" dev.kefu.bench.EchoServer --server.port="$PORT" \
			$SERVER_OPTS $(echo_variant "$variant" app) > "$RUN/echo-$variant.log" 2>&1 &
		PID=$!
		wait_for "http://127.0.0.1:$PORT/ws" "$PID"
		sleep 3
		bench echo --scope "echo-$variant" --scenarios idle --url "http://127.0.0.1:$PORT" --pid "$PID" \
			--idle "$IDLE" $BENCH_OPTS
		stop "$PID"
	done
fi

# Starts Kefu ($1: h2|postgres), seeds bench agents while it is stopped, starts it again and drives it.
kefu() {
	# The load generator's thousands of customers all come from this one address: lift the per-address limits.
	local db=$1 port pid data url args=(--kefu.intake.visitors-per-minute=1000000 --kefu.intake.visitors-burst=100000 --kefu.intake.conversations-per-minute=1000000 --kefu.intake.conversations-burst=100000)
	port=$(free_port)
	data=$(mktemp -d /tmp/kefu-bench-XXXXXX)
	if [[ $db == postgres ]]; then
		local name="kefu_bench_$(date +%s)"
		psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $name"
		export POSTGRES_URL="$PG_URL/$name"
		url="$POSTGRES_URL"
		args+=(--spring.profiles.active=postgres --kefu.demo.enabled=true)
		seed=(--db-url "$url" --db-user postgres)
	else
		url="jdbc:h2:file:$data/db/kefu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
		seed=(--db-url "$url")
	fi
	if [[ $db == h2-delay500 ]]; then
		# Kefu's H2 URL before issue #11: H2's default WRITE_DELAY (500 ms), acks not durable; for comparison only.
		args=("--spring.datasource.url=$url;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64")
	fi
	echo "== Kefu on $db: first start (schema, demo organization)"
	"$JAVA" -jar "$KEFU_JAR" --server.port="$port" --kefu.data-dir="$data" "${args[@]}" $SERVER_OPTS \
		> "$RUN/kefu-$db-seed.log" 2>&1 &
	pid=$!
	wait_for_log "$RUN/kefu-$db-seed.log" "Kefu is running" "$pid"
	stop "$pid"
	bench seed "${seed[@]}" --agents "${AGENTS:-64}" --capacity 50
	echo "== Kefu on $db: measuring"
	"$JAVA" -jar "$KEFU_JAR" --server.port="$port" --kefu.data-dir="$data" "${args[@]}" $SERVER_OPTS \
		> "$RUN/kefu-$db.log" 2>&1 &
	pid=$!
	wait_for_log "$RUN/kefu-$db.log" "Kefu is running" "$pid"
	sleep 3
	note "kefu-$db.loadavg-start" "$(cut -d' ' -f1-3 /proc/loadavg)"
	bench kefu --scope "kefu-$db" --url "http://127.0.0.1:$port" --pid "$pid" --idle "$IDLE" --rates "$RATES" \
		--agents "${AGENTS:-64}" $BENCH_OPTS || echo "kefu on $db: load generator failed" >&2
	stop "$pid"
	rm -rf "$data"
	if [[ $db == postgres ]]; then
		psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE $name"
	fi
}

[[ " $TARGETS " == *" commit-cost "* ]] && bench commit-cost ${COMMIT_COST_OPTS:-}
[[ " $TARGETS " == *" h2-delay500 "* ]] && kefu h2-delay500
[[ " $TARGETS " == *" h2 "* ]] && kefu h2
[[ $TARGETS == *postgres* ]] && kefu postgres

note run.loadavg-end "$(cut -d' ' -f1-3 /proc/loadavg)"
bench report > "$RUN/results.md"
echo "== results in $RUN/results.md"
cat "$RUN/results.md"
