#!/usr/bin/env bash
# Unlock time with the salted Argon2id key (issue #12): the whole `list` process (JVM start, key
# derivation, store open, audit entry) beside its anchor `--version` (JVM start only), peak RSS, and
# the in-process first (cold) and later (warm) unlocks. Usage: unlock-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -o package -DskipTests >/dev/null
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export REVIEWDESK_PASSWORD="unlock benchmark password"
java -jar target/reviewdesk.jar --data "$work/data" init >/dev/null
echo "== whole process: list (unlock + one query) vs --version (JVM start only)"
hyperfine -w 1 -r 5 "java -jar target/reviewdesk.jar --version" \
  "java -jar target/reviewdesk.jar --data $work/data list"
echo "== peak RSS of list"
/usr/bin/time -v java -jar target/reviewdesk.jar --data "$work/data" list 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
echo "== in one process"
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" org.reviewdesk.bench.UnlockTiming \
  "$work/data" "$REVIEWDESK_PASSWORD" 5
