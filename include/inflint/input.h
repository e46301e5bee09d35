/*
 * input.h - the bytes of one input file as inflint takes them: from malloc,
 * or a read-only mapping of MAPPED bytes (inf_lint_file makes these). The
 * linting functions take ownership.
 */
#ifndef INFLINT_INPUT_H
#define INFLINT_INPUT_H

#include <stddef.h>

struct inf_input {
    unsigned char *bytes;
    size_t len;
    size_t mapped; /* 0: BYTES came from malloc; else the size of the mapping */
    /* Non-zero for bytes read from standard input: the INF has no directory on disk, so
     * nothing beside it is looked at (INF014 never takes it for part of a built package). */
    int from_stdin;
};

#endif
