#!/usr/bin/env bash
# Builds the installable image with the JDK's own tools (run by `mvn -Pdist package`, after the shaded jar):
#   target/dist/foresto/                          app-image: jlink-ed runtime, the jar, the sample data, bin/foresto
#   target/dist/foresto-<version>-linux-x64.tar.gz
#   target/dist/foresto_<version>_amd64.deb       only when dpkg-deb and fakeroot are installed
# Arguments: project dir, build dir (target), project version, JDK home.
set -euo pipefail
BASE=$1 TARGET=$2 VERSION=$3 JDK=$4
APP_VERSION=${VERSION%%-*} # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
DIST=$TARGET/dist
JAR=$TARGET/foresto.jar
SAMPLE=$BASE/src/main/resources/foresto/sample/us_stocks_bonds_monthly_1926_2009.csv

rm -rf "$DIST"
mkdir -p "$DIST/input/samples" "$DIST/work"
cp "$JAR" "$DIST/input/foresto.jar"
cp "$SAMPLE" "${SAMPLE%.csv}.NOTICE.md" "$DIST/input/samples/"

# The runtime: the modules jdeps finds in the jar, plus those only loaded by name at run time (jdeps cannot see
# them): jdk.security.auth (the embedded PostgreSQL asks com.sun.security.auth.module.UnixSystem whether it runs as
# root, to start initdb in a user namespace then; without it initdb refuses to run as root), jdk.crypto.ec (TLS to a
# team's PostgreSQL server), jdk.zipfs (reading resources inside the jar as a file system), jdk.localedata (Korean
# formats; only en and ko are kept).
MODULES=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$JAR")
MODULES="$MODULES,jdk.security.auth,jdk.crypto.ec,jdk.zipfs,jdk.localedata"
echo "[dist] modules: $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,ko --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$DIST/work/runtime"

# The app-image. The command line maps its classes from a class-data-sharing archive next to the jar (see
# SharedArchive.forCommandLine and src/dist/foresto.sh): made at build time for this place, and again at the first
# command wherever the image is unpacked or installed. When the archive does not fit (another place, another jar)
# the JVM starts without it and says nothing.
"$JDK/bin/jpackage" --type app-image --name foresto --app-version "$APP_VERSION" --vendor "Foresto" \
    --description "Foresto Rebalancing Lab" --icon "$BASE/assets/foresto.png" \
    --input "$DIST/input" --main-jar foresto.jar --main-class foresto.cli.Main \
    --runtime-image "$DIST/work/runtime" --dest "$DIST"
IMG=$DIST/foresto
APPDIR=$IMG/lib/app
JAVA=$IMG/lib/runtime/bin/java
# bin/foresto: our launcher script in place of jpackage's native one (why: see the script)
install -m 755 "$BASE/src/dist/foresto.sh" "$IMG/bin/foresto"

# The classes the command line loads, recorded from one simulate on the sample data, and the archive made of them.
USE_REBALANCING=1 "$JAVA" -Xshare:off -XX:DumpLoadedClassList="$APPDIR/foresto.classlist" -cp "$APPDIR/foresto.jar" \
    foresto.cli.Main simulate --returns "$APPDIR/samples/us_stocks_bonds_monthly_1926_2009.csv" \
    --columns STOCKS=EQUITY,BONDS=BOND --weights EQUITY=0.6,BOND=0.4 --rule annual > /dev/null
"$JAVA" -Xshare:dump -XX:SharedClassListFile="$APPDIR/foresto.classlist" -XX:SharedArchiveFile="$APPDIR/foresto.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$APPDIR/foresto.jar" > "$DIST/work/cds-dump.log" 2>&1
"$JAVA" -Xshare:on -XX:SharedArchiveFile="$APPDIR/foresto.jsa" -cp "$APPDIR/foresto.jar" -version > /dev/null 2>&1 \
    || { echo "[dist] the command line's CDS archive does not map" >&2; exit 1; }

SIZE_MB=$(du -sm "$IMG" | cut -f1)
echo "[dist] image: $IMG ($SIZE_MB MB; runtime $(du -sm "$IMG/lib/runtime" | cut -f1) MB, jar $(du -sm "$APPDIR/foresto.jar" | cut -f1) MB, CDS archive $(du -sm "$APPDIR/foresto.jsa" | cut -f1) MB)"
if [ "$SIZE_MB" -gt 200 ]; then
    echo "[dist] the image is $SIZE_MB MB, over its 200 MB budget" >&2
    exit 1
fi

# The archive made here only fits this folder: the tarball leaves it out (the first command makes one where it is
# unpacked), the .deb makes it when installed.
TARBALL=$DIST/foresto-$VERSION-linux-x64.tar.gz
tar -C "$DIST" --exclude=foresto/lib/app/foresto.jsa --owner=0 --group=0 -czf "$TARBALL" foresto
echo "[dist] tarball: $TARBALL ($(du -sm "$TARBALL" | cut -f1) MB)"

if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
    mkdir -p "$DIST/work/deb-image" "$DIST/work/deb-resources"
    cp -a "$IMG" "$DIST/work/deb-image/"
    rm -f "$DIST/work/deb-image/foresto/lib/app/foresto.jsa"
    cp "$BASE"/src/dist/linux/* "$DIST/work/deb-resources/"
    "$JDK/bin/jpackage" --type deb --app-image "$DIST/work/deb-image/foresto" --name foresto \
        --app-version "$APP_VERSION" --vendor "Foresto" --description "Foresto Rebalancing Lab: rebalancing backtests" \
        --icon "$BASE/assets/foresto.png" --linux-shortcut --linux-menu-group "Office;Finance" \
        --linux-app-category misc --linux-deb-maintainer "foresto@localhost" \
        --resource-dir "$DIST/work/deb-resources" --dest "$DIST"
    echo "[dist] deb: $(ls "$DIST"/*.deb)"
else
    echo "[dist] no .deb: dpkg-deb and fakeroot are needed for it (apt-get install dpkg fakeroot); the tarball is made"
fi
