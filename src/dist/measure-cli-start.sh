#!/usr/bin/env bash
# Command-line start, side by side: `simulate` on the bundled sample data as a whole process, from a jar with the
# system's java and from the image's launcher; N runs each, alternating, median wall time (and median CPU time,
# user + sys, which a loaded machine disturbs less). The README's numbers come from:
#   bash src/dist/measure-cli-start.sh target/foresto.jar target/dist/foresto 10
set -euo pipefail
JAR=$1 IMG=$2 N=${3:-10}
SAMPLE=$IMG/lib/app/samples/us_stocks_bonds_monthly_1926_2009.csv
ARGS=(simulate --returns "$SAMPLE" --columns STOCKS=EQUITY,BONDS=BOND --weights EQUITY=0.6,BOND=0.4 --rule annual)
export USE_REBALANCING=1
TIMEFORMAT='%U %S'

# one run: "<wall ms> <cpu ms>"
run() {
    local start end cpu
    start=$(date +%s%N)
    cpu=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $(echo "$cpu" | awk '{printf "%d", ($1 + $2) * 1000}')"
}

median() {
    sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'
}

run java -jar "$JAR" "${ARGS[@]}" > /dev/null # warm the file cache
run "$IMG/bin/foresto" "${ARGS[@]}" > /dev/null
: > /tmp/foresto-start-jar.txt
: > /tmp/foresto-start-image.txt
for _ in $(seq 1 "$N"); do
    run java -jar "$JAR" "${ARGS[@]}" >> /tmp/foresto-start-jar.txt
    run "$IMG/bin/foresto" "${ARGS[@]}" >> /tmp/foresto-start-image.txt
done
for what in jar image; do
    f=/tmp/foresto-start-$what.txt
    echo "$what: median wall $(cut -d' ' -f1 "$f" | median) ms, median cpu $(cut -d' ' -f2 "$f" | median) ms (n=$N; wall: $(cut -d' ' -f1 "$f" | tr '\n' ' '))"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
