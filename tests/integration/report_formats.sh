#!/usr/bin/env bash
# The CI report formats, read by the programs that consume them:
#  * junit: parsed with junitparser (Debian python3-junitparser), the reader
#    Python CI tooling uses; checked for what Azure Pipelines'
#    PublishTestResults (JUnit), Jenkins' junit step and GitLab's
#    artifacts:reports:junit read: testsuite/testcase with classname and
#    name, failure and error children with message and type.
#  * checkstyle: parsed with diff-cover's CheckstyleXmlDriver (Debian
#    diff-cover, the parser behind `diff-quality --violations checkstylexml`);
#    the attributes checked are those Jenkins Warnings NG's CheckStyleParser
#    reads (file@name; error@line, @column, @severity, @message, @source).
#  * gitlab: no parser installs here, so the fields GitLab's documentation
#    ("Code Quality report format", doc/ci/testing/code_quality.md) lists as
#    required are checked: description, check_name, fingerprint (unique),
#    severity (info, minor, major, critical, blocker), location.path
#    (relative to the project root) and location.lines.begin.
# Every XML output is also checked well-formed by xmllint, with hostile text
# (markup characters, control characters) in the messages and file names.
# Skips (77) only when the consumers are not installed (.ci/run installs them).
# usage: report_formats.sh INFLINT
set -u
inflint=$1
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3 # the system Python, which has the Debian packages
for need in xmllint "$py"; do
  command -v "$need" >/dev/null 2>&1 || { echo "SKIP: $need is not installed"; exit 77; }
done
"$py" -c 'import junitparser, diff_cover' 2>/dev/null ||
  { echo "SKIP: python3-junitparser or diff-cover is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # NAME COMMAND...
  local name=$1; shift
  if "$@" >"$tmp/check.out" 2>&1; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name"; head -20 "$tmp/check.out"; fi
}
cd "$root"

# Hostile text: markup and control characters reach messages and the file name.
mkdir -p "$tmp/tree"
hostile="$tmp/tree/$(printf 'a&b<c>"q\x27.inf')"
printf '[Version]\r\nSignature="$Windows NT$"\r\n[Manufacturer]\r\nM=Models,NTamd64.10.0...17763\r\n[Models.NTamd64.10.0...17763]\r\nD=I,HW\r\n[I.NT]\r\nAddReg=R\r\n[R]\r\nHKLM,"Soft<&>\x1bware",V,,1\r\n' > "$hostile"
inputs=(samples/rules samples/isolated.inf "$tmp/tree" "$tmp/unreadable.inf")

for format in junit checkstyle gitlab; do
  "$inflint" -f "$format" "${inputs[@]}" > "$tmp/report.$format" 2>/dev/null
  rc=$?
  [ "$rc" -eq 2 ] && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: $format: exit $rc with an unreadable input, expected 2"; }
done
"$inflint" -f json "${inputs[@]}" > "$tmp/report.json" 2>/dev/null

check "junit is well-formed XML" xmllint --noout "$tmp/report.junit"
check "checkstyle is well-formed XML" xmllint --noout "$tmp/report.checkstyle"

# JUnit through junitparser: a suite per file, a failing case per rule with findings, a
# passing case for a clean file, an error case for the unreadable one; the totals agree.
check "junit read by junitparser" "$py" - "$tmp/report.junit" "$tmp/report.json" <<'PY'
import json, sys
from junitparser import JUnitXml, Failure, Error
xml = JUnitXml.fromfile(sys.argv[1])
report = json.load(open(sys.argv[2]))
files = {f["path"]: dict(f, findings=[]) for f in report["files"]}
for d in report["diagnostics"]:
    files[d["path"]]["findings"].append(d)
suites = list(xml)
assert len(suites) == len(files), (len(suites), len(files))
total_failures = 0
for suite in suites:
    f = files[suite.name]
    cases = list(suite)
    rules = sorted({x["rule"] for x in f.get("findings", [])})
    if f.get("error"):
        assert any(isinstance(r, Error) for c in cases for r in c.result), suite.name
        continue
    if not rules:
        assert len(cases) == 1 and not cases[0].result and cases[0].name == "inflint", suite.name
        continue
    failing = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    assert sorted(c.name.split()[0] for c in failing) == rules, (suite.name, rules)
    for c in failing:
        assert c.classname == suite.name
        failure = c.result[0]
        assert failure.type in ("error", "warning", "note") and failure.message
        code = c.name.split()[0]
        n = sum(1 for x in f["findings"] if x["rule"] == code)
        assert failure.text.count("[%s]" % code) == n, (c.name, n)
    assert suite.failures == len(failing)
    total_failures += len(failing)
assert xml.failures == total_failures and xml.errors == 1, (xml.failures, xml.errors)
print("junit ok:", len(suites), "suites,", total_failures, "failing cases")
PY

# Checkstyle through diff-cover's parser: every finding is a violation on its line.
check "checkstyle read by diff-cover" "$py" - "$tmp/report.checkstyle" "$tmp/report.json" <<'PY'
import json, os, sys
import xml.etree.ElementTree as etree
from diff_cover.git_path import GitPathTool
from diff_cover.violationsreporters.java_violations_reporter import CheckstyleXmlDriver
GitPathTool.set_cwd(os.getcwd())
violations = CheckstyleXmlDriver().parse_reports([open(sys.argv[1]).read()])
report = json.load(open(sys.argv[2]))
expected = len(report["diagnostics"]) + 1  # + the unreadable file
assert sum(len(v) for v in violations.values()) == expected
# What Jenkins Warnings NG reads: file@name, error@line/@column/@severity/@message/@source.
for file in etree.parse(sys.argv[1]).getroot().iter("file"):
    assert file.get("name")
    for error in file.iter("error"):
        assert error.get("line").isdigit() and error.get("message")
        assert error.get("severity") in ("error", "warning", "info")
        assert error.get("source").startswith("inflint.")
print("checkstyle ok:", expected, "violations")
PY

# GitLab Code Quality: the documented required fields, one issue per finding.
check "gitlab fields" "$py" - "$tmp/report.gitlab" "$tmp/report.json" "$root" <<'PY'
import json, sys
issues = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
assert len(issues) == len(report["diagnostics"])
fingerprints = set()
for i in issues:
    assert isinstance(i["description"], str) and i["description"]
    assert isinstance(i["check_name"], str) and i["check_name"]
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert i["fingerprint"] not in fingerprints
    fingerprints.add(i["fingerprint"])
    path = i["location"]["path"]
    if not path.startswith(sys.argv[3]) and not path.startswith("/tmp/"):  # files below the project
        assert not path.startswith(("/", "./")) and "\\" not in path, path
    assert isinstance(i["location"]["lines"]["begin"], int) and i["location"]["lines"]["begin"] >= 1
assert any(i["location"]["path"] == "samples/rules/iso101-bad.inf" for i in issues)
print("gitlab ok:", len(issues), "issues")
PY

# Fingerprints are stable from run to run (GitLab compares them between pipelines).
"$inflint" -f gitlab "${inputs[@]}" > "$tmp/again.gitlab" 2>/dev/null
check "gitlab fingerprints stable" cmp "$tmp/report.gitlab" "$tmp/again.gitlab"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
