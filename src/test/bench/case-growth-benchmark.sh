#!/usr/bin/env bash
# `records add` into a case that grows: N different generated 1,000-page PDFs added one after another to the same
# case, each a whole process through the app image's launcher (the store kept by nothing: REVIEWDESK_KEEP_MINUTES=0),
# wall and CPU by /usr/bin/time, `pdftotext` of the same file right after each. Shows what an import costs when
# the case already holds thousands of pages (the import reads the case's pages again for its duplicate-page
# analysis). With BEFORE=other-launcher, the two launchers are measured in alternation, each on a store of its own.
# Usage: src/test/bench/case-growth-benchmark.sh [N=6] [WORK=/tmp/case-growth-bench]
#   LAUNCHER=path   the launcher to measure (default: target/installer/reviewdesk/bin/reviewdesk, built beforehand)
#   BEFORE=path     a second launcher (e.g. an image built from an older commit), alternating with the first
#   PAGES=1000      pages per file
set -euo pipefail
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
n=${1:-6}
work=${2:-/tmp/case-growth-bench}
pages=${PAGES:-1000}
launcher=${LAUNCHER:-target/installer/reviewdesk/bin/reviewdesk}
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-case growth benchmark password}"
mkdir -p "$work"
nice -n 10 mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
java -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/pdf-$pages" "$n" "$pages" 2 > /dev/null
labels=(after); bins=("$launcher")
if [ -n "${BEFORE:-}" ]; then labels=(before after); bins=("$BEFORE" "$launcher"); fi
echo "## records add into a growing case ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $n files of $pages pages)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${!labels[@]}"; do
  rm -rf "$work/store-${labels[$k]}"
  "${bins[$k]}" --data "$work/store-${labels[$k]}" init > /dev/null
done
echo
echo "| file | pages in the case before | $(for l in "${labels[@]}"; do printf '%s: wall, CPU | ' "$l"; done)pdftotext |"
echo "|---|---|$(for l in "${labels[@]}"; do printf -- '---|'; done)---|"
for i in $(seq 0 $((n - 1))); do
  f=$(printf '%s/pdf-%s/record-%04d.pdf' "$work" "$pages" "$i")
  row="| $((i + 1)) | $((i * pages)) |"
  for k in "${!labels[@]}"; do
    t=$( { /usr/bin/time -f '%e %U %S' "${bins[$k]}" --data "$work/store-${labels[$k]}" records add EXAMPLE-0001 "$f" \
        > /dev/null; } 2>&1 | tail -1)
    row="$row $(awk '{printf "%.2f s, %.1f s", $1, $2 + $3}' <<< "$t") |"
  done
  p=$( { /usr/bin/time -f '%e' pdftotext "$f" /dev/null; } 2>&1 | tail -1)
  echo "$row $p s |"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
