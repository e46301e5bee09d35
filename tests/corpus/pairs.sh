#!/usr/bin/env bash
# Known-answer pairs (../shared/corpus/pairs/pairs.tsv): every code in
# expect_before fires on before.inf, and every code in expect_fixed fires
# less often on after.inf than on before.inf - judged for the codes inflint
# implements, so the test grows with the catalogue. INX pairs are linted
# under their original extension.
# usage: pairs.sh INFLINT CORPUS_DIR
set -u
inflint=$1 corpus=$2
table="$corpus/pairs/pairs.tsv"
if [ ! -f "$table" ]; then
  echo "SKIP: $table not found (no ../shared beside the project)"; exit 77
fi
implemented=" $("$inflint" --list-rules | awk 'NR > 1 { printf "%s ", $1 }')"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 judged=0

count() { # FILE CODE -> number of findings of CODE
  grep -c "\[$2\]\$" "$1" || true
}

while IFS=$'\t' read -r id repo commit path what expect_before expect_fixed notes; do
  [ "$id" = id ] && continue
  ext=${path##*.}
  for side in before after; do
    cp "$corpus/pairs/$id/$side.inf" "$tmp/$side.$ext"
    "$inflint" --format gcc --quiet "$tmp/$side.$ext" > "$tmp/$side.out" 2> "$tmp/$side.err"
    rc=$?
    if [ "$rc" -gt 1 ]; then echo "FAIL: $id $side exited $rc"; cat "$tmp/$side.err"; failed=$((failed + 1)); fi
  done
  for code in ${expect_before//;/ }; do
    [ "$code" = - ] && continue
    case "$implemented" in *" $code "*) ;; *) continue ;; esac
    judged=$((judged + 1))
    if [ "$(count "$tmp/before.out" "$code")" -gt 0 ]; then passed=$((passed + 1));
    else echo "FAIL: $id: $code does not fire on before.inf"; failed=$((failed + 1)); fi
  done
  for code in ${expect_fixed//;/ }; do
    [ "$code" = - ] && continue
    case "$implemented" in *" $code "*) ;; *) continue ;; esac
    judged=$((judged + 1))
    b=$(count "$tmp/before.out" "$code") a=$(count "$tmp/after.out" "$code")
    if [ "$a" -lt "$b" ]; then passed=$((passed + 1));
    else echo "FAIL: $id: $code fires $a times on after.inf, $b on before.inf"; failed=$((failed + 1)); fi
  done
done < "$table"
echo "$passed passed, $failed failed"
[ "$judged" -gt 0 ] || { echo "no expectation was judged"; exit 1; }
[ "$failed" -eq 0 ]
