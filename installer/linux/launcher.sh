#!/bin/bash
# ReviewDesk's launcher on Linux (the app image's bin/reviewdesk; /usr/bin/reviewdesk links to it).
#
# It starts the image's own Java runtime with what jpackage's configuration file lib/app/reviewdesk.cfg
# says (class path, main class, java-options; $APPDIR is the folder of that file), exactly as jpackage's
# native launcher would. That launcher is replaced because it asks `rpm -qf` and `dpkg -S` which package
# owns it at every start, then `dpkg -L`: 0.4-0.6 s before Java starts, on every command
# (docs/decisions/0014-fast-commands.md). Edit the .cfg file, not this script, to change an option.
# bash 5.2 would read "&" in a ${x//pattern/replacement} as the matched text: an install path with "&" must stay as is
shopt -u patsub_replacement 2>/dev/null || true
self=$(readlink -f -- "$0") || exit 1
image=${self%/bin/*}
APPDIR=$image/lib/app
cfg=$APPDIR/reviewdesk.cfg
java=$image/lib/runtime/bin/java
if [ ! -r "$cfg" ] || [ ! -x "$java" ]; then
  echo "reviewdesk: the installation in $image is incomplete ($cfg or $java is missing); reinstall ReviewDesk" >&2
  exit 1
fi
# No core file: a crashed ReviewDesk's memory holds decrypted records and the store key (CrashReportTest)
ulimit -S -c 0 2>/dev/null
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
# A command that goes to a running 'reviewdesk serve' (docs/decisions/0016-command-server.md) only sends its
# arguments over the data folder's socket: it starts without the app's start-up archive, whose 4,800 classes
# cost such a small client more than they save (the runtime's CDS archive of JDK classes still applies).
# ServedCommands decides in Java whether the command really goes to the server; this only picks the options.
command= data= stop=false help=false
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]}
  case $a in
    --) break ;;
    --data) i=$((i + 1)); data=${args[i]-} ;;
    --data=*) data=${a#--data=} ;;
    -h|--help|-V|--version) help=true ;;
    --stop) stop=true ;;
    -*) ;;
    *) [ -z "$command" ] && command=$a ;;
  esac
done
if ! $help; then
  case $command in
    list|show|search|records|suggest|check) client=true ;;
    serve) client=$stop ;;
    *) client=false ;;
  esac
  if $client; then
    if [ -n "$data" ]; then
      case $data in /*) dir=$data ;; *) dir=$PWD/$data ;; esac
    elif [ -n "${REVIEWDESK_DATA:-}" ]; then
      case $REVIEWDESK_DATA in /*) dir=$REVIEWDESK_DATA ;; *) dir=$PWD/$REVIEWDESK_DATA ;; esac
    else
      dir=${XDG_DATA_HOME:-$HOME/.local/share}/reviewdesk
    fi
    if [ -S "$dir/reviewdesk.sock" ]; then
      kept=()
      for o in "${options[@]}"; do
        case $o in -XX:AOTCache=*|-Xlog:aot*|-XX:SharedArchiveFile=*|-Xlog:cds*) ;; *) kept+=("$o") ;; esac
      done
      options=("${kept[@]}")
    fi
  fi
fi
# The JVM's choices by what runs (docs/decisions/0018-import-jit-gc.md): a command in its own process takes the
# serial collector (one short run, a heap of a few hundred MB: G1's regions and remembered sets cost 100 MB of
# resident memory and buy nothing there); 'reviewdesk serve' runs all day, so it takes both JIT compilers (C2's
# compile time is earned back from the second import on); the window keeps the configuration as it is.
if ! $help; then
  case $command in
    '') ;;
    serve)
      if ! $stop; then
        kept=()
        for o in "${options[@]}"; do
          case $o in -XX:TieredStopAtLevel=*) ;; *) kept+=("$o") ;; esac
        done
        options=("${kept[@]}")
        # idle for 15 s, G1 collects and gives the heap back: a server kept for minutes after an import held its
        # peak (380 MB resident) until it stopped; now about 250 MB (docs/benchmarks.md, eleventh session)
        options+=(-XX:G1PeriodicGCInterval=15000)
      fi
      ;;
    records)
      options+=(-XX:+UseSerialGC)
      # adding a large PDF (over 64 MB: a scanned record) is bound by the store's encryption, H2's AES in Java,
      # which C2 runs 1.6 times as fast as C1 alone (286 MB: 5.8 s against 9.1 s, docs/benchmarks.md); smaller
      # files keep C1 only, their import is over before C2's compiling pays
      large=false
      for a in "$@"; do
        if [ -f "$a" ] && [ "$(stat -L -c %s -- "$a" 2>/dev/null || echo 0)" -gt 67108864 ]; then large=true; fi
      done
      if $large; then
        kept=()
        for o in "${options[@]}"; do
          case $o in -XX:TieredStopAtLevel=*) ;; *) kept+=("$o") ;; esac
        done
        options=("${kept[@]}")
      fi
      ;;
    *) options+=(-XX:+UseSerialGC) ;;
  esac
fi
if [ -z "$main" ]; then
  echo "reviewdesk: $cfg names no main class; reinstall ReviewDesk" >&2
  exit 1
fi
exec "$java" "${options[@]//\$APPDIR/$APPDIR}" "-Djpackage.app-path=$self" \
  -classpath "${classpath//\$APPDIR/$APPDIR}" "$main" "$@"
