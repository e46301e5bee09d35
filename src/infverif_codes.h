/*
 * infverif_codes.h - InfVerif's error codes, their level in each mode, and
 * why inflint has no rule for those it does not cover (infverif_codes.c).
 */
#ifndef INFLINT_INFVERIF_CODES_H
#define INFLINT_INFVERIF_CODES_H

#include <stddef.h>

enum inf_infverif_level { INF_LEVEL_NONE, INF_LEVEL_WARNING, INF_LEVEL_ERROR };

struct inf_infverif_code {
    unsigned short code;
    enum inf_infverif_level kmdf, universal, windows_driver; /* under /k, /u and /w */
    const char *about;                                       /* what it reports, in a few words */
    const char *not_covered; /* why no inflint rule covers it; NULL when a rule does */
};

/* Every code, in ascending order; *COUNT gets their number. */
const struct inf_infverif_code *inf_infverif_codes(size_t *count);

/* The entry of CODE, or NULL when InfVerif's table has no such code. */
const struct inf_infverif_code *inf_infverif_code(unsigned code);

/* "error", "warning" or "none". */
const char *inf_infverif_level_name(enum inf_infverif_level level);

struct inf_buf;

/* Every code with its levels and the rules covering it, or why none does: a text table, or
 * (MARKDOWN) the table the README's conformance section is made from (infverif_doc.c). */
void inf_infverif_list(struct inf_buf *out, int markdown);

#endif
