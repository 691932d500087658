#!/usr/bin/env bash
# Crash safety: edit and import in a loop, kill -9 at random moments, reopen the store each time and
# check that nothing committed was lost (and the audit chain is intact). Usage: crash-test.sh [RUNS]
set -uo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-50}
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a private copy of the classes, so that a build running meanwhile cannot change them under the test
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
cp="$work/classes:$work/test-classes:$(cat target/bench.cp)"
pw="crash test password"
REVIEWDESK_PASSWORD="$pw" java -jar target/reviewdesk.jar --data "$work/data" init >/dev/null 2>&1 || \
  (mvn -B -q package -DskipTests && REVIEWDESK_PASSWORD="$pw" java -jar target/reviewdesk.jar --data "$work/data" init >/dev/null)
case_file=../shared/data/imr-letters/cases/CM16-0213037.json
last=0
lost=0
for i in $(seq 1 "$runs"); do
  java -cp "$cp" org.reviewdesk.bench.CrashWorker "$work/data" "$case_file" "$pw" "$last" > "$work/out.txt" 2>"$work/err.txt" &
  pid=$!
  sleep "$(awk -v s=$RANDOM 'BEGIN{srand(s); printf "%.2f", 2.5 + rand()*3.0}')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  reported=$(grep -o 'committed [0-9]*' "$work/out.txt" | tail -1 | awk '{print $2}')
  reported=${reported:-$last}
  if result=$(java -cp "$cp" org.reviewdesk.bench.CrashCheck "$work/data" "$reported" "$pw" 2>&1); then
    last=$(echo "$result" | awk '{print $2}')
    echo "run $i: killed after edit $reported, store has $result"
  else
    lost=$((lost + 1))
    echo "run $i: $result"
    last=$reported
  fi
done
echo "crash test: $runs kills, $lost with lost commits"
[ "$lost" -eq 0 ]
