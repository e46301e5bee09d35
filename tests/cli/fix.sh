#!/usr/bin/env bash
# --fix, --diff and --unsafe-fixes on the command line: exit statuses, what is written and
# what is not, standard input, file modes, and the text and JSON views of fixes.
# usage: fix.sh INFLINT
set -u
inflint=$1
source "$(dirname "$0")/lib.sh"
samples=$(cd "$(dirname "$0")/../../samples" && pwd)
cd "$tmp"
cp "$samples/rules/iso114-bad.inf" lockdown.inf
cp "$samples/rules/iso107-bad.inf" service.inf
cp "$samples/isolated.inf" clean.inf

expect diff-clean 0 "$inflint" --diff clean.inf
[ -s out ] && fail "diff-clean: output '$(head -c 80 out)'" || ok
expect diff-fixable 1 "$inflint" --diff lockdown.inf
contains diff-header out '--- lockdown.inf'
contains diff-line out '+PnpLockdown = 1'
cmp -s lockdown.inf "$samples/rules/iso114-bad.inf" && ok || fail "--diff wrote the file"
expect diff-missing 2 "$inflint" --diff no-such.inf
expect diff-unsafe-hidden 0 "$inflint" --diff service.inf
expect diff-unsafe 1 "$inflint" --diff --unsafe-fixes service.inf
contains diff-unsafe-line out '+HKR,Parameters,LogLevel,0x00010001,1'

# The text view marks safe fixes and counts the unsafe ones.
expect text 1 "$inflint" lockdown.inf service.inf
contains text-mark out 'error[ISO114 pnplockdown-missing] [*]:'
lacks text-unsafe-unmarked out 'error[ISO107 service-state-outside-parameters] [*]'
contains text-summary out '[*] 1 fixable with --fix (2 more with --unsafe-fixes)'
expect json 1 "$inflint" -f json service.inf
contains json-fix out '"fix": {"applicability": "unsafe", "description": "write the value under the service'"'"'s Parameters key (unsafe: '
contains json-edit out '"edits": [{"byte_start": '

# --fix writes, keeps the mode, reports what remains, and a second run changes nothing.
chmod 640 lockdown.inf
expect fix 0 "$inflint" --fix lockdown.inf
contains fix-says err 'fixed 1 finding in 1 file'
grep -q 'PnpLockdown = 1' lockdown.inf && ok || fail "--fix did not write the fix"
if [ "${INFLINT_TEST_TARGET:-}" != windows ]; then
  [ "$(stat -c %a lockdown.inf)" = 640 ] && ok || fail "--fix changed the mode to $(stat -c %a lockdown.inf)"
fi
cp lockdown.inf once.inf
expect fix-again 0 "$inflint" --fix lockdown.inf
cmp -s lockdown.inf once.inf && ok || fail "a second --fix changed the file"
expect fix-remaining 1 "$inflint" --fix -f gcc service.inf
contains fix-remaining-finding out 'service.inf:59:1: error:'
contains fix-remaining-says err '2 unsafe fixes not applied (--unsafe-fixes applies them)'
expect fix-unsafe 0 "$inflint" --fix --unsafe-fixes service.inf
lacks fix-unsafe-gone out 'ISO107'

# A file that mixes LF and CRLF keeps its mix: the new line takes the ending of its place.
awk 'NR <= 11 { sub(/\r$/, "") } { print }' ORS='\n' "$samples/rules/iso114-bad.inf" > mixed.inf
awk 'NR == 11 { printf "PnpLockdown = 1\n" } { print }' ORS='\n' mixed.inf > mixed.want
expect fix-mixed 0 "$inflint" --fix mixed.inf
cmp -s mixed.inf mixed.want && ok || { fail "fix-mixed: the line endings changed"; cmp mixed.inf mixed.want; }

# Standard input: --diff shows the diff under the given name, --fix cannot write it back.
expect diff-stdin 1 "$inflint" --diff --stdin-filename drv.inf - < "$samples/rules/iso114-bad.inf"
contains diff-stdin-name out '--- drv.inf'
expect fix-stdin 2 "$inflint" --fix --stdin-filename drv.inf - < "$samples/rules/iso114-bad.inf"
contains fix-stdin-says err '--fix does not rewrite standard input (use --diff)'
# Edits land on the right bytes behind many characters that are not one byte each: 8-bit
# text with high bytes (read as ANSI) and UTF-16LE with characters outside the BMP, over
# several hundred lines. The file fixed must be the fixed sample with the same lines inserted.
with_high_lines() { # < 8-bit CRLF text > the same with comment lines of high bytes after line 2
  awk 'NR == 3 { for (i = 0; i < 300; i++) printf "; Ger\344t f\374r %d \303\244\303\266 \342\202\254 \360\235\204\236 \302\240x\r\n", i } { print }' ORS='\n'
}
cp "$samples/rules/iso109-bad.inf" plain.inf
"$inflint" --fix -q plain.inf >/dev/null 2>&1
with_high_lines < "$samples/rules/iso109-bad.inf" > high.inf
with_high_lines < plain.inf > high.want
expect fix-high-bytes 0 "$inflint" --fix high.inf
cmp -s high.inf high.want && ok || { fail "fix-high-bytes: the edit missed its bytes"; cmp high.inf high.want; }
{ printf '\xff\xfe'; with_high_lines < "$samples/rules/iso109-bad.inf" | LC_ALL=C sed 's/\xe4/a/g; s/\xfc/u/g' | iconv -f UTF-8 -t UTF-16LE; } > wide.inf
{ printf '\xff\xfe'; with_high_lines < plain.inf | LC_ALL=C sed 's/\xe4/a/g; s/\xfc/u/g' | iconv -f UTF-8 -t UTF-16LE; } > wide.want
expect fix-utf16-surrogates 0 "$inflint" --fix wide.inf
cmp -s wide.inf wide.want && ok || { fail "fix-utf16-surrogates: the edit missed its bytes"; cmp wide.inf wide.want; }

# A move of many edits (here 201: the DIRID and 200 values naming a.sys through %12%) is carried
# by one finding, not repeated in each value's: the report stays linear in the values, and
# --fix still makes the whole move.
{
  printf '[Version]\r\nSignature="$Windows NT$"\r\nClass=System\r\nClassGuid={4d36e97d-e325-11ce-bfc1-08002be10318}\r\n'
  printf 'Provider=x\r\nDriverVer=01/01/2020,1.0.0.0\r\nCatalogFile=x.cat\r\nPnpLockdown=1\r\n'
  printf '[DestinationDirs]\r\nF=12\r\n[SourceDisksNames]\r\n1=d\r\n[SourceDisksFiles]\r\na.sys=1\r\n'
  printf '[Manufacturer]\r\nM=Models,NTamd64.10.0...16299\r\n[Models.NTamd64.10.0...16299]\r\nD=Inst,HW\r\n'
  printf '[Inst.NT]\r\nCopyFiles=F\r\nAddReg=R\r\n[F]\r\na.sys\r\n[R]\r\n'
  for i in $(seq 1 200); do printf 'HKR,,V%d,,"%%12%%\\a.sys"\r\n' "$i"; done
} > many-refs.inf
expect move-shared 1 "$inflint" -f json many-refs.inf
[ "$(grep -c '"rule": "ISO109"' out)" = 200 ] && ok || fail "move-shared: $(grep -c '"rule": "ISO109"' out) ISO109 findings, want 200"
[ "$(grep -c '"fix": {' out)" = 1 ] && ok || fail "move-shared: $(grep -c '"fix": {' out) findings carry the move, want 1"
expect move-shared-fix 0 "$inflint" --fix -q many-refs.inf
[ "$(grep -c '%13%' many-refs.inf)" = 200 ] && grep -q '^F=13' many-refs.inf && ok ||
  fail "move-shared-fix: the move was not made whole"
finish
