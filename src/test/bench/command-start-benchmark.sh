#!/usr/bin/env bash
# Start-up of short commands through the app image's launcher (issue 13, "Fast commands"; ADR 0014).
# Builds the jar and the app image (installer/build.sh --image-only: JDK 25+ AOT cache when a JDK 25 is
# found, else JDK 17 + AppCDS), then measures side by side in the same run, with hyperfine:
#   - `list` through the launcher as built (archive + C1 only), on a fresh store with the sample case;
#   - the same launcher with the archive and C1 options taken out (the image as it was before);
#   - `java -jar target/reviewdesk.jar list` (the README's way, the system JDK);
#   - `--version` through the launcher (JVM start and the command line only, no store);
#   - the anchor: a trivial Java main (`java -cp DIR Hello`, the system JDK);
#   - `list` and `search` sent to a running `reviewdesk serve` (ADR 0016), the server's peak RSS;
#   - `list` as the launcher runs it by default (ADR 0022): the first command in its own process leaves the store
#     kept open in a background server, the next ones go to it; the first (FIRST=5 times) and the next apart;
# peak RSS of each `list` by /usr/bin/time -v; optionally `list` and `search` over a big store given as
# ARCHIVE=DIR (its password in REVIEWDESK_PASSWORD; opened for reading commands only), also through a server.
# Appends a section to docs/benchmarks.md with the date, the load average before and after, and the JDK.
#
# Usage: src/test/bench/command-start-benchmark.sh            (quiet machine; about 4 minutes)
#        RUNS=20 ARCHIVE=/tmp/archive-bench/data REVIEWDESK_PASSWORD='archive benchmark password' \
#          src/test/bench/command-start-benchmark.sh
#        NO_BUILD=1 ... reuses target/installer/reviewdesk as it is; NOTE="machine shared" adds a note.
set -euo pipefail
# the commands measured in their own process leave no server behind (ADR 0022); the kept store is measured apart
export REVIEWDESK_KEEP_MINUTES=0
cd "$(dirname "$0")/../../.."
root=$(pwd)
runs=${RUNS:-15}
work=$(mktemp -d /tmp/command-start.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ "${NO_BUILD:-}" != 1 ]; then
  nice -n 10 mvn -B -q -o package -DskipTests
  nice -n 10 installer/build.sh --image-only --no-maven | tail -2
fi
image=$root/target/installer/reviewdesk
launcher=$image/bin/reviewdesk
[ -x "$launcher" ] || { echo "no app image at $image" >&2; exit 1; }
cfg=$image/lib/app/reviewdesk.cfg

# the same image with the start-up options taken out: no archive, both JIT compilers (as before issue 13's work)
plain=$work/plain
cp -a "$image" "$plain"
grep -Ev 'AOTCache|SharedArchiveFile|Xlog:(aot|cds)|TieredStopAtLevel' "$cfg" > "$plain/lib/app/reviewdesk.cfg"

cat > "$work/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
javac -d "$work" "$work/Hello.java"

pw_saved=${REVIEWDESK_PASSWORD:-}
export REVIEWDESK_PASSWORD="command start benchmark password"
unset REVIEWDESK_DATA
data=$work/data
"$launcher" --data "$data" init >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

hyperfine -N -w 3 -r "$runs" --export-json "$work/list.json" \
  -n "launcher list (archive, C1)" "$launcher --data $data list" \
  -n "launcher list (no archive, C1+C2)" "$plain/bin/reviewdesk --data $data list" \
  -n "java -jar list (system JDK)" "java -jar $root/target/reviewdesk.jar --data $data list" \
  -n "launcher --version" "$launcher --version" \
  -n "trivial Java main" "java -cp $work Hello"

rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/{printf "%.0f", $6/1024}'; }
rss_launcher=$(rss "$launcher" --data "$data" list)
rss_plain=$(rss "$plain/bin/reviewdesk" --data "$data" list)
rss_jar=$(rss java -jar "$root/target/reviewdesk.jar" --data "$data" list)

# served DIR NAME...: commands sent to a `reviewdesk serve` that holds the store of DIR open (ADR 0016), in the
# same run; the server's start is left out (it runs once a day), its peak RSS is reported
served_rows=""
served() {
  local dir=$1 json=$2 label=$3; shift 3
  "$launcher" --data "$dir" serve > "$work/serve.log" 2>&1 &
  local pid=$! n=0
  until [ -S "$dir/reviewdesk.sock" ] || [ $n -gt 600 ]; do sleep 0.1; n=$((n + 1)); done
  [ -S "$dir/reviewdesk.sock" ] || { cat "$work/serve.log"; echo "the server did not start" >&2; exit 1; }
  hyperfine -N -w 3 -r "$runs" --export-json "$json" "$@"
  local client server
  client=$(rss "$launcher" --data "$dir" list)
  server=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$pid/status")
  "$launcher" --data "$dir" serve --stop > /dev/null
  wait "$pid"
  served_rows+=$(jq -r '.results[] | "| \(.command) | \((.median*1000)|round) ms (mean \((.mean*1000)|round) ± \((.stddev*1000)|round)) | \(((.user+.system)*1000)|round) ms |"' "$json")
  served_rows+=$'\n'"| peak RSS, served \`list\` of $label: the command / the server | $client MB / $server MB | - |"$'\n'
}
served "$data" "$work/served.json" "the sample store" \
  -n "launcher list, through reviewdesk serve" "$launcher --data $data list" \
  -n "launcher search therapy, through reviewdesk serve" "$launcher --data $data search therapy"
served_ms=$(jq -r '.results[0].median*1000|round' "$work/served.json")

# kept DIR: `list` with the launcher's default (ADR 0022): FIRST times, a `list` with no server (its own process,
# which leaves the store kept when it ends), then RUNS `list`s that find the kept server; the kept server's RSS
kept_pid() { pgrep -f -- "--data $1 serve --keep" | head -1; }
kept_stop() {
  "$launcher" --data "$1" serve --stop >/dev/null 2>&1 || true
  local n=0
  while [ -n "$(kept_pid "$1")" ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
}
kept_rows=""
kept() {
  local dir=$1 label=$2 firsts=() i t0 t1 n
  for ((i = 0; i < ${FIRST:-5}; i++)); do
    kept_stop "$dir"
    sleep 1
    t0=$(date +%s%N)
    REVIEWDESK_KEEP_MINUTES=10 "$launcher" --data "$dir" list >/dev/null
    t1=$(date +%s%N)
    firsts+=($(( (t1 - t0) / 1000000 )))
    n=0
    until [ -S "$dir/reviewdesk.sock" ] || [ $n -gt 300 ]; do sleep 0.1; n=$((n + 1)); done
  done
  sleep 2
  REVIEWDESK_KEEP_MINUTES=10 hyperfine -N -w 2 -r "$runs" --export-json "$work/kept.json" \
    -n "launcher list, $label, store kept by the previous command" "$launcher --data $dir list"
  local pid server
  pid=$(kept_pid "$dir")
  server=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$pid/status" 2>/dev/null || echo "?")
  kept_stop "$dir"
  local sorted
  sorted=$(printf '%s\n' "${firsts[@]}" | sort -n | tr '\n' ' ')
  kept_rows+="| launcher list, $label, the first command (no server: its own process, then keeps the store) | ${sorted% } ms (${#firsts[@]} runs, sorted) | - |"$'\n'
  kept_rows+=$(jq -r '.results[] | "| \(.command) | \((.median*1000)|round) ms (mean \((.mean*1000)|round) ± \((.stddev*1000)|round)) | \(((.user+.system)*1000)|round) ms |"' "$work/kept.json")
  kept_rows+=$'\n'"| peak RSS of the kept server ($label) | $server MB | - |"$'\n'
}
kept "$data" "the sample store"
kept_ms=$(jq -r '.results[0].median*1000|round' "$work/kept.json")

archive_rows=""
if [ -n "${ARCHIVE:-}" ]; then
  export REVIEWDESK_PASSWORD="$pw_saved"
  hyperfine -N -w 1 -r 5 --export-json "$work/archive.json" \
    -n "launcher list, archive store" "$launcher --data $ARCHIVE list" \
    -n "launcher search therapy, archive store" "$launcher --data $ARCHIVE search therapy" \
    -n "launcher search \"physical therapy\", archive store" "$launcher --data $ARCHIVE search \"physical therapy\"" \
    -n "launcher list, archive store (no archive, C1+C2)" "$plain/bin/reviewdesk --data $ARCHIVE list" \
    -n "launcher search therapy, archive store (no archive, C1+C2)" "$plain/bin/reviewdesk --data $ARCHIVE search therapy"
  archive_rows=$(jq -r '.results[] | "| \(.command) | \((.median*1000)|round) ms (mean \((.mean*1000)|round) ± \((.stddev*1000)|round)) | \(((.user+.system)*1000)|round) ms |"' "$work/archive.json")
  rss_search=$(rss "$launcher" --data "$ARCHIVE" search therapy)
  archive_rows+=$'\n'"| peak RSS, launcher search therapy, archive store | $rss_search MB | - |"
  served "$ARCHIVE" "$work/archive-served.json" "the archive store" \
    -n "launcher list, archive store, through reviewdesk serve" "$launcher --data $ARCHIVE list" \
    -n "launcher search therapy, archive store, through reviewdesk serve" "$launcher --data $ARCHIVE search therapy" \
    -n "launcher search \"physical therapy\", archive store, through reviewdesk serve" \
    "$launcher --data $ARCHIVE search \"physical therapy\""
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

kind=$(grep -Eo 'AOTCache|SharedArchiveFile' "$cfg" | head -1 || true)
case "$kind" in
  AOTCache) kind="JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$image/lib/runtime/release") runtime, AOT cache" ;;
  SharedArchiveFile) kind="JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$image/lib/runtime/release") runtime, AppCDS archive" ;;
  *) kind="no start-up archive" ;;
esac
rows=$(jq -r '.results[] | "| \(.command) | \((.median*1000)|round) ms (mean \((.mean*1000)|round) ± \((.stddev*1000)|round)) | \(((.user+.system)*1000)|round) ms |"' "$work/list.json")
list_ms=$(jq -r '.results[0].median*1000|round' "$work/list.json")
main_ms=$(jq -r '.results[4].median*1000|round' "$work/list.json")

{
  echo
  echo "### Command start-up through the launcher (issue 13, $(date -u '+%Y-%m-%d %H:%M') UTC)"
  echo
  echo "\`src/test/bench/command-start-benchmark.sh\` (hyperfine, $runs runs each, medians); $(nproc) cores;"
  echo "image: $kind; system JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2); load average before $load_before, after $load_after."
  [ -n "${NOTE:-}" ] && echo "**${NOTE}**."
  echo
  echo "| command | wall (median) | CPU user+sys (mean) |"
  echo "|---|---|---|"
  echo "$rows"
  [ -n "$archive_rows" ] && echo "$archive_rows"
  printf '%s' "$served_rows"
  printf '%s' "$kept_rows"
  echo
  echo "\`list\` through the launcher: **$list_ms ms** (goal ≤ 450 ms), ratio $(awk -v a="$list_ms" -v b="$main_ms" 'BEGIN{printf "%.1f", a/b}') to the trivial Java main;"
  echo "through a running \`reviewdesk serve\`: **$served_ms ms**, ratio $(awk -v a="$served_ms" -v b="$main_ms" 'BEGIN{printf "%.1f", a/b}') to the trivial Java main;"
  echo "as the launcher runs it by default, the store kept by the previous command (ADR 0022): **$kept_ms ms**, ratio $(awk -v a="$kept_ms" -v b="$main_ms" 'BEGIN{printf "%.1f", a/b}') to the trivial Java main;"
  echo "peak RSS of \`list\`: launcher $rss_launcher MB, without the start-up options $rss_plain MB, java -jar $rss_jar MB."
} | tee -a docs/benchmarks.md
