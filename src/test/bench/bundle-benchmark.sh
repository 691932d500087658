#!/usr/bin/env bash
# Archive bundles of a case with a large scanned record, whole process, with the heap cap the launcher ships
# (-Xmx448m): `archive` (AES-256 zip written from the store, then read back and every hash checked) and `import
# --replace` of that bundle (checked, then streamed into the store), wall, CPU and peak RSS by /usr/bin/time -v, side
# by side with their anchors on the same file in the same run: `zip -P` (the record deflated and encrypted once, as
# ZipCrypto) and `unzip -t` of that zip (read and CRC-checked once).
# Usage: src/test/bench/bundle-benchmark.sh [PAGES=40] [RUNS=3] [WORK=/tmp/bundle-bench]
#   each page is 3 MB of image noise (40 pages: 120 MB); JAR=path to measure another jar (default: built here)
set -euo pipefail
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
pages=${1:-40}
runs=${2:-3}
work=${3:-/tmp/bundle-bench}
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-bundle benchmark password}"
export REVIEWDESK_BUNDLE_PASSWORD="${REVIEWDESK_BUNDLE_PASSWORD:-bundle benchmark bundle password}"
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
rd=(java -Xmx448m -jar "$JAR" --data "$work/data")
rm -rf "$work/data"
"${rd[@]}" init > /dev/null
"${rd[@]}" keygen --store --name "Bundle Benchmark" > /dev/null
"${rd[@]}" records add EXAMPLE-0001 "$pdf" --no-ocr > /dev/null
"${rd[@]}" finalize EXAMPLE-0001 > /dev/null
echo "## Archive bundles of a case with a large scan ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo "record: $pages pages, $(( $(stat -c %s "$pdf") / 1048576 )) MB; command: java -Xmx448m -jar $JAR; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
aw=(); ac=(); ar=0; iw=(); ic=(); ir=0; zw=(); uw=()
for i in $(seq 1 "$runs"); do
  rm -f "$work/bundle.zip"; sync
  /usr/bin/time -v "${rd[@]}" archive EXAMPLE-0001 --out "$work/bundle.zip" > "$work/archive.out" 2> "$work/archive.time" \
    || { cat "$work/archive.out" "$work/archive.time" | tail -5; exit 1; }
  aw+=("$(wall "$work/archive.time")"); ac+=("$(cpu "$work/archive.time")")
  p=$(peak "$work/archive.time"); [ "$p" -gt "$ar" ] && ar=$p
  sync
  /usr/bin/time -v "${rd[@]}" import "$work/bundle.zip" --replace > "$work/import.out" 2> "$work/import.time" \
    || { cat "$work/import.out" "$work/import.time" | tail -5; exit 1; }
  iw+=("$(wall "$work/import.time")"); ic+=("$(cpu "$work/import.time")")
  p=$(peak "$work/import.time"); [ "$p" -gt "$ir" ] && ir=$p
  rm -f "$work/anchor.zip"; sync
  t0=$(date +%s%N); zip -q -P "$REVIEWDESK_BUNDLE_PASSWORD" "$work/anchor.zip" "$pdf"; sync; t1=$(date +%s%N)
  zw+=($(( (t1 - t0) / 1000000 )))
  t0=$(date +%s%N); unzip -q -t -P "$REVIEWDESK_BUNDLE_PASSWORD" "$work/anchor.zip" > /dev/null; t1=$(date +%s%N)
  uw+=($(( (t1 - t0) / 1000000 )))
done
ma=$(median "${aw[@]}"); mi=$(median "${iw[@]}"); mz=$(median "${zw[@]}"); mu=$(median "${uw[@]}")
echo "- archive (write + read back + verify): wall median $ma ms (runs: ${aw[*]}), CPU median $(median "${ac[@]}") s, peak RSS $ar MB; bundle $(( $(stat -c %s "$work/bundle.zip") / 1048576 )) MB"
echo "- import --replace of the bundle (check + store): wall median $mi ms (runs: ${iw[*]}), CPU median $(median "${ic[@]}") s, peak RSS $ir MB"
echo "- anchors, same run: zip -P of the record $mz ms (runs: ${zw[*]}); unzip -t of it $mu ms (runs: ${uw[*]})"
echo "- ratios: archive / zip $(awk -v a="$ma" -v b="$mz" 'BEGIN{printf "%.1fx", a/b}'); import / unzip -t $(awk -v a="$mi" -v b="$mu" 'BEGIN{printf "%.1fx", a/b}')"
rm -f "$work/anchor.zip"
