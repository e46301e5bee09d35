#!/usr/bin/env bash
# The fixes over real INFs. For every corpus file: --fix (safe fixes) must bring no finding
# of a rule that did not report as often before, and a second --fix must change nothing;
# what --fix --unsafe-fixes brings in is listed (not a failure: unsafe fixes say why).
# For every known-answer pair: which of the codes the project fixed our fixes remove from
# before.inf, and how many lines still differ from the project's own after.inf.
# usage: fixes.sh INFLINT CORPUS_DIR [--report]   (--report: print the per-pair table)
set -u
inflint=$1 corpus=$2 report=${3:-}
if [ ! -d "$corpus/files" ]; then
  echo "SKIP: $corpus/files not found (no ../shared beside the project)"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 files=0 changed=0 unsafe_files=0
declare -A brought_in=()

codes() { # FILE -> "CODE COUNT" lines of its findings
  "$inflint" -q -f gcc --no-project "$1" 2>/dev/null | sed -n 's/.*\[\([A-Z]*[0-9]*\)\]$/\1/p' | sort | uniq -c |
    awk '{ print $2, $1 }'
}
# BEFORE AFTER -> the codes AFTER reports more often than BEFORE, as "CODE+N"
more_in() {
  join -a 2 -e 0 -o 0,1.2,2.2 <(sort "$1") <(sort "$2") | awk '$3 > $2 { printf "%s+%d ", $1, $3 - $2 }'
}

while IFS= read -r -d '' f; do
  files=$((files + 1))
  name=$(basename "$f")
  case "$name" in *.[iI][nN][fF].in) name=${name%.in} ;; esac
  work="$tmp/$name"
  cp "$f" "$work"
  codes "$work" > "$tmp/before.codes"
  "$inflint" -q --no-project --fix "$work" >/dev/null 2>&1
  if ! cmp -s "$f" "$work"; then
    changed=$((changed + 1))
    codes "$work" > "$tmp/after.codes"
    extra=$(more_in "$tmp/before.codes" "$tmp/after.codes")
    if [ -n "$extra" ]; then failed=$((failed + 1)); echo "FAIL: $f: safe fixes bring in $extra";
    else passed=$((passed + 1)); fi
  fi
  cp "$work" "$tmp/once"
  "$inflint" -q --no-project --fix "$work" >/dev/null 2>&1
  if cmp -s "$work" "$tmp/once"; then passed=$((passed + 1));
  else failed=$((failed + 1)); echo "FAIL: $f: a second --fix changed the file"; fi
  cp "$f" "$work"
  "$inflint" -q --no-project --fix --unsafe-fixes "$work" >/dev/null 2>&1
  if ! cmp -s "$f" "$work"; then
    codes "$work" > "$tmp/unsafe.codes"
    extra=$(more_in "$tmp/before.codes" "$tmp/unsafe.codes")
    if [ -n "$extra" ]; then
      unsafe_files=$((unsafe_files + 1))
      for e in $extra; do brought_in[${e%%+*}]=$(( ${brought_in[${e%%+*}]:-0} + ${e##*+} )); done
    fi
  fi
done < <(find "$corpus/files" -type f -print0 | LC_ALL=C sort -z)

echo "corpus: $files files, $changed changed by safe fixes"
echo -n "unsafe fixes bring in, over $unsafe_files files:"
for code in $(echo "${!brought_in[@]}" | tr ' ' '\n' | sort); do echo -n " $code+${brought_in[$code]}"; done
echo

text_of() { # FILE -> its text in UTF-8 without CRs (UTF-16LE files start with FF FE)
  if [ "$(head -c 2 "$1" | od -An -tx1 | tr -d ' ')" = fffe ]; then
    tail -c +3 "$1" | iconv -f UTF-16LE -t UTF-8 | tr -d '\r'
  else
    tr -d '\r' < "$1"
  fi
}

# Pairs: the codes the project fixed (expect_fixed) that our fixes remove, and the distance.
table="$corpus/pairs/pairs.tsv"
if [ -f "$table" ] && [ "$report" = --report ]; then
  printf '%-28s %-28s %-28s %s\n' pair "fixed by the project" "removed by --fix --unsafe" "lines != after"
  while IFS=$'\t' read -r id repo commit path what expect_before expect_fixed notes; do
    [ "$id" = id ] && continue
    ext=${path##*.}
    cp "$corpus/pairs/$id/before.inf" "$tmp/pair.$ext"
    codes "$tmp/pair.$ext" > "$tmp/pb.codes"
    "$inflint" -q --no-project --fix --unsafe-fixes "$tmp/pair.$ext" >/dev/null 2>&1
    codes "$tmp/pair.$ext" > "$tmp/pa.codes"
    removed=""
    for code in ${expect_fixed//;/ }; do
      [ "$code" = - ] && continue
      b=$(awk -v c="$code" '$1 == c { print $2 }' "$tmp/pb.codes"); a=$(awk -v c="$code" '$1 == c { print $2 }' "$tmp/pa.codes")
      [ -n "$b" ] && [ "${a:-0}" -lt "$b" ] && removed="$removed${removed:+;}$code${a:+($a left)}"
    done
    distance=$(diff <(text_of "$tmp/pair.$ext") <(text_of "$corpus/pairs/$id/after.inf") | grep -c '^[<>]')
    printf '%-28s %-28s %-28s %s\n' "$id" "$expect_fixed" "${removed:--}" "$distance"
  done < "$table"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
