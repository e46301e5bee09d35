#!/usr/bin/env bash
# The OPTIONS section of the man page must be what the option table generates.
# usage: man_options.sh MAN_OPTIONS_PROGRAM docs/inflint.1
set -euo pipefail
generator=$1 page=$2
if diff -u <(awk '/^\.SH OPTIONS$/ {on = 1; next} /^\.SH / {on = 0} on' "$page") <("$generator"); then
  echo "1 passed, 0 failed"
else
  echo "docs/inflint.1 is out of date: run scripts/update-docs.sh" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
