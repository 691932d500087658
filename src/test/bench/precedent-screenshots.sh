#!/usr/bin/env bash
# Screenshots of the precedent features (issue 15) in the real window under Xvfb, at 1280x800 and 1920x1080:
# the sample case's Similar decisions section with the 194 public letters imported, the dashboard, and a new
# store's first-run offer in the status bar.
#   src/test/bench/precedent-screenshots.sh [out-dir]   (default docs/screenshots)
# Needs: mvn -q -o test-compile; xvfb-run; ImageMagick's /usr/bin/import.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out="${1:-docs/screenshots}"
mkdir -p "$out"
cpfile=$(mktemp)
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp=target/classes:target/test-classes:$(cat "$cpfile")
rm -f "$cpfile"
for size in 1280x800 1920x1080; do
  xvfb-run -a -s "-screen 0 ${size}x24" java -cp "$cp" org.reviewdesk.ui.tour.PrecedentTour "$out" "$size" \
    ../shared/data/imr-letters/txt
  xvfb-run -a -s "-screen 0 ${size}x24" java -cp "$cp" org.reviewdesk.ui.tour.PrecedentTour "$out" "$size" \
    ../shared/data/imr-letters/txt empty
done
