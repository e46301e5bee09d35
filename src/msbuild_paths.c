/*
 * msbuild_paths.c - paths as MSBuild project files write them ('\' or
 * '/', relative to a file's directory), made '/'-separated and lexically
 * normal, and the test that keeps project reading inside the repository.
 */
#include "msbuild_paths.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "os.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

int msbuild_path_is_absolute(const char *path)
{
    if (path[0] == '/' || path[0] == '\\')
        return 1;
    int letter = (path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z');
    return letter && path[1] == ':' && (path[2] == '/' || path[2] == '\\');
}

char *msbuild_path_normalize(const char *path)
{
    size_t n = strlen(path);
    char *copy = inf_xstrndup(path, n);
    for (size_t i = 0; i < n; i++)
        if (copy[i] == '\\')
            copy[i] = '/';
    /* The prefix that stays: "/" or "C:/". */
    size_t prefix = copy[0] == '/' ? 1 : (msbuild_path_is_absolute(copy) ? 3 : 0);
    /* Components, each pushed or popped ("." dropped, ".." pops a normal one). */
    char **parts = inf_xmalloc((n / 2 + 2) * sizeof *parts);
    size_t count = 0, leading_up = 0;
    char *p = copy + prefix;
    while (*p) {
        char *slash = strchr(p, '/');
        if (slash)
            *slash = '\0';
        if (strcmp(p, ".") == 0 || !*p) {
            /* nothing */
        } else if (strcmp(p, "..") == 0) {
            if (count > leading_up)
                count--;
            else if (!prefix)
                parts[count++] = p, leading_up++;
        } else {
            parts[count++] = p;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    struct inf_buf out = INF_BUF_INIT;
    inf_buf_add(&out, copy, prefix);
    if (prefix == 3)
        out.data[2] = '/';
    for (size_t i = 0; i < count; i++) {
        if (i)
            inf_buf_addc(&out, '/');
        inf_buf_adds(&out, parts[i]);
    }
    if (!out.len)
        inf_buf_addc(&out, '.');
    free(parts);
    free(copy);
    return out.data;
}

char *msbuild_path_join(const char *dir, const char *relative)
{
    if (msbuild_path_is_absolute(relative) || !dir[0])
        return msbuild_path_normalize(relative);
    struct inf_buf joined = INF_BUF_INIT;
    inf_buf_adds(&joined, dir);
    if (dir[strlen(dir) - 1] != '/')
        inf_buf_addc(&joined, '/');
    inf_buf_adds(&joined, relative);
    char *normal = msbuild_path_normalize(joined.data);
    inf_buf_free(&joined);
    return normal;
}

char *msbuild_path_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? inf_xstrndup(path, (size_t)(slash - path + 1)) : inf_xstrndup("", 0);
}

char *msbuild_path_absolute(const char *cwd, const char *path)
{
    return msbuild_path_is_absolute(path) ? msbuild_path_normalize(path)
                                          : msbuild_path_join(cwd, path);
}

/* Is PATH (absolute, normal) ROOT or below it? Without letter case on Windows. */
static int under(const char *root, const char *path)
{
    size_t n = strlen(root);
    if (strlen(path) < n)
        return 0;
#ifdef _WIN32
    if (!inf_text_equal_nocase2(root, n, path, n))
        return 0;
#else
    if (memcmp(root, path, n) != 0)
        return 0;
#endif
    return path[n] == '\0' || path[n] == '/' || (n && root[n - 1] == '/');
}

int msbuild_path_inside(const char *root, const char *cwd, const char *path)
{
    char *absolute = msbuild_path_absolute(cwd, path);
    int inside = under(root, absolute);
    free(absolute);
    if (!inside)
        return 0;
    /* Lexically inside: a link may still lead out, and that is checked on the real path. */
    char *real = inf_os_absolute(path);
    if (real) {
        inside = under(root, real);
        free(real);
    }
    return inside;
}
