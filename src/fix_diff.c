/*
 * fix_diff.c - the unified diff --diff prints: the decoded text of the file
 * before and after its fixes, compared line by line (Myers' algorithm on
 * what lies between the common head and tail), three lines of context.
 */
#include "fix_apply.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "source.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3
#define MAX_DIFFERENCES 4000 /* beyond, the differing middle is shown as replaced whole */

struct lines {
    const char **at;
    size_t *len; /* with the line's '\n' (the last line may have none) */
    size_t count;
};

static void split_lines(const char *text, size_t len, struct lines *out)
{
    size_t cap = 16;
    out->at = inf_xmalloc(cap * sizeof *out->at);
    out->len = inf_xmalloc(cap * sizeof *out->len);
    out->count = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        if (out->count == cap) {
            cap *= 2;
            out->at = inf_xrealloc(out->at, cap * sizeof *out->at);
            out->len = inf_xrealloc(out->len, cap * sizeof *out->len);
        }
        out->at[out->count] = text + i;
        out->len[out->count++] = end - i;
        i = end;
    }
}

static int same_line(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->at[i], b->at[j], a->len[i]) == 0;
}

enum op { SAME, REMOVED, ADDED };

/*
 * The edit script turning A[A0, A1) into B[B0, B1) appended to OPS (each an
 * op per line): Myers' greedy algorithm, its path traced back from the
 * saved frontiers. Falls back to "all removed, all added" past
 * MAX_DIFFERENCES.
 */
static void script(const struct lines *a, size_t a0, size_t a1, const struct lines *b, size_t b0,
                   size_t b1, unsigned char *ops, size_t *n_ops)
{
    long n = (long)(a1 - a0), m = (long)(b1 - b0), max = n + m;
    long limit = max < MAX_DIFFERENCES ? max : MAX_DIFFERENCES;
    long width = 2 * limit + 1;
    long *v = inf_xcalloc((size_t)width + 2, sizeof *v);
    long **trace = inf_xcalloc((size_t)limit + 1, sizeof *trace);
    long found = -1;
    for (long d = 0; d <= limit && found < 0; d++) {
        trace[d] = inf_xmalloc((size_t)width * sizeof **trace);
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (k == -d || (k != d && v[limit + k - 1] < v[limit + k + 1]))
                x = v[limit + k + 1]; /* down: a line of B added */
            else
                x = v[limit + k - 1] + 1; /* right: a line of A removed */
            long y = x - k;
            while (x < n && y < m && same_line(a, a0 + (size_t)x, b, b0 + (size_t)y))
                x++, y++;
            v[limit + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        memcpy(trace[d], v, (size_t)width * sizeof *v);
    }
    size_t start = *n_ops;
    if (found < 0) {
        for (long i = 0; i < m; i++)
            ops[(*n_ops)++] = ADDED;
        for (long i = 0; i < n; i++)
            ops[(*n_ops)++] = REMOVED;
    } else { /* back from (n, m), ops written in reverse */
        long x = n, y = m;
        for (long d = found; d > 0; d--) {
            const long *pv = trace[d - 1];
            long k = x - y;
            long prev_k =
                (k == -d || (k != d && pv[limit + k - 1] < pv[limit + k + 1])) ? k + 1 : k - 1;
            long prev_x = pv[limit + prev_k], prev_y = prev_x - prev_k;
            while (x > prev_x && y > prev_y)
                ops[(*n_ops)++] = SAME, x--, y--;
            ops[(*n_ops)++] = prev_k == k + 1 ? ADDED : REMOVED;
            x = prev_x, y = prev_y;
        }
        while (x > 0 && y > 0)
            ops[(*n_ops)++] = SAME, x--, y--;
    }
    for (size_t i = start, j = *n_ops - 1; i < j; i++, j--) { /* into order */
        unsigned char t = ops[i];
        ops[i] = ops[j];
        ops[j] = t;
    }
    for (long d = 0; d <= limit; d++)
        free(trace[d]);
    free(trace);
    free(v);
}

static void add_line(struct inf_buf *out, char mark, const char *text, size_t len)
{
    inf_buf_addc(out, mark);
    inf_buf_add(out, text, len);
    if (len == 0 || text[len - 1] != '\n')
        inf_buf_adds(out, "\n\\ No newline at end of file\n");
}

/* Decodes LEN file bytes to UTF-8 into OUT (a copy). */
static void decode(const unsigned char *bytes, size_t len, struct inf_source *out)
{
    unsigned char *copy = inf_xmalloc(len + 1);
    memcpy(copy, bytes, len);
    copy[len] = 0;
    memset(out, 0, sizeof *out);
    inf_source_decode(out, copy, len);
}

void inf_fix_diff(const char *path, const unsigned char *before, size_t before_len,
                  const unsigned char *after, size_t after_len, struct inf_buf *out)
{
    struct inf_source old_text, new_text;
    decode(before, before_len, &old_text);
    decode(after, after_len, &new_text);
    struct lines a, b;
    split_lines(old_text.text, old_text.len, &a);
    split_lines(new_text.text, new_text.len, &b);
    size_t head = 0;
    while (head < a.count && head < b.count && same_line(&a, head, &b, head))
        head++;
    size_t tail = 0;
    while (tail < a.count - head && tail < b.count - head &&
           same_line(&a, a.count - 1 - tail, &b, b.count - 1 - tail))
        tail++;
    if (head == a.count && head == b.count)
        goto done;
    /* The whole file as one script: the common head and tail, the middle diffed. */
    unsigned char *ops = inf_xmalloc(a.count + b.count + 1);
    size_t n_ops = 0;
    for (size_t i = 0; i < head; i++)
        ops[n_ops++] = SAME;
    script(&a, head, a.count - tail, &b, head, b.count - tail, ops, &n_ops);
    for (size_t i = 0; i < tail; i++)
        ops[n_ops++] = SAME;
    inf_buf_printf(out, "--- %s\n+++ %s\n", path, path);
    /* Hunks: runs of changes with up to CONTEXT same lines around, joined when close. */
    size_t k = 0, ai = 0, bi = 0;
    while (k < n_ops) {
        if (ops[k] == SAME) {
            k++, ai++, bi++;
            continue;
        }
        size_t back = 0; /* context before */
        while (back < CONTEXT && back < k && ops[k - back - 1] == SAME)
            back++;
        /* The hunk goes on while changes come within 2 x CONTEXT lines of each other, and
         * ends CONTEXT lines after its last change. */
        size_t last = k, run = 0;
        for (size_t j = k; j < n_ops; j++) {
            if (ops[j] != SAME)
                run = 0, last = j;
            else if (++run > 2 * CONTEXT)
                break;
        }
        size_t end = last + 1;
        for (size_t kept = 0; kept < CONTEXT && end < n_ops && ops[end] == SAME; kept++)
            end++;
        size_t a_start = ai - back, b_start = bi - back, a_len = 0, b_len = 0;
        for (size_t i = k - back; i < end; i++) {
            a_len += ops[i] != ADDED;
            b_len += ops[i] != REMOVED;
        }
        inf_buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", a_len ? a_start + 1 : a_start, a_len,
                       b_len ? b_start + 1 : b_start, b_len);
        size_t x = a_start, y = b_start;
        for (size_t i = k - back; i < end; i++) {
            if (ops[i] == SAME) {
                add_line(out, ' ', a.at[x], a.len[x]);
                x++, y++;
            } else if (ops[i] == REMOVED) {
                add_line(out, '-', a.at[x], a.len[x]);
                x++;
            } else {
                add_line(out, '+', b.at[y], b.len[y]);
                y++;
            }
        }
        ai = x, bi = y, k = end;
    }
    free(ops);
done:
    free(a.at);
    free(a.len);
    free(b.at);
    free(b.len);
    inf_source_free(&old_text);
    inf_source_free(&new_text);
}
