/*
 * alloc.c - allocation wrapper: out of memory is a message and exit status 2.
 */
#include "inflint/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(_MSC_VER) && !defined(__clang__)
#define INF_THREAD_LOCAL __declspec(thread)
#else
#define INF_THREAD_LOCAL _Thread_local
#endif

static INF_THREAD_LOCAL const char *current_path;

void inf_alloc_set_path(const char *path)
{
    current_path = path;
}

void inf_alloc_fail(void)
{
    /* No allocation here: this runs when memory is exhausted. */
    fputs("inflint: ", stderr);
    if (current_path) {
        fputs(current_path, stderr);
        fputs(": ", stderr);
    }
    fputs("out of memory\n", stderr);
    fflush(stdout);
    exit(INF_EXIT_FAILURE);
}

void *inf_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        inf_alloc_fail();
    return p;
}

void *inf_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        inf_alloc_fail();
    return p;
}

void *inf_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        inf_alloc_fail();
    return p;
}

void *inf_xgrow(void *array, size_t *capacity, size_t needed, size_t item_size)
{
    if (needed <= *capacity)
        return array;
    size_t cap = *capacity ? *capacity : 16;
    while (cap < needed) {
        if (cap > SIZE_MAX / 2 / item_size)
            inf_alloc_fail();
        cap *= 2;
    }
    *capacity = cap;
    return inf_xrealloc(array, cap * item_size);
}

char *inf_xstrndup(const char *text, size_t len)
{
    char *p = inf_xmalloc(len + 1);
    memcpy(p, text, len);
    p[len] = '\0';
    return p;
}
