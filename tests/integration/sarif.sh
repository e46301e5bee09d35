#!/usr/bin/env bash
# SARIF output of every sample validates with Microsoft's SARIF Multitool
# (from the npm registry): no error and no warning but SARIF2005 (no
# informationUri) - and a build with a project URL has not even that. Every
# rule carries help.markdown; helpUri comes from the build's URL or from
# sarif-help-base in the configuration.
# Skips (77) only when npm is not available.
# usage: sarif.sh INFLINT INFLINT_WITH_URL CACHE_DIR
set -u
inflint=$1 inflint_url=$2 cache=$3
root="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: npm is not installed, so the SARIF Multitool cannot be fetched"; exit 77
fi
tool="$cache/node_modules/.bin/sarif-multitool"
if [ ! -x "$tool" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund @microsoft/sarif-multitool >"$cache/npm.log" 2>&1 ||
    { echo "FAIL: npm install @microsoft/sarif-multitool failed:"; tail -5 "$cache/npm.log"; exit 1; }
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
cd "$root"
for binary in "$inflint" "$inflint_url"; do
  rm -f "$tmp"/*.sarif
  n=0
  while IFS= read -r -d '' sample; do
    n=$((n + 1))
    "$binary" --format sarif "$sample" > "$tmp/$n.sarif"
    [ $? -le 1 ] || { echo "FAIL: $binary on $sample"; failed=$((failed + 1)); }
  done < <(find samples -name '*.inf' -not -path 'samples/integration/*' -print0 | sort -z)
  # Fixes (safe and unsafe) are in the SARIF the Multitool validates below.
  grep -l '"fixes": \[{"description"' "$tmp"/*.sarif | grep -q . &&
    grep -q '"applicability": "unsafe"' "$tmp"/*.sarif && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: $binary: no SARIF fixes in the samples' output"; }
  # A run with an input it could not read: executionSuccessful false and a notification.
  n=$((n + 1))
  "$binary" --format sarif samples/isolated.inf samples/no-such-file.inf > "$tmp/$n.sarif"
  if [ $? -eq 2 ] && grep -q '"executionSuccessful": false' "$tmp/$n.sarif" &&
     grep -q 'no-such-file.inf: No such file or directory' "$tmp/$n.sarif"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $binary: an unreadable input is not in the SARIF invocation"
  fi
  # Odd file names (Reliability II, 8), named relatively and absolutely: the SARIF locations
  # are percent-encoded relative references under %SRCROOT% or absolute file:/// URIs.
  odd="$tmp/odd names"
  mkdir -p "$odd"
  for name in "$(printf 'a\377b.inf')" "$(printf 'new\nline.inf')" "sp ace%.inf" 'back\slash.inf'; do
    cp samples/rules/iso106-bad.inf "$odd/$name"
  done
  n=$((n + 1)); "$binary" --format sarif "$odd" > "$tmp/$n.sarif"
  n=$((n + 1)); (cd "$odd" && "$binary" --format sarif .) > "$tmp/$n.sarif"
  grep -q '"uriBaseId": "%SRCROOT%"' "$tmp/$n.sarif" && grep -q '"uri": "new%0Aline.inf"' "$tmp/$n.sarif" &&
    grep -q '"uri": "file:///' "$tmp/$((n - 1)).sarif" && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: $binary: odd names are not relative/absolute URIs as they should"; }
  # help.markdown for every rule, and helpUri from sarif-help-base in the configuration.
  mkdir -p "$tmp/help"
  cp samples/rules/iso101-bad.inf "$tmp/help/"
  printf '[inflint]\nsarif-help-base = https://docs.example.invalid/inflint/rules.html\n' > "$tmp/help/.inflint.ini"
  n=$((n + 1)); (cd "$tmp/help" && "$binary" --format sarif .) > "$tmp/$n.sarif"
  grep -q '"helpUri": "https://docs.example.invalid/inflint/rules.html#iso101"' "$tmp/$n.sarif" &&
    grep -q '"markdown": "\*\*ISO101\*\* `dest-not-driver-store`' "$tmp/$n.sarif" && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: $binary: no help.markdown or configured helpUri"; }
  if [ "$binary" = "$inflint_url" ]; then # the build's URL gives a helpUri without configuration
    cat "$tmp"/*.sarif | grep -q '"helpUri": "https://example.invalid/inflint/blob/HEAD/rules/README.md#inf001"' &&
      passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: INFLINT_URL gives no helpUri"; }
  fi
  "$tool" validate "$tmp"/*.sarif > "$tmp/report.txt" 2>&1
  errors=$(grep -c ': error ' "$tmp/report.txt" || true)
  other=$(grep ': warning ' "$tmp/report.txt" | grep -vc 'SARIF2005' || true)
  sarif2005=$(grep -c 'warning SARIF2005' "$tmp/report.txt" || true)
  if [ "$errors" -eq 0 ] && [ "$other" -eq 0 ] && grep -q "$n files scanned" "$tmp/report.txt"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $binary: $errors errors, $other warnings"; grep -E ': (error|warning) ' "$tmp/report.txt" | head -10
  fi
  if [ "$binary" = "$inflint_url" ]; then
    [ "$sarif2005" -eq 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: SARIF2005 remains with a URL"; }
  else
    echo "without INFLINT_URL: $sarif2005 of $n files warn SARIF2005 (accepted)"
  fi
done
# JSON output stays valid UTF-8 JSON whatever the file names (a strict decoder and parser).
"$inflint" -f json "$odd" > "$tmp/odd.json"
if node -e 'const b = require("fs").readFileSync(process.argv[1]);
  const j = JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(b));
  if (!j.files.some(f => f.path_bytes)) process.exit(1);' "$tmp/odd.json"; then passed=$((passed + 1));
else failed=$((failed + 1)); echo "FAIL: JSON with odd file names is not valid UTF-8 JSON with path_bytes"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
