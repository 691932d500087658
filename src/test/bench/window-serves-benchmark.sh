#!/bin/bash
# The window serves the short commands (ADR 0021): `list` through the app image's launcher while the real window
# (under Xvfb) has the store unlocked, against the same `list` in its own process once the window has closed, and
# a trivial Java main as the anchor, in one run; a `records add` through the launcher shows in the open case
# (a screenshot). Usage: src/test/bench/window-serves-benchmark.sh [IMAGE] [SIZE] [OUT]
#   IMAGE: the app image (default target/installer/reviewdesk: installer/build.sh --image-only)
set -euo pipefail
# commands measured in their own process: no server kept after them (docs/decisions/0022)
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
image=${1:-target/installer/reviewdesk}
size=${2:-1280x800}
out=${3:-/tmp/window-serves}
runs=${RUNS:-10}
launcher=$(cd "$image" && pwd)/bin/reviewdesk
[ -x "$launcher" ] || { echo "no app image at $image: run installer/build.sh --image-only" >&2; exit 1; }
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
work=$(mktemp -d /tmp/window-serves.XXXX)
trap 'touch "$work/signals/done" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/signals" "$out"
export REVIEWDESK_PASSWORD="window serves benchmark password"
"$launcher" --data "$work/data" init >/dev/null
printf 'class T { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$work/T.java"
javac -d "$work" "$work/T.java"
xvfb-run -a -s "-screen 0 ${size}x24" java -cp "$cp" -Dtestfx.headless=false org.reviewdesk.ui.tour.ServedWindowShot \
  "$work/data" "$REVIEWDESK_PASSWORD" "$out" "$size" "$work/signals" > "$work/window.log" 2>&1 &
window=$!
until [ -e "$work/signals/ready" ]; do
  kill -0 $window 2>/dev/null || { cat "$work/window.log"; exit 1; }
  sleep 0.2
done
echo "## the window serves commands ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine -N -w 2 -r "$runs" --style none --export-markdown "$work/open.md" \
  -n "launcher list, the window open (served)" "$launcher --data $work/data list" \
  -n "trivial Java main" "java -cp $work T" >/dev/null
/usr/bin/time -f "%e s %M KB" -o "$work/list.time" "$launcher" --data "$work/data" list >/dev/null
echo "peak RSS of a served list (the client): $(awk '{printf "%.0f MB", $3/1024}' "$work/list.time")"
java -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/pdf" 1 12 1 >/dev/null
pdf=$(ls "$work"/pdf/*.pdf | head -1)
/usr/bin/time -f "%e" -o "$work/add.time" "$launcher" --data "$work/data" records add --no-ocr EXAMPLE-0001 "$pdf"
echo "records add (12 pages) through the launcher, served by the window: $(cat "$work/add.time") s"
touch "$work/signals/added"
until [ -e "$work/signals/shot" ]; do
  kill -0 $window 2>/dev/null || { cat "$work/window.log"; exit 1; }
  sleep 0.2
done
touch "$work/signals/done"
wait $window || true
grep -E "showed|shot|CLOSED" "$work/window.log" || true
[ -e "$work/data/reviewdesk.sock" ] && { echo "the socket is still there after the window closed" >&2; exit 1; }
hyperfine -N -w 2 -r "$runs" --style none --export-markdown "$work/closed.md" \
  -n "launcher list, no window (own process)" "$launcher --data $work/data list" \
  -n "trivial Java main" "java -cp $work T" >/dev/null
cat "$work/open.md"; tail -n +3 "$work/closed.md"
