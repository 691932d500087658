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
#
# Start-up (issue 13, docs/decisions/0014-fast-commands.md): when a JDK 25 or later is found (REVIEWDESK_AOT_JDK,
# JAVA_HOME, or /usr/lib/jvm/*), the image's runtime is jlinked from it and starts from an AOT cache
# (JEP 483/514/515) made by a training run of the image's own launcher; otherwise the JDK 17+ above makes it,
# with an AppCDS archive from the same training run. The code stays built for release 17 either way.
# REVIEWDESK_AOT_JDK=none keeps JAVA_HOME's JDK; REVIEWDESK_NO_ARCHIVE=1 leaves the archive out.
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

# the feature version of a JDK folder (its release file), or nothing
jdk_feature() { { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; } | head -1; }
aot_jdk=${REVIEWDESK_AOT_JDK:-}
if [ -z "$aot_jdk" ]; then
  for d in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
    v=$(jdk_feature "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ -x "$d/bin/jpackage" ]; then aot_jdk=$d; break; fi
  done
fi
if [ -n "$aot_jdk" ] && [ "$aot_jdk" != none ]; then
  v=$(jdk_feature "$aot_jdk")
  { [ -n "$v" ] && [ "$v" -ge 25 ] && [ -x "$aot_jdk/bin/jpackage" ]; } || fail "REVIEWDESK_AOT_JDK=$aot_jdk is not a JDK 25+ with jpackage"
  jdk_bin=$aot_jdk/bin/
  archive_kind=aot
else
  jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
  archive_kind=appcds
fi
[ "${REVIEWDESK_NO_ARCHIVE:-}" = 1 ] && archive_kind=none
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
# jdk.management: Lucene asks the HotSpot MXBean for its settings and logs a warning without it
jdk_modules+=,jdk.management

# Launcher options for start-up (issue 13): C1 only, measured faster for every command a reviewer runs
# (list, search, records add) and for the window's start; the JDK 25 runtime also gets the options that keep
# its new warnings (native access by JavaFX and JavaCPP, sun.misc.Unsafe) off the command line's output.
speed_options=(--java-options "-XX:TieredStopAtLevel=1")
if [ -n "$aot_jdk" ] && [ "$aot_jdk" != none ]; then
  speed_options+=(--java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics")
  speed_options+=(--java-options "--sun-misc-unsafe-memory-access=allow")
fi
fx_modules=javafx.base,javafx.graphics,javafx.controls

# A JVM that crashes writes no report and no core dump: its hs_err_pid*.log (in the current folder, else /tmp,
# mode 0644) prints the command line (record file names) and the objects the registers point at, record text
# included, and a core dump is the whole heap: decrypted pages and the store key (CrashReportTest). The short
# notice on standard output (signal, problematic frame, JVM version) stays.
crash_sink=/dev/null
[ "$os" = windows ] && crash_sink=NUL
crash_options=(--java-options "-XX:ErrorFile=$crash_sink" --java-options "-XX:-CreateCoredumpOnCrash")

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
# Bouncy Castle's jars are signed: on the class path of OpenJDK that signature protects nothing (it is checked
# against the certificate inside the same jar, with no trust anchor; the installed image's files are protected by
# their permissions), but every start verifies it (about 0.3 s of CPU in `list`) and the start-up archive must
# leave signed classes out. The image gets the jars without their signature files (docs/decisions/0014).
if command -v zip >/dev/null; then
  # (zip leaves a jar without such files untouched and exits 12: nothing to do)
  for jar in "$stage"/lib/*.jar; do
    zip -q -d "$jar" 'META-INF/*.SF' 'META-INF/*.RSA' 'META-INF/*.DSA' 'META-INF/*.EC' >/dev/null 2>&1 || true
  done
else
  echo "build.sh: note: no zip command; the signed jars keep their signatures (slower start)" >&2
fi

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

# Linux: the runtime keeps its java command, which the image's own launcher script starts (below)
# and a CDS archive of the JDK's own classes, used by the commands that start without the app's archive (a
# command sent to 'reviewdesk serve', docs/decisions/0016)
strip_commands=--strip-native-commands
[ "$os" = linux ] && strip_commands=--generate-cds-archive

echo "== jpackage --type app-image"
"$jpackage" --type app-image "${common[@]}" \
  --dest "$out" \
  --input "$stage" \
  --main-jar reviewdesk.jar \
  --main-class "$main_class" \
  --module-path "$fx" \
  --add-modules "$jdk_modules,$fx_modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages $strip_commands" \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options "-Xmx448m" \
  "${crash_options[@]}" \
  "${speed_options[@]}" \
  --icon "$icon" \
  ${image_extra[@]+"${image_extra[@]}"}

case "$os" in
  mac) image="$out/$name.app" ;;
  *) image="$out/$name" ;;
esac
[ -d "$image" ] || fail "jpackage made no app image at $image"
# Linux: jpackage's native launcher runs `rpm -qf`, `dpkg -S` (and, once installed, `dpkg -L`) at every start
# to find the package that owns it, 0.4-0.6 s per command before Java starts. The image's bin/reviewdesk is a
# short script instead that starts the runtime's java with the same configuration file (lib/app/*.cfg);
# the runtime keeps only that one command.
if [ "$os" = linux ]; then
  [ -x "$image/lib/runtime/bin/java" ] || fail "the runtime in $image has no bin/java"
  find "$image/lib/runtime/bin" -mindepth 1 ! -name java -exec rm -f {} +
  # the CDS archive for heaps over 32 GB: never used under the launcher's heap cap
  rm -f "$image/lib/runtime/lib/server/classes_nocoops.jsa"
  install -m 755 "$here/linux/launcher.sh" "$image/bin/$name"
fi
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

# The start-up archive: a training run of the image's own launcher (init, then list, search, show and
# records list in one process over the built-in sample case, in a throwaway store) records the classes
# these commands load; the launcher's configuration then points at the archive through $APPDIR (JDK 25's
# AOT cache is still used after the image is moved or installed; JDK 17's AppCDS archive only where it was
# made). A failed training leaves the image without an archive (slower to start, otherwise the same).
case "$os" in
  mac) launcher="$image/Contents/MacOS/$name"; app_dir="$image/Contents/app" ;;
  windows) launcher="$image/reviewdesk-cli.exe"; app_dir="$image/app" ;;
  *) launcher="$image/bin/$name"; app_dir="$image/lib/app" ;;
esac
cfgs=()
for c in "$app_dir"/*.cfg; do [ -f "$c" ] && cfgs+=("$c"); done
[ ${#cfgs[@]} -gt 0 ] || fail "no launcher configuration in $app_dir"
for c in "${cfgs[@]}"; do cp "$c" "$c.plain"; done
# with_options LINE...: the launchers' configuration as built, plus these java-options lines
with_options() {
  for c in "${cfgs[@]}"; do
    cp "$c.plain" "$c"
    for o in "$@"; do printf 'java-options=%s\n' "$o" >>"$c"; done
  done
}
train() {
  local work
  work=$(mktemp -d)
  local log=$out/training.log
  local ok=true
  (
    export REVIEWDESK_PASSWORD="training run of the start-up archive" HOME="$work/home"
    unset REVIEWDESK_DATA
    mkdir -p "$work/home"
    with_options
    "$launcher" --data "$work/data" init
    with_options -Dreviewdesk.training=true "$@"
    "$launcher" --data "$work/data" list ";" --data "$work/data" search therapy ";" \
      --data "$work/data" show EXAMPLE-0001 ";" --data "$work/data" records list EXAMPLE-0001
  ) >"$log" 2>&1 || ok=false
  rm -rf "$work"
  $ok
}
archive_note="none"
case "$archive_kind" in
  aot)
    echo "== AOT cache (JDK $(jdk_feature "$aot_jdk")): training run"
    if train -XX:AOTMode=record '-XX:AOTConfiguration=$APPDIR/reviewdesk.aotconf' \
        && with_options -XX:AOTMode=create '-XX:AOTConfiguration=$APPDIR/reviewdesk.aotconf' \
          '-XX:AOTCache=$APPDIR/reviewdesk.aot' \
        && "$launcher" >>"$out/training.log" 2>&1 && [ -s "$app_dir/reviewdesk.aot" ]; then
      with_options '-XX:AOTCache=$APPDIR/reviewdesk.aot' '-Xlog:aot*=off'
      archive_note="AOT cache $(du -h "$app_dir/reviewdesk.aot" | cut -f1)"
    else
      echo "build.sh: warning: the AOT cache could not be made (see $out/training.log); the image starts without it" >&2
      with_options
    fi
    rm -f "$app_dir/reviewdesk.aotconf" ;;
  appcds)
    # a static archive (the runtime has no base archive of its own: jlink's --generate-cds-archive needs
    # the java command that --strip-native-commands leaves out): the training run lists the classes,
    # then the launcher dumps them
    echo "== AppCDS archive: training run"
    if train '-XX:DumpLoadedClassList=$APPDIR/reviewdesk.classlist' \
        && with_options -Xshare:dump '-XX:SharedClassListFile=$APPDIR/reviewdesk.classlist' \
          '-XX:SharedArchiveFile=$APPDIR/reviewdesk.jsa' \
        && "$launcher" >>"$out/training.log" 2>&1 && [ -s "$app_dir/reviewdesk.jsa" ]; then
      with_options '-XX:SharedArchiveFile=$APPDIR/reviewdesk.jsa' '-Xlog:cds*=off'
      archive_note="AppCDS archive $(du -h "$app_dir/reviewdesk.jsa" | cut -f1)"
    else
      echo "build.sh: warning: the AppCDS archive could not be made (see $out/training.log); the image starts without it" >&2
      with_options
    fi
    rm -f "$app_dir/reviewdesk.classlist" ;;
  *) with_options ;;
esac
for c in "${cfgs[@]}"; do rm -f "$c.plain"; done
chmod -R a+rX "$app_dir"
echo "app image: $image ($(du -sh "$image" | cut -f1)), Java runtime from ${jdk_bin:-the JDK on the PATH}, start-up archive: $archive_note"

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
