/*
 * suggest.c - the closest known word to a mistyped one, by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours).
 */
#include "suggest.h"
#include "inflint/alloc.h"
#include "inflint/rule.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EDITS 2
#define MAX_WORD 64 /* longer words are not typos of short names */

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
    unsigned m = a < b ? a : b;
    return m < c ? m : c;
}

/* Folds ASCII letters of TEXT (N bytes) to lower case into OUT. */
static void fold(const char *text, size_t n, unsigned char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = (unsigned char)inf_ascii_lower(text[i]);
    }
}

/*
 * Optimal string alignment distance between X (N bytes, already folded to lower case) and
 * B, ignoring ASCII case, when it is at most LIMIT; LIMIT + 1 otherwise. Only the cells
 * within LIMIT of the diagonal can hold a distance that small, so only they are worked out
 * (the cells beside the band read as LIMIT + 1), and a row with none small enough ends the
 * search: a candidate list of hundreds of names costs a few cells per letter each.
 */
static size_t distance_within(const unsigned char *x, size_t n, const char *b, size_t limit)
{
    size_t m = strlen(b);
    const unsigned over = (unsigned)limit + 1;
    if (m > MAX_WORD || (n > m ? n - m : m - n) > limit)
        return over;
    unsigned char y[MAX_WORD];
    fold(b, m, y);
    unsigned short d[MAX_WORD + 2][MAX_WORD + 2]; /* on the stack: rules ask from every worker */
    for (size_t j = 0; j <= m && j <= limit + 1; j++)
        d[0][j] = (unsigned short)(j <= limit ? j : over);
    for (size_t i = 1; i <= n; i++) {
        size_t lo = i > limit ? i - limit : 1, hi = i + limit < m ? i + limit : m;
        d[i][lo - 1] = (unsigned short)(lo == 1 && i <= limit ? i : over);
        if (hi + 1 <= m)
            d[i][hi + 1] = (unsigned short)over;
        unsigned row_min = over; /* (column 0 needs no look: d[i][1] is never above it) */
        for (size_t j = lo; j <= hi; j++) {
            unsigned v = min3(d[i - 1][j] + 1u, d[i][j - 1] + 1u,
                              d[i - 1][j - 1] + (unsigned)(x[i - 1] != y[j - 1]));
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
                d[i - 2][j - 2] + 1u < v)
                v = d[i - 2][j - 2] + 1u;
            v = v < over ? v : over;
            d[i][j] = (unsigned short)v;
            row_min = v < row_min ? v : row_min;
        }
        if (row_min >= over)
            return over;
    }
    return d[n][m];
}

const char *inf_suggest(const char *word, const char *const *candidates, size_t count)
{
    const char *best = NULL;
    size_t length = strlen(word);
    if (length == 0 || length > MAX_WORD)
        return NULL;
    unsigned char folded[MAX_WORD]; /* once, not once per candidate */
    fold(word, length, folded);
    /* A suggestion is at most MAX_EDITS away, and less than half the word's length. */
    size_t limit = (length - 1) / 2 < MAX_EDITS ? (length - 1) / 2 : MAX_EDITS;
    for (size_t i = 0; i < count; i++) {
        size_t dist = distance_within(folded, length, candidates[i], limit);
        if (dist <= limit) { /* strictly closer than the best so far: the first of equals wins */
            best = candidates[i];
            if (dist == 0)
                break;
            limit = dist - 1;
        }
    }
    return best;
}

const char *inf_suggest_rule(const char *word)
{
    const char **names = inf_xcalloc(2 * inf_rule_count + 1, sizeof *names);
    for (size_t i = 0; i < inf_rule_count; i++) {
        names[2 * i] = inf_rules[i]->code;
        names[2 * i + 1] = inf_rules[i]->name;
    }
    const char *best = inf_suggest(word, names, 2 * inf_rule_count);
    free(names);
    return best;
}
