#!/usr/bin/env bash
# Regenerates what is generated from the code: rules/README.md (from the rule
# registry), the OPTIONS section of docs/inflint.1 (from the option table in
# src/cli.c) and the README's InfVerif conformance table (from the InfVerif
# data table and the registry, scripts/infverif-table.sh). The docs.* tests
# fail until this has been run after a change.
#
#   scripts/update-docs.sh [BUILD_DIR]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target inflint man_options >/dev/null
"$build/inflint" --list-rules --format markdown >rules/README.md
"$build/tests/man_options" >docs/inflint.1.options
awk '
  /^\.SH OPTIONS$/ { print; while ((getline line < "docs/inflint.1.options") > 0) print line; skipping = 1; next }
  /^\.SH / { skipping = 0 }
  !skipping' docs/inflint.1 >docs/inflint.1.new
rm docs/inflint.1.options
mv docs/inflint.1.new docs/inflint.1
scripts/infverif-table.sh "$build/inflint" >README.infverif
awk '
  /^<!-- infverif-table:begin/ { print; while ((getline line < "README.infverif") > 0) print line; skipping = 1; next }
  /^<!-- infverif-table:end -->$/ { skipping = 0 }
  !skipping' README.md >README.md.new
rm README.infverif
mv README.md.new README.md
echo "updated rules/README.md, docs/inflint.1 and the README's InfVerif table"
