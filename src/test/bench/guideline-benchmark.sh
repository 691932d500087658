#!/usr/bin/env bash
# The builder's brain on items it has never seen (issue 10): category suggestion, the Cite dialog's first
# entries, the governing MTUS section for imaging, the checker on real rationales; plus `suggest` whole-process.
# Usage: src/test/bench/guideline-benchmark.sh [dev|heldout]   (from the project root; default heldout)
# dev tunes (misses printed); heldout measures only (no misses printed).
set -euo pipefail
cd "$(dirname "$0")/../../.."
mode=${1:-heldout}
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
/usr/bin/time -v java -cp "$cp" org.reviewdesk.bench.GuidelineBenchmark "$mode" 2> target/guideline-bench.time
grep -E "Maximum resident|Elapsed" target/guideline-bench.time

echo "== whole process: java -jar target/reviewdesk.jar suggest --case CASE --json (anchor: --version)"
case_file=../shared/data/imr-letters/cases/CM16-0242667.json
for what in "--version" "suggest --case $case_file --json"; do
  times=()
  for i in $(seq 1 7); do
    t0=$(date +%s%N); java -jar target/reviewdesk.jar $what >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$what: median $(echo "$sorted" | sed -n 4p) ms, max $(echo "$sorted" | tail -1) ms"
done
/usr/bin/time -v java -jar target/reviewdesk.jar suggest --case "$case_file" --json 2>&1 >/dev/null \
  | grep -E "Maximum resident"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
