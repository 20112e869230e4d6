#!/bin/sh
# The image's launcher (bin/foresto): the image's own Java runtime with the app's jar. No argument or "app" opens the
# desktop app (the java launcher shows the jar's splash picture at once); anything else runs that command. A shell
# script rather than jpackage's native launcher, which asks dpkg and rpm which package owns it on every start (about
# 0.2-0.4 s of CPU, most of a command's start budget).
# The command line's classes come from the CDS archive next to the jar when it fits this jar at this place (see
# src/dist/build-image.sh); otherwise the JVM starts without it and says nothing.
self=$(readlink -f -- "$0")
root=${self%/bin/*}
app=$root/lib/app
# The JIT as the desktop app chooses it from the jar (foresto.ui.SharedArchive.jitOptions): on two cores or fewer
# without the optimising compiler, whose thread would take a core through the start (a command's CPU time ~0.4 s
# less); FORESTO_JIT=full keeps it, quick drops it on any machine. The long computations (sweep, robustness) and the
# API server keep it unless FORESTO_JIT=quick: there C2's faster code outweighs its start.
jit=
case "${FORESTO_JIT:-}:${1:-}" in
    full:*) ;;
    quick:*) jit=-XX:TieredStopAtLevel=1 ;;
    *:sweep|*:robustness|*:serve) ;;
    *) [ "$(nproc 2> /dev/null || echo 4)" -gt 2 ] || jit=-XX:TieredStopAtLevel=1 ;;
esac
if [ "$#" -eq 0 ] || [ "$1" = app ]; then
    set -- -jar "$app/foresto.jar" "$@"
else
    set -- -cp "$app/foresto.jar" foresto.cli.Main "$@"
fi
# shellcheck disable=SC2086 # $jit: no word or one
exec "$root/lib/runtime/bin/java" -XX:SharedArchiveFile="$app/foresto.jsa" -Xshare:auto -Xlog:cds=off \
    -Xlog:cds+dynamic=off $jit -Djpackage.app-path="$self" "$@"
