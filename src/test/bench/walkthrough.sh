#!/usr/bin/env bash
# One whole case worked through the real window, keyboard first, under Xvfb at 1280x800 and 1920x1080 (WalkthroughTour):
#   src/test/bench/walkthrough.sh [out-dir]   (default /tmp/walkthrough)
#   WALK_LOOK=dark,130 src/test/bench/walkthrough.sh DIR: the same walk in View's dark theme at 130 % text
# A screenshot at every step, the signed letter as PDF and as PNG pages (pdftoppm -r 60), a log per size whose
# FOCUS, KEYBOARD, UNDO and STEP FAILED lines say what the keyboard reached and what did not work.
# Needs: mvn -q -o test-compile; xvfb-run; xdotool; ImageMagick's /usr/bin/import; pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/../../.."
out="${1:-/tmp/walkthrough}"
mkdir -p "$out"
cpfile=$(mktemp)
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp=target/classes:target/test-classes:$(cat "$cpfile")
rm -f "$cpfile"
for size in 1280x800 1920x1080; do
  xvfb-run -a -s "-screen 0 ${size}x24" java -cp "$cp" org.reviewdesk.ui.tour.WalkthroughTour "$out" "$size" \
    > "$out/walk-$size.log" 2>&1 || echo "walkthrough at $size exited $?"
  if [ -f "$out/letter-$size.pdf" ]; then
    pdftoppm -r 60 -png "$out/letter-$size.pdf" "$out/letter-$size"
  fi
  grep -E '^(FOCUS|KEYBOARD|UNDO|STEP FAILED|signed letter)' "$out/walk-$size.log" || true
done
