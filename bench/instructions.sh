# instructions.sh - instruction counts the bench scripts measure with (sourced).
#
# irefs COMMAND...: runs COMMAND under callgrind, its output discarded, and prints
# the instructions it executed. Unlike a wall time, the count does not move with
# the machine's load, so it settles what a noisy timing cannot. inflint exits 1
# on an input with findings: that is not a failure of the measurement.
# Callgrind counts each byte glibc's `rep movsb`/`rep stosb` move (copies and
# clears of ~2 KiB and more) as one instruction: 1-2 % of inflint's counts,
# none of libinih's (docs/performance.md, the twenty-eighth round).
irefs() {
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
