#!/usr/bin/env bash
# `records add` of a generated 1,000- and 5,000-page text PDF, whole process (JVM start, unlock, import, close),
# side by side with `pdftotext` on the same file, alternating runs; wall median, CPU (user+sys) and peak RSS by
# /usr/bin/time -v. The same PDFs and the same -Xmx512m as src/test/bench/archive-benchmark.sh (issue #13).
# Usage: src/test/bench/records-add-benchmark.sh [RUNS=5] [WORK=/tmp/records-add-bench]
#   PAGES="1000 5000"   which files
#   JAR=path            the application jar to measure (default: target/reviewdesk.jar, built here)
#   JAR_BEFORE=path     a second jar measured in alternation with the first (before/after in the same conditions)
#   PDF_DIR=dir         take DIR/add-N/record-0000.pdf instead of generating it (e.g. /tmp/archive-bench)
#   JAVA=path/bin/java  the java to run the jars with (default: java on the PATH), e.g. a JDK 25 as the launcher's
#   JAVA_OPTS="..."     more JVM options, e.g. "-XX:TieredStopAtLevel=1" (C1 only, as the app image's launcher)
#   LAUNCHER=path       also measure the app image's launcher (target/installer/reviewdesk/bin/reviewdesk), its
#                       own options (heap cap, JIT, AOT cache) as built, alternating with the jars
#   SERVED=N            also measure N imports sent to a running `reviewdesk serve` (needs LAUNCHER): the server is
#                       started through the launcher (its own JVM options), each import goes to a case of its own
#                       in the same store, pdftotext alternating (after SETTLE=3 seconds of the server's own
#                       background work); the first import meets a cold server (reported
#                       apart), the others a warm one; the server's peak RSS (VmHWM) at the end
#   STAGES=1            also time the import's analyses in one warm process, now and as before, alternating
#                       (org.reviewdesk.record.AnalysisStageBenchmark: chronology split, duplicate pages)
set -euo pipefail
# commands measured in their own process: no server kept after them (docs/decisions/0022)
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
runs=${1:-5}
work=${2:-/tmp/records-add-bench}
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-records add benchmark password}"
mkdir -p "$work"
if [ -z "${JAR:-}" ]; then
  nice -n 10 mvn -B -q -o package -DskipTests
  JAR=target/reviewdesk.jar
fi
nice -n 10 mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
# shellcheck disable=SC2206
java=(${JAVA:-java} -Xmx512m ${JAVA_OPTS:-})
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
wall() { awk -F': ' '/Elapsed/{split($2,t,":"); printf "%d", (t[1]*60+t[2])*1000}' "$1"; }
cpu() { awk '/User time|System time/{s+=$4} END{printf "%.2f", s}' "$1"; }
peak() { awk '/Maximum resident/{printf "%.0f", $6/1024}' "$1"; }

echo "## records add, whole process ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); jars run with: ${java[*]}"
for n in ${PAGES:-1000 5000}; do
  if [ -n "${PDF_DIR:-}" ]; then
    pdf="$PDF_DIR/add-$n/record-0000.pdf"
  else
    "${java[@]}" -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/add-$n" 1 "$n" 1 > /dev/null
    pdf="$work/add-$n/record-0000.pdf"
  fi
  labels=(after); jars=("$JAR")
  if [ -n "${JAR_BEFORE:-}" ]; then labels=(before after); jars=("$JAR_BEFORE" "$JAR"); fi
  if [ -n "${LAUNCHER:-}" ]; then labels+=(launcher); jars+=(""); fi
  declare -A w c r
  for l in "${labels[@]}"; do w[$l]=""; c[$l]=""; r[$l]=0; done
  t=()
  for i in $(seq 1 "$runs"); do
    for k in "${!labels[@]}"; do
      l=${labels[$k]}
      rm -rf "$work/small"
      if [ "$l" = launcher ]; then run=("$LAUNCHER"); else run=("${java[@]}" -jar "${jars[$k]}"); fi
      "${run[@]}" --data "$work/small" init > /dev/null 2>&1
      /usr/bin/time -v "${run[@]}" --data "$work/small" records add EXAMPLE-0001 "$pdf" \
        > /dev/null 2> "$work/add.time" || { cat "$work/add.time"; exit 1; }
      w[$l]="${w[$l]} $(wall "$work/add.time")"; c[$l]="${c[$l]} $(cpu "$work/add.time")"
      p=$(peak "$work/add.time"); [ "$p" -gt "${r[$l]}" ] && r[$l]=$p
    done
    t0=$(date +%s%N); pdftotext "$pdf" "$work/add.txt"; t1=$(date +%s%N); t+=($(( (t1 - t0) / 1000000 )))
  done
  mt=$(median "${t[@]}")
  for l in "${labels[@]}"; do
    # shellcheck disable=SC2086
    mw=$(median ${w[$l]}); mc=$(median ${c[$l]})
    case $l in after) what="$JAR" ;; before) what="$JAR_BEFORE" ;; *) what="$LAUNCHER" ;; esac
    echo "- $n pages, $l ($what): wall median $mw ms (runs:${w[$l]}), CPU median $mc s (runs:${c[$l]}), peak RSS ${r[$l]} MB; pdftotext median $mt ms: $(awk -v a="$mw" -v b="$mt" 'BEGIN{printf "%.1fx", a/b}')"
  done
  unset w c r
  if [ -n "${SERVED:-}" ] && [ -n "${LAUNCHER:-}" ]; then
    sd="$work/served"; rm -rf "$sd"; mkdir -p "$sd"
    "$LAUNCHER" --data "$sd/data" init > /dev/null 2>&1
    "$LAUNCHER" --data "$sd/data" show EXAMPLE-0001 > "$sd/case.json"
    for i in $(seq 1 "$SERVED"); do
      python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["caseNumber"]="SERVED-%04d"%int(sys.argv[2]); [d.pop(k,None) for k in ("documents","evidence")]; json.dump(d,open(sys.argv[3],"w"))' \
        "$sd/case.json" "$i" "$sd/case-$i.json"
    done
    "$LAUNCHER" --data "$sd/data" import "$sd"/case-*.json > /dev/null
    "$LAUNCHER" --data "$sd/data" serve > "$sd/serve.log" 2>&1 &
    spid=$!
    for _ in $(seq 1 100); do [ -S "$sd/data/reviewdesk.sock" ] && break; sleep 0.1; done
    sw=(); st=()
    for i in $(seq 1 "$SERVED"); do
      /usr/bin/time -v "$LAUNCHER" --data "$sd/data" records add "$(printf 'SERVED-%04d' "$i")" "$pdf" \
        > /dev/null 2> "$work/add.time" || { cat "$work/add.time"; exit 1; }
      sw+=("$(wall "$work/add.time")")
      # the server goes on after answering (JIT compilation, index merges): let it settle, so that neither the
      # anchor nor the next import shares the cores with it
      sleep "${SETTLE:-3}"
      t0=$(date +%s%N); pdftotext "$pdf" "$work/add.txt"; t1=$(date +%s%N); st+=($(( (t1 - t0) / 1000000 )))
    done
    hwm=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$spid/status")
    "$LAUNCHER" --data "$sd/data" serve --stop > /dev/null 2>&1 || true
    wait "$spid" || true
    mst=$(median "${st[@]}"); mw=$(median "${sw[@]:1}")
    echo "- $n pages, sent to reviewdesk serve ($LAUNCHER): first (cold server) ${sw[0]} ms; warm median $mw ms (runs: ${sw[*]:1}); server peak RSS $hwm MB; pdftotext median $mst ms while the server runs: cold $(awk -v a="${sw[0]}" -v b="$mst" 'BEGIN{printf "%.1fx", a/b}'), warm $(awk -v a="$mw" -v b="$mst" 'BEGIN{printf "%.1fx", a/b}'); against the pdftotext of the runs above ($mt ms, no server): warm $(awk -v a="$mw" -v b="$mt" 'BEGIN{printf "%.1fx", a/b}')"
    rm -rf "$sd"
  fi
  if [ -n "${STAGES:-}" ]; then
    java -Xmx512m -cp "$cp" org.reviewdesk.record.AnalysisStageBenchmark "$pdf" 3 | sed 's/^/  /'
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work/small" "$work/add.txt"
