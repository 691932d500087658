#!/usr/bin/env bash
# A store on read-only media (issue #12): copies a store with a finalized case onto a tmpfs, remounts it
# read-only, and runs the reading commands (they must work, with one note about read-only media) and the
# writing ones (one `error:` line each, exit 1, no stack trace). Every file on the medium must be
# byte-identical afterwards. Needs root (mount); run from anywhere: src/test/bench/read-only-media.sh
set -uo pipefail
cd "$(dirname "$0")/../../.."
[ "$(id -u)" -eq 0 ] || { echo "needs root to mount a read-only file system" >&2; exit 2; }
[ -f target/reviewdesk.jar ] || mvn -B -q -o package -DskipTests >/dev/null
jar=$PWD/target/reviewdesk.jar
work=$(mktemp -d)
media="$work/media"
cleanup() { umount "$media" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export REVIEWDESK_PASSWORD="read only media 1"
rd() { java -jar "$jar" --data "$1" "${@:2}"; }
rd "$work/src" init >/dev/null 2>&1 || { echo "init failed" >&2; exit 1; }
rd "$work/src" keygen --store --name "Reviewer 4711" >/dev/null 2>&1
rd "$work/src" finalize EXAMPLE-0001 >/dev/null 2>&1 || { echo "finalize failed" >&2; exit 1; }
mkdir -p "$media"
mount -t tmpfs -o size=256m tmpfs "$media"
cp -a "$work/src" "$media/data"
mount -o remount,ro "$media"
before=$(cd "$media" && find . -type f -exec sha256sum {} + | sort)
fail=0
expect() { # expect OK|ERROR description command...
  local want=$1 what=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"; local rc=$?
  local errs; errs=$(grep -c '^error:' "$work/err")
  local traces; traces=$(grep -c '^\s*at \|Exception' "$work/err")
  if [ "$want" = OK ] && [ $rc -eq 0 ] && [ "$traces" -eq 0 ]; then
    echo "ok    $what: exit 0; $(grep -m1 '^note:' "$work/err" | cut -c1-110)"
  elif [ "$want" = ERROR ] && [ $rc -ne 0 ] && [ "$errs" -eq 1 ] && [ "$(wc -l < "$work/err")" -le 2 ] && [ "$traces" -eq 0 ]; then
    echo "ok    $what: exit $rc; $(grep -m1 '^error:' "$work/err" | cut -c1-140)"
  else
    echo "FAIL  $what: exit $rc, stderr:"; sed 's/^/      /' "$work/err" | head -8; fail=$((fail + 1))
  fi
}
d="$media/data"
expect OK "list" rd "$d" list
expect OK "show" rd "$d" show EXAMPLE-0001
expect OK "search" rd "$d" search pain
grep -q . "$work/out" && echo "      search found: $(head -1 "$work/out" | cut -c1-100)" || { echo "FAIL  search found nothing"; fail=$((fail + 1)); }
expect OK "audit verify" rd "$d" audit verify
expect OK "letter (written outside the medium)" rd "$d" letter EXAMPLE-0001 --out "$work/letter.pdf"
expect OK "export (written outside the medium)" rd "$d" export EXAMPLE-0001 --out "$work/case.json"
expect OK "trust list" rd "$d" trust list
printf '{"format": "reviewdesk-case/1", "caseNumber": "CM99-0000001", "items": [{"request": "MRI"}]}' > "$work/new.json"
expect ERROR "import" rd "$d" import "$work/new.json"
expect ERROR "passwd" env REVIEWDESK_NEW_PASSWORD="another password 2" java -jar "$jar" --data "$d" passwd
expect ERROR "backup into the medium" rd "$d" backup --out "$d/backups"
expect ERROR "archive into the medium" rd "$d" archive EXAMPLE-0001 --out "$d/bundle.zip" --plain
# the window on the read-only store: the note, then the case opened read-only (screenshots looked at by hand)
if command -v xvfb-run >/dev/null && [ -f target/test-classes/org/reviewdesk/ui/tour/ReadOnlyWindowShot.class ]; then
  shots=${SHOTS:-$work/shots}; mkdir -p "$shots"
  cpfile=$(mktemp)
  mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
  if xvfb-run -a -s "-screen 0 1280x800x24" java -cp "target/classes:target/test-classes:$(cat "$cpfile")" \
      org.reviewdesk.ui.tour.ReadOnlyWindowShot "$d" "$REVIEWDESK_PASSWORD" "$shots" 1280x800 2>/dev/null | tee "$work/win" | grep -q "READ-ONLY WINDOW OK"; then
    echo "ok    window: unlocked with the note, the case opened read-only ($(grep badge "$work/win")); screenshots in $shots"
  else
    echo "FAIL  window:"; sed 's/^/      /' "$work/win" | head -5; fail=$((fail + 1))
  fi
  rm -f "$cpfile"
fi
after=$(cd "$media" && find . -type f -exec sha256sum {} + | sort)
if [ "$before" = "$after" ]; then echo "ok    every file on the medium is byte-identical"; else echo "FAIL  files on the medium changed"; fail=$((fail + 1)); fi
echo "read-only media: $fail failed"
[ "$fail" -eq 0 ]
