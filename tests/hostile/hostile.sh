#!/usr/bin/env bash
# Hostile input: every case ends with a clear message or a normal exit
# (0 or 1), within a time limit and, in the plain build, under a hard
# address-space limit. Under sanitizers (INFLINT_SANITIZED=1) ulimit -v cannot
# be used, so peak RSS is checked through /usr/bin/time when available; the
# same for the Windows build under Wine (INFLINT_TEST_TARGET=windows: Wine
# aborts under ulimit -v), which also leaves out what only POSIX has (modes,
# FIFOs, symbolic links, devices, the kernel's path limit).
# usage: hostile.sh INFLINT
set -u
inflint=$1
dir=$(mktemp -d)
trap 'chmod -R u+rwx "$dir"; rm -rf "$dir"' EXIT
passed=0 failed=0
limit_kb=$((1024 * 1024))   # 1 GiB address space for the plain build

fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

rss_limit_kb=$((1536 * 1024)) # peak RSS allowed under sanitizers (shadow memory included)
windows=0
[ "${INFLINT_TEST_TARGET:-}" = windows ] && windows=1
rss_mode=${INFLINT_SANITIZED:-0}
[ "$windows" = 1 ] && rss_mode=1

# run NAME EXPECTED_STATUSES ARGS... : runs inflint with limits, checks the exit status.
run() {
  local name=$1 expected=$2; shift 2
  local rc
  if [ "$rss_mode" = 1 ]; then
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%M' -o "$dir/rss" timeout 300 "$inflint" "$@" >"$dir/out" 2>"$dir/err"; rc=$?
      local rss; rss=$(tail -1 "$dir/rss")
      case "$rss" in ''|*[!0-9]*) ;; *)
        [ "$rss" -le "$rss_limit_kb" ] || fail "$name: peak RSS ${rss} KB over ${rss_limit_kb} KB" ;;
      esac
    else
      timeout 300 "$inflint" "$@" >"$dir/out" 2>"$dir/err"; rc=$?
    fi
  else
    ( ulimit -v "$limit_kb"; exec timeout 60 "$inflint" "$@" ) >"$dir/out" 2>"$dir/err"; rc=$?
  fi
  case " $expected " in
    *" $rc "*) passed=$((passed + 1)) ;;
    *) fail "$name: exit $rc, expected one of: $expected"; head -3 "$dir/err" ;;
  esac
  if grep -q -E 'Sanitizer|runtime error' "$dir/err"; then fail "$name: sanitizer report"; head -20 "$dir/err"; fi
}

printf '\xff\xfe[\x00V\x00e\x00r\x00' > "$dir/odd.inf"; printf 'x' >> "$dir/odd.inf"   # odd byte count
printf '\xff\xfe' > "$dir/bom-only.inf"
printf '\xff\xfe\x00\xd8[\x00A\x00]\x00' > "$dir/lone-surrogate.inf"
printf '[Version]\x00\x00\nSig\x00nature=\x00$Windows NT$\x00\n\x00\x00\x00' > "$dir/nul-bytes.inf"
printf '[Version]\nSignature=ab\x1acd\n[More]\nx=y\n' > "$dir/ctrlz.inf"
printf '[Version]\nSignature="$Windows NT$\n[S]\na="unterminated' > "$dir/quote.inf"
printf '[Version]\nSignature=x \\' > "$dir/continuation.inf"
printf '[Version]\nkey=%%never closes\n[Strings]\n' > "$dir/percent.inf"
awk 'BEGIN { srand(7); for (i = 0; i < 400000; i++) printf "%c", int(rand() * 256) }' > "$dir/garbage.inf"
# 100 MB on one line
{ printf '[Version]\nSignature='; head -c 104857600 /dev/zero | tr '\0' 'a'; } > "$dir/longline.inf"
# 1,000,000 sections and 1,000,000 fields on one line
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "[S%d]\n", i }' > "$dir/sections.inf"
awk 'BEGIN { printf "[A]\nk="; for (i = 0; i < 1000000; i++) printf "f%d,", i; printf "\n" }' > "$dir/fields.inf"
# 100,000 chained continuations
awk 'BEGIN { printf "[A]\nk=a"; for (i = 0; i < 100000; i++) printf "b \\\n"; printf "c\n" }' > "$dir/chain.inf"
# a 1 MB [Strings] value
{ printf '[A]\nk=%%big%%\n[Strings]\nbig="'; head -c 1048576 /dev/zero | tr '\0' 'v'; printf '"\n'; } > "$dir/bigstring.inf"

# Needs: a cycle, and a chain 100,000 sections deep (the walk is bounded, not recursive without end).
printf '[Version]\nSignature="$Windows NT$"\n[DefaultInstall]\nNeeds=A\n[A]\nNeeds=B\n[B]\nNeeds=A,DefaultInstall\n' > "$dir/cycle.inf"
awk 'BEGIN { printf "[Version]\nSignature=\"$Windows NT$\"\n[DefaultInstall]\nNeeds=N0\n";
             for (i = 0; i < 100000; i++) printf "[N%d]\nNeeds=N%d\n", i, i + 1 }' > "$dir/deepneeds.inf"

for f in odd bom-only lone-surrogate nul-bytes ctrlz quote continuation percent garbage longline \
         sections fields chain bigstring cycle deepneeds; do
  run "$f --dump-model" "0" --dump-model "$dir/$f.inf"
  run "$f lint" "0 1" "$dir/$f.inf"
done

# An unreadable path: a message naming it, exit 2, and the other files still processed.
run "missing file" "2" "$dir/does-not-exist.inf" "$dir/ctrlz.inf"
grep -q "inflint: $dir/does-not-exist.inf: " "$dir/err" || fail "missing file: no message naming it"
run "dump with a missing file" "2" --dump-model "$dir/does-not-exist.inf" "$dir/ctrlz.inf"
grep -q '"sections"' "$dir/out" || fail "dump with a missing file: the readable file was not dumped"
if [ "$windows" = 0 ]; then # POSIX only, up to the 100,000 empty files
if [ "$(id -u)" != 0 ]; then
  printf '[Version]\n' > "$dir/unreadable.inf"; chmod 000 "$dir/unreadable.inf"
  run "unreadable file" "2" "$dir/unreadable.inf"
fi
# An unreadable directory inside a walked tree (Reliability II, 4): exit 2, listed with its
# error in JSON, and never "no problems found". As root, permissions do not stop reads, so
# the run drops to a throwaway user for this case (setpriv, from util-linux).
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  id -u inflint-test >/dev/null 2>&1 || useradd --system --no-create-home inflint-test 2>/dev/null
  id -u inflint-test >/dev/null 2>&1 && as_user=(setpriv --reuid=inflint-test --regid=inflint-test --clear-groups)
fi
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  mkdir -p "$dir/walked/ok" "$dir/walked/secret"
  cp "$dir/ctrlz.inf" "$dir/walked/ok/a.inf"; cp "$dir/ctrlz.inf" "$dir/walked/secret/b.inf"
  chmod -R a+rX "$dir/walked"; chmod a+x "$dir"; chmod 000 "$dir/walked/secret"
  "${as_user[@]}" "$inflint" -f json "$dir/walked" >"$dir/out" 2>"$dir/err"; rc=$?
  if [ "$rc" = 2 ] && grep -q '"path": "'"$dir"'/walked/secret", "error": "Permission denied"' "$dir/out" &&
     grep -q "inflint: $dir/walked/secret: Permission denied" "$dir/err"; then passed=$((passed + 1));
  else fail "unreadable directory in a walk: exit $rc; $(head -c 300 "$dir/out")"; fi
  "${as_user[@]}" "$inflint" "$dir/walked" >"$dir/out" 2>"$dir/err"; rc=$?
  if [ "$rc" = 2 ] && grep -q "1 path could not be read" "$dir/out"; then passed=$((passed + 1));
  else fail "unreadable directory in a walk (text): exit $rc; $(tail -1 "$dir/out")"; fi
  chmod 755 "$dir/walked/secret"
else
  echo "note: unreadable-directory case not run (root without setpriv/useradd)"
fi
# A walked directory whose path is longer than the system allows: reported, exit 2.
mkdir -p "$dir/long"
( cd "$dir/long" && for i in $(seq 1 250); do mkdir aaaaaaaaaaaaaaaaaaaa && cd aaaaaaaaaaaaaaaaaaaa || exit 1; done;
  printf '[Version]\n' > x.inf )
run "path longer than the system allows" "2" "$dir/long"
grep -q "File name too long" "$dir/err" || fail "path longer than the system allows: no message"
rm -rf "$dir/long"

# A FIFO nobody writes to reads as an empty file (a finding), it does not hang.
mkfifo "$dir/fifo.inf"
run "fifo" "1" "$dir/fifo.inf"
grep -q "INF010" "$dir/out" || fail "fifo: no finding"
# A directory symlink loop is not followed; a dangling link is a clear error.
mkdir -p "$dir/tree/a"
cp "$dir/ctrlz.inf" "$dir/tree/a/x.inf"
ln -s .. "$dir/tree/a/loop"
ln -s "$dir/nowhere.inf" "$dir/dangling.inf"
run "symlink loop" "0 1" "$dir/tree"
[ "$(grep -c 'x.inf' "$dir/out")" -ge 1 ] || fail "symlink loop: x.inf not linted"
run "dangling symlink" "2" "$dir/dangling.inf"
grep -q "inflint: $dir/dangling.inf: No such file or directory" "$dir/err" || fail "dangling symlink: no message"
# Links in a walked tree to a device or a FIFO are passed over with a note (Reliability II,
# 5): following them cost 2 GB and 10 s per /dev/zero link, and hung on a FIFO.
mkdir -p "$dir/linked"
cp "$dir/ctrlz.inf" "$dir/linked/real.inf"
ln -s /dev/zero "$dir/linked/zero.inf"
mkfifo "$dir/linked-fifo"
ln -s "$dir/linked-fifo" "$dir/linked/fifo.inf"
run "links to a device and a FIFO" "0 1" "$dir/linked"
grep -q "real.inf" "$dir/out" || fail "links to a device and a FIFO: the regular file was not linted"
grep -q "note: $dir/linked/zero.inf: not read" "$dir/err" || fail "links to a device: no note"
grep -q "note: $dir/linked/fifo.inf: not read" "$dir/err" || fail "links to a FIFO: no note"
run "a directory named as a file" "2" --stdin-filename x.inf - < /dev/null "$dir/tree/a/x.inf/"
fi
# 100,000 empty files in one directory: each is read and reported (no [Version]).
mkdir "$dir/many"
(cd "$dir/many" && seq -f 'f%06g.inf' 1 100000 | xargs touch)
run "100,000 empty files" "1" -q -f gcc "$dir/many"
[ "$(grep -c 'INF010' "$dir/out")" = 100000 ] || fail "100,000 empty files: $(grep -c INF010 "$dir/out") findings"

# Files of 1 MiB and more are mapped instead of read: the same report as the same bytes
# read from standard input, at sizes on and beside page boundaries, with NUL and Ctrl-Z.
for size in 1048575 1048576 1048577 2097152; do
  f="$dir/mapped-$size.inf"
  { printf '[Version]\nSignature="$Windows NT$"\n[Strings]\nk=\x00"v"\n[S]\n'
    awk 'BEGIN { while (n < 2200000) { line = sprintf("HKLM,Software\\%d,v,,%%k%%%%nope%% ; c\n", n); printf "%s", line; n += length(line) } }'
  } | head -c "$size" > "$f"
  [ "$size" = 2097152 ] && printf '\x1a' | dd of="$f" bs=1 seek=1500000 conv=notrunc status=none
  run "mapped $size bytes" "1" -f json "$f"
  cp "$dir/out" "$dir/mapped.json"
  run "the same $size bytes from stdin" "1" -f json --stdin-filename "$f" - < "$f"
  cmp -s "$dir/out" "$dir/mapped.json" || fail "mapped $size bytes: report differs from stdin"
done

# Many findings on one long line (Reliability II, 1): each finding keeps a bounded excerpt
# and the line is normalized once per rule for fingerprints, so 20,000 missing sections on
# one AddReg or CopyFiles line stay small (they took 30-40 s and 5 GB when every finding
# copied and re-read the 260 KB line) and no output line holds the whole source line.
for directive in AddReg CopyFiles; do
  f="$dir/many-missing-$directive.inf"
  awk -v d="$directive" 'BEGIN { printf "[Version]\nSignature=\"$Windows NT$\"\nPnpLockdown=1\n";
    printf "[DefaultInstall.NTamd64]\n%s=", d; for (i = 0; i < 20000; i++) printf "%sMissing%05d", (i ? "," : ""), i;
    printf "\n" }' > "$f"
  for format in text json; do
    if [ "${INFLINT_SANITIZED:-0}" != 1 ] && [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%M' -o "$dir/rss" timeout 60 "$inflint" -f "$format" "$f" >"$dir/out" 2>"$dir/err"; rc=$?
      rss=$(tail -1 "$dir/rss")
      if [ "$rc" = 1 ] && [ "$rss" -le $((128 * 1024)) ]; then passed=$((passed + 1));
      else fail "20,000 missing $directive targets ($format): exit $rc, peak RSS $rss KB (limit 131072)"; fi
    else
      run "20,000 missing $directive targets ($format)" "1" -f "$format" "$f"
    fi
    [ "$(grep -c 'INF006' "$dir/out")" = 20000 ] || fail "missing $directive ($format): $(grep -c INF006 "$dir/out") findings"
    longest=$(awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }' "$dir/out")
    [ "$longest" -le 1200 ] || fail "missing $directive ($format): an output line of $longest characters"
  done
done

# A big baseline (Reliability II, 9) is read finding by finding: peak RSS within 4x its size
# (a 100 MB one needed 2.8 GB when the whole document became a tree first).
awk 'BEGIN { printf "{\"tool\": \"inflint\", \"version\": 1, \"findings\": [\n";
  for (i = 0; i < 500000; i++) printf "%s    {\"path\": \"drv/sub%06d/file%06d.inf\", \"rule\": \"ISO101\", \"fingerprint\": \"%016x\"}", (i ? ",\n" : ""), i % 1000, i, i;
  printf "\n]}\n" }' > "$dir/big-baseline.json"
if [ "${INFLINT_SANITIZED:-0}" != 1 ] && [ -x /usr/bin/time ]; then
  size_kb=$(( $(stat -c %s "$dir/big-baseline.json") / 1024 ))
  /usr/bin/time -f '%M' -o "$dir/rss" timeout 60 "$inflint" --baseline "$dir/big-baseline.json" "$dir/ctrlz.inf" >/dev/null 2>&1
  rss=$(tail -1 "$dir/rss")
  [ "$rss" -le $((4 * size_kb)) ] && passed=$((passed + 1)) ||
    fail "a ${size_kb} KB baseline took ${rss} KB (limit 4x)"
fi

# Out of memory is a message and exit 2, never a signal (plain build only).
if [ "$rss_mode" != 1 ]; then
  ( ulimit -v 150000; exec timeout 60 "$inflint" --dump-model "$dir/longline.inf" ) >/dev/null 2>"$dir/err"
  rc=$?
  if [ "$rc" = 2 ] && grep -q "out of memory" "$dir/err"; then passed=$((passed + 1));
  else fail "out of memory: exit $rc, stderr: $(head -c 200 "$dir/err")"; fi
fi

# Hostile WDK project files beside an INF: a warning naming the project, the INF linted with
# the defaults (exit 1 for its finding), within the limits: never a crash, a hang, a read
# outside the repository or unbounded memory.
proj=$dir/projects
mkdir -p "$proj/.git"
printf '[Version]\nSignature="$Windows NT$"\n[DefaultInstall.NTamd64]\nAddReg=R\n[R]\nHKLM,Software\\X,v,,1\n' > "$dir/project.inf"
project_case() { # NAME FILE-WRITER EXPECTED-WARNING
  local name=$1 writer=$2 warning=$3 case_dir="$proj/$1"
  mkdir -p "$case_dir"
  cp "$dir/project.inf" "$case_dir/drv.inf"
  "$writer" > "$case_dir/drv.vcxproj"
  run "project: $name" "1" -q -f gcc "$case_dir"
  grep -q 'ISO106' "$dir/out" || fail "project: $name: the INF was not linted"
  grep -qF -- "$warning" "$dir/err" || { fail "project: $name: no warning '$warning'"; head -3 "$dir/err"; }
}
not_xml() { printf 'MZ\x90\x00 not a project at all\n'; }
laughs() { # the billion laughs: entities nested ten deep
  printf '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY l0 "lol">'
  for i in 1 2 3 4 5 6 7 8 9; do printf '<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">' $i $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)); done
  printf ']>\n<Project><PropertyGroup><DriverTargetPlatform>&l9;</DriverTargetPlatform></PropertyGroup></Project>\n'
}
external() { printf '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Project><PropertyGroup><A>&x;</A></PropertyGroup></Project>\n'; }
deep() { awk 'BEGIN { printf "<Project>"; for (i = 0; i < 100000; i++) printf "<a>"; for (i = 0; i < 100000; i++) printf "</a>"; print "</Project>" }'; }
huge() { printf '<Project><PropertyGroup><A>'; head -c 20000000 /dev/zero | tr '\0' 'a'; printf '</A></PropertyGroup></Project>\n'; }
self_import() { printf '<Project>\n<Import Project="drv.vcxproj" />\n<ItemGroup><Inf Include="drv.inf" /></ItemGroup>\n</Project>\n'; }
outside() { printf '<Project>\n<Import Project="../../../../outside.props" />\n<Import Project="/etc/passwd" />\n<ItemGroup><Inf Include="drv.inf" /></ItemGroup>\n</Project>\n'; }
project_case "not XML" not_xml "drv.vcxproj: not a readable project file"
project_case "billion laughs" laughs "a document type declaration"
project_case "external entity" external "a document type declaration"
project_case "100,000-deep nesting" deep "elements nested too deep"
project_case "20 MB project" huge "is over 8 MB"
project_case "imports itself" self_import "imports itself"
project_case "imports outside the repository" outside "is outside the repository: not read"

# Hostile driver source (the SRC scan): generated, nested, unbalanced and junk files end in
# a normal exit within the limits, and a 10 MB generated file is still scanned whole.
src=$dir/source
mkdir -p "$src"
awk 'BEGIN { for (i = 0; i < 60000; i++) {
  printf "static NTSTATUS F%d(PUNICODE_STRING p) {\n  UNICODE_STRING n%d = RTL_CONSTANT_STRING(L\"\\\\Registry\\\\Machine\\\\S%d\");\n", i, i, i;
  printf "  InitializeObjectAttributes(&oa, &n%d, 0, NULL, NULL);\n  return ZwOpenKey(&h, KEY_READ, &oa); /* %d */\n}\n", i, i } }' > "$src/generated.c"
run "source: 10 MB generated" "1" -q -f gcc "$src/generated.c"
[ "$(grep -c 'SRC101' "$dir/out")" = 60000 ] || fail "source: generated: $(grep -c SRC101 "$dir/out") findings, expected 60000"
awk 'BEGIN { printf "void f(void) {\n"; for (i = 0; i < 1000000; i++) printf "g("; for (i = 0; i < 1000000; i++) printf ")"; print ";\n}" }' > "$src/nested.c"
run "source: a million nested calls" "0" -q "$src/nested.c"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "#if X\nvoid f%d(int a) {\n#else\nvoid f%d(int a, int b) {\n#endif\n", i, i; print "}" }' > "$src/unbalanced.c"
run "source: braces repeated by conditionals" "0" -q "$src/unbalanced.c"
awk 'BEGIN { srand(5); for (i = 0; i < 2000000; i++) printf "%c", int(rand() * 256) }' > "$src/junk.cpp"
run "source: 2 MB of binary junk" "0" -q "$src/junk.cpp"
{ printf 'x = L"'; head -c 5000000 /dev/zero | tr '\0' 'a'; printf '\nR"d(never closed'; } > "$src/literal.c"
run "source: a 5 MB unterminated literal" "0" -q "$src/literal.c"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
