#!/usr/bin/env bash
# Smoke check of the packaged app: runs the app image's own launcher (its own runtime, no JDK)
# through the command line of ../shared/spec/cli.md, then opens the window under Xvfb.
# Proves that what tests in the source tree find also loads from inside the package: the Flyway
# migrations (init), the built-in sample case and its records (list, search), the guideline library
# (guidelines), the letter fonts (letter, pdffonts), PDFBox/ImageIO (records add), iText and
# Bouncy Castle signing (keygen, letter --sign, verify), Jackson (import, show), zip (export).
#
#   installer/smoke.sh [APP_IMAGE]     default: target/installer/reviewdesk
#   options: --no-window (skip the window check), --screenshot FILE (keep a screenshot of it)
#
# When run as root it runs the app as `nobody`, so nothing may need write access to the image
# (as after installing the .deb), and with a fresh HOME, so nothing may come from the user's files.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
image=$root/target/installer/reviewdesk
window=true
screenshot=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-window) window=false ;;
    --screenshot) screenshot=$2; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "smoke.sh: unknown option $1" >&2; exit 2 ;;
    *) image=$(cd "$1" && pwd) ;;
  esac
  shift
done
launcher=$image/bin/reviewdesk
shared=${REVIEWDESK_SHARED:-$root/../shared}
seed=$shared/data/seed-case/case.json

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
[ -x "$launcher" ] || fail "no launcher $launcher (build it with installer/build.sh --image-only)"
[ -f "$seed" ] || fail "no seed case $seed (set REVIEWDESK_SHARED to the project's shared folder)"

tmp=$(mktemp -d /tmp/reviewdesk-smoke.XXXXXX)
xvfb_pid=
app_pid=
serve_pid=
cleanup() {
  # a store kept open after a command (ADR 0022) ends with the check
  pkill -f -- "--data $tmp/data serve --keep" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/home" "$tmp/work"
cp "$seed" "$tmp/work/seed-case.json"
cp "$here/icons/reviewdesk.png" "$tmp/work/photo.png"

as=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  chown -R nobody "$tmp"
  # the clone may sit in a folder only root can enter (mktemp -d is 700): run a root-owned,
  # world-readable copy of the image, as it would be after installing
  installed=$(mktemp -d /tmp/reviewdesk-image.XXXXXX)
  chmod 755 "$installed"
  cp -a "$image" "$installed/"
  chmod -R a+rX "$installed"
  image=$installed/$(basename "$image")
  launcher=$image/bin/reviewdesk
  trap 'cleanup; rm -rf "$installed"' EXIT
  as=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups)
  echo "(running the app as nobody: the image is read-only to it)"
fi
data=$tmp/data
export REVIEWDESK_PASSWORD=smoke-store-password
export REVIEWDESK_KEY_PASSWORD=smoke-key-password
unset REVIEWDESK_DATA

step=0
# rd NAME PATTERN ARGS...: runs the launcher, fails unless exit 0 (or $RD_EXIT) and the output matches PATTERN.
rd() {
  local name=$1 pattern=$2; shift 2
  local want=${RD_EXIT:-0}
  step=$((step + 1))
  local out=$tmp/out.$step
  local rc=0
  (cd "$tmp/work" && ${as[@]+"${as[@]}"} env HOME="$tmp/home" "$launcher" "$@") >"$out" 2>&1 || rc=$?
  if [ "$rc" != "$want" ]; then
    cat "$out" >&2
    fail "$name: reviewdesk $* exited $rc"
  fi
  if ! grep -Eq -- "$pattern" "$out"; then
    cat "$out" >&2
    fail "$name: output of reviewdesk $* does not match /$pattern/"
  fi
  printf 'ok %2d %-29s %s\n' "$step" "$name" "$(grep -Em1 -- "$pattern" "$out" | sed 's/^ *//' | cut -c1-90)"
}

start=$(date +%s)
rd "help" '^Usage: reviewdesk' --help
rd "version" '[0-9]' --version
rd "init (Flyway migrations)" 'created an encrypted store' --data "$data" init
rd "list (built-in sample case)" '^EXAMPLE-0001 ' --data "$data" list
# the store stays open after a command the server runs, in a server of its own (ADR 0022): the next commands go to
# it, a command it does not run (keygen --store) gets the store handed over, the next records add keeps it again
kept_pid() { pgrep -f -- "--data $data serve --keep" | head -1; }
# alive PID: running, not a zombie (an ended server's parent has gone, and PID 1 of a container may not reap it)
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }
# kept_stop: stops the kept server (waits for one still starting to listen), checks that it is gone with its socket
kept_stop() {
  local n=0
  while [ -n "$(kept_pid)" ] && [ ! -S "$data/reviewdesk.sock" ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
  if [ -n "$(kept_pid)" ]; then rd "serve --stop (kept store)" 'stops' --data "$data" serve --stop; fi
  n=0
  while [ -n "$(kept_pid)" ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
  [ -z "$(kept_pid)" ] && [ ! -e "$data/reviewdesk.sock" ] || fail "the kept server did not stop"
}
n=0
until [ -S "$data/reviewdesk.sock" ] || [ $n -gt 600 ]; do sleep 0.1; n=$((n + 1)); done
[ -S "$data/reviewdesk.sock" ] && [ -n "$(kept_pid)" ] || fail "no server kept the store open after list"
kept=$(kept_pid)
if tr '\0' '\n' <"/proc/$kept/environ" | grep -q "$REVIEWDESK_PASSWORD"; then fail "the kept server has the password in its environment"; fi
rd "search (sample's records)" 'progress-2015-01-19.*Meloxicam' --data "$data" search --case EXAMPLE-0001 meloxicam
rd "guidelines (library.json)" 'MTUS Chronic Pain Medical Treatment' --data "$data" guidelines physical
[ "$(kept_pid)" = "$kept" ] || fail "the search did not go to the kept server"
rd "keygen --store" 'Smoke Reviewer' --data "$data" keygen --name "Smoke Reviewer" --store
n=0
while alive "$kept" && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
alive "$kept" && fail "the kept server did not hand the store over"
[ -z "$(kept_pid)" ] || fail "keygen, which the server does not run, left a kept server"
rd "letter --sign (fonts)" 'letter\.pdf' --data "$data" letter EXAMPLE-0001 --out letter.pdf --sign
# the store's own identity is in its trust list (issue 12): VALID with the store at hand
rd "verify (trusted signer)" ': VALID' --data "$data" verify letter.pdf
rd "verify: whole document" 'Covers the whole document: yes' --data "$data" verify letter.pdf
rd "records add (PDF, PNG)" 'letter\.pdf: added as letter \(2 pages\)' --data "$data" records add EXAMPLE-0001 letter.pdf photo.png
rd "search (added PDF)" '^EXAMPLE-0001.letter.p\. 1.*MAXIMUS' --data "$data" search --case EXAMPLE-0001 maximus
# the kept server stops on request too
[ -n "$(kept_pid)" ] || fail "no server kept the store open after records add"
kept_stop
# reviewdesk serve (ADR 0016): the store held open by one process; list and search from another go to it through
# the launcher's light start, and the server stops on request
(cd "$tmp/work" && exec ${as[@]+"${as[@]}"} env HOME="$tmp/home" "$launcher" --data "$data" serve) >"$tmp/serve.log" 2>&1 &
serve_pid=$!
n=0
until [ -S "$data/reviewdesk.sock" ] || [ $n -gt 600 ]; do sleep 0.1; n=$((n + 1)); done
[ -S "$data/reviewdesk.sock" ] || { cat "$tmp/serve.log" >&2; fail "reviewdesk serve made no socket"; }
# the launcher's JVM choices (docs/decisions/0018-import-jit-gc.md): the server runs with both JIT compilers,
# a command in its own process with the serial collector
if [ -r "/proc/$serve_pid/cmdline" ] && tr '\0' '\n' <"/proc/$serve_pid/cmdline" | grep -qx -- '-XX:TieredStopAtLevel=1'; then
  fail "reviewdesk serve runs with C1 only"
fi
if [ -r "/proc/$serve_pid/cmdline" ] && ! tr '\0' '\n' <"/proc/$serve_pid/cmdline" | grep -q -- '^-XX:G1PeriodicGCInterval='; then
  fail "reviewdesk serve does not give its heap back when idle (G1PeriodicGCInterval)"
fi
flags=$(cd "$tmp/work" && ${as[@]+"${as[@]}"} env HOME="$tmp/home" JAVA_TOOL_OPTIONS=-XX:+PrintCommandLineFlags \
  "$launcher" --data "$tmp/no-store" list 2>&1 || true)
grep -q -- '-XX:+UseSerialGC' <<<"$flags" || { echo "$flags" >&2; fail "a one-shot command does not run with the serial collector"; }
rd "list (through serve)" '^EXAMPLE-0001 ' --data "$data" list
rd "search (through serve)" '^EXAMPLE-0001.letter.p\. 1.*MAXIMUS' --data "$data" search --case EXAMPLE-0001 maximus
rd "serve --stop" 'stops' --data "$data" serve --stop
wait "$serve_pid" || { cat "$tmp/serve.log" >&2; fail "reviewdesk serve exited with an error"; }
[ ! -e "$data/reviewdesk.sock" ] || fail "the server left its socket behind"
# OCR (issue 11): a scanned page (the letter's first page as an image) is read by the bundled Tesseract and
# its English trained data, with nothing else installed, and its words become searchable.
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 200 -f 1 -l 1 "$tmp/work/letter.pdf" "$tmp/work/scan"
  mv "$tmp/work"/scan*.png "$tmp/work/scanned-letter.png"
  chmod a+r "$tmp/work/scanned-letter.png"
  rd "records add (OCR of a scan)" 'OCR read 1 page in' --data "$data" records add EXAMPLE-0001 scanned-letter.png
  rd "search (OCR text)" '^EXAMPLE-0001.scanned-letter.p\. 1.*MAXIMUS' --data "$data" search --case EXAMPLE-0001 maximus
fi
rd "export .zip" 'EXAMPLE-0001|zip' --data "$data" export EXAMPLE-0001 --out packet.zip
rd "import seed case --replace" '^EXAMPLE-0001' --data "$data" import seed-case.json --replace
rd "show" '"caseNumber" *: *"EXAMPLE-0001"' --data "$data" show EXAMPLE-0001
rd "keygen --out p12" 'reviewer\.p12' keygen --name "Smoke Reviewer" --out reviewer.p12
rd "letter --case (no store)" 'seed\.pdf' letter --case seed-case.json --out seed.pdf --sign --keystore reviewer.p12
# a self-signed keystore nobody trusts: intact, but not VALID, exit 1 (issue 12)
RD_EXIT=1 rd "verify seed letter (untrusted)" 'INTACT, SIGNER NOT TRUSTED' verify --no-store seed.pdf

if command -v pdffonts >/dev/null; then
  pdffonts "$tmp/work/letter.pdf" >"$tmp/fonts"
  grep -q 'LiberationSerif .*yes yes' "$tmp/fonts" || { cat "$tmp/fonts" >&2; fail "letter.pdf lacks the embedded Liberation Serif"; }
  echo "ok    letter fonts embedded          $(grep -oE '[A-Z]{6}\+Liberation[A-Za-z-]+' "$tmp/fonts" | sort -u | tr '\n' ' ')"
fi

# A wrong password is refused with one error line and exit 1.
set +e
(cd "$tmp/work" && ${as[@]+"${as[@]}"} env HOME="$tmp/home" REVIEWDESK_PASSWORD=wrong "$launcher" --data "$data" list) >"$tmp/err" 2>&1
status=$?
set -e
[ "$status" = 1 ] && grep -q '^error: ' "$tmp/err" || { cat "$tmp/err" >&2; fail "wrong password: expected exit 1 and an error line, got $status"; }
echo "ok    wrong password refused         $(head -1 "$tmp/err" | cut -c1-90)"

if $window; then
  command -v Xvfb >/dev/null || fail "Xvfb is missing for the window check (apt-get install xvfb, or --no-window)"
  command -v xwininfo >/dev/null || fail "xwininfo is missing for the window check (apt-get install x11-utils)"
  display=:$(( 90 + RANDOM % 400 ))
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
  (cd "$tmp/work" && exec ${as[@]+"${as[@]}"} env HOME="$tmp/home" DISPLAY="$display" "$launcher" --data "$tmp/window-data") \
    >"$tmp/window.log" 2>&1 &
  app_pid=$!
  found=
  for _ in $(seq 60); do
    if xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '"ReviewDesk'; then found=yes; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$found" ] || { cat "$tmp/window.log" >&2; fail "the launcher opened no ReviewDesk window under Xvfb"; }
  sleep 3   # let it draw
  kill -0 "$app_pid" 2>/dev/null || { cat "$tmp/window.log" >&2; fail "the window closed by itself"; }
  echo "ok    window                         $(xwininfo -display "$display" -root -tree | grep -om1 '"ReviewDesk[^"]*"')"
  if command -v xprop >/dev/null; then
    iconed=
    for _ in $(seq 20); do
      for wid in $(xwininfo -display "$display" -root -tree | grep '"ReviewDesk"' | awk '{print $1}'); do
        if xprop -display "$display" -id "$wid" _NET_WM_ICON | grep -q 'Icon ('; then iconed=$wid; break 2; fi
      done
      sleep 0.5
    done
    if [ -z "$iconed" ]; then
      xwininfo -display "$display" -root -tree | grep -i review >&2
      fail "the window has no icon"
    fi
    echo "ok    window icon                    $(xprop -display "$display" -id "$iconed" WM_CLASS)"
  fi
  if [ -n "$screenshot" ]; then
    command -v import >/dev/null || fail "ImageMagick's import is missing for --screenshot"
    DISPLAY=$display import -window root "$screenshot"
    echo "   screenshot: $screenshot"
  fi
  if grep -Eiq 'exception|error' "$tmp/window.log"; then
    cat "$tmp/window.log" >&2
    fail "the window printed errors"
  fi
fi

# The store kept open after the last commands ends on request and leaves no socket.
kept_stop

# Nothing the app wrote may be in the image (read-only when installed).
if [ -n "$(find "$image" -newer "$tmp/work/seed-case.json" -print -quit)" ]; then
  find "$image" -newer "$tmp/work/seed-case.json" >&2
  fail "the app wrote into its image"
fi
echo "SMOKE OK: $step commands$($window && echo ' and the window') in $(( $(date +%s) - start )) s ($image)"
