#!/usr/bin/env bash
# Writing files the user names (conventions.md 6a, Reliability II 2-3), through
# --write-baseline: special files are refused and left alone, a symbolic link
# keeps being a link to its updated target, mode and owner survive, a link
# planted at a predictable temporary name is never followed, and nothing is
# left behind on failure.
# usage: write_file.sh INFLINT
set -u
inflint=$1
cd "$(dirname "$0")/../.."
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
sample=samples/rules/iso101-bad.inf

# A FIFO (and, as root, a character device made here) is refused: exit 2, a message, untouched.
mkfifo "$tmp/fifo.json"
"$inflint" --write-baseline "$tmp/fifo.json" "$sample" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ "$rc" = 2 ] && [ -p "$tmp/fifo.json" ] && grep -q "not a regular file" "$tmp/err"; then ok;
else bad "FIFO: exit $rc, $(ls -l "$tmp/fifo.json")"; fi
if [ "$(id -u)" = 0 ]; then
  mknod "$tmp/null" c 1 3
  "$inflint" --write-baseline "$tmp/null" "$sample" >"$tmp/out" 2>&1; rc=$?
  if [ "$rc" = 2 ] && [ -c "$tmp/null" ]; then ok; else bad "character device: exit $rc, $(ls -l "$tmp/null")"; fi
fi

# A directory is refused, and no temporary file is left anywhere.
mkdir "$tmp/dir.json"
"$inflint" --write-baseline "$tmp/dir.json" "$sample" >"$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && [ -d "$tmp/dir.json" ] && ok || bad "directory: exit $rc"
leftovers=$(find "$tmp" -name '*inflint-*' -o -name '*.tmp.*' | wc -l)
[ "$leftovers" = 0 ] && ok || bad "temporary files left: $(find "$tmp" -name '*inflint-*')"

# A symbolic link: the target is replaced, the link stays a link.
echo '{}' > "$tmp/real.json"
ln -s real.json "$tmp/link.json"
"$inflint" --write-baseline "$tmp/link.json" "$sample" >/dev/null 2>&1; rc=$?
if [ "$rc" = 0 ] && [ -L "$tmp/link.json" ] && grep -q '"ISO101"' "$tmp/real.json"; then ok;
else bad "symlink: exit $rc, link $(ls -l "$tmp/link.json"), target $(head -c 60 "$tmp/real.json")"; fi
# A dangling link: its target is created.
ln -s made.json "$tmp/dangling.json"
"$inflint" --write-baseline "$tmp/dangling.json" "$sample" >/dev/null 2>&1
[ -L "$tmp/dangling.json" ] && grep -q '"ISO101"' "$tmp/made.json" && ok || bad "dangling link"

# Mode (and, as root, owner) survive the replacement; a new file gets 0666 less the umask.
echo '{}' > "$tmp/kept.json"
chmod 640 "$tmp/kept.json"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/kept.json"
"$inflint" --write-baseline "$tmp/kept.json" "$sample" >/dev/null 2>&1
[ "$(stat -c %a "$tmp/kept.json")" = 640 ] && ok || bad "mode: $(stat -c %a "$tmp/kept.json")"
if [ "$(id -u)" = 0 ]; then
  [ "$(stat -c %u:%g "$tmp/kept.json")" = 65534:65534 ] && ok || bad "owner: $(stat -c %u:%g "$tmp/kept.json")"
fi
(umask 027; "$inflint" --write-baseline "$tmp/new.json" "$sample" >/dev/null 2>&1)
[ "$(stat -c %a "$tmp/new.json")" = 640 ] && ok || bad "new file mode: $(stat -c %a "$tmp/new.json")"

# A link planted where the old code put its temporary file (PATH.tmp.PID) is not followed.
echo 'precious' > "$tmp/victim"
sh -c 'ln -s "$1" "$2.tmp.$$"; exec "$3" --write-baseline "$2" "$4"' _ \
  "$tmp/victim" "$tmp/planted.json" "$inflint" "$sample" >/dev/null 2>&1
[ "$(cat "$tmp/victim")" = precious ] && grep -q '"ISO101"' "$tmp/planted.json" && ok ||
  bad "planted link: victim now '$(head -c 40 "$tmp/victim")'"

# Ended by SIGTERM while the temporary file exists (held there by a test hook): the
# temporary file is removed and the target keeps its old content.
echo 'old content' > "$tmp/killed.json"
INFLINT_TEST_WRITE_PAUSE_MS=5000 "$inflint" --write-baseline "$tmp/killed.json" "$sample" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 50); do
  ls "$tmp"/.killed.json.inflint-* >/dev/null 2>&1 && break
  sleep 0.1
done
ls "$tmp"/.killed.json.inflint-* >/dev/null 2>&1 && ok || bad "the paused write made no temporary file"
kill -TERM "$pid"; wait "$pid" 2>/dev/null
if ls "$tmp"/.killed.json.inflint-* >/dev/null 2>&1; then bad "a killed write left its temporary file";
else ok; fi
[ "$(cat "$tmp/killed.json")" = 'old content' ] && ok || bad "a killed write changed the target"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
