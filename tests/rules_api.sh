#!/usr/bin/env bash
# The rule files keep to the rule API of src/check.h (docs/adding-a-rule.md):
# they include check.h and standard headers only, free nothing (the file's
# arena does), never walk the model's sections or private graph tables
# (the graph hands out facts), and never dedupe findings by hand.
# usage: rules_api.sh RULES_DIR
set -uo pipefail
dir=$1
passed=0 failed=0
check() { # DESCRIPTION PATTERN: no rule file may match PATTERN (extended regex)
  local found
  found=$(grep -nE "$2" "$dir"/*.c | grep -v '^[^:]*:[0-9]*: *\*\|^[^:]*:[0-9]*: */\*')
  if [ -z "$found" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED: $1:"; echo "$found"; fi
}
check "include only check.h (source rules: source_check.h) and standard headers" \
  '#include "([^cs]|c[^h]|s[^o])[^"]*"|#include "check[^.]|#include "source_check[^.]'
check "free nothing" '(^|[^_a-z])free\(|_free\('
check "do not walk the model's sections" '(model|m)->(sections|section_count|runs\[)'
check "use no private graph tables" 'graph_index|inf_name_index|inf_key_map|priv'
check "no hand-made dedup or field copies" 'rule_once|rule_field|inf_xstrndup|malloc|calloc'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
