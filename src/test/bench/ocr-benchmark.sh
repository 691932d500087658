#!/usr/bin/env bash
# OCR benchmark (issue 11): the same scanned page images OCR'd by ReviewDesk (Tesseract 5 through JavaCPP, one
# engine per core) and by Debian's `tesseract` command (same eng.traineddata, one process per page, both cores,
# OMP_THREAD_LIMIT=1 each), run alternately (ReviewDesk, tesseract, ReviewDesk, ...) so that a loaded machine
# weighs on both alike. Whole-process wall times (JVM start included) and peak RSS from /usr/bin/time -v.
# Usage: src/test/bench/ocr-benchmark.sh [PAGES=100] [ROUNDS=2]   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v tesseract >/dev/null || { echo "tesseract is missing: apt-get install -y tesseract-ocr" >&2; exit 1; }
pages=${1:-100}
rounds=${2:-2}
threads=$(nproc)
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tessdata=/usr/share/tesseract-ocr/5/tessdata
cmp -s "$tessdata/eng.traineddata" src/main/resources/org/reviewdesk/record/ocr/tessdata/eng.traineddata \
  && echo "same eng.traineddata as the app ships: yes" || echo "WARNING: the trained data differ"
echo "== generating $pages synthetic scanned pages (300 dpi PNG)"
java -cp "$cp" org.reviewdesk.record.ocr.bench.OcrBenchmark gen "$work/pages" "$pages"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  /usr/bin/time -v -o "$work/rd.time" java -cp "$cp" org.reviewdesk.record.ocr.bench.OcrBenchmark run "$work/pages" "$threads"
  rd_wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/rd.time")
  rd_rss=$(awk -F': ' '/Maximum resident/{print $2}' "$work/rd.time")
  echo "round $r ReviewDesk: wall $rd_wall, peak RSS ${rd_rss} KB, load $(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -v -o "$work/cli.time" bash -c "ls '$work'/pages/*.png | OMP_THREAD_LIMIT=1 xargs -P $threads -I{} \
    tesseract {} {}.cli -l eng --tessdata-dir $tessdata >/dev/null 2>&1"
  cli_wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/cli.time")
  cli_rss=$(awk -F': ' '/Maximum resident/{print $2}' "$work/cli.time")
  echo "round $r tesseract CLI: wall $cli_wall, peak RSS (largest process) ${cli_rss} KB, load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "tesseract: $(tesseract --version 2>&1 | head -1)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== a 600-page scanned import, in process (first page stored + drawn; every page stored; store open)"
echo "   (the window's figure, to the page on screen: src/test/bench/first-page-benchmark.sh)"
/usr/bin/time -v -o "$work/imp.time" java -cp "$cp" org.reviewdesk.record.ocr.bench.ScannedImportBenchmark "$work" 600 3
echo "peak RSS of that process: $(awk -F': ' '/Maximum resident/{print $2}' "$work/imp.time") KB"
