#!/usr/bin/env bash
# The virtual assistant's quality on an FAQ dataset (docs/benchmarks.md, "Assistant quality"). Starts Kefu on a free
# port with a fresh embedded database, loads KNOWLEDGE into a new organization's knowledge base, asks every
# query of QUERIES through the assistant's matching path, writes the predictions CSV and prints the metrics; then
# scores the same file with ../shared/datasets/eval_faq.py when it is there.
#
#   bench/faq-eval.sh KNOWLEDGE QUERIES [--threshold T] [--label-col COL] [--out PRED.csv]
#
# KNOWLEDGE: a CSV of (text, label) rows (one FAQ entry per label, its texts as phrasings; "oos" rows are skipped)
# or bq-faq's faq_clusters.jsonl (standard questions only). QUERIES: a CSV of (text or query, label or faq_id).
# With --threshold the assistant hands over (pred "oos") below T, and the metrics are reported at T.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { sed -n 2,11p "$0"; exit 2; }
KNOWLEDGE=$(realpath "$1"); QUERIES=$(realpath "$2"); shift 2
THRESHOLD=""; LABEL_COL=label; OUT=$PWD/faq-predictions.csv
while [ $# -gt 0 ]; do
	case "$1" in
		--threshold) THRESHOLD=$2; shift 2 ;;
		--label-col) LABEL_COL=$2; shift 2 ;;
		--out) OUT=$(realpath -m "$2"); shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
JAR=$(ls "$ROOT"/target/kefu-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ] || [ -n "${REBUILD:-}" ]; then
	(cd "$ROOT" && ./mvnw -q -DskipTests package)
	JAR=$(ls "$ROOT"/target/kefu-*.jar | grep -v plain | head -1)
fi
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
"$JAVA_HOME/bin/java" -jar "$JAR" --spring.profiles.active=faq-eval --server.port=0 \
	--spring.main.banner-mode=off --logging.level.root=WARN --kefu.data-dir="$DATA" --kefu.demo.enabled=false \
	--faq-eval.knowledge="$KNOWLEDGE" --faq-eval.queries="$QUERIES" --faq-eval.label-col="$LABEL_COL" \
	--faq-eval.out="$OUT" ${THRESHOLD:+--faq-eval.threshold="$THRESHOLD"}
METRICS="$ROOT/../shared/datasets/eval_faq.py"
if [ -f "$METRICS" ]; then
	echo "--- eval_faq.py:"
	ARGS=("$QUERIES" "$OUT")
	[ "$LABEL_COL" != label ] && ARGS+=(--label-col "$LABEL_COL")
	[ -n "$THRESHOLD" ] && ARGS+=(--threshold "$THRESHOLD")
	python3 "$METRICS" "${ARGS[@]}"
fi
