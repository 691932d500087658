#!/usr/bin/env bash
# Clinical record benchmarks: import of a 1,000-page PDF vs pdftotext, page images, search over
# 10,000 pages, heap. Usage (from anywhere): src/test/bench/record-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
java -Xmx1g -cp "$cp" org.reviewdesk.bench.RecordBenchmark
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1), $(pdftotext -v 2>&1 | head -1)"
