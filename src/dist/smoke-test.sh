#!/usr/bin/env bash
# Smoke test of the installable image (run by `mvn -Pdist package` after build-image.sh; skipped with -DskipTests).
# Everything runs from the image alone: no JAVA_HOME, a PATH with neither java nor mvn on it, a new home and data
# directory. Checks --version; simulate on the bundled sample data, whose output must equal the jar's byte for byte;
# a headless report; the desktop app's start and clean exit (app --smoke-exit, headless Monocle); the tarball
# unpacked elsewhere, whose first command makes the class-data-sharing archive the next one maps. Any failure
# fails the build.
# Arguments: build dir (target), project version, JDK home (to run the jar for the reference output).
set -euo pipefail
TARGET=$1 VERSION=$2 JDK=$3
IMG=$TARGET/dist/foresto
WORK=$(mktemp -d "${TMPDIR:-/tmp}/foresto-smoke.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/bin"
# a PATH with the system's tools (the embedded PostgreSQL runs sh) but no JDK tool and no Maven
declare -A tools
for tool in /usr/bin/* /bin/*; do
    name=${tool##*/}
    case "$name" in
        java*|jar|jarsigner|jcmd|jconsole|jdb|jdeprscan|jdeps|jfr|jhsdb|jimage|jinfo|jlink|jmap|jmod|jpackage|jps) ;;
        jrunscript|jshell|jstack|jstat|jstatd|keytool|rmiregistry|serialver|mvn*) ;;
        *) tools[$name]=$tool ;;
    esac
done
ln -s "${tools[@]}" "$WORK/bin/"
if PATH="$WORK/bin" command -v java > /dev/null || PATH="$WORK/bin" command -v mvn > /dev/null; then
    echo "[smoke] FAILED: java or mvn left on the test's PATH" >&2
    exit 1
fi
SAMPLE=lib/app/samples/us_stocks_bonds_monthly_1926_2009.csv
ARGS=(simulate --columns STOCKS=EQUITY,BONDS=BOND --weights EQUITY=0.6,BOND=0.4 --rule annual --cost-rate 0.001)

fail() {
    echo "[smoke] FAILED: $*" >&2
    exit 1
}

# the image's launcher with nothing from this machine's Java or Maven set-up
image() {
    local root=$1
    shift
    env -i HOME="$WORK/home" PATH="$WORK/bin" USE_REBALANCING=1 FORESTO_DATA_DIR="$WORK/data" \
        TMPDIR="$WORK" "$root/bin/foresto" "$@"
}

[ -x "$IMG/bin/foresto" ] || fail "no launcher $IMG/bin/foresto"

version=$(image "$IMG" --version) || fail "--version exited $?"
[[ $version == "Foresto Rebalancing Lab "* ]] || fail "--version printed: $version"
echo "[smoke] --version: $version"

image "$IMG" "${ARGS[@]}" --returns "$IMG/$SAMPLE" > "$WORK/image.json" || fail "simulate exited $?"
USE_REBALANCING=1 "$JDK/bin/java" -jar "$TARGET/foresto.jar" "${ARGS[@]}" --returns "$IMG/$SAMPLE" > "$WORK/jar.json" 2> /dev/null
grep -q '"final_value"' "$WORK/jar.json" || fail "the jar's simulate printed no result"
cmp -s "$WORK/image.json" "$WORK/jar.json" || fail "simulate from the image differs from the jar's: $(head -c 300 "$WORK/image.json")"
echo "[smoke] simulate on the sample data: same output as the jar ($(wc -c < "$WORK/image.json") bytes)"

image "$IMG" report --portfolio "Balanced 60/30/10" --rule P2_DRIFT_5PCT_10BP --out "$WORK/report" > "$WORK/report.log" 2>&1 \
    || fail "report exited $?: $(tail -3 "$WORK/report.log")"
for f in value.png drift.png drawdown.png annual.png events.csv summary.json; do
    [ -s "$WORK/report/$f" ] || fail "report wrote no $f"
done
echo "[smoke] headless report: $(ls "$WORK/report" | tr '\n' ' ')"

timeout 120 env -i HOME="$WORK/home" PATH="$WORK/bin" USE_REBALANCING=1 FORESTO_DATA_DIR="$WORK/data" \
    TMPDIR="$WORK" "$IMG/bin/foresto" app --smoke-exit > "$WORK/app.log" 2>&1 \
    || fail "the desktop app did not start and close cleanly (exit $?): $(tail -5 "$WORK/app.log")"
[ ! -e "$WORK/data/pgdata/postmaster.pid" ] || fail "the desktop app left its database running"
echo "[smoke] desktop app: started and closed (exit 0) under headless Monocle"

# the tarball unpacked somewhere else: the first command makes the sharing archive there, the next maps it
TARBALL=$TARGET/dist/foresto-$VERSION-linux-x64.tar.gz
mkdir "$WORK/unpacked"
tar -xzf "$TARBALL" -C "$WORK/unpacked"
COPY=$WORK/unpacked/foresto
[ ! -e "$COPY/lib/app/foresto.jsa" ] || fail "the tarball carries an archive made for the build's folder"
image "$COPY" "${ARGS[@]}" --returns "$COPY/$SAMPLE" > /dev/null || fail "simulate from the unpacked tarball exited $?"
for _ in $(seq 1 120); do
    [ -s "$COPY/lib/app/foresto.jsa" ] && break
    sleep 0.5
done
[ -s "$COPY/lib/app/foresto.jsa" ] || fail "the first command did not make the sharing archive"
# -Xshare:on: the JVM refuses to start when the archive does not map
JAVA_TOOL_OPTIONS=-Xshare:on image "$COPY" "${ARGS[@]}" --returns "$COPY/$SAMPLE" 2> /dev/null > "$WORK/copy.json" \
    || fail "the unpacked image's command does not map its sharing archive"
cmp -s "$WORK/copy.json" "$WORK/jar.json" || fail "simulate from the unpacked tarball differs from the jar's"
echo "[smoke] unpacked tarball: archive made by the first command, mapped by the next"
echo "[smoke] OK"
