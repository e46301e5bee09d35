/*
 * heap_layout.c - inf_alloc_prepare_heap, called first in main as the command
 * line calls it, leaves malloc's heap advised for transparent huge pages past
 * its first 512 KiB: /proc/self/smaps shows a [heap] area flagged "hg" that
 * starts on a 2 MiB boundary, and the small blocks allocated after the first
 * megabyte lie in it. Large blocks come from that area packed, not each on
 * huge pages of its own: two filled blocks (inf_xmalloc_filled) of just over
 * 1 MiB, made in turn, lie one after the other in it. (Linux with glibc 2.33
 * or later, without a sanitizer's allocator: tests/CMakeLists.txt builds it
 * only there.)
 */
#define _DEFAULT_SOURCE
#include "inflint/alloc.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)
#define BLOCKS 8192
#define BLOCK_SIZE 512

/* The first [heap] area of /proc/self/smaps with the "hg" flag: sets [*START, *END). */
static int advised_heap(uintptr_t *start, uintptr_t *end)
{
    FILE *smaps = fopen("/proc/self/smaps", "r");
    if (!smaps)
        return perror("/proc/self/smaps"), 0;
    char line[512];
    int in_heap = 0, found = 0;
    uintptr_t from = 0, to = 0;
    while (!found && fgets(line, sizeof line, smaps)) {
        uintmax_t a, b;
        if (sscanf(line, "%jx-%jx ", &a, &b) == 2) {
            in_heap = strstr(line, "[heap]") != NULL;
            from = (uintptr_t)a, to = (uintptr_t)b;
        } else if (in_heap && strncmp(line, "VmFlags:", 8) == 0 && strstr(line, " hg")) {
            *start = from, *end = to;
            found = 1;
        }
    }
    fclose(smaps);
    return found;
}

/* Two filled blocks made in turn: 0 when the second follows the first (glibc's header
 * between them) and both lie in [START, END). */
static int filled_blocks_packed(uintptr_t start, uintptr_t end)
{
    size_t first_size = ((size_t)1 << 20) + 1, second_size = first_size;
    char *first = inf_xmalloc_filled(&first_size);
    char *second = inf_xmalloc_filled(&second_size);
    memset(first, 1, first_size);
    memset(second, 2, second_size);
    uintptr_t first_end = (uintptr_t)first + first_size, second_at = (uintptr_t)second;
    int failed = 0;
    if (first[first_size - 1] != 1 || second[0] != 2) {
        fputs("heap_layout: two filled blocks overlap\n", stderr);
        failed = 1;
    } else if (second_at < first_end || second_at - first_end > 64) {
        fprintf(stderr, "heap_layout: filled blocks of %zu bytes at %p and %p are not packed\n",
                first_size, (void *)first, (void *)second);
        failed = 1;
    } else if ((uintptr_t)first < start || second_at + second_size > end) {
        fprintf(stderr, "heap_layout: filled blocks at %p and %p are outside %#jx-%#jx\n",
                (void *)first, (void *)second, (uintmax_t)start, (uintmax_t)end);
        failed = 1;
    }
    free(second);
    free(first);
    return failed;
}

int main(void)
{
    inf_alloc_prepare_heap();
    /* 4 MiB of small blocks, as a file's lint makes them; each written and read back. */
    static unsigned char *blocks[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = malloc(BLOCK_SIZE);
        if (!blocks[i])
            return fputs("heap_layout: malloc failed\n", stderr), 1;
        memset(blocks[i], i & 0xFF, BLOCK_SIZE);
    }
    for (int i = 0; i < BLOCKS; i++)
        if (blocks[i][0] != (i & 0xFF) || blocks[i][BLOCK_SIZE - 1] != (i & 0xFF))
            return fprintf(stderr, "heap_layout: block %d lost its contents\n", i), 1;
    uintptr_t start, end;
    if (!advised_heap(&start, &end)) {
        fputs("heap_layout: no [heap] area is advised for huge pages\n", stderr);
        return 1;
    }
    int failed = 0;
    if (start % HUGE_PAGE != 0 || end - start < HUGE_PAGE) {
        fprintf(stderr, "heap_layout: the advised area %#jx-%#jx is not whole 2 MiB pages\n",
                (uintmax_t)start, (uintmax_t)end);
        failed = 1;
    }
    /* Past the first megabyte of blocks (the small zone is 512 KiB), every block is in it. */
    for (int i = (1 << 20) / BLOCK_SIZE; i < BLOCKS && !failed; i++) {
        uintptr_t at = (uintptr_t)blocks[i];
        if (at < start || at + BLOCK_SIZE > end) {
            fprintf(stderr, "heap_layout: block %d at %#jx is outside the advised %#jx-%#jx\n", i,
                    (uintmax_t)at, (uintmax_t)start, (uintmax_t)end);
            failed = 1;
        }
    }
    if (!failed)
        failed = filled_blocks_packed(start, end);
    for (int i = 0; i < BLOCKS; i++)
        free(blocks[i]);
    if (!failed)
        printf("heap_layout: [heap] advised for huge pages at %#jx-%#jx\n", (uintmax_t)start,
               (uintmax_t)end);
    return failed;
}
