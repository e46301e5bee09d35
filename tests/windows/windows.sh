#!/usr/bin/env bash
# Windows behaviour of inflint.exe (issue 17), run under Wine by
# `scripts/dev.sh windows`; each check failed on the first MinGW build:
#  * excludes hold when a directory argument ends in a separator (samples\)
#  * one separator per displayed path: the one typed (samples\rules -> samples\rules\x.inf),
#    '/' in web formats (github, SARIF URIs)
#  * paths compare without case: baselines and excludes
#  * non-ASCII file and folder names are walked, opened and printed in UTF-8
#  * reports end lines with \n, not \r\n
# usage: windows.sh INFLINT   (INFLINT runs the .exe, e.g. a wrapper calling wine)
set -u
inflint=$1
source "$(dirname "$0")/../cli/lib.sh"
cd "$(dirname "$0")/../.."
run() { # ARGS...: inflint in $tmp/work, output in $tmp/out and $tmp/err
  (cd "$tmp/work" && "$inflint" "$@") > "$tmp/out" 2> "$tmp/err"
  echo $? > "$tmp/rc"
}
rc() { cat "$tmp/rc"; }

mkdir -p "$tmp/work/drivers/build" "$tmp/work/drivers/sensor"
cp samples/rules/iso101-bad.inf "$tmp/work/drivers/build/gen.inf"
cp samples/rules/iso101-bad.inf "$tmp/work/drivers/sensor/SENSOR.INF"
printf '[inflint]\nexclude = build/*\n' > "$tmp/work/drivers/.inflint.ini"

# Excludes, with the directory named with and without a trailing separator, either kind.
for dir in 'drivers' 'drivers\' 'drivers/' '.\drivers\'; do
  run -f gcc "$dir"
  grep -q 'gen.inf' "$tmp/out" && fail "exclude ignored for '$dir'" || ok
  grep -q 'SENSOR.INF' "$tmp/out" && ok || fail "'$dir' found nothing: $(cat "$tmp/err")"
done
# ... and written in another case than the file system's.
printf '[inflint]\nexclude = BUILD/*\n' > "$tmp/work/drivers/.inflint.ini"
run -f gcc 'drivers\'
grep -q 'gen.inf' "$tmp/out" && fail "exclude BUILD/* does not match build\\gen.inf" || ok
printf '[inflint]\nexclude = build/*\n' > "$tmp/work/drivers/.inflint.ini"

# One separator per path: the one typed; '/' in the github format.
run -f gcc 'drivers\sensor'
grep -q '^drivers\\sensor\\SENSOR.INF:29:1: error' "$tmp/out" && ok || fail "backslash path: $(head -1 "$tmp/out")"
run -f gcc 'drivers/sensor'
grep -q '^drivers/sensor/SENSOR.INF:29:1: error' "$tmp/out" && ok || fail "slash path: $(head -1 "$tmp/out")"
run -f gcc 'drivers\sensor/SENSOR.INF'
grep -q '^drivers\\sensor\\SENSOR.INF:29:1' "$tmp/out" && ok || fail "mixed separators kept: $(head -1 "$tmp/out")"
run -f github '.\drivers\sensor'
grep -q '^::error file=drivers/sensor/SENSOR.INF,line=29' "$tmp/out" && ok || fail "github path: $(head -1 "$tmp/out")"
run -f sarif 'drivers\sensor'
grep -q '"uri": "drivers/sensor/SENSOR.INF"' "$tmp/out" && ok || fail "SARIF URI: $(grep -m1 '"uri"' "$tmp/out")"

# Case: a baseline written for DRIVERS\SENSOR\SENSOR.INF holds for drivers\sensor\sensor.inf.
run --write-baseline base.json 'DRIVERS\SENSOR\SENSOR.INF'
run -f gcc --baseline base.json 'drivers\sensor\sensor.inf'
[ "$(rc)" = 0 ] && ! grep -q ISO101 "$tmp/out" && ok || fail "baseline does not match another case: $(cat "$tmp/out" "$tmp/err" | head -3)"

# Non-ASCII names: a folder and a file, walked and named explicitly; UTF-8 in the output.
mkdir -p "$tmp/work/日本/données"
cp samples/rules/iso101-bad.inf "$tmp/work/日本/données/capteur-é.inf"
run -f gcc 日本
grep -q '^日本\\données\\capteur-é.inf:29:1: error' "$tmp/out" && ok || fail "walk of 日本: $(cat "$tmp/out" "$tmp/err" | head -2)"
run -f gcc '日本\données\capteur-é.inf'
[ "$(rc)" = 1 ] && grep -q '^日本\\données\\capteur-é.inf:29:1' "$tmp/out" && ok || fail "explicit 日本 path: $(cat "$tmp/err")"
run -f json '日本'
iconv -f UTF-8 -t UTF-8 "$tmp/out" > /dev/null 2>&1 && grep -q '"path": "日本\\\\données\\\\capteur-é.inf"' "$tmp/out" &&
  ok || fail "JSON path not UTF-8: $(grep -m1 '"path"' "$tmp/out")"
run -o 'rapport-é.sarif' -f sarif '日本'
[ -s "$tmp/work/rapport-é.sarif" ] && ok || fail "--output-file with a non-ASCII name"

# Line ends: \n only, in every format.
for format in text gcc msvc json sarif github junit checkstyle gitlab; do
  run -f "$format" --color never drivers
  grep -q $'\r' "$tmp/out" "$tmp/err" && fail "$format output has \\r" || ok
done

finish
