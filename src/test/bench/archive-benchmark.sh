#!/usr/bin/env bash
# A year's archive on a laptop (issue #13): builds a store of FILES x PAGES real PDF pages (generated records,
# 24,000-word vocabulary with a Zipf-like distribution, one seed per file) through the real import, then
# measures, side by side in the same run: in-process search p50/p95 (words, phrases of common words,
# prefixes), whole-process CLI `search` vs `grep -c -w` over the same pages' text, the first search after
# unlock, `list` vs a trivial Java main, `records add` of 1,000 and 5,000 pages vs `pdftotext`, and a
# backup after changing one case; peak RSS by /usr/bin/time -v. Everything runs with -Xmx512m.
# Appends the figures to docs/benchmarks.md.
# Usage: src/test/bench/archive-benchmark.sh [FILES=500] [PAGES_PER_FILE=400] [WORK=/tmp/archive-bench]
# RUNS=N runs each whole-process measure N times; QUERIES="w1 w2" and ADD_PAGES="1000" narrow them.
# INDEX_PAGES=20000 adds the indexing cost of the pairs of common words (format 1 vs 2) on the store's first pages.
# The search step waits for the index's background pass (the upgrade of a format-1 index: minutes, once).
# STOP_AFTER=import builds the store and stops. SKIP="search" reuses the in-process search figures of the last run in WORK. Nothing else may use the
# store while this runs (a second process is refused the store, and the benchmark stops).
# (the store is kept in WORK and the import resumes where it stopped; delete WORK to start again)
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
files=${1:-500}
per=${2:-400}
work=${3:-/tmp/archive-bench}
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-archive benchmark password}"
mkdir -p "$work"
out="$work/results.md"
: > "$out"
rm -f "$work/failed"
say() { echo "$*" | tee -a "$out"; }

jar="$work/app/reviewdesk.jar"
java=(nice -n 10 java -Xmx512m)
peak() { awk '/Maximum resident/{printf "%.0f", $6/1024}' "$1"; }
# wall-clock ms of a command; a failing command stops the benchmark (a failed run is not a fast run)
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$work/ms.err" || { echo "failed: $*" >&2; cat "$work/ms.err" >&2; touch "$work/failed"; exit 1; }; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
# user+sys CPU seconds of a /usr/bin/time -v log (the machine may be shared: CPU time is what the program costs)
cpu() { awk '/User time|System time/{s+=$4} END{printf "%.2f", s}' "$1"; }
skip() { case " ${SKIP:-} " in *" $1 "*) return 0 ;; esac; return 1; }
check() { if [ -e "$work/failed" ]; then echo "a measured command failed: stopped" >&2; exit 1; fi; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

if ! skip build; then
  nice -n 10 mvn -B -q -o package -DskipTests
  nice -n 10 mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
  rm -rf "$work/classes" "$work/test-classes" "$work/app"
  cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
  mkdir -p "$work/app" && cp target/reviewdesk.jar "$work/app/" && cp -r target/lib "$work/app/lib"
  cp target/bench.cp "$work/bench.cp"
fi
cp="$work/classes:$work/test-classes:$(cat "$work/bench.cp")"
say "## Archive benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1))"
say ""
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. the records
t0=$(date +%s)
"${java[@]}" -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/pdfs" "$files" "$per" 1 | tail -1
say "- generated $files PDFs of $per pages in $(( $(date +%s) - t0 )) s (skipped when present)"

# 2. the import, through RecordService as the window and 'records add' do
/usr/bin/time -v "${java[@]}" -cp "$cp" org.reviewdesk.bench.ArchiveBenchmark import "$work/data" "$work/pdfs" \
  ../shared/data/imr-letters/cases/CM16-0213037.json "$files" > "$work/import.log" 2> "$work/import.time" || \
  { cat "$work/import.log" "$work/import.time"; exit 1; }
say "- import: $(grep imported "$work/import.log"), peak RSS $(peak "$work/import.time") MB (-Xmx512m)"
say "- store: $(du -sh "$work/data/reviewdesk.mv.db" | cut -f1), index: $(du -sh "$work/data/index" | cut -f1)"
# STOP_AFTER=import builds the store only (e.g. while the machine is busy); a later run measures on it
if [ "${STOP_AFTER:-}" = import ]; then echo "store built in $work; stopped after the import"; exit 0; fi

# 3. in-process search
skip search || /usr/bin/time -v "${java[@]}" -cp "$cp" org.reviewdesk.bench.ArchiveBenchmark search "$work/data" > "$work/search.log" 2> "$work/search.time"
say ""
say '```'
cat "$work/search.log" | tee -a "$out"
say '```'
say "- in-process search run: peak RSS $(peak "$work/search.time") MB (-Xmx512m)"

# 3b. INDEX_PAGES=N: what the pairs of common words cost at indexing (ADR 0007): the store's first N page texts
# indexed as format 1 (words only), as format 2 with no/seed/64/128/256 common words; best of 3 rounds
if [ -n "${INDEX_PAGES:-}" ]; then
  rm -rf "$work/index-build"
  nice -n 10 java -Xmx1g -cp "$cp" org.reviewdesk.bench.ArchiveBenchmark index "$work/data" "$INDEX_PAGES" \
    "$work/index-build" > "$work/index-build.log"
  rm -rf "$work/index-build"
  say ""
  say '```'
  tee -a "$out" < "$work/index-build.log"
  say '```'
fi

# 4. whole-process CLI search vs grep over the same pages' text
if [ ! -s "$work/pages.txt" ]; then
  for f in "$work"/pdfs/*.pdf; do pdftotext -q "$f" - ; done > "$work/pages.txt.part"
  mv "$work/pages.txt.part" "$work/pages.txt"
fi
runs=${RUNS:-5}
say ""
say "| CLI search (whole process, 50 hits) | ours ms (median of $runs) | grep -c -w ms | ratio | ours CPU s (user+sys) | grep CPU s | ours peak RSS MB |"
say "|---|---|---|---|---|---|---|"
for q in ${QUERIES:-therapy lumbar "\"physical therapy\"" trastas "thou*"}; do
  a=(); b=()
  for i in $(seq 1 "$runs"); do
    a+=($(ms "${java[@]}" -jar "$jar" --data "$work/data" search $q))
    w=$(echo "$q" | tr -d '"*' | awk '{print $1}')
    # grep's output goes to a file: GNU grep stops at the first match when its output is /dev/null (which made
    # the anchor 15 ms), and exits 1 when nothing matches (a prefix like thou* as a word)
    b+=($(ms sh -c "grep -c -w '$w' '$work/pages.txt' > '$work/grep.out'; true"))
  done
  /usr/bin/time -v "${java[@]}" -jar "$jar" --data "$work/data" search $q > /dev/null 2> "$work/cli.time"
  /usr/bin/time -v sh -c "grep -c -w '$w' '$work/pages.txt' > '$work/grep.out'; true" 2> "$work/grep.time"
  check
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  say "| search $q | $ma | $mb | $(awk -v a="$ma" -v b="$mb" 'BEGIN{printf "%.1fx", a/(b>0?b:1)}') | $(cpu "$work/cli.time") | $(cpu "$work/grep.time") | $(peak "$work/cli.time") |"
done

# 5. list vs a trivial Java main
mkdir -p "$work/trivial"
printf 'public class Trivial { public static void main(String[] a) { System.out.println("ok"); } }\n' > "$work/trivial/Trivial.java"
javac -d "$work/trivial" "$work/trivial/Trivial.java"
a=(); b=()
for i in $(seq 1 "${RUNS:-7}"); do
  a+=($(ms "${java[@]}" -jar "$jar" --data "$work/data" list))
  b+=($(ms java -cp "$work/trivial" Trivial))
done
check
/usr/bin/time -v "${java[@]}" -jar "$jar" --data "$work/data" list > /dev/null 2> "$work/list.time"
say ""
say "- list over the archive (whole process, java -jar, median of 7): $(median "${a[@]}") ms vs trivial Java main $(median "${b[@]}") ms; CPU $(cpu "$work/list.time") s; peak RSS $(peak "$work/list.time") MB"

# 6. records add 1,000 and 5,000 pages (a fresh small store each run) vs pdftotext
for n in ${ADD_PAGES:-1000 5000}; do
  "${java[@]}" -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/add-$n" 1 "$n" 1 > /dev/null
  pdf="$work/add-$n/record-0000.pdf"
  a=(); b=(); rss=0
  for i in $(seq 1 "${RUNS:-3}"); do
    rm -rf "$work/small"
    "${java[@]}" -jar "$jar" --data "$work/small" init > /dev/null 2>&1
    /usr/bin/time -v "${java[@]}" -jar "$jar" --data "$work/small" records add EXAMPLE-0001 "$pdf" > /dev/null 2> "$work/add.time"
    a+=($(awk -F': ' '/Elapsed/{split($2,t,":"); printf "%d", (t[1]*60+t[2])*1000}' "$work/add.time"))
    c=$(cpu "$work/add.time")
    r=$(peak "$work/add.time"); [ "$r" -gt "$rss" ] && rss=$r
    b+=($(ms pdftotext "$pdf" "$work/add.txt"))
  done
  check
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  say "- records add $n pages (whole process, median of 3): $ma ms vs pdftotext $mb ms = $(awk -v a="$ma" -v b="$mb" 'BEGIN{printf "%.1fx", a/b}'); last run CPU $c s; peak RSS $rss MB"
done
rm -rf "$work/small" "$work/add.txt"

# 7. backups: a first one, then one after changing one case
rm -rf "$work/backups"
t=$(ms "${java[@]}" -jar "$jar" --data "$work/data" backup --out "$work/backups")
say ""
say "- first backup of the archive: $t ms, $(du -sm "$work/backups" | cut -f1) MB"
"${java[@]}" -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/change" 1 20 1 > /dev/null
"${java[@]}" -jar "$jar" --data "$work/data" records add BENCH-0001 "$work/change/record-0000.pdf" > /dev/null 2>&1 || true
before=$(du -sb "$work/backups" | cut -f1)
/usr/bin/time -v "${java[@]}" -jar "$jar" --data "$work/data" backup --out "$work/backups" > /dev/null 2> "$work/backup.time"
after=$(du -sb "$work/backups" | cut -f1)
say "- backup after adding a 20-page record to one case: $(awk -F': ' '/Elapsed/{print $2}' "$work/backup.time") (whole process), CPU $(cpu "$work/backup.time") s, $(( (after - before) / 1048576 )) MB new, peak RSS $(peak "$work/backup.time") MB"
say ""
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

{ echo; cat "$out"; } >> "$root/docs/benchmarks.md"
echo "appended to docs/benchmarks.md"
