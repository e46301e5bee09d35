# lib.sh - what the command-line test scripts share; sourced after `set -u`
# and `inflint=$1`. Gives $tmp (a directory removed on exit), the counters
# $passed and $failed, and the checks below; each script ends with finish.
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect() { # NAME EXPECTED_STATUS COMMAND...: runs COMMAND, output in $tmp/out and $tmp/err
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" = "$want" ]; then ok; else
    fail "$name: exit $rc, expected $want"; show_streams; fi
}
# The first lines of both streams of the command that failed: which of them holds something
# tells a wrong verdict of inflint from a program that never ran (under Wine, say).
show_streams() {
  echo "  stderr ($(wc -c <"$tmp/err") bytes):"; head -5 "$tmp/err"
  echo "  stdout ($(wc -c <"$tmp/out") bytes):"; head -5 "$tmp/out"
}
contains() { # NAME FILE TEXT: FILE ($tmp/FILE) holds TEXT
  if grep -qF -- "$3" "$tmp/$2"; then ok; else fail "$1: '$3' not in $2"; head -5 "$tmp/$2"; fi
}
lacks() { # NAME FILE TEXT: FILE does not hold TEXT
  if grep -qF -- "$3" "$tmp/$2"; then fail "$1: '$3' in $2"; else ok; fi
}
# For scripts whose checks write paths with '/': the Windows build names files with the
# separator typed or found ('\'), so there contains and lacks compare the output with every
# '\' as '/' (JSON's escaped one too).
forward_slashes() { sed 's#\\\\#/#g; s#\\#/#g'; } # (reads standard input)
slash_insensitive_paths() {
  [ "${INFLINT_TEST_TARGET:-}" = windows ] || return 0
  slashes() { forward_slashes <"$tmp/$1" >"$tmp/$1.slashes"; }
  contains() { slashes "$2"; if grep -qF -- "$3" "$tmp/$2.slashes"; then ok; else fail "$1: '$3' not in $2"; head -5 "$tmp/$2"; fi; }
  lacks() { slashes "$2"; if grep -qF -- "$3" "$tmp/$2.slashes"; then fail "$1: '$3' in $2"; else ok; fi; }
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
