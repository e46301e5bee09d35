/*
 * os_heap.c - the command line's heap laid out for huge pages (Linux with
 * glibc; elsewhere nothing is done).
 *
 * A file's lint makes many arrays and texts too small for blocks of their
 * own (alloc.c gives blocks from 1 MiB on their own 2 MiB pages): they come
 * from malloc's heap, and each 4 KiB page of it costs a page fault when it is
 * first written. On the bench machine a fault costs ~2.3 us and a 2 MiB page
 * ~0.15 ms, so a 5 MB vendor INF spent ~2 ms of its ~19 in a thousand faults.
 *
 * So, before anything is allocated, the heap is started just below a 2 MiB
 * boundary, told to grow HEAP_RESERVE at once, and the part past its first
 * HEAP_SMALL_ZONE bytes is advised for transparent huge pages. The small
 * zone stays in 4 KiB pages: it is about what one ordinary INF's lint uses
 * (a 12 KB INF stays inside it), and a 2 MiB page there would cost such a run
 * more than it saves. What is reserved is address space: a page costs memory
 * only once written.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* sbrk, MADV_HUGEPAGE */
#endif
#include "os.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

/* mallinfo2 (glibc 2.33 on) tells whether the heap is untouched. */
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE) &&                          \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define HUGE_PAGE ((uintptr_t)2 << 20)         /* the transparent huge page of x86-64 Linux */
#define HEAP_SMALL_ZONE ((uintptr_t)512 << 10) /* 4 KiB pages: what one small INF needs */
#define HEAP_RESERVE ((uintptr_t)64 << 20)     /* the heap's first growth (a 53 MB INF uses 54) */

void inf_os_prepare_heap(void)
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
    if (top >= huge + HUGE_PAGE)
        madvise((void *)huge, (top - huge) / HUGE_PAGE * HUGE_PAGE, MADV_HUGEPAGE);
    free(first);
}
#else
void inf_os_prepare_heap(void)
{
}
#endif
