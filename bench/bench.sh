#!/usr/bin/env bash
# The performance table (issue: "the fastest INF checker"). Builds Release as the Linux
# packages do (scripts/pgo-build.sh: with profile-guided optimisation),
# generates its inputs deterministically, and prints for each input inflint's
# full-lint throughput (all rules, JSON to /dev/null), the libinih counting
# baseline's on the same bytes, their ratio, inflint's peak RSS and, with
# valgrind, instructions per input byte; then the targets, met or not, and the
# same ratios in callgrind instructions (which a noisy machine does not move).
#
# usage: bench/bench.sh [MEGABYTES]   (default 50; the callgrind input is 5 MB)
# Each time is the best of BENCH_RUNS runs (default 11); the commands compared
# take turns, so a noisy machine slows both alike, and each round starts by
# reading the inputs once, so that both find them in the page cache (this
# VM's memory reclaim drops file pages idle for ~20 s: a run that meets them
# on disk measures the disk).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
out=bench/out
mkdir -p "$out"
# The build the Linux packages ship: Release with profile-guided optimisation, in a directory
# of its own (scaling.sh and parse_bench.sh keep build-release without a profile).
bash scripts/pgo-build.sh build-pgo -DINFLINT_BUILD_TESTS=OFF
gen=build-pgo/bench/inf_generate
inflint=build-pgo/inflint
baseline=build-pgo/bench/inih_baseline
bytes=$((mb * 1000000))
[ -f "$out/distinct.inf" ] && [ "$(stat -c %s "$out/distinct.inf")" -ge "$bytes" ] ||
  "$gen" --bytes $bytes --headers 46000 > "$out/distinct.inf"
"$gen" --bytes $bytes --headers 46000 --names 700 > "$out/pooled.inf"
"$gen" --bytes $bytes --headers 46000 --utf16le > "$out/utf16.inf"
"$gen" --bytes 5000000 --headers 4600 > "$out/small5.inf"
# The repeated-header shape at 5 MB (the same ~66 runs per name), for its instruction count.
"$gen" --bytes 5000000 --headers 4600 --names 70 > "$out/pooled5.inf"
# The vendor shape (see generate.c): 8-bit with localized strings, three decorations per
# [Manufacturer] line, thousands of hardware IDs, Ndi trees, about 0.35 findings per KB; and
# its clean twin (the same lines without the findings) for the cost of a finding.
"$gen" --vendor --bytes $bytes > "$out/vendor.inf"
"$gen" --vendor --bytes 5000000 > "$out/vendor5.inf"
sed -e 's/,,,\\x64\r$/,,,\r/' -e 's/,,,0x00004000\r$/\r/' -e 's/,,,0x10\r$/\r/' \
  -e 's/%%SystemRoot%%\\System32\\drivers\\/%13%\\/' -e 's/%%SystemRoot%%\\System32\\/%13%\\/' \
  -e 's/C:\\Windows\\System32\\/%13%\\/' -e 's/, NTx86\r$/, NTx86.10.0...16299\r/' \
  -e 's/^\[Family\([0-9]*\)\.NTx86\]/[Family\1.NTx86.10.0...16299]/' \
  "$out/vendor5.inf" > "$out/vendor5-clean.inf"
corpus=${INFLINT_SHARED_DIR:-../shared}/corpus/files
if [ ! -d "$out/tree" ] || [ "$(ls "$out/tree" | wc -l)" -ne 10000 ]; then
  rm -rf "$out/tree" && mkdir -p "$out/tree"
  for i in $(seq 1 10000); do "$gen" --bytes 3000 --headers 6 --names 3 --seed "$i" > "$out/tree/f$i.inf"; done
fi

. bench/clock.sh
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
# Best of $runs runs of each command given, taking turns so that all meet the same
# moments of a noisy machine; each round first reads the files in $warm (untimed).
# Prints one time per command, in order.
warm=""
best_of() {
  local -a best=() ; local i k
  for ((i = 0; i < runs; i++)); do
    [ -z "$warm" ] || cat $warm >/dev/null
    k=0
    for cmd in "$@"; do best[k]=$(min "${best[k]:-}" "$(wall_seconds $cmd)"); k=$((k + 1)); done
  done
  echo "${best[@]}"
}
runs=${BENCH_RUNS:-11}
# (inflint exits 1 on an input with findings: not a failure of the measurement)
rss_kb() { { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null || true; } | tail -1; }
. bench/instructions.sh # irefs COMMAND...: instructions under callgrind
ipb() { # instructions per byte under callgrind: FILE COMMAND...
  local size; size=$(stat -c %s "$1"); shift
  awk -v s="$size" -v i="$(irefs "$@")" 'BEGIN { printf "%.1f", i / s }'
}

printf '%-22s %8s %12s %12s %7s %10s %10s %10s\n' input MB inflint_MB/s inih_MB/s ratio rss_MB ipb_inflint ipb_inih
declare -A t
declare -A iratio # libinih's instructions over inflint's, where callgrind counted both
for name in distinct pooled utf16 small5 pooled5 vendor vendor5; do
  f="$out/$name.inf"; size=$(stat -c %s "$f")
  if [ "$name" = utf16 ]; then # timed beside its ASCII twin, for their ratio
    warm="$f $out/distinct.inf"
    read -r t[$name] t_twin < <(best_of "$inflint -j 1 -f json $f" \
      "$inflint -j 1 -f json $out/distinct.inf"); tb=""
  else
    warm=$f
    read -r t[$name] tb < <(best_of "$inflint -j 1 -f json $f" "$baseline $f")
  fi
  rss=$(rss_kb "$inflint" -j 1 -f json "$f")
  ipi="-" ipn="-"
  if [[ $name == *5 ]] && command -v valgrind >/dev/null; then
    ipi=$(ipb "$f" "$inflint" -j 1 -f json "$f"); ipn=$(ipb "$f" "$baseline" "$f")
    iratio[$name]=$(awk -v a="$ipi" -v b="$ipn" 'BEGIN { printf "%.2f", b / a }')
  fi
  awk -v n="$name" -v s="$size" -v a="${t[$name]}" -v b="$tb" -v r="$rss" -v x="$ipi" -v y="$ipn" 'BEGIN {
    if (b == "") printf "%-22s %8.1f %12.1f %12s %7s %10.0f %10s %10s\n", n, s/1e6, s/1e6/a, "n/a", "-", r/1024, x, y;
    else printf "%-22s %8.1f %12.1f %12.1f %7.2f %10.0f %10s %10s\n", n, s/1e6, s/1e6/a, s/1e6/b, b/a, r/1024, x, y }'
  [ "$name" = distinct ] && tb_distinct=$tb && rss_distinct=$rss
  [ "$name" = small5 ] && ipb_small=$ipi && tb_small=$tb
  [ "$name" = pooled5 ] && tb_pooled5=$tb && ipb_pooled5=$ipi
  [ "$name" = vendor5 ] && ipb_vendor=$ipi && tb_vendor5=$tb
  [ "$name" = vendor ] && tb_vendor=$tb && rss_vendor=$rss
  [ "$name" = pooled ] && tb_pooled=$tb
done
# The cost of a finding: instructions of the findings-heavy 5 MB vendor file minus its clean
# twin's, per finding, in the formats people read: JSON (the cheapest writer), the default
# text, GitHub annotations and SARIF (CI).
per_finding="-"
per_finding_formats=""
if command -v valgrind >/dev/null; then
  findings=$({ "$inflint" -j 1 -q -f gcc "$out/vendor5.inf" || true; } | wc -l)
  clean=$({ "$inflint" -j 1 -q -f gcc "$out/vendor5-clean.inf" || true; } | wc -l)
  for format in json text github sarif; do
    i_heavy=$(irefs "$inflint" -j 1 -f "$format" "$out/vendor5.inf")
    i_clean=$(irefs "$inflint" -j 1 -f "$format" "$out/vendor5-clean.inf")
    cost=$(awk -v a="$i_heavy" -v b="$i_clean" -v f="$findings" -v c="$clean" \
      'BEGIN { printf "%.0f", (a - b) / (f - c) }')
    per_finding_formats="$per_finding_formats $format $cost"
    if [ "$format" = json ] || [ "$cost" -gt "$per_finding" ]; then per_finding=$cost; fi # the worst
  done
  echo "vendor5: $findings findings, clean twin $clean; instructions per finding:$per_finding_formats"
fi
# The real corpus as a tree: one inflint -j 1 run against one libinih process over its files.
if [ -d "$corpus" ]; then
  # A copy whose names hold no blanks: the commands compared are split on blanks.
  if [ ! -d "$out/corpus" ]; then
    mkdir -p "$out/corpus"
    find "$corpus" -type f \( -iname '*.inf' -o -iname '*.inx' \) -print0 |
      while IFS= read -r -d '' f; do rel=${f#"$corpus"/}; cp "$f" "$out/corpus/$(tr '/ ' '__' <<<"$rel")"; done
  fi
  mapfile -t corpus_files < <(find "$out/corpus" -type f | LC_ALL=C sort)
  corpus_bytes=$(cat "${corpus_files[@]}" | wc -c)
  # libinih cannot read UTF-16: as for the generated inputs, such files are held to their
  # twin, here their UTF-8 text, which libinih parses; inflint still lints the files as they
  # are. Which files are UTF-16 is what inflint's report says ("encoding"), not a second
  # guess; libinih over the raw bytes is shown too, with what it reads of each set.
  rm -rf "$out/corpus-inih" && mkdir -p "$out/corpus-inih"
  cp "${corpus_files[@]}" "$out/corpus-inih/"
  utf16_files=0
  while read -r f encoding; do
    twin="$out/corpus-inih/${f##*/}"
    case $encoding in
    utf-16le) tail -c +3 "$f" | iconv -c -f UTF-16LE -t UTF-8 > "$twin" ;; # (its BOM dropped)
    utf-16le-nobom) iconv -c -f UTF-16LE -t UTF-8 "$f" > "$twin" ;;
    *) continue ;;
    esac
    utf16_files=$((utf16_files + 1))
  done < <({ "$inflint" -j 1 -q -f json "$out/corpus" || true; } |
    sed -n 's/^ *{"path": "\([^"]*\)", "encoding": "\([^"]*\)".*/\1 \2/p')
  mapfile -t corpus_twins < <(find "$out/corpus-inih" -type f | LC_ALL=C sort)
  warm="${corpus_files[*]} ${corpus_twins[*]}"
  read -r tc tcb tcr < <(best_of "$inflint -j 1 -q -f json $out/corpus" "$baseline ${corpus_twins[*]}" \
    "$baseline ${corpus_files[*]}")
  entries_twins=$("$baseline" "${corpus_twins[@]}" | cut -d' ' -f1)
  entries_raw=$("$baseline" "${corpus_files[@]}" | cut -d' ' -f1)
  awk -v s="$corpus_bytes" -v a="$tc" -v c="$tcb" -v r="$tcr" -v n="${#corpus_files[@]}" -v u="$utf16_files" \
    -v et="$entries_twins" -v er="$entries_raw" 'BEGIN {
    printf "%-22s %8.1f %12.1f %12.1f %7.2f   (libinih on the UTF-8 twins of %d UTF-16 files: %d entries)\n", "corpus " n " (-j 1)", s/1e6, s/1e6/a, s/1e6/c, c/a, u, et;
    printf "%-22s %8.1f %12.1f %12.1f %7.2f   (libinih on the raw bytes: %d entries)\n", "", s/1e6, s/1e6/a, s/1e6/r, r/a, er }'
  if command -v valgrind >/dev/null; then
    iratio[corpus]=$(awk -v a="$(irefs "$inflint" -j 1 -q -f json "$out/corpus")" \
      -v b="$(irefs "$baseline" "${corpus_twins[@]}")" 'BEGIN { printf "%.2f", b / a }')
  fi
fi
# The driver-source scan against the INF lint of the real corpus, per byte, in this run: over
# this project's own C sources (real code, not generated), and a tree named in SOURCE_TREE
# (say, a checkout of a driver repository) when given.
source_trees="src rules tests/unit ${SOURCE_TREE:-}"
source_files=$(find $source_trees -type f \( -name '*.c' -o -name '*.h' -o -name '*.cpp' \) | LC_ALL=C sort)
source_bytes=$(cat $source_files | wc -c)
warm="$source_files"
read -r tsrc < <(best_of "$inflint -j 1 -q -f json --no-project --source --select SRC $source_trees")
awk -v s="$source_bytes" -v a="$tsrc" 'BEGIN { printf "%-22s %8.1f %12.1f %12s %7s\n", "source scan (-j 1)", s/1e6, s/1e6/a, "n/a", "-" }'
tree_bytes=$(cat "$out"/tree/*.inf | wc -c)
warm=$(echo "$out"/tree/*.inf)
read -r tj1 tj2 tbt < <(best_of "$inflint -j 1 -q -f json $out/tree" \
  "$inflint -j 2 -q -f json $out/tree" "$baseline $(echo "$out"/tree/*.inf)")
awk -v s="$tree_bytes" -v a="$tj1" -v b="$tj2" -v c="$tbt" 'BEGIN {
  printf "%-22s %8.1f %12.1f %12.1f %7.2f\n", "tree 10,000 (-j 1)", s/1e6, s/1e6/a, s/1e6/c, c/a;
  printf "%-22s %8.1f %12.1f %12.1f %7.2f\n", "tree 10,000 (-j 2)", s/1e6, s/1e6/b, s/1e6/c, c/b }'
echo
echo "targets ($(nproc) cores):"
awk -v a="${t[distinct]}" -v b="$tb_distinct" 'BEGIN { r = b / a; printf "  full lint >= 1.5x libinih throughput: %.2fx  %s\n", r, (r >= 1.5 ? "met" : "NOT met") }'
awk -v a="${t[pooled]}" -v b="$tb_pooled" 'BEGIN { r = b / a; printf "  full lint >= 1.5x libinih, repeated headers: %.2fx  %s\n", r, (r >= 1.5 ? "met" : "NOT met") }'
awk -v a="${t[vendor]}" -v b="$tb_vendor" 'BEGIN { r = b / a; printf "  full lint >= 1.5x libinih, vendor shape: %.2fx  %s\n", r, (r >= 1.5 ? "met" : "NOT met") }'
awk -v a="${t[small5]}" -v b="$tb_small" 'BEGIN { r = b / a; printf "  full lint >= 1.5x libinih, generated 5 MB: %.2fx  %s\n", r, (r >= 1.5 ? "met" : "NOT met") }'
awk -v a="${t[vendor5]}" -v b="$tb_vendor5" 'BEGIN { r = b / a; printf "  full lint >= 1.5x libinih, vendor shape 5 MB: %.2fx  %s\n", r, (r >= 1.5 ? "met" : "NOT met") }'
awk -v a="${t[pooled5]}" -v b="$tb_pooled5" 'BEGIN { r = b / a; printf "  full lint >= 1.5x libinih, repeated headers 5 MB: %.2fx  %s\n", r, (r >= 1.5 ? "met" : "NOT met") }'
awk -v x="${ipb_vendor:--}" 'BEGIN { if (x == "-") print "  <= 30 instructions/byte (vendor): not measured"; else printf "  <= 30 instructions/byte, vendor shape: %s  %s\n", x, (x <= 30 ? "met" : "NOT met") }'
awk -v x="$per_finding" -v each="$per_finding_formats" 'BEGIN { if (x == "-") print "  <= 2,000 instructions per finding: not measured"; else printf "  <= 2,000 instructions per finding, every format (%s): worst %s  %s\n", substr(each, 2), x, (x <= 2000 ? "met" : "NOT met") }'
awk -v r="$rss_vendor" -v s="$(stat -c %s "$out/vendor.inf")" 'BEGIN { lim = 3 * s / 1024 + 32 * 1024; printf "  peak RSS <= 3x input + 32 MB, vendor shape: %.0f MB of %.0f MB  %s\n", r/1024, lim/1024, (r <= lim ? "met" : "NOT met") }'
if [ -n "${tc:-}" ]; then
  awk -v a="$tc" -v c="$tcb" 'BEGIN { printf "  real corpus -j 1 at least as fast as one libinih process (UTF-16 files: their UTF-8 twins): %.3fs vs %.3fs  %s\n", a, c, (a <= c ? "met" : "NOT met") }'
  awk -v sb="$source_bytes" -v st="$tsrc" -v cb="$corpus_bytes" -v ct="$tc" 'BEGIN { s = sb / st / 1e6; c = cb / ct / 1e6;
    printf "  source scan at least as fast per byte as the INF corpus lint: %.1f vs %.1f MB/s  %s\n", s, c, (s >= c ? "met" : "NOT met") }'
fi
awk -v x="$ipb_small" 'BEGIN { if (x == "-") print "  <= 30 instructions/byte: not measured (no valgrind)"; else printf "  <= 30 instructions/byte: %s  %s\n", x, (x <= 30 ? "met" : "NOT met") }'
awk -v x="$ipb_pooled5" 'BEGIN { if (x == "-") print "  <= 30 instructions/byte (repeated headers): not measured"; else printf "  <= 30 instructions/byte, repeated headers 5 MB: %s  %s\n", x, (x <= 30 ? "met" : "NOT met") }'
awk -v a="${t[utf16]}" -v b="$t_twin" 'BEGIN { r = a / b; printf "  UTF-16LE time <= 1.3x ASCII: %.2fx  %s\n", r, (r <= 1.3 ? "met" : "NOT met") }'
awk -v r="$rss_distinct" -v s="$(stat -c %s "$out/distinct.inf")" 'BEGIN { lim = 3 * s / 1024 + 32 * 1024; printf "  peak RSS <= 3x input + 32 MB: %.0f MB of %.0f MB  %s\n", r/1024, lim/1024, (r <= lim ? "met" : "NOT met") }'
awk -v a="$tj1" -v b="$tj2" 'BEGIN { r = a / b; printf "  tree -j 2 >= 1.7x faster than -j 1: %.2fx  %s\n", r, (r >= 1.7 ? "met" : "NOT met") }'
awk -v a="$tj1" -v c="$tbt" 'BEGIN { printf "  tree -j 1 at least as fast as one libinih process: %.2fs vs %.2fs  %s\n", a, c, (a <= c ? "met" : "NOT met") }'
awk -v a="${t[distinct]}" -v b="${t[pooled]}" 'BEGIN { r = b / a; printf "  repeated headers (700 names) within 1.3x of distinct (46,000): %.2fx  %s\n", r, (r <= 1.3 ? "met" : "NOT met") }'
# Times move with the machine; instruction counts do not. The same ratios counted by callgrind
# tell a target missed by a noisy minute from one the code misses.
if [ ${#iratio[@]} -gt 0 ]; then
  echo
  echo "the same ratios in instructions (callgrind; libinih's over inflint's, machine-independent):"
  for name in small5 pooled5 vendor5 corpus; do
    if [ -n "${iratio[$name]:-}" ]; then printf '  %-10s %sx\n' "$name" "${iratio[$name]}"; fi
  done
fi
