/*
 * fix_apply.c - fixes applied to a file's bytes, pass after pass
 * (fix_apply.h).
 *
 * Each pass lints the current bytes, takes the applicable fixes in finding
 * order, skips a fix any of whose edits overlaps an edit already taken (two
 * identical edits are one), encodes each replacement in the file's own
 * encoding and splices the edits into a copy of the bytes. A fix that waited
 * gets its turn in the next pass, on the re-linted text.
 */
#include "fix_apply.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "inflint/run.h"
#include "source.h"

#include <stdlib.h>
#include <string.h>

/* An edit taken for this pass, its replacement in the file's encoding. */
struct taken_edit {
    uint32_t byte_start, byte_end;
    const char *text; /* the replacement as written in the finding (UTF-8) */
    char *encoded;
    size_t encoded_len;
};

static int same_edit(const struct taken_edit *t, const struct inf_fix_edit *e)
{
    return t->byte_start == e->byte_start && t->byte_end == e->byte_end &&
           strcmp(t->text, e->replacement) == 0;
}

/* Is point AT strictly inside [START, END)? */
static int inside(uint32_t at, uint32_t start, uint32_t end)
{
    return at > start && at < end;
}

/*
 * Does E clash with T: overlapping ranges, an insertion inside a replaced
 * range, or two different insertions at one point (their order is not known)?
 */
static int clashes(const struct taken_edit *t, const struct inf_fix_edit *e)
{
    if (same_edit(t, e))
        return 0;
    int t_inserts = t->byte_start == t->byte_end, e_inserts = e->byte_start == e->byte_end;
    if (t_inserts && e_inserts)
        return t->byte_start == e->byte_start;
    if (t_inserts)
        return inside(t->byte_start, e->byte_start, e->byte_end);
    if (e_inserts)
        return inside(e->byte_start, t->byte_start, t->byte_end);
    return e->byte_start < t->byte_end && t->byte_start < e->byte_end;
}

static int compare_taken(const void *a, const void *b)
{
    const struct taken_edit *x = a, *y = b;
    if (x->byte_start != y->byte_start)
        return x->byte_start < y->byte_start ? -1 : 1;
    return x->byte_end < y->byte_end ? -1 : x->byte_end > y->byte_end;
}

/*
 * One pass: the fixes of RESULT that fit, spliced into BYTES. Returns the
 * number applied (*LEFT: those not), and the new bytes in *OUT (malloc).
 */
static size_t apply_pass(const struct inf_file_result *result, const unsigned char *bytes,
                         size_t len, int unsafe, unsigned char **out, size_t *out_len, size_t *left)
{
    enum inf_encoding encoding = inf_encoding_from_name(result->encoding);
    struct taken_edit *taken = NULL;
    size_t taken_count = 0, taken_cap = 0, applied = 0;
    *left = 0;
    for (size_t i = 0; i < result->count; i++) {
        const struct inf_fix *fix = result->findings[i].fix;
        if (!fix)
            continue;
        if (fix->applicability == INF_FIX_UNSAFE && !unsafe) {
            (*left)++;
            continue;
        }
        int fits = 1;
        for (size_t k = 0; k < fix->edit_count && fits; k++) {
            const struct inf_fix_edit *e = &fix->edits[k];
            fits = e->byte_start <= e->byte_end && e->byte_end <= len;
            for (size_t t = 0; t < taken_count && fits; t++)
                fits = !clashes(&taken[t], e);
        }
        /* Its replacements in the file's encoding; one that has no bytes there stops it. */
        size_t first = taken_count;
        for (size_t k = 0; k < fix->edit_count && fits; k++) {
            const struct inf_fix_edit *e = &fix->edits[k];
            int duplicate = 0;
            for (size_t t = 0; t < first; t++)
                duplicate |= same_edit(&taken[t], e);
            if (duplicate)
                continue;
            struct inf_buf encoded = INF_BUF_INIT;
            inf_buf_adds(&encoded, "");
            if (inf_source_encode(encoding, e->replacement, strlen(e->replacement), &encoded)) {
                inf_buf_free(&encoded);
                fits = 0;
                break;
            }
            taken = inf_xgrow(taken, &taken_cap, taken_count + 1, sizeof *taken);
            taken[taken_count++] = (struct taken_edit){e->byte_start, e->byte_end, e->replacement,
                                                       encoded.data, encoded.len};
        }
        if (!fits) {
            while (taken_count > first)
                free(taken[--taken_count].encoded);
            (*left)++;
            continue;
        }
        applied++;
    }
    if (applied) {
        qsort(taken, taken_count, sizeof *taken, compare_taken);
        struct inf_buf spliced = INF_BUF_INIT;
        size_t at = 0;
        for (size_t t = 0; t < taken_count; t++) {
            inf_buf_add(&spliced, (const char *)bytes + at, taken[t].byte_start - at);
            inf_buf_add(&spliced, taken[t].encoded, taken[t].encoded_len);
            at = taken[t].byte_end;
        }
        inf_buf_add(&spliced, (const char *)bytes + at, len - at);
        inf_buf_adds(&spliced, "");
        *out = (unsigned char *)spliced.data;
        *out_len = spliced.len;
    }
    for (size_t t = 0; t < taken_count; t++)
        free(taken[t].encoded);
    free(taken);
    return applied;
}

/* Lints LEN bytes at BYTES (copied) into RESULT. */
static int lint(const char *path, const unsigned char *bytes, size_t len, int from_stdin,
                const struct inf_lint_options *options, struct inf_file_result *result)
{
    unsigned char *copy = inf_xmalloc(len + 1);
    memcpy(copy, bytes, len);
    struct inf_input input = {copy, len, 0, from_stdin};
    return inf_lint_input(path, input, options, result);
}

int inf_fix_bytes(const char *path, const unsigned char *bytes, size_t len, int from_stdin,
                  const struct inf_lint_options *options, int unsafe, struct inf_fix_outcome *out)
{
    memset(out, 0, sizeof *out);
    if (lint(path, bytes, len, from_stdin, options, &out->result) != 0)
        return -1;
    const unsigned char *current = bytes;
    size_t current_len = len;
    for (int pass = 0; pass < INF_FIX_MAX_PASSES; pass++) {
        unsigned char *next = NULL;
        size_t next_len = 0, left = 0;
        size_t applied =
            apply_pass(&out->result, current, current_len, unsafe, &next, &next_len, &left);
        if (!applied)
            break;
        int same = next_len == current_len && memcmp(next, current, next_len) == 0;
        if (same) { /* edits that change nothing: done */
            free(next);
            break;
        }
        out->applied += applied;
        free(out->bytes);
        out->bytes = next;
        out->len = next_len;
        current = next;
        current_len = next_len;
        inf_file_result_free(&out->result);
        if (lint(path, current, current_len, from_stdin, options, &out->result) != 0)
            return -1;
    }
    /* What the last lint still offers: fixes that never fit, and unsafe ones not asked for. */
    out->left = out->hidden = 0;
    for (size_t i = 0; i < out->result.count; i++) {
        const struct inf_fix *fix = out->result.findings[i].fix;
        if (fix && (unsafe || fix->applicability == INF_FIX_SAFE))
            out->left++;
        else if (fix)
            out->hidden++;
    }
    return 0;
}

void inf_fix_outcome_free(struct inf_fix_outcome *out)
{
    free(out->bytes);
    inf_file_result_free(&out->result);
    memset(out, 0, sizeof *out);
}
