/*
 * glob.c - a small glob matcher for exclude patterns.
 */
#include "inflint/glob.h"

#include <string.h>

static int fold(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Matches from P and S onward (recursive only for '*'; depth is bounded by the pattern). */
static int match(const char *p, const char *s)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/')
                p++; /* "**" + "/" also matches zero components */
            for (const char *t = s;; t++) {
                if (match(p, t))
                    return 1;
                if (!*t)
                    return 0;
            }
        }
        if (*p == '*') {
            p++;
            for (const char *t = s;; t++) {
                if (match(p, t))
                    return 1;
                if (!*t || *t == '/')
                    return 0;
            }
        }
        if (!*s)
            return 0;
        if (*p == '?') {
            if (*s == '/')
                return 0;
        } else if (fold((unsigned char)*p) != fold((unsigned char)*s)) {
            return 0;
        }
        p++;
        s++;
    }
    return *s == '\0';
}

int inf_glob_match(const char *pattern, const char *path)
{
    if (!strchr(pattern, '/')) {
        const char *base = strrchr(path, '/');
        return match(pattern, base ? base + 1 : path);
    }
    return match(pattern, path);
}
