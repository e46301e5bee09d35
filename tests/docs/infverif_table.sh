#!/usr/bin/env bash
# The README's InfVerif conformance table is generated (scripts/update-docs.sh)
# from the InfVerif data table and the rule registry: it must match them.
#
#   infverif_table.sh INFLINT README
set -u
here=$(cd "$(dirname "$0")" && pwd)
expected=$(bash "$here/../../scripts/infverif-table.sh" "$1") || { echo "FAIL: generator"; exit 1; }
actual=$(awk '/^<!-- infverif-table:end -->$/ { inside = 0 } inside { print }
              /^<!-- infverif-table:begin/ { inside = 1 }' "$2")
if [ "$expected" != "$actual" ]; then
  echo "FAIL: the README's InfVerif table is out of date (run scripts/update-docs.sh):"
  diff -u <(printf '%s\n' "$actual") <(printf '%s\n' "$expected") | head -20
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
