#!/bin/bash
# ReviewDesk's launcher on Linux (the app image's bin/reviewdesk; /usr/bin/reviewdesk links to it).
#
# It starts the image's own Java runtime with what jpackage's configuration file lib/app/reviewdesk.cfg
# says (class path, main class, java-options; $APPDIR is the folder of that file), exactly as jpackage's
# native launcher would. That launcher is replaced because it asks `rpm -qf` and `dpkg -S` which package
# owns it at every start, then `dpkg -L`: 0.4-0.6 s before Java starts, on every command
# (docs/decisions/0014-fast-commands.md). Edit the .cfg file, not this script, to change an option.
self=$(readlink -f -- "$0") || exit 1
image=${self%/bin/*}
APPDIR=$image/lib/app
cfg=$APPDIR/reviewdesk.cfg
java=$image/lib/runtime/bin/java
if [ ! -r "$cfg" ] || [ ! -x "$java" ]; then
  echo "reviewdesk: the installation in $image is incomplete ($cfg or $java is missing); reinstall ReviewDesk" >&2
  exit 1
fi
options=()
classpath=
main=
section=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '['*']') section=$line ;;
    app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) [ "$section" = '[JavaOptions]' ] && options+=("${line#java-options=}") ;;
  esac
done <"$cfg"
if [ -z "$main" ]; then
  echo "reviewdesk: $cfg names no main class; reinstall ReviewDesk" >&2
  exit 1
fi
exec "$java" "${options[@]//\$APPDIR/$APPDIR}" "-Djpackage.app-path=$self" \
  -classpath "${classpath//\$APPDIR/$APPDIR}" "$main" "$@"
