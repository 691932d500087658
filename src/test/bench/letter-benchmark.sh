#!/usr/bin/env bash
# Letter benchmarks (issue: render+sign a 3-page letter < 300 ms warm; `letter --case --sign` < 2.5 s).
# Usage: src/test/bench/letter-benchmark.sh [CASE.json]   (from the project root)
set -euo pipefail
cd "$(dirname "$0")/../../.."
case_file=${1:-../shared/data/imr-letters/cases/CM17-0010728.json}
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"

echo "== warm process"
java -cp "$cp" org.reviewdesk.bench.LetterBenchmark "$case_file" 30 50

echo "== whole command: java -jar target/reviewdesk.jar letter --case $case_file --out OUT.pdf --sign --keystore K.p12"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export REVIEWDESK_KEY_PASSWORD=bench
java -jar target/reviewdesk.jar keygen --name "Benchmark Reviewer" --out "$tmp/k.p12" >/dev/null
times=()
for i in $(seq 1 10); do
  t0=$(date +%s%N)
  java -jar target/reviewdesk.jar letter --case "$case_file" --out "$tmp/out.pdf" --sign --keystore "$tmp/k.p12" >/dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "runs (ms): $(echo $sorted | tr '\n' ' ')"
echo "median: $(echo "$sorted" | sed -n 5p) ms, max: $(echo "$sorted" | tail -1) ms"
java -jar target/reviewdesk.jar verify "$tmp/out.pdf" | head -1
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
