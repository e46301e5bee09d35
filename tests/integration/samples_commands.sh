#!/usr/bin/env bash
# The CI samples of samples/integration/ keep working as inflint changes:
# every inflint command they contain is run (CI variables replaced by
# temporary paths) and must not fail on its options (exit 2); the files are
# well-formed YAML/JSON; the project's own address appears only as the one
# marked placeholder (your-org/inflint); and the VS Code problem matcher
# matches every line of the gcc format, groups included.
# usage: samples_commands.sh INFLINT
set -u
inflint=$1
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
"$py" -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml is not installed"; exit 77; }
cd "$root"
"$py" - "$inflint" <<'PY'
import json, os, re, shlex, subprocess, sys, tempfile
import yaml

inflint = os.path.abspath(sys.argv[1])
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)

d = "samples/integration"
work = tempfile.mkdtemp()
repo = os.path.join(work, "repo")
os.makedirs(repo)
with open("samples/rules/iso101-bad.inf", "rb") as src, open(os.path.join(repo, "a.inf"), "wb") as dst:
    dst.write(src.read())

def commands(text):
    """Every inflint command line of TEXT (YAML run/script lines, list items, shell)."""
    for line in text.splitlines():
        line = re.sub(r"^\s*(-\s+)?((run|script|entry):\s*)?", "", line)
        if line.startswith("inflint "):
            yield line

commands_seen = 0
for name in sorted(os.listdir(d)):
    path = os.path.join(d, name)
    if os.path.isdir(path):
        continue
    text = open(path).read()
    if name.endswith((".yml", ".yaml")):
        try:
            yaml.safe_load(text)
            check(True, name)
        except yaml.YAMLError as e:
            check(False, "%s is not YAML: %s" % (name, e))
    # The project's address: only the marked placeholder.
    for url in re.findall(r"https?://[^\s'\"]*inflint[^\s'\"]*", text):
        check("your-org/inflint" in url, "%s names an address that is not the placeholder: %s" % (name, url))
    for cmd in commands(text):
        commands_seen += 1
        # CI variables become temporary paths; the lint runs on a repository with a finding.
        cmd = re.sub(r"\$\([A-Za-z.]+\)|\$\{\{[^}]*\}\}|\$[A-Z_]+", work, cmd)
        args = shlex.split(cmd)[1:]
        args = [a for a in args if a not in (".",)]
        out = os.path.join(work, "out")
        os.makedirs(os.path.join(work, "CodeAnalysisLogs"), exist_ok=True)
        r = subprocess.run([inflint] + args + [repo], capture_output=True, text=True, cwd=work)
        check(r.returncode in (0, 1), "%s: `%s` exits %d: %s" % (name, cmd, r.returncode, r.stderr.strip()))
check(commands_seen >= 6, "only %d inflint commands found in the samples" % commands_seen)

# The root hook definition's entry is a command too.
hooks = yaml.safe_load(open(".pre-commit-hooks.yaml"))
for hook in hooks:
    args = shlex.split(hook["entry"])[1:]
    r = subprocess.run([inflint] + args + [os.path.join(repo, "a.inf")], capture_output=True, text=True)
    check(r.returncode == 1, "hook entry `%s` exits %d: %s" % (hook["entry"], r.returncode, r.stderr))

# The VS Code problem matcher (JSON with comments) on gcc output of every sample.
tasks_text = open(os.path.join(d, "vscode", "tasks.json")).read()
tasks = json.loads(re.sub(r"^\s*//.*$", "", tasks_text, flags=re.M))
matchers = tasks["tasks"][0]["problemMatcher"]
gcc = subprocess.run([inflint, "--format", "gcc", "--fail-on", "never", "samples"],
                     capture_output=True, text=True).stdout.splitlines()
check(len(gcc) > 40, "few gcc lines to match")
for line in gcc:
    hits = []
    for m in matchers:
        p = m["pattern"]
        g = re.match(p["regexp"], line)
        if g:
            sev = g.group(p["severity"]) if "severity" in p else m["severity"]
            hits.append((g.group(p["file"]), int(g.group(p["line"])), int(g.group(p["column"])), sev,
                         g.group(p["code"])))
    want = re.match(r"^(.*):(\d+):(\d+): (error|warning|note): .* \[([A-Z]+\d+)\]$", line)
    sev = {"note": "info"}.get(want.group(4), want.group(4))
    check(len(hits) == 1 and hits[0] == (want.group(1), int(want.group(2)), int(want.group(3)), sev,
                                         want.group(5)), "problem matcher on: " + line)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
