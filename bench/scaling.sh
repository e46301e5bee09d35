#!/usr/bin/env bash
# Linear cost in every dimension an input can grow in (Reliability II, 11): each
# shape is made at a size N and at 4N, and the 4N run may cost at most 5 times
# the N run (a quadratic cost takes 16 times). Shapes that were super-linear
# once: repeated [Manufacturer] decorations x model lines, install sections that
# all Need one big section, .Remove* sections x install paths, many OS
# decorations on [Manufacturer] and on DefaultInstall, headers repeated and
# merged, findings x line length on one AddReg and one CopyFiles line, one
# CopyFiles naming many lists, --baseline with N files x N entries, a deep tree
# (configuration lookup per level), N directories each with a .inflint.ini, N
# directories each with a WDK project that builds its INF (found, or named on the
# command line), and one project whose glob builds N INFs.
#
# Cost is measured twice. Instructions (callgrind) are the work: exact, the same on
# any machine, and never lost under start-up, so a 4N run may execute at most 5 times
# the instructions of the N run. Time catches what callgrind does not count (the
# kernel's work: reading directories, opening files); it may grow at most 8 times,
# since a larger input also spills more of its working set out of the caches (seen in
# CI: merged headers at 4.01x the instructions and 5.50x the time) and this VM's
# timings swing by tens of percent. Each time is the best of 5 runs (a ratio over the
# limit is measured again with 11 more, marked *); runs under SCALING_FLOOR seconds
# (0.05) count as that, so that process start-up does not decide a ratio. Without
# valgrind, time alone decides, held to 5 times.
#
# usage: bench/scaling.sh [INFLINT]   (default: builds Release in build-release)
#        SCALING_SHAPES="needs:2000 baseline:1500" bench/scaling.sh   (some shapes only)
set -uo pipefail
cd "$(dirname "$0")/.."
inflint=${1:-}
if [ -z "$inflint" ]; then
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DINFLINT_BUILD_TESTS=OFF >/dev/null
  cmake --build build-release -j "$(nproc)" >/dev/null
  inflint=build-release/inflint
fi
# A binary that does not run would time at the floor everywhere and pass every shape.
"$inflint" --version >/dev/null 2>&1 || { echo "scaling.sh: $inflint does not run" >&2; exit 2; }
floor=${SCALING_FLOOR:-0.05}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head='[Version]\nSignature="$Windows NT$"\nPnpLockdown=1\n[DestinationDirs]\nDefaultDestDir=13\n[SourceDisksNames]\n1=d\n[SourceDisksFiles]\na.sys=1\n'

# make SHAPE N DIR: writes the input of SHAPE at size N into DIR; prints the arguments to lint it.
make_shape() {
  local shape=$1 n=$2 dir=$3
  mkdir -p "$dir"
  case $shape in
  decorations)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; printf "[Manufacturer]\nM=Models"; for (i = 0; i < n; i++) printf ",NTamd64.10.0...16299";
      printf "\n[Models.NTamd64.10.0...16299]\n"; for (i = 0; i < n; i++) printf "D%d=Inst,HW\\%d\n", i, i;
      printf "[Inst.NT]\nCopyFiles=F\n[F]\na.sys\n" }' > "$dir/x.inf" ;;
  needs)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; printf "[Manufacturer]\nM=Models,NTamd64.10.0...16299\n[Models.NTamd64.10.0...16299]\n";
      for (i = 0; i < n; i++) printf "D%d=I%d,HW\\%d\n", i, i, i;
      for (i = 0; i < n; i++) printf "[I%d.NT]\nNeeds=Common\n", i;
      printf "[Common]\n"; for (i = 0; i < n; i++) printf "AddReg=R%d\n", i % 50;
      for (i = 0; i < 50; i++) printf "[R%d]\nHKR,,V%d,,1\n", i, i }' > "$dir/x.inf" ;;
  remove)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; printf "[Manufacturer]\nM=Models,NTamd64.10.0...16299\n[Models.NTamd64.10.0...16299]\n";
      for (i = 0; i < n; i++) printf "D%d=I%d,HW\\%d\n", i, i, i;
      for (i = 0; i < n; i++) printf "[I%d.NT]\nCopyFiles=F\n[X%d.Remove]\nDelReg=R\n", i, i;
      printf "[F]\na.sys\n[R]\nHKR,,V\n" }' > "$dir/x.inf" ;;
  manufacturer-decorations)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; printf "[Manufacturer]\nM=Models"; for (i = 0; i < n; i++) printf ",NTamd64.10.0...%d", 16299 + i;
      printf "\n"; for (i = 0; i < n; i++) printf "[Models.NTamd64.10.0...%d]\nD=Inst,HW\n", 16299 + i;
      printf "[Inst.NT]\nCopyFiles=F\n[F]\na.sys\n" }' > "$dir/x.inf" ;;
  defaultinstall)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; for (i = 0; i < n; i++) printf "[DefaultInstall.NTamd64.10.0...%d]\nCopyFiles=F\n", 16299 + i;
      printf "[F]\na.sys\n" }' > "$dir/x.inf" ;;
  merged)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; printf "[Manufacturer]\nM=Models,NTamd64.10.0...16299\n[Models.NTamd64.10.0...16299]\n";
      k = int(n / 60) + 1; for (i = 0; i < k; i++) printf "D%d=I%d,HW\\%d\n", i, i, i;
      for (i = 0; i < n; i++) printf "[I%d.NT]\nCopyFiles=F\nAddReg=R%d\n[R%d]\nHKR,,V%d,,1\n", i % k, i % k, i % k, i }' > "$dir/x.inf" ;;
  missing-addreg|missing-copyfiles)
    local d=AddReg; [ "$shape" = missing-copyfiles ] && d=CopyFiles
    awk -v n=$n -v d=$d -v h="$head" 'BEGIN { printf h; printf "[DefaultInstall.NTamd64]\n%s=", d;
      for (i = 0; i < n; i++) printf "%sMissing%06d", (i ? "," : ""), i; printf "\n" }' > "$dir/x.inf" ;;
  copyfiles-lists)
    awk -v n=$n -v h="$head" 'BEGIN { printf h; printf "[DefaultInstall.NTamd64]\nCopyFiles=";
      for (i = 0; i < n; i++) printf "%sL%06d", (i ? "," : ""), i; printf "\n";
      for (i = 0; i < n; i++) printf "[L%06d]\nf%06d.sys\n", i, i }' > "$dir/x.inf" ;;
  baseline)
    mkdir -p "$dir/tree"
    for ((i = 0; i < n; i++)); do printf '[Version]\nSignature="$Windows NT$"\n[S]\nx=%d\n' $i > "$dir/tree/f$i.inf"; done
    awk -v n=$n 'BEGIN { printf "{\"tool\": \"inflint\", \"version\": 1, \"findings\": [\n";
      for (i = 0; i < n; i++) printf "%s{\"path\": \"tree/f%d.inf\", \"rule\": \"ISO101\", \"fingerprint\": \"%016x\"}", (i ? ",\n" : ""), i, i;
      printf "\n]}\n" }' > "$dir/base.json"
    echo "--baseline $dir/base.json $dir/tree"; return ;;
  deep-tree)
    local p="$dir/t"
    for ((i = 0; i < n; i++)); do p="$p/d"; done
    mkdir -p "$p"
    p="$dir/t"
    for ((i = 0; i < n; i++)); do p="$p/d"; printf '[Version]\nSignature="$Windows NT$"\n' > "$p/x.inf"; done
    echo "$dir/t"; return ;;
  many-configs)
    for ((i = 0; i < n; i++)); do
      mkdir -p "$dir/t/d$i"
      printf '[Version]\nSignature="$Windows NT$"\n' > "$dir/t/d$i/x.inf"
      printf '[inflint]\nfail-on = never\n' > "$dir/t/d$i/.inflint.ini"
    done
    echo "$dir/t"; return ;;
  named-projects) # the projects of many-projects, each named on the command line
    make_shape many-projects "$n" "$dir" >/dev/null
    for ((i = 0; i < n; i++)); do printf '%s ' "$dir/t/d$i/p.vcxproj"; done
    echo; return ;;
  project-items)
    mkdir -p "$dir/t"
    for ((i = 0; i < n; i++)); do printf '[Version]\nSignature="$Windows NT$"\n' > "$dir/t/x$i.inf"; done
    printf '<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">\n<ItemGroup><Inf Include="*.inf" /></ItemGroup>\n</Project>\n' > "$dir/t/p.vcxproj"
    echo "$dir/t"; return ;;
  many-projects)
    for ((i = 0; i < n; i++)); do
      mkdir -p "$dir/t/d$i"
      printf '[Version]\nSignature="$Windows NT$"\n' > "$dir/t/d$i/x.inf"
      printf '<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">\n<ItemGroup><Inf Include="x.inf" /></ItemGroup>\n</Project>\n' > "$dir/t/d$i/p.vcxproj"
    done
    echo "$dir/t"; return ;;
  esac
  echo "$dir/x.inf"
}

# (a helper that did not load would leave every time at the floor, every shape passing)
. bench/clock.sh || exit 2
. bench/instructions.sh || exit 2
# Best of 5 wall times of inflint with ARGS, at least the floor.
best_time() { # [-n RUNS] ARGS...: the best of RUNS runs (5), at least the floor
  local best="" runs=5
  [ "$1" = -n ] && { runs=$2; shift 2; }
  for ((r = 0; r < runs; r++)); do
    local t
    t=$(wall_seconds "$inflint" -j 1 -f json "$@")
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  awk -v t="$best" -v f="$floor" 'BEGIN { print (t < f) ? f : t }'
}

# within RATIO LIMIT: true when RATIO is a number no larger than LIMIT.
within() { awk -v r="$1" -v l="$2" 'BEGIN { exit !(r ~ /^[0-9.]+$/ && r <= l) }'; }

passed=0 failed=0
printf '%-26s %7s %9s %9s %7s %7s\n' shape N 'N (s)' '4N (s)' time instr
shapes="decorations:2000 needs:2000 remove:8000 manufacturer-decorations:4000 defaultinstall:4000
        merged:20000 missing-addreg:20000 missing-copyfiles:20000 copyfiles-lists:20000
        baseline:3000 deep-tree:400 many-configs:2000 many-projects:2000 named-projects:1000 project-items:1000"
for spec in ${SCALING_SHAPES:-$shapes}; do # SCALING_SHAPES="needs:2000 ..." runs some
  shape=${spec%%:*} n=${spec#*:}
  small=$(make_shape "$shape" "$n" "$work/$shape-1")
  # A tree twice as deep holds four times the path bytes (each file's path grows with its
  # depth, and every report prints it): that is its 4x input.
  big=$((4 * n)); [ "$shape" = deep-tree ] && big=$((2 * n))
  large=$(make_shape "$shape" "$big" "$work/$shape-4")
  time_limit=5 iratio=-
  if command -v valgrind >/dev/null; then
    time_limit=8
    i1=$(irefs "$inflint" -j 1 -f json $small)
    i4=$(irefs "$inflint" -j 1 -f json $large)
    if [[ $i1 =~ ^[0-9]+$ && $i4 =~ ^[0-9]+$ && $i1 -gt 0 ]]; then
      iratio=$(awk -v a="$i1" -v b="$i4" 'BEGIN { printf "%.2f", b / a }')
    else
      iratio=uncounted # callgrind gave no count: that fails the shape, it does not pass it
    fi
  fi
  t1=$(best_time $small)
  t4=$(best_time $large)
  ratio=$(awk -v a="$t1" -v b="$t4" 'BEGIN { printf "%.2f", b / a }')
  ok=1
  if ! within "$ratio" "$time_limit"; then
    # Over the limit: measured again, eleven runs more of each size, and the best of all
    # taken. A cost that grows with the square of the input (16x) fails again, a noisy
    # minute does not.
    t1=$(awk -v a="$t1" -v b="$(best_time -n 11 $small)" 'BEGIN { print (b < a) ? b : a }')
    t4=$(awk -v a="$t4" -v b="$(best_time -n 11 $large)" 'BEGIN { print (b < a) ? b : a }')
    ratio=$(awk -v a="$t1" -v b="$t4" 'BEGIN { printf "%.2f", b / a }')
    within "$ratio" "$time_limit" || ok=0
    ratio="$ratio*" # (marked: measured again)
  fi
  [ "$iratio" != - ] && ! within "$iratio" 5 && ok=0
  verdict=$([ "$ok" = 1 ] && echo ok || echo 'NOT LINEAR')
  [ "$iratio" = uncounted ] && verdict='FAILED (callgrind gave no count)'
  printf '%-26s %7s %9.3f %9.3f %7s %7s %s\n' "$shape" "$n" "$t1" "$t4" "$ratio" "$iratio" "$verdict"
  [ "$ok" = 1 ] && passed=$((passed + 1)) || failed=$((failed + 1))
  rm -rf "$work/$shape-1" "$work/$shape-4"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
