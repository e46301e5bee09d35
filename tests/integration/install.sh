#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the binary runs, the man page
# renders, the rules reference is there.
# usage: install.sh BUILD_DIR
set -u
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1 || { bad "cmake --install"; cat "$tmp/log"; }
"$tmp/prefix/bin/inflint" --version | grep -q '^inflint ' && ok || bad "installed binary --version"
"$tmp/prefix/bin/inflint" --list-rules | grep -q 'ISO101' && ok || bad "installed binary --list-rules"
page=$(find "$tmp/prefix" -name inflint.1 | head -1)
[ -n "$page" ] && ok || bad "man page not installed"
if command -v man >/dev/null 2>&1 && [ -n "$page" ]; then
  MANWIDTH=80 man -l "$page" 2>"$tmp/man.err" > "$tmp/man.txt"
  grep -q 'EXIT STATUS' "$tmp/man.txt" && grep -q -- '--write-baseline' "$tmp/man.txt" && ok ||
    { bad "man -l does not render the page"; head -5 "$tmp/man.err"; }
else
  echo "note: man is not installed; the page was checked for presence only"
fi
[ -f "$(find "$tmp/prefix" -name rules.md | head -1)" ] && ok || bad "rules reference not installed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
