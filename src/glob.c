/*
 * glob.c - a small glob matcher for exclude patterns.
 */
#include "glob_match.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CELLS (1u << 22) /* longer pattern x path pairs do not match */

/*
 * Dynamic programming: cell (i, j) says whether pattern[i..] matches
 * path[j..]. Time and memory are O(|pattern| x |path|) whatever the stars, so
 * no input can make it backtrack exponentially.
 */
static int match(const char *p, const char *s)
{
    size_t m = strlen(p), n = strlen(s), w = n + 1;
    if ((m + 1) * w > MAX_CELLS)
        return 0;
    unsigned char *t = calloc((m + 1) * w, 1);
    if (!t)
        return 0;
#define CELL(i, j) t[(i)*w + (j)]
    CELL(m, n) = 1;
    for (size_t i = m; i-- > 0;) {
        int globstar = p[i] == '*' && i + 1 < m && p[i + 1] == '*';
        for (size_t j = n + 1; j-- > 0;) {
            unsigned char r;
            if (globstar) {
                /* "**" matches any run, '/' included; "**" + "/" may also match nothing. */
                r = CELL(i + 2, j) || (j < n && CELL(i, j + 1)) ||
                    (i + 2 < m && p[i + 2] == '/' && CELL(i + 3, j));
            } else if (p[i] == '*') {
                r = CELL(i + 1, j) || (j < n && s[j] != '/' && CELL(i, j + 1));
            } else if (j < n) {
                int same =
                    p[i] == '?' ? s[j] != '/' : inf_ascii_lower(p[i]) == inf_ascii_lower(s[j]);
                r = same && CELL(i + 1, j + 1);
            } else {
                r = 0;
            }
            CELL(i, j) = r;
        }
    }
    int result = CELL(0, 0);
#undef CELL
    free(t);
    return result;
}

int inf_glob_match(const char *pattern, const char *path)
{
    if (!strchr(pattern, '/')) {
        const char *base = strrchr(path, '/');
        return match(pattern, base ? base + 1 : path);
    }
    return match(pattern, path);
}
