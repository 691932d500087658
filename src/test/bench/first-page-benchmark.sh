#!/usr/bin/env bash
# First page of a scanned import on screen (issue 11): in ReviewDesk's real window, from handing a 600-page
# scanned (image-only, fax-like 200 dpi) PDF to the record pane, as the file chooser does, to page 1 of that file
# shown in the viewer (image set, and the next frame laid out), then to every page stored. One fresh process and
# fresh store per run (JVM start, unlock and opening the case are before the clock starts). Side by side in the same
# run, the anchor: `pdftoppm` rendering page 1 of the same file at the viewer's 110 dpi, whole process.
# Peak RSS of each window process from /usr/bin/time -v.
# Usage: src/test/bench/first-page-benchmark.sh [RUNS=5] [PAGES=600] [xvfb|monocle]   (from anywhere)
#   xvfb (default when xvfb-run exists): a real GTK window on a 1280x800 virtual screen;
#   monocle: headless, as the window tests run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
pages=${2:-600}
mode=${3:-$(command -v xvfb-run >/dev/null && echo xvfb || echo monocle)}
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install -y poppler-utils" >&2; exit 1; }
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdf="$work/scanned-$pages.pdf"
if [ "$mode" = monocle ]; then
  props=(-Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle
         -Dmonocle.platform=Headless -Dheadless.geometry=1280x800-32 -Djava.awt.headless=true)
  run=()
else
  props=(-Dtestfx.robot=glass -Dtestfx.headless=false -Djava.awt.headless=true)
  run=(xvfb-run -a -s "-screen 0 1280x800x24")
fi
echo "mode: $mode; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$runs"); do
  out=$(/usr/bin/time -v -o "$work/w.time" "${run[@]}" java -Dpages="$pages" "${props[@]}" -cp "$cp" \
    org.reviewdesk.ui.record.FirstPageWindowBenchmark "$pdf" "$work/data-$r" 2>"$work/w.err") \
    || { cat "$work/w.err" >&2; exit 1; }
  [ "$r" = 1 ] && echo "scanned PDF: $pages pages, $(du -m "$pdf" | cut -f1) MB"
  rss=$(awk -F': ' '/Maximum resident/{print $2}' "$work/w.time")
  echo "run $r ReviewDesk window: $(echo "$out" | tr '\n' ';' ) peak RSS ${rss} KB, load $(cut -d' ' -f1 /proc/loadavg)"
  s=$(date +%s%N)
  pdftoppm -r 110 -f 1 -l 1 -png "$pdf" "$work/anchor"
  e=$(date +%s%N)
  echo "run $r anchor pdftoppm page 1 at 110 dpi (whole process): $(( (e - s) / 1000000 )) ms"
done
echo "pdftoppm: $(pdftoppm -v 2>&1 | head -1)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"
