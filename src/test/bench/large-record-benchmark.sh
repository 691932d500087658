#!/usr/bin/env bash
# `records add` of a large scanned PDF (issue 13: "records add streams"), whole process, with the heap cap the
# launcher ships (-Xmx448m): wall, CPU and peak RSS by /usr/bin/time -v, side by side with its anchors on the same
# file in the same run (`cp` of the file: reading and writing its bytes once; `pdftotext`). Then the document's
# first, second, last and middle pages drawn from the store a block at a time in a new process (LargeRecord view).
# Usage: src/test/bench/large-record-benchmark.sh [PAGES=100] [RUNS=3] [WORK=/tmp/large-record-bench]
#   each page is 3 MB of image noise (100 pages: 300 MB); JAR=path to measure another jar (default: built here)
#   LAUNCHER=path       measure the app image's launcher instead of the jar (its own options as built)
#   BEFORE=path         a second launcher (e.g. an older build's image), alternating with the first; the store it
#                       leaves is removed before the next run, the pages are drawn from the last one's (the first's)
set -euo pipefail
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
pages=${1:-100}
runs=${2:-3}
work=${3:-/tmp/large-record-bench}
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-large record benchmark password}"
mkdir -p "$work"
if [ -z "${JAR:-}" ]; then
  nice -n 10 mvn -B -q -o package -DskipTests
  JAR=target/reviewdesk.jar
fi
nice -n 10 mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
wall() { awk -F': ' '/Elapsed/{split($2,t,":"); printf "%d", (t[1]*60+t[2])*1000}' "$1"; }
cpu() { awk '/User time|System time/{s+=$4} END{printf "%.2f", s}' "$1"; }
peak() { awk '/Maximum resident/{printf "%.0f", $6/1024}' "$1"; }
pdf="$work/scan-$pages.pdf"
[ -f "$pdf" ] || java -cp "$cp" org.reviewdesk.bench.LargeRecord make "$pdf" "$pages" > /dev/null
if [ -n "${LAUNCHER:-}" ]; then now=("$LAUNCHER"); what="$LAUNCHER"; else now=(java -Xmx448m -jar "$JAR"); what="java -Xmx448m -jar $JAR"; fi
labels=(now); [ -n "${BEFORE:-}" ] && labels=(before now)
echo "## records add of a large scanned PDF ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo "file: $pages pages, $(( $(stat -c %s "$pdf") / 1048576 )) MB; command: $what${BEFORE:+, alternating with $BEFORE}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A w c r o
for l in "${labels[@]}"; do w[$l]=""; c[$l]=""; r[$l]=0; o[$l]=""; done
tc=(); tp=()
for i in $(seq 1 "$runs"); do
  for l in "${labels[@]}"; do
    if [ "$l" = before ]; then run=("$BEFORE"); else run=("${now[@]}"); fi
    rm -rf "$work/data"
    "${run[@]}" --data "$work/data" init > /dev/null 2>&1
    sync
    /usr/bin/time -v "${run[@]}" --data "$work/data" records add EXAMPLE-0001 "$pdf" --no-ocr \
      > "$work/add.out" 2> "$work/add.time" || true
    o[$l]=$(grep -m1 -E "added|error" "$work/add.out" "$work/add.time" | cut -c1-160)
    w[$l]="${w[$l]} $(wall "$work/add.time")"; c[$l]="${c[$l]} $(cpu "$work/add.time")"
    p=$(peak "$work/add.time"); [ "$p" -gt "${r[$l]}" ] && r[$l]=$p
  done
  rm -f "$work/copy.pdf"; sync
  t0=$(date +%s%N); cp "$pdf" "$work/copy.pdf"; sync; t1=$(date +%s%N); tc+=($(( (t1 - t0) / 1000000 )))
  t0=$(date +%s%N); pdftotext "$pdf" "$work/add.txt"; t1=$(date +%s%N); tp+=($(( (t1 - t0) / 1000000 )))
done
rm -f "$work/copy.pdf"
mc=$(median "${tc[@]}"); mp=$(median "${tp[@]}")
for l in "${labels[@]}"; do
  # shellcheck disable=SC2086
  mw=$(median ${w[$l]}); mcpu=$(median ${c[$l]})
  echo "- records add, $l: wall median $mw ms (runs:${w[$l]}), CPU median $mcpu s, peak RSS ${r[$l]} MB; cp + sync: $(awk -v a="$mw" -v b="$mc" 'BEGIN{printf "%.1fx", a/b}'); said: ${o[$l]}"
done
echo "- anchors, same runs: cp + sync median $mc ms (${tc[*]}); pdftotext median $mp ms (${tp[*]})"
echo "- store file: $(( $(stat -c %s "$work/data/reviewdesk.mv.db" 2>/dev/null || echo 0) / 1048576 )) MB"
echo "- pages drawn from the store in a new process (java -Xmx448m, LargeRecord view):"
/usr/bin/time -v java -Xmx448m -cp "$cp" org.reviewdesk.bench.LargeRecord view "$work/data" EXAMPLE-0001 \
  2> "$work/view.time" | sed 's/^/  - /'
echo "  - that process: wall $(wall "$work/view.time") ms, peak RSS $(peak "$work/view.time") MB"
