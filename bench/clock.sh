# clock.sh - the wall clock the bench scripts time commands with (sourced).
#
# wall_seconds COMMAND...: runs COMMAND, its output discarded, and prints the
# seconds it took. The clock is bash's own (EPOCHREALTIME, bash 5.0 on):
# reading it through a `date` process would add that process's millisecond
# to every run, a bias towards 1 in the ratio of two short runs. Older bash
# falls back to date.
wall_seconds() {
  local t0 t1
  if [ -n "${EPOCHREALTIME:-}" ]; then
    t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; t1=$EPOCHREALTIME
  else
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  fi
  awk -v a="${t0/,/.}" -v z="${t1/,/.}" 'BEGIN { print z - a }'
}
