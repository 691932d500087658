#!/usr/bin/env bash
# Crash recovery of the multi-step file operations (issue #12): runs `passwd` (to the other of two
# passwords) and `restore` (of a backup made under password A) alternately, kills each with kill -9 at
# a random moment, then checks that the store opens with EXACTLY ONE of the two passwords, its audit
# chain is intact, and no leftover stays after that start. Each swap step pauses PAUSE ms
# (-Dreviewdesk.crashtest.pause) so that kills land between the steps, not only before or after them.
# Usage: crash-restore-passwd.sh [RUNS_EACH] [PAUSE_MS]
set -uo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-20}
pause=${2:-300}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
cp="$work/classes:$work/test-classes:$(cat target/bench.cp)"
pa="crash password A"
pb="crash password B"
REVIEWDESK_PASSWORD="$pa" java -cp "$cp" org.reviewdesk.app.Main --data "$work/data" init >/dev/null
REVIEWDESK_PASSWORD="$pa" java -cp "$cp" org.reviewdesk.app.Main --data "$work/data" backup --out "$work/data/backups" >/dev/null
backup=$(ls "$work"/data/backups/reviewdesk-*.rdbk "$work"/data/backups/reviewdesk-*.zip 2>/dev/null | head -1)
[ -n "$backup" ] || { echo "no backup was written in $work/data/backups" >&2; exit 2; }
bad=0
total=0
for i in $(seq 1 "$runs"); do
  for mode in passwd restore; do
    total=$((total + 1))
    java -Dreviewdesk.crashtest.pause="$pause" -cp "$cp" org.reviewdesk.bench.SwapCrashWorker "$mode" "$work/data" "$pa" "$pb" "$backup" > "$work/out.txt" 2>"$work/err.txt" &
    pid=$!
    # wait until the swap has begun (the JVM start and the first unlock take seconds on a loaded machine),
    # then kill at a random moment within its steps (7 pauses) or just after
    for _ in $(seq 1 600); do
      grep -q 'step ' "$work/out.txt" 2>/dev/null && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    sleep "$(awk -v s=$RANDOM -v p="$pause" 'BEGIN{srand(s); printf "%.2f", rand() * (7 * p / 1000.0 + 0.5)}')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    at=$(grep -o 'step [a-z]*\|finished' "$work/out.txt" | tail -1)
    if [ -z "$at" ] && [ -s "$work/err.txt" ]; then
      echo "$mode run $i: the worker failed before its first step: $(head -1 "$work/err.txt")" >&2
      bad=$((bad + 1))
      continue
    fi
    if result=$(java -cp "$cp" org.reviewdesk.bench.SwapCrashCheck "$work/data" "$pa" "$pb" 2>&1); then
      echo "$mode run $i: killed at '${at:-before the first step}': $result"
    else
      bad=$((bad + 1))
      echo "$mode run $i: killed at '${at:-before the first step}': $result"
    fi
  done
done
echo "crash restore/passwd: $total kills ($runs each), $bad bad"
[ "$bad" -eq 0 ]
