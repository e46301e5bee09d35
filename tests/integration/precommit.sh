#!/usr/bin/env bash
# End to end, in a throwaway git repository:
#  1. pre-commit (Debian's package) with this repository as the hook repo;
#  2. the plain git hook of samples/integration/pre-commit.
# Committing a non-isolated INF is refused with the finding shown; clean
# ASCII and UTF-16LE INFs go through. Skips (77) without pre-commit or git,
# or when this project is not a git checkout with a commit.
# usage: precommit.sh INFLINT
set -u
inflint=$1
root="$(cd "$(dirname "$0")/../.." && pwd)"
for tool in git pre-commit; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
rev=$(git -C "$root" rev-parse HEAD 2>/dev/null) || { echo "SKIP: $root is not a git checkout"; exit 77; }
git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null ||
  { echo "SKIP: .pre-commit-hooks.yaml is not committed yet"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(cd "$(dirname "$inflint")" && pwd):$PATH" PRE_COMMIT_HOME="$tmp/cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
passed=0 failed=0

try_commit() { # NAME EXPECTED(0 accepted, 1 refused) FILE [TEXT expected in output]
  local name=$1 want=$2 file=$3 text=${4:-}
  cp "$root/samples/$file" "$repo/$(basename "$file")"
  git -C "$repo" add "$(basename "$file")"
  git -C "$repo" commit -q -m "$name" >"$tmp/out" 2>&1
  local rc=$?; [ "$rc" -ne 0 ] && rc=1
  if [ "$rc" = "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" "$tmp/out"; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $name: commit exit $rc, expected $want"; head -20 "$tmp/out"
  fi
  [ "$rc" = 1 ] && git -C "$repo" reset -q HEAD -- "$(basename "$file")" && rm -f "$repo/$(basename "$file")"
  return 0
}

# 1. pre-commit with this repository as the hook repository.
repo="$tmp/with-pre-commit"
git init -q "$repo"
cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: inflint
YAML
git -C "$repo" add .pre-commit-config.yaml && git -C "$repo" commit -q -m config --no-verify
(cd "$repo" && pre-commit install >/dev/null) || { echo "FAIL: pre-commit install"; exit 1; }
try_commit "pre-commit refuses a non-isolated INF" 1 rules/iso101-bad.inf "[ISO101 dest-not-driver-store]"
try_commit "pre-commit accepts a clean ASCII INF" 0 isolated.inf
try_commit "pre-commit accepts a clean UTF-16LE INF" 0 isolated-utf16.inf

# 2. the plain git hook.
repo="$tmp/with-git-hook"
git init -q "$repo"
cp "$root/samples/integration/pre-commit" "$repo/.git/hooks/pre-commit"
chmod +x "$repo/.git/hooks/pre-commit"
try_commit "git hook refuses a non-isolated INF" 1 rules/iso106-bad.inf "[ISO106 registry-root-not-hkr]"
try_commit "git hook accepts a clean ASCII INF" 0 isolated.inf
try_commit "git hook accepts a clean UTF-16LE INF" 0 isolated-utf16.inf
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
