/*
 * alloc.h - the one allocator wrapper of inflint.
 *
 * Every allocation of the library goes through these functions. When the
 * system refuses memory they print "inflint: PATH: out of memory" (PATH is
 * the file being processed on this thread, set with inf_alloc_set_path) and
 * end the process with exit status 2, so ordinary code never checks for NULL
 * and running out of memory is never a signal.
 */
#ifndef INFLINT_ALLOC_H
#define INFLINT_ALLOC_H

#include <stddef.h>

/* Exit status used for usage, I/O and out-of-memory errors. */
#define INF_EXIT_FAILURE 2

/* Returns memory of SIZE bytes (never NULL). The caller frees it with free(). */
void *inf_xmalloc(size_t size);

/*
 * As inf_xmalloc for a block its caller fills from the start (an arena's block, a growing
 * array): from 1 MiB on it gets huge pages where the system has them, its size rounded up to
 * them (*SIZE is updated: the caller may use it all), or, on the thread that called
 * inf_alloc_prepare_heap, a place in that heap as it is.
 */
void *inf_xmalloc_filled(size_t *size);

/* Returns zeroed memory for COUNT items of SIZE bytes (never NULL); caller frees. */
void *inf_xcalloc(size_t count, size_t size);

/* Resizes PTR to SIZE bytes (never NULL); the caller frees the result. */
void *inf_xrealloc(void *ptr, size_t size);

/* inf_xgrow's growing: ARRAY has room for fewer than NEEDED items. */
void *inf_xgrow_array(void *array, size_t *capacity, size_t needed, size_t item_size);

/*
 * Grows an array so that it holds at least NEEDED items of ITEM_SIZE bytes,
 * doubling *CAPACITY; returns the (possibly moved) array. (Inline: most calls
 * find room, and cost a comparison.)
 */
static inline void *inf_xgrow(void *array, size_t *capacity, size_t needed, size_t item_size)
{
    return needed <= *capacity ? array : inf_xgrow_array(array, capacity, needed, item_size);
}

/* Returns a NUL-terminated copy of the LEN bytes at TEXT; caller frees. */
char *inf_xstrndup(const char *text, size_t len);

/*
 * Lays the heap out for huge pages where the system has them (Linux with
 * glibc): for a program, first thing in main. It does nothing once memory has
 * been allocated.
 */
void inf_alloc_prepare_heap(void);

/* Names the file processed by the calling thread in out-of-memory messages. */
void inf_alloc_set_path(const char *path);

/* Prints the out-of-memory message and exits with status 2. */
void inf_alloc_fail(void);

#endif
