#!/usr/bin/env bash
# The command line: exit statuses, option errors, --select/--ignore,
# --severity, --fail-on, --list-rules, --explain, stdin, colour.
# usage: cli.sh INFLINT
set -u
inflint=$1
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."

bad=samples/rules/iso106-bad.inf
expect "clean file" 0 "$inflint" samples/isolated.inf
contains "clean summary" out "no problems found in 1 file"
expect "findings" 1 "$inflint" "$bad"
expect "unknown option" 2 "$inflint" --bogus "$bad"
contains "unknown option message" err "unknown option '--bogus'"
expect "unknown rule" 2 "$inflint" --select ISO999 "$bad"
contains "unknown rule message" err "unknown rule 'ISO999'"
expect "bad format" 2 "$inflint" --format xml "$bad"
expect "no paths" 2 "$inflint"
expect "missing file" 2 "$inflint" "$tmp/none.inf" samples/isolated.inf
contains "missing file message" err "inflint: $tmp/none.inf: No such file or directory"
contains "other files still linted" out "no findings in the 1 file read"
expect "ignore by name" 0 "$inflint" --ignore registry-root-not-hkr "$bad"
expect "select other family" 0 "$inflint" --select INF "$bad"
expect "fail-on never" 0 "$inflint" --fail-on never "$bad"
expect "severity note" 0 "$inflint" --severity ISO106=note "$bad"
expect "severity note, fail on note" 1 "$inflint" --severity ISO106=note --fail-on note "$bad"
expect "bad severity" 2 "$inflint" --severity ISO101=loud "$bad"
expect "warning passes by default" 0 "$inflint" samples/rules/inf010-bad.inf
expect "warning fails with --fail-on warning" 1 "$inflint" --fail-on=warning samples/rules/inf010-bad.inf
expect "msvc note" 0 "$inflint" -f msvc --severity ISO106=note "$bad"
contains "msvc note shape" out "): warning ISO106: note: "
expect "list rules" 0 "$inflint" --list-rules
contains "list rules table" out "ISO101  dest-not-driver-store"
expect "explain by name" 0 "$inflint" --explain copyfiles-rename
contains "explain text" out "Fixed:"
expect "explain unknown" 2 "$inflint" --explain nothing
expect "stdin" 1 "$inflint" --stdin-filename drv/x.inf - < "$bad"
contains "stdin name" out "drv/x.inf:"
expect "color always" 1 "$inflint" --color always "$bad"
contains "ansi escape" out $'\033['
NO_COLOR=1 expect "color auto off the terminal" 1 "$inflint" "$bad"
lacks "no escape" out $'\033['
expect "directory" 1 "$inflint" -q samples
lacks "quiet" out "in 28 files"
expect "version" 0 "$inflint" --version
# Parallel runs print exactly what a serial run prints, in every format.
for format in text json sarif github msvc; do
  "$inflint" -j 1 -f "$format" --color never samples > "$tmp/serial" 2>&1
  "$inflint" -j 3 -f "$format" --color never samples > "$tmp/parallel" 2>&1
  if cmp -s "$tmp/serial" "$tmp/parallel"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: -j 3 differs from -j 1 for $format"; fi
done
# JSON is rendered while files are linted: exit statuses and counts are taken there.
expect "json findings" 1 "$inflint" -f json "$bad"
expect "json fail-on never" 0 "$inflint" -f json --fail-on never "$bad"
expect "json warning passes" 0 "$inflint" -f json samples/rules/inf010-bad.inf
expect "json warning fails with --fail-on warning" 1 "$inflint" -j 2 -f json --fail-on warning \
  samples/rules/inf010-bad.inf samples/isolated.inf
# A lone file's JSON is written at the end, straight out; a directory's files are rendered as
# they are linted. The same file prints the same both ways (no comma before the first).
mkdir -p "$tmp/lone" && cp "$bad" "$tmp/lone/bad.inf"
"$inflint" -j 1 -f json "$tmp/lone/bad.inf" > "$tmp/lone-file.json" 2>&1
"$inflint" -j 1 -f json "$tmp/lone" > "$tmp/lone-dir.json" 2>&1
if cmp -s "$tmp/lone-file.json" "$tmp/lone-dir.json"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: a lone file's JSON differs from its directory's"; fi
cp "$tmp/lone-file.json" "$tmp/out"
lacks "lone file's first diagnostic after no comma" out '"diagnostics": [,'
contains "lone file's diagnostics" out '"rule": "ISO106"'
expect "json missing file" 2 "$inflint" -j 2 -f json "$tmp/none.inf" samples/isolated.inf
contains "json missing file listed" out '"error": "No such file or directory"'
contains "json missing file not counted" out '"summary": {"files": 1, "errors": 0'
expect "json clean files" 0 "$inflint" -j 2 -f json samples/isolated.inf samples/isolated.inf
contains "json clean summary" out '"summary": {"files": 2, "errors": 0, "warnings": 0, "notes": 0}'
# Files are linted as the walk finds them and put in order afterwards; past 1,024 files the
# workers are stopped while the arrays grow. Every -j prints the same, in walk order.
mkdir -p "$tmp/many/a" "$tmp/many/a-b"
for i in $(seq 1 1100); do cp "$bad" "$tmp/many/f$i.inf"; done
cp samples/isolated.inf "$tmp/many/a/x.inf"; cp samples/isolated.inf "$tmp/many/a-b/y.inf"
"$inflint" -j 1 -f json "$tmp/many" > "$tmp/many1.json" 2>&1
"$inflint" -j 3 -f json "$tmp/many" > "$tmp/many3.json" 2>&1
if cmp -s "$tmp/many1.json" "$tmp/many3.json"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: -j 3 differs from -j 1 over 1,102 files"; fi
expect "many files" 1 "$inflint" -j 2 -f text "$tmp/many"
contains "many files counted" out "in 1102 files"
grep -o '"path": "[^"]*"' "$tmp/many1.json" | awk '!seen[$0]++' | sed 's/"path": "//; s/"$//' \
  > "$tmp/order"
(cd "$tmp/many" && printf '%s\n' a/x.inf a-b/y.inf $(ls f*.inf | LC_ALL=C sort)) |
  sed "s|^|$tmp/many/|" > "$tmp/expected-order"
if cmp -s "$tmp/order" "$tmp/expected-order"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: files are not in walk order"; diff "$tmp/expected-order" "$tmp/order" | head -5; fi
expect "bad --jobs" 2 "$inflint" -j 0 samples
# A directory's JSON is rendered ahead, a part per file in a buffer per worker that grows into
# blocks of huge pages: a report of over 8 MB (one part of 2.4 MB among forty of ~180 KB) holds
# each file's own diagnostics (a file alone is rendered straight, not ahead), in walk order.
mkdir -p "$tmp/ahead"
hklm_lines() { # COUNT: the sample with COUNT more HKLM lines, each a finding
  awk -v n="$1" '{ print } /^\[Sensor_Software\]/ { for (i = 1; i <= n; i++)
    printf "HKLM,SOFTWARE\\Contoso\\Sensor,Rate%d,0x00010001,%d\n", i, i }' "$bad"
}
# The diagnostics one a line, without the separator; '\' as '/' (the Windows build writes the
# separator it finds in a directory, a file named alone keeps the one typed).
diagnostics() { grep -F '"rule": ' | sed 's/,$//' | forward_slashes; }
hklm_lines 300 > "$tmp/ahead/m100.inf"
for i in $(seq 101 139); do cp "$tmp/ahead/m100.inf" "$tmp/ahead/m$i.inf"; done
hklm_lines 4000 > "$tmp/ahead/m120big.inf"
"$inflint" -q -f json "$tmp/ahead/m100.inf" 2>&1 | diagnostics > "$tmp/one.txt"
"$inflint" -q -f json "$tmp/ahead/m120big.inf" 2>&1 | diagnostics > "$tmp/big.txt"
for f in $(cd "$tmp/ahead" && ls | LC_ALL=C sort); do
  if [ "$f" = m120big.inf ]; then cat "$tmp/big.txt"; else sed "s|m100\.inf\"|$f\"|" "$tmp/one.txt"; fi
done > "$tmp/ahead-each.txt"
for j in 1 2; do
  "$inflint" -j $j -q -f json "$tmp/ahead" 2>&1 | diagnostics > "$tmp/ahead-dir.txt"
  if [ "$(wc -c < "$tmp/ahead-each.txt")" -gt 8000000 ] && cmp -s "$tmp/ahead-each.txt" "$tmp/ahead-dir.txt"; then
    passed=$((passed + 1)); else failed=$((failed + 1))
    echo "FAIL: -j $j: the diagnostics of a directory ($(wc -c < "$tmp/ahead-dir.txt") bytes) are not its files' own"; fi
done
expect "github format" 1 "$inflint" -f github "$bad"
contains "annotation" out "::error file=samples/rules/iso106-bad.inf,line="
# XML reports: a tab and XML's own characters in a message become references; a control
# character is shown as an escape first.
printf '[Version]\r\nSignature="$Windows NT$"\r\n[Manufacturer]\r\nM=Models,NTamd64.10.0...17763\r\n[Models.NTamd64.10.0...17763]\r\nD=I,HW\r\n[I.NT]\r\nAddReg=R\r\n[R]\r\nHKLM,"So\tft&<x>\x1bw\x27",V,,1\r\n' > "$tmp/xml.inf"
expect "checkstyle findings" 1 "$inflint" -f checkstyle "$tmp/xml.inf"
contains "checkstyle escapes" out 'HKLM\So&#9;ft&amp;&lt;x&gt;\x1bw&apos;'
expect "junit findings" 1 "$inflint" -f junit "$tmp/xml.inf"
contains "junit escapes" out 'HKLM\So&#9;ft&amp;&lt;x&gt;\x1bw&apos;'
# An excerpt shows a tab as one space, also when stdout's 64 KiB buffer is written out in the
# middle of it: the text printed equals the text written with -o, and holds no tab.
{
  printf '[Version]\r\nSignature="$WINDOWS NT$"\r\nClass=System\r\nProvider=p\r\n'
  printf '[DefaultInstall.NT]\r\nAddReg=R\r\n[R]\r\n'
  for i in $(seq 1 2000); do printf 'HKLM,\tSoftware\\Vendor%d,\tValue,\t0,\t"x"\r\n' "$i"; done
} > "$tmp/tabs.inf"
"$inflint" -f text "$tmp/tabs.inf" > "$tmp/tabs-stdout.txt" 2>&1
"$inflint" -f text -o "$tmp/tabs-file.txt" "$tmp/tabs.inf" > /dev/null 2>&1
if cmp -s "$tmp/tabs-stdout.txt" "$tmp/tabs-file.txt" && [ "$(wc -c < "$tmp/tabs-stdout.txt")" -gt 200000 ] &&
  ! grep -q "$(printf '\t')" "$tmp/tabs-stdout.txt"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: excerpts with tabs differ on stdout, or show a tab"; fi

# Output injection (Reliability II, 7): a file name with a newline and a workflow command,
# and INF text with terminal escapes, reach no output raw. Every human format shows control
# characters escaped (\n, \x1b) or, in excerpts, as U+FFFD; the github format keeps escaping.
injected="$tmp/x.inf
::error file=pwned.inf::injected"
cp "$bad" "$injected"
printf '[Version]\nSignature="$Windows NT$"\nPnpLockdown=1\n[DefaultInstall.NTamd64]\nAddReg=R\n[R]\nHKLM,"Soft\033[2J\033]0;owned\007ware",v,,1\n' > "$tmp/escapes.inf"
# Windows allows no newline in a file name: there the run reports the name as unreadable (2),
# and nothing of it may reach the output raw either.
injected_status=1
[ "${INFLINT_TEST_TARGET:-}" = windows ] && injected_status=2
for format in text gcc msvc github; do
  expect "injected name ($format)" "$injected_status" "$inflint" --color never -f "$format" "$injected" "$tmp/escapes.inf"
  if grep -q '^::error file=pwned' "$tmp/out" "$tmp/err"; then
    failed=$((failed + 1)); echo "FAIL: $format: a file name started a workflow command line"
  else passed=$((passed + 1)); fi
  if LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" "$tmp/err"; then
    failed=$((failed + 1)); echo "FAIL: $format: a raw escape character reached the output"
  else passed=$((passed + 1)); fi
done
expect "injected name (missing)" 2 "$inflint" "$injected.missing"
contains "message escapes the newline" err 'x.inf\n::error file=pwned.inf::injected.missing: No such file'
expect "escapes in text" 1 "$inflint" --color never "$tmp/escapes.inf"
contains "escape shown in the message" out 'HKLM\Soft\x1b[2J\x1b]0;owned\x07ware'
contains "escape shown as U+FFFD in the excerpt" out "$(printf 'HKLM,"Soft\357\277\275[2J')"

# The InfVerif cross-reference (rules.md): codes in --list-rules, JSON and SARIF findings,
# --explain with a bare code, --min-build in /wbuild form.
expect "list with codes" 0 "$inflint" --list-rules
contains "list shows InfVerif codes" out "1320, 1321"
expect "explain an InfVerif code" 0 "$inflint" --explain 1322
contains "explain names the rule" out "InfVerif 1322 is covered by ISO101."
expect "explain an uncovered code" 0 "$inflint" --explain 9999
contains "uncovered code said plainly" out "inflint has no rule for InfVerif 9999"
expect "explain a code no rule covers" 0 "$inflint" --explain 1017
contains "its level and the reason" out "InfVerif 1017: a service name reserved for Windows or for the samples (/k: error, /u: error, /w: error)."
contains "the reason" out "inflint has no rule for InfVerif 1017: the names Windows reserves are not published"
expect "list InfVerif codes" 0 "$inflint" --list-infverif
contains "a covered code" out "1322     none    none    error   ISO101"
expect "list InfVerif codes as markdown" 0 "$inflint" --list-infverif --format markdown
contains "markdown row" out "| 1204 | error | error | error | the Provider is Microsoft | [INF022](rules/README.md#INF022) |"
expect "list InfVerif codes in json is refused" 2 "$inflint" --list-infverif --format nonsense
expect "json carries codes" 1 "$inflint" -f json samples/rules/iso101-bad.inf
contains "json infverif" out '"rule": "ISO101", "name": "dest-not-driver-store", "severity": "error", "infverif": [1322]'
expect "sarif carries codes" 1 "$inflint" -f sarif samples/rules/iso101-bad.inf
contains "sarif infverif" out '"properties": {"infverif": [1322]}'
"$inflint" -f json --min-build 17763 samples/rules/iso115-bad.inf > "$tmp/build-number.json"
expect "min-build as /wbuild" 1 "$inflint" -f json --min-build 10.0.17763 samples/rules/iso115-bad.inf
cmp -s "$tmp/out" "$tmp/build-number.json" && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: --min-build 10.0.17763 differs from 17763"; }
expect "min-build without a build" 2 "$inflint" --min-build 10.0 samples/isolated.inf

# A full device (Reliability II, 10): every kind of output reports the write error, exit 2.
if [ -w /dev/full ]; then
  for args in "--help" "--version" "--list-rules" "--explain ISO101" "-f json samples" \
              "--dump-model samples/isolated.inf" "samples/isolated.inf"; do
    "$inflint" $args >/dev/full 2>"$tmp/err"; rc=$?
    if [ "$rc" = 2 ] && grep -q "error writing output" "$tmp/err"; then passed=$((passed + 1));
    else failed=$((failed + 1)); echo "FAIL: $args to /dev/full: exit $rc"; fi
  done
fi

finish
