#!/usr/bin/env bash
# `records add` as the reviewer runs it through the app image's launcher with its default (docs/decisions/0022,
# 0023): four different generated 1,000-page PDFs, each added to a case of its own, GAP seconds apart. The first
# runs in its own process and leaves a kept server; the next ones go to that server (which, since ADR 0023, has
# read a made-up record in the meantime). Per import: the whole command's wall time and the kept server's CPU
# time during it; `pdftotext` of the same file at the end. With BEFORE=other-launcher, both launchers are measured
# in alternation, ROUNDS times each, each on a store of its own.
# Usage: src/test/bench/kept-import-benchmark.sh [ROUNDS=2] [GAP=12] [WORK=/tmp/kept-import-bench]
#   LAUNCHER=path   default target/installer/reviewdesk/bin/reviewdesk (built beforehand: installer/build.sh)
#   BEFORE=path     a second launcher, e.g. an image built from an older commit
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-2}
gap=${2:-12}
work=${3:-/tmp/kept-import-bench}
launcher=$(readlink -f "${LAUNCHER:-target/installer/reviewdesk/bin/reviewdesk}")
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-kept import benchmark password}"
unset REVIEWDESK_KEEP_MINUTES
mkdir -p "$work"
nice -n 10 mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
java -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/pdf" 4 1000 2 > /dev/null
labels=(after); bins=("$launcher")
if [ -n "${BEFORE:-}" ]; then labels=(before after); bins=("$(readlink -f "$BEFORE")" "$launcher"); fi
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$1/stat" 2>/dev/null || echo 0; }
echo "## records add through the kept store ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, 4 x 1,000 pages, ${gap} s apart)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| launcher | 1st (own process) | 2nd (kept server) | 3rd | 4th | kept server CPU during 2nd, 3rd, 4th |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  for k in "${!labels[@]}"; do
    L=${bins[$k]}; d="$work/store-${labels[$k]}"
    rm -rf "$d"
    REVIEWDESK_KEEP_MINUTES=0 "$L" --data "$d" init > /dev/null
    REVIEWDESK_KEEP_MINUTES=0 "$L" --data "$d" show EXAMPLE-0001 > "$work/case.json"
    for i in 0 1 2 3; do
      python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["caseNumber"]="KEPT-%04d"%int(sys.argv[2]); [d.pop(k,None) for k in ("documents","evidence")]; json.dump(d,open(sys.argv[3],"w"))' \
        "$work/case.json" "$i" "$work/case-$i.json"
    done
    REVIEWDESK_KEEP_MINUTES=0 "$L" --data "$d" import "$work"/case-[0-3].json > /dev/null
    walls=(); cpus=()
    for i in 0 1 2 3; do
      pid=$(pgrep -f -- "--data $d serve --keep" | head -1 || true)
      c0=0; [ -n "$pid" ] && c0=$(cpu_ms "$pid")
      t=$( { /usr/bin/time -f '%e' "$L" --data "$d" records add "KEPT-000$i" "$work/pdf/record-000$i.pdf" \
          > /dev/null; } 2>&1 | tail -1)
      walls+=("$t s")
      if [ -n "$pid" ]; then cpus+=("$(( $(cpu_ms "$pid") - c0 )) ms"); fi
      sleep "$gap"
    done
    "$L" --data "$d" serve --stop > /dev/null 2>&1 || true
    echo "| ${labels[$k]} | ${walls[0]} | ${walls[1]} | ${walls[2]} | ${walls[3]} | ${cpus[*]:-} |"
  done
done
p=$( { /usr/bin/time -f '%e' pdftotext "$work/pdf/record-0000.pdf" /dev/null; } 2>&1 | tail -1)
echo
echo "pdftotext of one file: $p s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
