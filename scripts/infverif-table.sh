#!/usr/bin/env bash
# Prints the README's InfVerif conformance section: every code that a Windows
# Driver build (InfVerif /w) reports as an error, with the inflint rule that
# covers it or why none does. Made from `inflint --list-infverif --format
# markdown` (the data table src/infverif_codes.c and the rule registry).
#
#   scripts/infverif-table.sh INFLINT
set -euo pipefail
table=$("$1" --list-infverif --format markdown)
rows=$(printf '%s\n' "$table" | awk -F' [|] ' 'NR > 2 && $4 == "error"')
errors=$(printf '%s\n' "$rows" | grep -c .)
covered=$(printf '%s\n' "$rows" | grep -vc ' not covered: ')
echo "Of the $errors codes that InfVerif reports as errors for a Windows Driver"
echo "(\`/w\`, what the WDK build of an isolated driver runs), inflint covers"
echo "$covered; the table says which rule does, or why none does."
echo "\`inflint --list-infverif\` lists every code with its level under \`/k\`, \`/u\`"
echo "and \`/w\`, and \`inflint --explain 1203\` explains one."
echo
# (sed, not head: head may stop reading before printf is done, and pipefail would count
# printf's SIGPIPE as a failure of the script)
printf '%s\n' "$table" | sed -n '1,2p'
printf '%s\n' "$rows"
