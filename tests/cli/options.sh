#!/usr/bin/env bash
# The options people expect from a linter (issue 19): --output-file (through
# the write module), --force-exclude, --statistics, "did you mean", the
# --list-rules formats, a run that finds no INF, a run with an I/O error.
# usage: options.sh INFLINT
set -u
inflint=$1
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
same() { # NAME FILE_A FILE_B
  if cmp -s "$2" "$3"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: $2 and $3 differ"; fi
}

bad=samples/rules/iso101-bad.inf

# --output-file: the report stdout would get, written whole into the file, stdout empty.
"$inflint" -f sarif "$bad" > "$tmp/stdout.sarif"
expect "output file" 1 "$inflint" -f sarif --output-file "$tmp/report.sarif" "$bad"
same "output file holds the report" "$tmp/report.sarif" "$tmp/stdout.sarif"
[ -s "$tmp/out" ] && { failed=$((failed + 1)); echo "FAIL: stdout not empty with --output-file"; } ||
  passed=$((passed + 1))
printf 'old report\n' > "$tmp/existing.txt"
chmod 640 "$tmp/existing.txt"
expect "output file replaces" 1 "$inflint" -o "$tmp/existing.txt" "$bad"
lacks "old content gone" existing.txt "old report"
contains "new content there" existing.txt "ISO101"
if [ "${INFLINT_TEST_TARGET:-}" != windows ]; then # POSIX modes
  [ "$(stat -c %a "$tmp/existing.txt")" = 640 ] && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: output file lost its mode"; }
fi
expect "output file in a missing directory" 2 "$inflint" -o "$tmp/none/report.txt" "$bad"
contains "names the file" err "$tmp/none/report.txt"
expect "output file that is a directory" 2 "$inflint" -o "$tmp" "$bad"
null_device=/dev/null
[ "${INFLINT_TEST_TARGET:-}" = windows ] && null_device=NUL
expect "output to a device" 1 "$inflint" -o "$null_device" "$bad"
# A UTF-16 INF's report is UTF-8 in the file (not what PowerShell's > would make of it).
expect "output file of a UTF-16 INF" 0 "$inflint" -f json -o "$tmp/utf16.json" samples/isolated-utf16.inf
if iconv -f UTF-8 -t UTF-8 "$tmp/utf16.json" >/dev/null 2>&1 && ! grep -qP '\x00' "$tmp/utf16.json"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: output file is not UTF-8"; fi

# --force-exclude: configuration excludes apply to files named on the command line.
mkdir -p "$tmp/repo/vendor"
cp "$bad" "$tmp/repo/vendor/third.inf"
cp "$bad" "$tmp/repo/own.inf"
printf '[inflint]\nexclude = vendor/**\n' > "$tmp/repo/.inflint.ini"
expect "named file linted without --force-exclude" 1 "$inflint" "$tmp/repo/vendor/third.inf"
expect "named file excluded with --force-exclude" 0 "$inflint" --force-exclude "$tmp/repo/vendor/third.inf"
contains "nothing checked" out "no INF files checked"
expect "others still linted" 1 "$inflint" --force-exclude "$tmp/repo/vendor/third.inf" "$tmp/repo/own.inf"
contains "own file reported" out "own.inf"
lacks "vendor file not reported" out "third.inf"
expect "walk excludes as before" 1 "$inflint" "$tmp/repo"
lacks "walk leaves vendor out" out "third.inf"

# --statistics: counts per rule and severity, most first; the exit status is unchanged.
expect "statistics" 1 "$inflint" --statistics samples/rules/iso101-bad.inf samples/rules/iso108-bad.inf
contains "a count line" out "ISO101  dest-not-driver-store"
lacks "no findings listed" out "samples/rules/iso101-bad.inf:"
expect "statistics json" 1 "$inflint" --statistics -f json "$bad"
contains "json count" out '{"rule": "ISO101", "name": "dest-not-driver-store", "severity": "error", "count": 1}'
expect "statistics of a clean file" 0 "$inflint" --statistics samples/isolated.inf

# "did you mean": options, rule codes and names.
expect "typo'd option" 2 "$inflint" --fromat json "$bad"
contains "option suggestion" err "unknown option '--fromat' (did you mean --format?)"
expect "typo'd option with value" 2 "$inflint" --statistic "$bad"
contains "option suggestion without the s" err "did you mean --statistics?"
expect "far-off option" 2 "$inflint" --zzzzzz "$bad"
contains "no wild guess" err "unknown option '--zzzzzz' (see inflint --help)"
expect "typo'd rule code" 2 "$inflint" --select ISO1O1 "$bad"
contains "rule suggestion" err "unknown rule 'ISO1O1' (did you mean ISO101?)"
expect "typo'd rule name in --severity" 2 "$inflint" --severity copyfile-rename=off "$bad"
contains "name suggestion" err "did you mean copyfiles-rename?"

# --list-rules in text, json and markdown.
expect "list rules json" 0 "$inflint" --list-rules --format json
contains "json rule" out '{"code": "ISO101", "name": "dest-not-driver-store", "severity": "error", "default": "error", "infverif": [1322]'
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r) > 40' "$tmp/out" &&
    passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: --list-rules json does not parse"; }
fi
expect "list rules text" 0 "$inflint" --list-rules --format text
contains "text header" out "CODE    NAME"
expect "list rules sarif refused" 2 "$inflint" --list-rules --format sarif
contains "formats named" err "--list-rules takes --format text, json or markdown"

# No INF found: said on stderr, exit 0, and the summary does not claim a clean check.
mkdir -p "$tmp/empty"
expect "empty directory" 0 "$inflint" "$tmp/empty"
contains "said on stderr" err "$tmp/empty: no INF or INX files found"
lacks "no clean claim" out "no problems found"
expect "quiet empty directory" 0 "$inflint" -q "$tmp/empty"
lacks "quiet says nothing" err "no INF"

# An I/O error: exit 2, and the summary never says "no problems found".
expect "unreadable path" 2 "$inflint" samples/isolated.inf "$tmp/missing.inf"
contains "error named" err "$tmp/missing.inf: No such file or directory"
lacks "no clean claim after an error" out "no problems found"
contains "what was read" out "no findings in the 1 file read"

finish
