/*
 * arena.h - a per-file bump allocator. Everything the graph and the rules
 * build for one file (substituted texts, fact records, message scratch)
 * comes from it and is freed at once when the file is done, so rule code
 * frees nothing.
 */
#ifndef INFLINT_ARENA_H
#define INFLINT_ARENA_H

#include "inflint/buf.h"
#include "inflint/format_check.h"
#include <stdarg.h>
#include <stddef.h>

struct inf_arena_block;

struct inf_arena {
    struct inf_arena_block *head; /* newest block, the one allocated from */
    size_t used;                  /* bytes used in head */
    struct inf_buf format;        /* where inf_arena_printf formats, kept between calls */
    size_t first_block;           /* size of the first block when larger than the default */
};

#define INF_ARENA_INIT                                                                             \
    {                                                                                              \
        NULL, 0, INF_BUF_INIT, 0                                                                   \
    }

/*
 * Sizes the first block for about BYTES (4 KiB at least), before the first
 * allocation: a big file's arena then starts in a block large enough for
 * huge pages instead of passing through small ones, each page a fault, and
 * one that holds little (a file's few finding texts) takes little.
 */
void inf_arena_expect(struct inf_arena *arena, size_t bytes);
/* SIZE bytes aligned for any type; zeroed when ZERO. Never NULL (out of memory exits). */
void *inf_arena_alloc(struct inf_arena *arena, size_t size);
void *inf_arena_zalloc(struct inf_arena *arena, size_t size);
/* A NUL-terminated copy of LEN bytes at TEXT. */
/*
 * ARRAY, which holds COUNT items of SIZE bytes, with room for one more: an
 * array grown only by this call moves to a copy twice as large when COUNT
 * reaches a power of two (1, 2, 4, ...), so it needs no capacity of its own.
 * The old copy stays in the arena (which gives nothing back).
 */
void *inf_arena_grow(struct inf_arena *arena, void *array, size_t count, size_t size);
char *inf_arena_strndup(struct inf_arena *arena, const char *text, size_t len);
/* A, SEPARATOR and B joined in one copy (the "%s\\%s" of a path, without printf). */
char *inf_arena_join(struct inf_arena *arena, const char *a, const char *separator, const char *b);
/* printf into the arena; returns the NUL-terminated text. */
INF_PRINTF(2, 3)
char *inf_arena_printf(struct inf_arena *arena, const char *format, ...);
char *inf_arena_vprintf(struct inf_arena *arena, const char *format, va_list args);
/* How many blocks the arena has taken (tests). */
size_t inf_arena_block_count(const struct inf_arena *arena);
/* Frees every block. The arena can be used again afterwards. */
void inf_arena_free(struct inf_arena *arena);

#endif
