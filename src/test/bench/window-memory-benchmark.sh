#!/usr/bin/env bash
# The window's memory with a year's archive (issue 13): ReviewDesk's real window (GTK under Xvfb, 1280x800) on a
# COPY of the archive benchmark's store, with a 1,000-page record added to one case; unlock, open that case, show
# the 1,000-page document and page through 40 pages. Peak RSS from /usr/bin/time -v and VmHWM, with the heap cap the
# launcher uses (installer/build.sh --java-options). Needs the store of archive-benchmark.sh (STOP_AFTER=import).
# Usage: src/test/bench/window-memory-benchmark.sh [ARCHIVE_WORK=/tmp/archive-bench] [PAGES=40] [XMX=from build.sh]
# JAVA_OPTS adds JVM options (default: the launcher's C1-only option, as installer/build.sh sets it).
# IMAGE=target/installer/reviewdesk runs the window as the app image's launcher does instead: the image's own
# runtime (JDK 25) with every option of its lib/app/reviewdesk.cfg (heap cap, C1, AOT cache), the image's class
# path first and the benchmark's test classes after it (the AOT cache takes a longer class path with the same start).
# TestFX then prints an IllegalAccessException for the application parameters (javafx.graphics is a module of
# that runtime and exports nothing to TestFX); the window and the measurement are not affected.
set -euo pipefail
# commands measured in their own process: no server kept after them (docs/decisions/0022)
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
work=${1:-/tmp/archive-bench}
pages=${2:-40}
xmx=${3:-$(grep -o -- '-Xmx[0-9]*[mg]' installer/build.sh | head -1)}
export REVIEWDESK_PASSWORD="${REVIEWDESK_PASSWORD:-archive benchmark password}"
[ -d "$work/data" ] || { echo "no store in $work/data: run STOP_AFTER=import src/test/bench/archive-benchmark.sh first" >&2; exit 1; }
mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
copy=$(mktemp -d /tmp/window-memory.XXXX)
trap 'rm -rf "$copy"' EXIT
cp -a "$work/data" "$copy/data"
[ -f "$work/add-1000/record-0000.pdf" ] || java -cp "$cp" org.reviewdesk.bench.ArchiveGenerator "$work/add-1000" 1 1000 1 >/dev/null
java -Xmx512m -jar target/reviewdesk.jar --data "$copy/data" records add BENCH-0007 "$work/add-1000/record-0000.pdf" >/dev/null
echo "store: $(du -sh "$copy/data" | cut -f1), heap cap $xmx, options ${JAVA_OPTS--XX:TieredStopAtLevel=1}, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${IMAGE:-}" ]; then
  image=$(cd "$IMAGE" && pwd)
  appdir=$image/lib/app
  run=("$image/lib/runtime/bin/java")
  while IFS= read -r line; do
    case $line in java-options=*) o=${line#java-options=}; run+=("${o//\$APPDIR/$appdir}") ;; esac
  done < "$appdir/reviewdesk.cfg"
  imagecp=$(sed -n 's/^app.classpath=//p' "$appdir/reviewdesk.cfg" | sed "s#\$APPDIR#$appdir#" | paste -sd:)
  # the test classes and the test-only jars (TestFX, JUnit) after the image's class path
  extra=$(tr ':' '\n' < target/bench.cp | grep -Ev '/(javafx-|org/openjfx/)' | grep -E 'testfx|junit-jupiter|junit-platform|opentest4j|hamcrest|assertj' | paste -sd:)
  # measure with the AOT cache or not at all (a silently refused cache would flatter the figure)
  grep -q 'AOTCache' "$appdir/reviewdesk.cfg" && run+=(-XX:AOTMode=on)
  run+=(-cp "$imagecp:target/test-classes:$extra")
  echo "through the app image's runtime and options: ${run[*]:1:8} ..."
else
  run=(java "$xmx" ${JAVA_OPTS--XX:TieredStopAtLevel=1} -cp "$cp")
fi
/usr/bin/time -v -o "$copy/w.time" xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}" -Dtestfx.robot=glass \
  -Dtestfx.headless=false -Djava.awt.headless=true org.reviewdesk.ui.record.WindowMemoryBenchmark \
  "$copy/data" BENCH-0007 "$pages"
echo "peak RSS (time -v, includes xvfb-run's shell, the JVM is the largest): $(awk -F': ' '/Maximum resident/{printf "%.0f MB", $2/1024}' "$copy/w.time")"
jvm=$(java -version 2>&1 | head -1)
[ -n "${IMAGE:-}" ] && jvm="app image runtime $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$image/lib/runtime/release") with its AOT cache"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $jvm, $(date -u +%Y-%m-%dT%H:%M)Z"
