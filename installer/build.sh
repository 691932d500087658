#!/usr/bin/env bash
# Builds ReviewDesk's native package with jpackage: an app image with its own trimmed Java runtime
# (jlink) and JavaFX, then the platform's installer: a .deb on Linux, a .dmg on macOS, an .msi on
# Windows (Git Bash; needs WiX 3 on the PATH). Output in target/installer/.
#
#   installer/build.sh                 build the jar, the app image and the installer
#   installer/build.sh --image-only    build the jar and the app image only (CI)
#   installer/build.sh --no-maven ...  reuse target/reviewdesk.jar and target/lib/ as they are
#
# Needs JDK 17+ with jpackage (JAVA_HOME or the PATH) and Maven; for the .deb, dpkg-deb and fakeroot.
set -euo pipefail

image_only=false
run_maven=true
for arg in "$@"; do
  case "$arg" in
    --image-only) image_only=true ;;
    --no-maven) run_maven=false ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

fail() { echo "build.sh: $*" >&2; exit 1; }

jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
jpackage=${jdk_bin}jpackage
command -v "$jpackage" >/dev/null || fail "jpackage not found: install a full JDK 17+ (Debian: openjdk-17-jdk) or set JAVA_HOME"

main_class=org.reviewdesk.app.Main
# The package version is the project's, without -SNAPSHOT (installers want numbers only).
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
version=${version%-SNAPSHOT}
[ -n "$version" ] || fail "cannot read the project version from pom.xml"
vendor="ReviewDesk"
description="Offline workstation for Independent Medical Review determinations"
copyright="Copyright (C) ReviewDesk contributors. GNU AGPL v3."

case "$(uname -s)" in
  # Linux: /opt/reviewdesk/bin/reviewdesk; macOS: ReviewDesk.app; Windows: ReviewDesk.exe
  Linux) os=linux; name=reviewdesk; icon="$here/icons/reviewdesk.png"; installer_type=deb ;;
  Darwin) os=mac; name=ReviewDesk; icon="$here/icons/reviewdesk.icns"; installer_type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; name=ReviewDesk; icon="$here/icons/reviewdesk.ico"; installer_type=msi ;;
  *) fail "unsupported system $(uname -s)" ;;
esac

# jpackage on macOS refuses a version whose first number is 0 (CFBundleVersion); until 1.0 the
# bundle says 1.0.0.
if [ "$os" = mac ] && [ "${version%%.*}" = 0 ]; then version=1.0.0; fi

# JDK modules the app needs (jdeps --print-module-deps over the jar and its libraries, plus the
# ones found by running: EC crypto and extra charsets for signing and PDFs, zipfs for packets).
jdk_modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management
jdk_modules+=,java.naming,java.scripting,java.sql,java.xml,java.xml.crypto,jdk.charsets
jdk_modules+=,jdk.crypto.ec,jdk.jfr,jdk.net,jdk.unsupported,jdk.zipfs
fx_modules=javafx.base,javafx.graphics,javafx.controls

start=$(date +%s)
if $run_maven; then
  echo "== mvn package"
  mvn -B -q package -DskipTests
fi
[ -f target/reviewdesk.jar ] || fail "target/reviewdesk.jar is missing (run without --no-maven)"

out=target/installer
stage=$out/input
fx=$out/javafx
rm -rf "$out"
mkdir -p "$stage/lib" "$fx"

# JavaFX's platform jars (javafx-*-VERSION-linux.jar etc.) become real modules in the runtime;
# the empty jars without a classifier are left out; everything else is the class path.
cp target/reviewdesk.jar "$stage/"
for jar in target/lib/*.jar; do
  base=$(basename "$jar")
  case "$base" in
    javafx-*-[0-9]*-*.jar) cp "$jar" "$fx/" ;;
    javafx-*) ;;
    *) cp "$jar" "$stage/lib/" ;;
  esac
done
ls "$fx"/javafx-graphics-*.jar >/dev/null 2>&1 || fail "no JavaFX platform jars in target/lib"

common=(
  --name "$name"
  --app-version "$version"
  --vendor "$vendor"
  --description "$description"
  --copyright "$copyright"
)

# On Windows the main launcher has no console; a second one, reviewdesk-cli.exe, runs the commands.
image_extra=()
[ "$os" = windows ] && image_extra=(--add-launcher "reviewdesk-cli=$here/windows/cli.properties")
[ -f "$icon" ] || fail "no icon $icon (macOS: make it with iconutil, see installer/README.md)"

echo "== jpackage --type app-image"
"$jpackage" --type app-image "${common[@]}" \
  --dest "$out" \
  --input "$stage" \
  --main-jar reviewdesk.jar \
  --main-class "$main_class" \
  --module-path "$fx" \
  --add-modules "$jdk_modules,$fx_modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options "-Xmx1g" \
  --icon "$icon" \
  ${image_extra[@]+"${image_extra[@]}"}

case "$os" in
  mac) image="$out/$name.app" ;;
  *) image="$out/$name" ;;
esac
[ -d "$image" ] || fail "jpackage made no app image at $image"
# JavaFX's native libraries beside the runtime's own: JavaFX loads them from there first, instead
# of extracting them from its jar into ~/.openjfx/cache (or /tmp) at every new user's first start.
case "$os" in
  mac) native_dir="$image/Contents/runtime/Contents/Home/lib" ;;
  windows) native_dir="$image/runtime/bin" ;;
  *) native_dir="$image/lib/runtime/lib" ;;
esac
[ -d "$native_dir" ] || fail "no runtime library folder $native_dir in the app image"
natives=$out/natives
mkdir -p "$natives"
graphics_jar=$(cd "$fx" && pwd)/$(cd "$fx" && ls javafx-graphics-*.jar | head -1)
(cd "$natives" && "${jdk_bin}jar" xf "$graphics_jar")
find "$natives" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec cp {} "$native_dir/" \;
ls "$native_dir" | grep -Eq '^(lib)?glass' || fail "JavaFX's native libraries are missing from $native_dir"
rm -rf "$stage" "$fx" "$natives"
echo "app image: $image ($(du -sh "$image" | cut -f1))"

if ! $image_only; then
  echo "== jpackage --type $installer_type"
  extra=()
  case "$os" in
    linux)
      extra=(
        --linux-package-name "$name"
        --linux-package-deps libgtk-3-0
        --linux-menu-group Office
        --linux-app-category misc
        --linux-shortcut
        --resource-dir "$here/linux"
      ) ;;
    mac) extra=(--mac-package-name ReviewDesk) ;;
    windows) extra=(--win-menu --win-menu-group ReviewDesk --win-shortcut --win-dir-chooser) ;;
  esac
  "$jpackage" --type "$installer_type" "${common[@]}" \
    --dest "$out" \
    --app-image "$image" \
    --license-file LICENSE \
    --icon "$icon" \
    ${extra[@]+"${extra[@]}"}
  for pkg in "$out"/*."$installer_type"; do
    echo "installer: $pkg ($(du -h "$pkg" | cut -f1))"
  done
fi
echo "built in $(( $(date +%s) - start )) s"
