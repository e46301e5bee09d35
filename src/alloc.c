/*
 * alloc.c - allocation wrapper: out of memory is a message and exit status 2.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* MADV_HUGEPAGE, sbrk */
#endif
#include "inflint/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

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

/* Blocks from this size on ask for transparent huge pages; a block that is filled from the
 * start (inf_xmalloc_filled, inf_xgrow) from FILLED_BLOCK on. */
#define LARGE_BLOCK ((size_t)4 << 20)
#define FILLED_BLOCK ((size_t)1 << 20)

/*
 * Asks the kernel to back the large block P of SIZE bytes with 2 MiB pages
 * where it can: the arrays of a big file then cost a few hundred page
 * faults instead of thousands. Only advice: nothing changes when refused.
 * (A large block is a mapping of its own, or, in the command line, part of
 * a heap advised so already (inf_alloc_prepare_heap): the advice covers nothing else.)
 */
static void advise_large(void *p, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size < LARGE_BLOCK)
        return;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)p / page * page;
    uintptr_t end = ((uintptr_t)p + size + page - 1) / page * page;
    madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)p;
    (void)size;
#endif
}

#define HUGE_PAGE ((size_t)2 << 20) /* the transparent huge page of x86-64 Linux */

#if defined(__linux__) && defined(MADV_HUGEPAGE)
/*
 * The part of the heap inf_alloc_prepare_heap advised, and whether the calling thread
 * allocates from it (the thread that laid it out). That thread's large blocks come from the
 * heap as they are, packed: each 2 MiB of it that is written is one huge page, whatever
 * blocks share it. Aligned and rounded up to whole pages there, a block left room unused at
 * its end, and the header glibc writes after it, or the next aligned block's, fell into a
 * page nothing else used, then zeroed whole for 16 bytes (a 5 MB INF: 2 to 4 of its 13 huge
 * pages). A block the advised part cannot hold (glibc maps it on its own, or grows the heap
 * past it), and any other thread's, gets huge pages of its own as before.
 */
static uintptr_t advised_start, advised_end;
static INF_THREAD_LOCAL int in_prepared_heap;

/* SIZE bytes on a 2 MiB boundary, advised for huge pages: every 2 MiB of it can be one page. */
static void *huge_page_block(size_t size)
{
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, size) != 0)
        inf_alloc_fail();
    madvise(p, size, MADV_HUGEPAGE);
    return p;
}

/* SIZE bytes from the advised heap, on this thread, or NULL. */
static void *prepared_heap_block(size_t size)
{
    if (!in_prepared_heap)
        return NULL;
    void *p = malloc(size);
    if (p && (uintptr_t)p >= advised_start && (uintptr_t)p + size <= advised_end)
        return p;
    free(p);
    return NULL;
}
#endif

void *inf_xmalloc(size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size >= LARGE_BLOCK) {
        void *packed = prepared_heap_block(size);
        return packed ? packed : huge_page_block(size);
    }
#endif
    void *p = malloc(size ? size : 1); /* (smaller than a large block: no advice) */
    if (!p)
        inf_alloc_fail();
    return p;
}

/* Zeroed blocks up to this size come from malloc and memset: glibc's calloc never takes a
 * block from the thread's cache of freed ones (tcache, blocks up to 1032 bytes), where malloc
 * finds most small blocks, and a file's lint makes and frees dozens of small tables. Larger
 * ones keep calloc, which need not touch fresh pages to zero them (a block mapped on its own
 * comes zeroed). */
#define SMALL_ZEROED ((size_t)1024)

void *inf_xcalloc(size_t count, size_t size)
{
    if (count && size && count <= SMALL_ZEROED / size) {
        void *small = inf_xmalloc(count * size);
        memset(small, 0, count * size);
        return small;
    }
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        inf_alloc_fail();
    if (count && size && count <= SIZE_MAX / size)
        advise_large(p, count * size);
    return p;
}

void *inf_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        inf_alloc_fail();
    advise_large(p, size);
    return p;
}

void *inf_xmalloc_filled(size_t *size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (*size >= FILLED_BLOCK) {
        void *packed = prepared_heap_block(*size);
        if (packed)
            return packed;
        *size = (*size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        return huge_page_block(*size);
    }
#endif
    return inf_xmalloc(*size);
}

void *inf_xgrow_array(void *array, size_t *capacity, size_t needed, size_t item_size)
{
    if (needed <= *capacity)
        return array;
    size_t old = *capacity;
    size_t cap = old ? old : 16;
    while (cap < needed) {
        if (cap > SIZE_MAX / 2 / item_size)
            inf_alloc_fail();
        cap *= 2;
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    /* A growing array fills what it has: from FILLED_BLOCK on it moves to a filled block
     * (huge pages of its own, or a place in the prepared heap; realloc would remap a block
     * mapped on its own with its old 4 KiB pages), its capacity the items that fit. */
    if (cap * item_size >= FILLED_BLOCK) {
        size_t size = cap * item_size;
        void *p = inf_xmalloc_filled(&size);
        *capacity = size / item_size;
        if (array)
            memcpy(p, array, old * item_size);
        free(array);
        return p;
    }
#endif
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

/*
 * The command line's heap. A file's lint makes many arrays and texts under 1 MiB: they come
 * from malloc's heap, and each 4 KiB page of it costs a page fault when first written. On the bench
 * machine a fault costs ~2.3 us and a 2 MiB page ~0.15 ms: a 5 MB vendor INF spent ~2 ms of its ~19
 * in a thousand faults. So, before anything is allocated, the heap is started just below a 2 MiB
 * boundary, grown HEAP_RESERVE at once, and advised for huge pages past its first
 * HEAP_SMALL_ZONE bytes. The small zone stays in 4 KiB pages: it is about what one ordinary
 * INF's lint uses (a 12 KB INF stays inside it), and a 2 MiB page there would cost such a run
 * more than it saves. What is reserved is address space: a page costs memory once written.
 * The large blocks of the thread that calls this then come from that heap too, packed
 * (prepared_heap_block). (Linux with glibc 2.33 on, for mallinfo2; nothing is done
 * elsewhere.)
 */
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(__GLIBC__) &&                          \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define HEAP_SMALL_ZONE ((size_t)512 << 10) /* 4 KiB pages: what one small INF needs */
#define HEAP_RESERVE ((size_t)64 << 20)     /* the heap's first growth (a 53 MB INF uses 54) */

void inf_alloc_prepare_heap(void)
{
    if (mallinfo2().arena != 0)
        return; /* something allocated already (or another malloc runs): as it is */
    /* The heap starts where the break is: move the break up so that a 2 MiB boundary lies
     * HEAP_SMALL_ZONE above it (the skipped addresses are never written). */
    uintptr_t at = (uintptr_t)sbrk(0);
    uintptr_t start =
        (at + HEAP_SMALL_ZONE + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE - HEAP_SMALL_ZONE;
    if (start > at && sbrk((intptr_t)(start - at)) == (void *)-1)
        return;
    /* Grown by this much at a time, and kept when freed (a file's arrays serve the next). */
    mallopt(M_TOP_PAD, (int)HEAP_RESERVE);
    mallopt(M_TRIM_THRESHOLD, (int)(2 * HEAP_RESERVE));
    /* The heap's first growth, written only in its first page ('volatile': a malloc whose
     * block is not used may be left out by the compiler). */
    void *volatile first = malloc(1);
    uintptr_t top = (uintptr_t)sbrk(0), huge = start + HEAP_SMALL_ZONE;
    if (top >= huge + HUGE_PAGE) {
        advised_start = huge;
        advised_end = huge + (top - huge) / HUGE_PAGE * HUGE_PAGE;
        madvise((void *)advised_start, advised_end - advised_start, MADV_HUGEPAGE);
        in_prepared_heap = 1;
    }
    free(first);
}
#else
void inf_alloc_prepare_heap(void)
{
}
#endif
