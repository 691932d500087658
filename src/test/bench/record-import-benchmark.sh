#!/usr/bin/env bash
# Record import benchmark (issue: importing a 1,000-page text PDF takes at most twice as long as pdftotext on
# the same file, side by side on the same machine; pages read in parallel and streamed).
# Usage: src/test/bench/record-import-benchmark.sh [PAGES] [WARMUP] [RUNS]   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install -y poppler-utils" >&2; exit 1; }
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"

echo "== warm JVM, default heap"
java -cp "$cp" org.reviewdesk.record.bench.RecordImportBenchmark "${1:-1000}" "${2:-5}" "${3:-9}"
echo "== the same with a 128 MB heap (streaming: the document's text is never held whole)"
java -Xmx128m -cp "$cp" org.reviewdesk.record.bench.RecordImportBenchmark "${1:-1000}" 1 3
echo "pdftotext: $(pdftotext -v 2>&1 | head -1)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
