#!/usr/bin/env bash
# Draws ReviewDesk's icon (a page of notes with a green check on the app's blue) with ImageMagick 6,
# and the Windows .ico from it. The committed reviewdesk.png is its output; run again only to change it.
# macOS: make reviewdesk.icns from reviewdesk.png with `iconutil` (see installer/README.md).
set -euo pipefail
cd "$(dirname "$0")"
CONVERT=${CONVERT:-/usr/bin/convert}
"$CONVERT" -size 256x256 xc:none \
  -fill '#0969da' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill white -draw 'polygon 70,40 152,40 190,78 190,216 70,216' \
  -fill '#b6d4f7' -draw 'polygon 152,40 152,78 190,78' \
  -stroke '#8fb8ea' -strokewidth 8 \
  -draw 'line 90,98 142,98' -draw 'line 90,122 170,122' -draw 'line 90,146 170,146' -draw 'line 90,170 128,170' \
  -stroke none -fill white -draw 'circle 178,182 178,232' \
  -fill '#1a7f37' -draw 'circle 178,182 178,226' \
  -fill none -stroke white -strokewidth 12 -draw 'polyline 157,183 172,198 200,166' \
  -strip reviewdesk.png
cp reviewdesk.png ../../src/main/resources/org/reviewdesk/app/reviewdesk.png   # the window's icon
"$CONVERT" reviewdesk.png -define icon:auto-resize=256,128,64,48,32,16 reviewdesk.ico
