#!/usr/bin/env bash
# Adopting inflint on an existing tree: config discovery and precedence,
# config errors with their line, inline suppressions, baselines that survive
# inserted lines, stale entries, and a baseline used from another directory.
# usage: adoption.sh INFLINT
set -u
inflint=$1
src="$(cd "$(dirname "$0")/../.." && pwd)/samples"
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo="$tmp/repo"
mkdir -p "$repo/drv/sub" "$repo/vendor"
cp "$src/rules/iso106-bad.inf" "$repo/drv/reg.inf"
cp "$src/rules/iso101-bad.inf" "$repo/drv/sub/dest.inf"
cp "$src/rules/iso106-bad.inf" "$repo/vendor/third.inf"

check() { # NAME EXPECTED_STATUS COMMAND...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" = "$want" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name: exit $rc, expected $want"; head -5 "$tmp/out" "$tmp/err"; fi
}
has() { # NAME FILE TEXT (paths in TEXT with '/': on Windows the output's '\' also match them)
  if grep -qF -- "$3" "$tmp/$2" ||
     { [ "${INFLINT_TEST_TARGET:-}" = windows ] && tr '\\' / < "$tmp/$2" | grep -qF -- "$3"; }; then
    passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: '$3' not in $2"; head -5 "$tmp/$2"; fi
}
lacks() {
  if grep -qF -- "$3" "$tmp/$2"; then failed=$((failed + 1)); echo "FAIL: $1: '$3' in $2"; else
    passed=$((passed + 1)); fi
}
count() { grep -c "$2" "$tmp/$1" || true; }

cd "$repo"
check "no config: everything" 1 "$inflint" -f gcc .
has "vendor linted without config" out "vendor/third.inf"

# Discovery: the nearest .inflint.ini above each file; excludes; rule severities.
printf '[inflint]\nexclude = vendor/**\n\n[rules]\nISO106 = warning\n' > .inflint.ini
check "root config" 1 "$inflint" -f gcc .
lacks "excluded tree" out "vendor/third.inf"
has "severity from config" out "reg.inf:39:1: warning:"
printf '[rules]\ndest-not-driver-store = off\nISO108 = off\n' > drv/sub/.inflint.ini
check "nearest config wins for its files" 0 "$inflint" -f gcc .
lacks "rule off in sub" out "dest.inf"
check "CLI overrides config" 1 "$inflint" -f gcc --severity ISO106=error drv/reg.inf
has "CLI severity" out "reg.inf:39:1: error:"
check "--no-config" 1 "$inflint" -f gcc --no-config drv/sub/dest.inf
has "--no-config lints with defaults" out "[ISO101]"
printf '[inflint]\nfail-on = never\n' > "$tmp/other.ini"
check "--config FILE" 0 "$inflint" -f gcc --config "$tmp/other.ini" drv/reg.inf
check "--config and --no-config" 2 "$inflint" --config "$tmp/other.ini" --no-config drv/reg.inf
rm drv/sub/.inflint.ini

# Configuration errors: file and line, exit status 2.
cfg() { printf "$1" > "$tmp/bad.ini"; check "config: $2" 2 "$inflint" --config "$tmp/bad.ini" drv/reg.inf; has "config line: $2" err "bad.ini:$3: "; }
cfg '[inflint]\nprofile = strict\n' "bad profile" 2
cfg '[inflint]\n\nmin-build = soon\n' "bad min-build" 3
cfg '[inflint]\nfail-on = sometimes\n' "bad fail-on" 2
cfg '[inflint]\ncolour = red\n' "unknown key" 2
cfg '[rules]\nISO106 = fatal\n' "bad severity" 2
cfg '[rules]\nno-such-rule = off\n' "unknown rule" 2
cfg '[inflint]\n[extra]\n' "unknown empty section" 2
cfg "[inflint]\nexclude = $(printf '%0230d' 0)\n" "over-long line" 2
cfg '[inflint]\nno equals sign here\n' "syntax error" 2
cfg 'key = before any section\n' "key outside sections" 1

# Inline suppressions: on the line, alone on the line above, file-wide; unknown and unused.
cp "$src/rules/iso106-bad.inf" "$tmp/s.inf"
sed -i 's|^HKLM,SOFTWARE\\Contoso\\Sensor,SampleRate,0x00010001,100\r$|HKLM,SOFTWARE\\Contoso\\Sensor,SampleRate,0x00010001,100 ; inflint: disable=ISO106 -- legacy reader\r|' "$tmp/s.inf"
check "suppressed on the line" 0 "$inflint" -f gcc --no-config "$tmp/s.inf"
check "unused suppression reported on request" 0 "$inflint" -f gcc --no-config --report-unused-suppressions "$tmp/s.inf"
lacks "used suppression is not unused" out "INF018"
cp "$src/rules/iso106-bad.inf" "$tmp/a.inf"
sed -i 's|^HKLM,SOFTWARE|; inflint: disable=registry-root-not-hkr,ISO999\r\nHKLM,SOFTWARE|' "$tmp/a.inf"
check "suppressed from the line above" 0 "$inflint" -f gcc --no-config "$tmp/a.inf"
has "unknown rule in a suppression" out "[INF017]"
printf '; inflint: disable-file=ISO106\r\n; inflint: disable=ISO101\r\n' | cat - "$src/rules/iso106-bad.inf" > "$tmp/f.inf"
check "file-wide suppression" 0 "$inflint" -f gcc --no-config --report-unused-suppressions "$tmp/f.inf"
has "unused suppression" out "f.inf:2:1: note: this suppression of ISO101 hides nothing [INF018]"

# Baselines: written, then hiding exactly those findings, even after inserted lines.
rm .inflint.ini
check "write baseline" 0 "$inflint" --write-baseline base.json .
cp base.json "$tmp/base.json"
has "baseline format" base.json '"tool": "inflint"'
has "baseline paths relative to the baseline file" base.json '{"path": "drv/reg.inf", "rule": "ISO106", "fingerprint": "'
lacks "excluded nothing now" base.json '"line"' 
check "baseline hides recorded findings" 0 "$inflint" -f gcc --baseline base.json .
{ printf '; inserted\r\n; lines\r\n'; cat drv/reg.inf; printf '\r\n; appended\r\n'; } > "$tmp/x" && mv "$tmp/x" drv/reg.inf
check "baseline survives inserted lines" 0 "$inflint" -f gcc --baseline base.json .
sed -i 's|^HKR,,SampleRate|HKLM,SOFTWARE\\New,SampleRate|' drv/reg.inf 2>/dev/null
printf '[Sensor_Extra]\r\nHKLM,SOFTWARE\\Brand\\New,Value\r\n' >> drv/reg.inf
sed -i 's|^AddReg    = Sensor_Software\r$|AddReg    = Sensor_Software, Sensor_Extra\r|' drv/reg.inf
check "a new finding fails" 1 "$inflint" -f gcc --baseline base.json .
[ "$(count out '\[ISO106\]')" = 1 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: only the new finding shows"; cat "$tmp/out"; }
cp "$src/rules/iso101-fixed.inf" drv/sub/dest.inf
check "stale entries are notes, not failures" 1 "$inflint" -f gcc --baseline base.json .
has "stale entry at line 1" out "drv/sub/dest.inf:1:1: note: the baseline entry for ISO101"
cd "$tmp"
check "baseline from another working directory" 1 "$inflint" -f gcc --baseline repo/base.json repo
has "same result elsewhere" out "repo/drv/sub/dest.inf:1:1: note:"
printf '{"tool": "inflint", "findings": [\n {"path": 1}]}' > "$tmp/broken.json"
check "broken baseline" 2 "$inflint" --baseline "$tmp/broken.json" repo
has "broken baseline message" err "broken.json: finding 1 lacks"
printf '{"tool": "inflint",\n "findings": [' > "$tmp/cut.json"
check "truncated baseline" 2 "$inflint" --baseline "$tmp/cut.json" repo
has "truncated baseline line" err "cut.json:2:"

# Reading baselines (Reliability II, 9): a repeated key counts its last value (as Python and
# jq read it), \u0000 is refused rather than cutting a string, a UTF-8 BOM is accepted.
cd "$tmp/repo"
"$inflint" -f json . > "$tmp/now.json"
first=$(grep '"fingerprint"' "$tmp/now.json" | head -1)
fp=$(echo "$first" | grep -o '"fingerprint": "[0-9a-f]*"' | cut -d'"' -f4)
rule=$(echo "$first" | grep -o '"rule": "[A-Z0-9]*"' | cut -d'"' -f4)
file=$(echo "$first" | grep -o '"path": "[^"]*"' | cut -d'"' -f4 | sed 's|^\./||')
printf '{"tool": "inflint", "findings": [{"path": "%s", "rule": "%s", "fingerprint": "0000000000000000", "fingerprint": "%s"}]}' \
  "$file" "$rule" "$fp" > "$tmp/repo/dup.json"
line=$(echo "$first" | grep -o '"line": [0-9]*' | grep -o '[0-9]*$')
"$inflint" -f gcc --baseline "$tmp/repo/dup.json" . > "$tmp/out" 2>&1
if grep -q "^./$file:$line:.*\[$rule\]" "$tmp/out"; then
  failed=$((failed + 1)); echo "FAIL: a repeated key does not count its last value"
  echo "$first" | cut -c1-150; grep "^./$file:$line:" "$tmp/out"
else passed=$((passed + 1)); fi
printf '{"tool": "inflint", "findings": [{"path": "a\\u0000b", "rule": "ISO101", "fingerprint": "x"}]}' > "$tmp/zero.json"
check "\\u0000 refused" 2 "$inflint" --baseline "$tmp/zero.json" .
has "\\u0000 message" err "u0000 in a string"
printf '\357\273\277{"tool": "inflint", "findings": []}' > "$tmp/bom.json"
check "UTF-8 BOM accepted" 1 "$inflint" --baseline "$tmp/bom.json" .
cd "$tmp"

# A configuration another user controls does not steer the run (Reliability II, 6): in a
# directory every user can write to, a planted .inflint.ini that says "fail-on = never" is
# ignored with a warning naming it, and the findings fail the run as they should. (POSIX
# owners and modes: not a question the Windows build asks.)
if [ "${INFLINT_TEST_TARGET:-}" != windows ]; then
shared="$tmp/shared-dir"
mkdir -p "$shared/drv"
chmod 1777 "$shared"
cp "$src/rules/iso106-bad.inf" "$shared/drv/x.inf"
printf '[inflint]\nfail-on = never\n' > "$shared/.inflint.ini"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$shared/.inflint.ini"
check "planted configuration ignored" 1 "$inflint" -f gcc "$shared/drv"
has "planted configuration named" err "warning: ignoring $shared/.inflint.ini"
check "trusted on request" 0 env INFLINT_TRUST_CONFIG=1 "$inflint" -f gcc "$shared/drv"
chmod 755 "$shared"
[ "$(id -u)" = 0 ] && chown 0:0 "$shared/.inflint.ini"
check "the same file trusted in a private directory" 0 "$inflint" -f gcc "$shared/drv"
check "a named configuration is always used" 0 "$inflint" -f gcc --config "$shared/.inflint.ini" "$shared/drv"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
