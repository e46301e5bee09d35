#!/usr/bin/env bash
# Golden tests of the fixes: for each rule with a fix, `--diff --unsafe-fixes` on its bad
# sample must print tests/golden/fixes/<rule>.diff, whatever the file's encoding (8-bit,
# UTF-8 with BOM, UTF-16LE with and without BOM), line endings (CRLF, LF) or a trailing
# Ctrl-Z; `--fix --unsafe-fixes` must leave exactly the bytes of the fixed 8-bit CRLF file
# converted the same way (every byte outside the edits kept); and a second --fix must change
# nothing. usage: fixes.sh check|update INFLINT
set -u
mode=$1 inflint=$2
here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../../samples/rules" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
ok() { passed=$((passed + 1)); }

# VARIANT < 8-bit CRLF text > the same text in that variant's bytes
convert() {
  case "$1" in
    crlf) cat ;;
    lf) tr -d '\r' ;;
    utf8-bom) printf '\xef\xbb\xbf'; cat ;;
    utf16le-bom) printf '\xff\xfe'; iconv -f WINDOWS-1252 -t UTF-16LE ;;
    utf16le) iconv -f WINDOWS-1252 -t UTF-16LE ;;
    ctrlz) cat; printf '\x1a trailing bytes Windows never reads\r\n' ;;
  esac
}

# The bad sample of each rule, or an input of our own where the sample has no fix to show.
input_of() { if [ -f "$here/fixes/$1-input.inf" ]; then echo "$here/fixes/$1-input.inf"; else echo "$samples/$1-bad.inf"; fi; }

for rule in inf005 inf010 iso101 iso107 iso108 iso109 iso110 iso114; do
  expected="$here/fixes/$rule.diff"
  input=$(input_of "$rule")
  mkdir -p "$tmp/$rule" && cd "$tmp/$rule" || exit 2
  cp "$input" "$rule.inf"
  "$inflint" --diff --unsafe-fixes "$rule.inf" > crlf.diff; rc=$?
  [ "$rc" = 1 ] || fail "$rule: --diff exit $rc, expected 1 (something to fix)"
  if [ "$mode" = update ]; then cp crlf.diff "$expected"; ok; continue; fi
  cmp -s crlf.diff "$expected" || { fail "$rule: --diff differs from $expected"; diff "$expected" crlf.diff | head -20; }
  "$inflint" --fix --unsafe-fixes -q "$rule.inf" >/dev/null 2>fix.err; fixed=$?
  if cmp -s "$rule.inf" "$input"; then # (the variants below are compared with this result)
    fail "$rule: --fix changed nothing (exit $fixed)"; head -5 fix.err; continue
  fi
  cp "$rule.inf" fixed-crlf.inf
  for variant in crlf lf utf8-bom utf16le-bom utf16le ctrlz; do
    convert "$variant" < "$input" > "$rule.inf"
    "$inflint" --diff --unsafe-fixes "$rule.inf" > "$variant.diff"
    want=crlf.diff
    [ "$variant" = lf ] && { tr -d '\r' < crlf.diff > lf.want; want=lf.want; }
    if cmp -s "$variant.diff" "$want"; then ok; else fail "$rule/$variant: --diff differs"; diff "$want" "$variant.diff" | head -10; fi
    # (each run's exit status and stderr are kept for the message of a check that fails)
    "$inflint" --fix --unsafe-fixes -q "$rule.inf" >/dev/null 2>first.err; first=$?
    convert "$variant" < fixed-crlf.inf > fixed.want
    if cmp -s "$rule.inf" fixed.want; then ok; else
      fail "$rule/$variant: --fix bytes differ (--fix exit $first)"; cmp "$rule.inf" fixed.want | head -2; head -5 first.err
    fi
    cp "$rule.inf" once.inf
    "$inflint" --fix --unsafe-fixes -q "$rule.inf" >/dev/null 2>second.err; second=$?
    if cmp -s "$rule.inf" once.inf; then ok; else
      fail "$rule/$variant: a second --fix changed the file (its exit $second)"; head -5 second.err
    fi
    "$inflint" --diff --unsafe-fixes "$rule.inf" >again.diff 2>again.err; rc=$?
    if [ "$rc" = 0 ]; then ok; else
      fail "$rule/$variant: --diff after --fix exit $rc, expected 0 (stdout $(wc -c <again.diff) bytes, stderr $(wc -c <again.err))"
      head -5 again.err again.diff
    fi
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
