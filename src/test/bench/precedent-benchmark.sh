#!/usr/bin/env bash
# Precedent library benchmarks (issue 15):
#  1. quality, leave-one-out over the 194 public letters: for each item, its own letter left out, is there among
#     the first 5 similar items one with the same decision and a cited guideline in common? And the guideline
#     picker's ranking with and without the boost from similar precedents.
#  2. importing the 194 PDFs into a fresh encrypted store with `reviewdesk precedents import` (whole process,
#     JVM start included, peak RSS), then again (nothing may be added twice); pdftotext over the same PDFs as the
#     anchor in the same run.
# Usage: src/test/bench/precedent-benchmark.sh [LETTERS_DIR]   (from anywhere; default ../shared/data/imr-letters)
set -euo pipefail
cd "$(dirname "$0")/../../.."
letters="${1:-../shared/data/imr-letters}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"

echo "== 1. quality (leave-one-out over $letters/txt)"
java -cp "$cp" org.reviewdesk.bench.PrecedentQuality "$letters/txt"
echo "== 2. import of $(ls "$letters/pdf" | wc -l) PDFs into a fresh store (whole process)"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export REVIEWDESK_PASSWORD="precedent bench 1"
java -cp "$cp" org.reviewdesk.app.Main --data "$data" init --empty >/dev/null
/usr/bin/time -f "  wall %e s, peak RSS %M KB" java -cp "$cp" org.reviewdesk.app.Main --data "$data" precedents import "$letters/pdf"
echo "== again (re-import: nothing may be added twice)"
/usr/bin/time -f "  wall %e s, peak RSS %M KB" java -cp "$cp" org.reviewdesk.app.Main --data "$data" precedents import "$letters/pdf"
echo "== anchor: pdftotext -layout over the same PDFs, one process per file, same run"
/usr/bin/time -f "  wall %e s, peak RSS %M KB" bash -c "for f in '$letters'/pdf/*.pdf; do pdftotext -layout \"\$f\" - >/dev/null; done"
echo "== a query, whole process"
/usr/bin/time -f "  wall %e s, peak RSS %M KB" java -cp "$cp" org.reviewdesk.app.Main --data "$data" precedents lumbar MRI 5 weeks after a contusion no red flags | head -3
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
