/*
 * fix_apply.h - applying the fixes findings carry (issue "fix it for me"):
 * in passes over the file's bytes, each pass taking the fixes that do not
 * overlap (identical edits merge), re-linting the result, until nothing
 * changes. Every byte outside an edit stays as it was: encoding, BOM, line
 * endings, a trailing Ctrl-Z.
 */
#ifndef INFLINT_FIX_APPLY_H
#define INFLINT_FIX_APPLY_H

#include "inflint/engine.h"

#include <stddef.h>

#define INF_FIX_MAX_PASSES 8

struct inf_fix_outcome {
    unsigned char *bytes; /* the file as the fixes leave it (malloc), NULL when unchanged */
    size_t len;
    size_t applied; /* fixes applied, over all passes */
    size_t left;    /* fixes the final text still offers that could have been applied */
    size_t hidden;  /* unsafe fixes the final text offers, not asked for */
    struct inf_file_result result; /* the lint of the final bytes */
};

/*
 * Lints LEN bytes at BYTES as file PATH with OPTIONS and applies the safe
 * fixes (the unsafe ones too with UNSAFE), pass after pass. Returns 0, or -1
 * when the file cannot be read as an INF (OUT->result.error says why).
 * Free OUT with inf_fix_outcome_free.
 */
int inf_fix_bytes(const char *path, const unsigned char *bytes, size_t len, int from_stdin,
                  const struct inf_lint_options *options, int unsafe, struct inf_fix_outcome *out);
void inf_fix_outcome_free(struct inf_fix_outcome *out);

/*
 * Appends to OUT a unified diff (three lines of context) from the text of
 * file bytes BEFORE to AFTER, both decoded to UTF-8, with headers naming
 * PATH ("--- PATH", "+++ PATH"). Nothing when the texts are equal.
 */
struct inf_buf;
void inf_fix_diff(const char *path, const unsigned char *before, size_t before_len,
                  const unsigned char *after, size_t after_len, struct inf_buf *out);

#endif
