/*
 * suggest.c - the closest known word to a mistyped one, by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours).
 */
#include "suggest.h"
#include "inflint/alloc.h"
#include "inflint/rule.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EDITS 2
#define MAX_WORD 64 /* longer words are not typos of short names */

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Optimal string alignment distance between A and B, ignoring ASCII case. */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > MAX_WORD || m > MAX_WORD)
        return (size_t)-1;
    unsigned short d[MAX_WORD + 1][MAX_WORD + 1]; /* on the stack: rules ask from every worker */
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (unsigned short)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (unsigned short)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            d[i][j] = (unsigned short)min3(d[i - 1][j] + 1u, d[i][j - 1] + 1u,
                                           d[i - 1][j - 1] + (size_t)(ca != cb));
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = (unsigned short)(d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

const char *inf_suggest(const char *word, const char *const *candidates, size_t count)
{
    const char *best = NULL;
    size_t best_distance = MAX_EDITS + 1, length = strlen(word);
    for (size_t i = 0; i < count; i++) {
        size_t dist = distance(word, candidates[i]);
        if (dist < best_distance && dist * 2 < length) {
            best = candidates[i];
            best_distance = dist;
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
