/*
 * report_paths.c - file paths as reports name them: absolute with '/'
 * separators (SARIF URIs), or relative to the current directory (SARIF's
 * %SRCROOT%, GitLab's project-relative paths).
 */
#include "report_paths.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"

#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#define IS_SEPARATOR(c) ((c) == '/' || (c) == '\\')
#else
#define IS_SEPARATOR(c) ((c) == '/')
#endif

/*
 * PATH as an absolute path with '/' separators and no "." or ".." segments,
 * resolved against BASE (absolute) when it is relative. Caller frees.
 */
char *inf_report_absolute_path(const char *path, const char *base)
{
    int absolute = IS_SEPARATOR(path[0]);
#ifdef _WIN32
    absolute |= path[0] && path[1] == ':';
#endif
    struct inf_buf joined = INF_BUF_INIT;
    if (!absolute && base) {
        inf_buf_adds(&joined, base);
        inf_buf_addc(&joined, '/');
    }
    inf_buf_adds(&joined, path);
    /* Segments, resolved in place. */
    char *out = inf_xmalloc(joined.len + 2);
    size_t o = 0;
    const char *p = joined.data ? joined.data : "";
    if (IS_SEPARATOR(*p))
        out[o++] = '/';
    while (*p) {
        while (IS_SEPARATOR(*p))
            p++;
        size_t n = 0;
        while (p[n] && !IS_SEPARATOR(p[n]))
            n++;
        if (n == 1 && p[0] == '.') {
            /* nothing */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (o > 1 && out[o - 1] != '/') /* drop the last segment */
                o--;
            if (o > 1)
                o--;
        } else if (n > 0) {
            if (o > 0 && out[o - 1] != '/')
                out[o++] = '/';
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
    }
    out[o] = '\0';
    inf_buf_free(&joined);
    return out;
}

char *inf_report_relative_path(const char *path, const char *base)
{
    char *absolute = inf_report_absolute_path(path, base);
    size_t base_len = base ? strlen(base) : 0;
    char *relative = NULL;
    if (base && strncmp(absolute, base, base_len) == 0 && absolute[base_len] == '/' &&
        absolute[base_len + 1]) {
        const char *rest = absolute + base_len + 1;
        relative = inf_xstrndup(rest, strlen(rest));
    }
    free(absolute);
    return relative;
}

char *inf_report_slash_path(const char *path)
{
    while (path[0] == '.' && IS_SEPARATOR(path[1]))
        path += 2;
    char *out = inf_xstrndup(path, strlen(path));
    for (char *p = out; *p; p++)
        if (IS_SEPARATOR(*p))
            *p = '/';
    return out;
}
