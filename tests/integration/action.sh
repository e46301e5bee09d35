#!/usr/bin/env bash
# The GitHub Action (action.yml) and its script (scripts/github-action.sh),
# run here with the environment GitHub gives a composite action's steps:
# the cache key follows the sources, a Linux build is made once and reused
# from the cache, the lint step writes the SARIF report and annotations and
# records the status that the gate step turns into the job's result, every
# input reaches inflint, and the Windows build calls vcpkg and CMake as the
# windows-latest image needs (commands stubbed: this is not Windows).
# usage: action.sh
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
script="$root/scripts/github-action.sh"
py=/usr/bin/python3
"$py" -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
output_of() { # KEY: the last value the steps wrote for KEY
  grep "^$1=" "$GITHUB_OUTPUT" | tail -1 | cut -d= -f2-
}

export RUNNER_OS=Linux RUNNER_TEMP="$tmp/runner" GITHUB_OUTPUT="$tmp/output" GITHUB_ACTION_PATH="$tmp/action"
mkdir -p "$RUNNER_TEMP"
: > "$GITHUB_OUTPUT"
# The action's checkout: the sources the build needs.
mkdir -p "$GITHUB_ACTION_PATH"
(cd "$root" && cp -r CMakeLists.txt LICENSE README.md docs src include rules scripts action.yml "$GITHUB_ACTION_PATH/")
[ -d "$root/cmake" ] && cp -r "$root/cmake" "$GITHUB_ACTION_PATH/"

# action.yml: a composite action whose steps call the script, with every input documented.
if "$py" - "$root/action.yml" <<'PY'
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
assert a["runs"]["using"] == "composite"
assert set(a["inputs"]) >= {"paths", "profile", "fail-on", "format", "args"}
assert all(v.get("description") for v in a["inputs"].values())
steps = a["runs"]["steps"]
runs = " ".join(s.get("run", "") for s in steps)
for sub in ("hash", "build", "run", "gate"):
    assert "github-action.sh\" " + sub in runs, sub
uses = [s["uses"] for s in steps if "uses" in s]
assert any(u.startswith("actions/cache@") for u in uses)
assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
assert "steps.hash.outputs.key" in cache["with"]["key"]
PY
then ok; else fail "action.yml is not the composite action the script expects"; fi

# hash: stable, and changed by any source change.
bash "$script" hash && key1=$(output_of key)
bash "$script" hash && key2=$(output_of key)
echo "/* changed */" >> "$GITHUB_ACTION_PATH/src/main.c"
bash "$script" hash && key3=$(output_of key)
[ -n "$key1" ] && [ "$key1" = "$key2" ] && [ "$key1" != "$key3" ] && [[ "$key1" == inflint-Linux-* ]] && ok ||
  fail "cache key: '$key1' '$key2' '$key3'"

# build: from the action's checkout; a second call finds the cached binary.
if bash "$script" build 2>"$tmp/build.err"; then ok; else fail "build"; cat "$tmp/build.err"; fi
binary=$(output_of binary)
[ -x "$binary" ] && ok || fail "no binary at '$binary'"
touch -d '2001-01-01' "$binary"
bash "$script" build 2>"$tmp/build2.err"
grep -q "using the cached build" "$tmp/build2.err" && [ "$(stat -c %Y "$binary")" = "$(date -d 2001-01-01 +%s)" ] &&
  ok || fail "the cached build was not reused"

# run + gate on a repository with findings: SARIF written, annotations printed, job fails.
mkdir -p "$tmp/repo/drivers"
cp "$root/samples/rules/iso101-bad.inf" "$tmp/repo/drivers/"
cp "$root/samples/isolated.inf" "$tmp/repo/"
cd "$tmp/repo"
INFLINT_PATHS=". drivers" INFLINT_FAIL_ON=error bash "$script" run > "$tmp/run.out" 2>"$tmp/run.err"
sarif=$(output_of sarif)
status=$(output_of status)
[ -s "$sarif" ] && "$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["runs"][0]["results"]' "$sarif" &&
  ok || fail "no SARIF report with results at '$sarif'"
grep -q '^::error file=drivers/iso101-bad.inf,line=29' "$tmp/run.out" && ok || fail "no annotation"; 
[ "$status" = 1 ] && ok || fail "status '$status', expected 1"
INFLINT_STATUS=$status bash "$script" gate 2>"$tmp/gate.err"; rc=$?
[ "$rc" = 1 ] && grep -q "findings at or above fail-on" "$tmp/gate.err" && ok || fail "gate exit $rc"

# fail-on never, profile and args reach inflint; other formats are written too.
: > "$GITHUB_OUTPUT"
INFLINT_PATHS=drivers INFLINT_FAIL_ON=never INFLINT_PROFILE=whql INFLINT_FORMAT=junit \
  INFLINT_ARGS="--select ISO101 --min-build 17763" bash "$script" run > "$tmp/run2.out" 2>/dev/null
[ "$(output_of status)" = 0 ] && ok || fail "fail-on never: status $(output_of status)"
report=$(output_of report)
grep -q '<testcase classname="drivers/iso101-bad.inf" name="ISO101' "$report" && grep -q 'type="warning"' "$report" && ! grep -q ISO108 "$report" &&
  ok || fail "junit report or --select did not arrive: $report"
[ -z "$(output_of sarif)" ] && ok || fail "a junit run claims a SARIF file"
INFLINT_STATUS=0 bash "$script" gate && ok || fail "gate with status 0"

# A clean repository passes; an unreadable path is status 2 and the gate says why.
: > "$GITHUB_OUTPUT"
INFLINT_PATHS=isolated.inf bash "$script" run >/dev/null 2>&1
[ "$(output_of status)" = 0 ] && ok || fail "clean run: status $(output_of status)"
: > "$GITHUB_OUTPUT"
INFLINT_PATHS="isolated.inf missing.inf" bash "$script" run >/dev/null 2>&1
INFLINT_STATUS=$(output_of status) bash "$script" gate 2>"$tmp/gate2.err"; rc=$?
[ "$rc" = 2 ] && grep -q "could not run or read" "$tmp/gate2.err" && ok || fail "unreadable input: gate $rc"
INFLINT_FORMAT=bogus bash "$script" run >/dev/null 2>"$tmp/bogus.err"; rc=$?
[ "$rc" = 2 ] && grep -q "is not one the action writes" "$tmp/bogus.err" && ok || fail "unknown format accepted"

# Windows: vcpkg installs inih for x64, CMake gets the vcpkg toolchain and builds Release.
mkdir -p "$tmp/stubs"
cat > "$tmp/stubs/vcpkg" <<'SH'
#!/bin/sh
echo "vcpkg $*" >> "$STUB_LOG"
SH
cat > "$tmp/stubs/cmake" <<'SH'
#!/bin/sh
echo "cmake $*" >> "$STUB_LOG"
case "$*" in *--build*) mkdir -p "$STUB_BUILD/Release"; printf '#!/bin/sh\necho "inflint 0.1.0"\n' > "$STUB_BUILD/Release/inflint.exe"; chmod +x "$STUB_BUILD/Release/inflint.exe" ;; esac
SH
chmod +x "$tmp/stubs/vcpkg" "$tmp/stubs/cmake"
export STUB_LOG="$tmp/stub.log" STUB_BUILD="$tmp/winrunner/inflint-build"
mkdir -p "$tmp/winrunner"
: > "$GITHUB_OUTPUT"
PATH="$tmp/stubs:$PATH" RUNNER_OS=Windows RUNNER_TEMP="$tmp/winrunner" VCPKG_INSTALLATION_ROOT='C:/vcpkg' \
  bash "$script" build 2>/dev/null
grep -q '^vcpkg install inih:x64-windows' "$STUB_LOG" &&
  grep -q -- '-DCMAKE_TOOLCHAIN_FILE=C:/vcpkg/scripts/buildsystems/vcpkg.cmake' "$STUB_LOG" &&
  grep -q -- '--build .* --config Release' "$STUB_LOG" &&
  [ "$(output_of binary)" = "$tmp/winrunner/inflint-build/Release/inflint.exe" ] && ok ||
  { fail "Windows build commands"; cat "$STUB_LOG"; }
: > "$GITHUB_OUTPUT"
RUNNER_OS=Windows RUNNER_TEMP="$tmp/nowhere" bash "$script" build 2>"$tmp/novcpkg.err"; rc=$?
[ "$rc" -ne 0 ] && grep -q "VCPKG_INSTALLATION_ROOT is not set" "$tmp/novcpkg.err" && ok ||
  fail "a Windows runner without vcpkg is not said plainly"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
