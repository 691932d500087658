#!/usr/bin/env bash
# Where does a case's text go outside the data folder? A case with canary words (case.json, canaries.txt; records
# made by make-records.py: a text PDF, a scanned page as image PDF and PNG read by OCR, a text file) is worked
# through every command of the app image's launcher under strace; after each step the canaries are looked for in
# HOME, the current folder, /tmp, /var/tmp and /dev/shm (files changed in the step) and in the data folder, and
# canary-strace.py lists every file any ReviewDesk process created, wrote, renamed or removed, and every write that
# carried a canary (to a file, a pipe or a socket). docs/security.md, "Patient data outside the store".
#   src/test/bench/plaintext/cli-session.sh [WORK]   (default /tmp/rd-plaintext; about 25 minutes under strace)
# Needs the app image (installer/build.sh --image-only), strace, python3, ImageMagick's convert.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
R=${REVIEWDESK_LAUNCHER:-$here/../../../../target/installer/reviewdesk/bin/reviewdesk}
W=${1:-/tmp/rd-plaintext}
export PLAINTEXT_WORK=$W
if [ -z "${PLAINTEXT_TRACED:-}" ]; then
  rm -rf "$W" && mkdir -p "$W"/{case,trace,out,keep,home,cwd}
  cp "$here/case.json" "$here/canaries.txt" "$W/case/"
  python3 "$here/make-records.py" "$W/case" || exit 1
  printf '{"format":"reviewdesk-case/1","caseNumber":"BAD-1","clinicalSummary":"Quillon Varnebrook ZebraquillFoxtrot","items":5}' >"$W/case/bad.json"
  PLAINTEXT_TRACED=1 strace -f -y -xx -s 65536 -o "$W/trace/session.strace" \
    -e trace=openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,link,symlink,truncate,ftruncate,write,pwrite64,writev,pwritev,pwritev2 \
    "$0" "$W" >"$W/out/session.log" 2>&1
  python3 "$here/canary-strace.py" "$W/trace/session.strace" "$W/data" >"$W/out/files.txt"
  grep -E '^(HIT|=== STEP)' "$W/out/session.log"
  echo "files and canary writes: $W/out/files.txt"
  exit 0
fi
C=$W/case O=$W/out
export HOME=$W/home REVIEWDESK_DATA=$W/data REVIEWDESK_PASSWORD='Canary-pass-2026!x' REVIEWDESK_KEY_PASSWORD='key-pass-12345'
unset XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME
cd "$W/cwd" || exit 1
step() { echo "=== STEP $1"; CUR=$1; : >"$W/trace/marker-$1"; }
scan() {
  python3 "$here/canary-scan.py" --since="$W/trace/marker-$CUR" "$W/home" "$W/cwd" /var/tmp /dev/shm /tmp
  python3 "$here/canary-scan.py" "$REVIEWDESK_DATA"
}
step init; $R init --empty; scan
step keygen; $R keygen --store --name "Dr. Reviewer Test"; scan
step import; $R import "$C/case.json" "$C/case-decided.json"; scan
step records-add-ocr; $R records add CM25-0042 "$C/records/ortho-scan-2025-04-02.pdf" "$C/records/ortho-scan-photo.png"; scan
step records-add-ocr-b; $R records add CM25-0043 "$C/records/ortho-scan-2025-04-02.pdf"; scan
step records-list; $R records list CM25-0042; scan
step search; $R search Pelicanwhistle; $R search GlimmerstoneVortex; $R search --fuzzy Quasartrombon; scan
step suggest; $R suggest CM25-0042; scan
step check; $R check CM25-0042; $R check CM25-0043; scan
step show; $R show CM25-0043 >"$O/show.json"; scan
step list; $R list; scan
step debug-errors; $R --debug show NOSUCH-CASE; $R --debug records add CM25-0042 "$C/records/progress-2025-03-14.pdf"
$R --debug letter --out="$O/x.pdf" --case="$C/bad.json"; scan
step letter; $R letter --out="$O/letter-unsigned.pdf" CM25-0043; $R --debug letter --sign --out="$O/letter-signed.pdf" CM25-0043; scan
step finalize; $R --debug finalize CM25-0043; scan
step email; $R email --to=desk@example.org --out="$O/letter.eml" CM25-0043
$R --debug email --to=desk@example.org --out="$O/letter2.eml" --send CM25-0043; scan
step export; $R export --out="$O/export.json" CM25-0042; $R export --out="$O/export.zip" CM25-0042; scan
step archive; REVIEWDESK_BUNDLE_PASSWORD=bundle-pass-123 $R archive --out="$O/bundle.zip" CM25-0043
$R archive --plain --out="$O/bundle-plain.zip" CM25-0043; scan
step precedents; $R precedents "physical therapy cervical"; scan
step audit; $R audit | tail -3; $R audit verify; scan
step backup; $R backup --out="$O/backups"; scan
step passwd; REVIEWDESK_NEW_PASSWORD='Canary-pass-2027!y' $R passwd; scan
step restore; mkdir -p "$W/restored"; REVIEWDESK_DATA=$W/restored $R restore --yes "$O"/backups/*.rdbk
REVIEWDESK_DATA=$W/restored $R list; REVIEWDESK_DATA=$W/restored $R serve --stop
CUR=restore; python3 "$here/canary-scan.py" "$W/restored"; scan
export REVIEWDESK_PASSWORD='Canary-pass-2027!y'
step kept; $R list; $R search Obsidianmarmalade; $R show CM25-0042 | head -c 200; echo; scan
step serve-stop; $R serve --stop; sleep 2; scan
step end
