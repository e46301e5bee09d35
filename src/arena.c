/*
 * arena.c - blocks allocated from in turn, the first of 64 KiB (or the size
 * inf_arena_expect asks, 4 KiB at least) and each next one twice the last up
 * to 8 MiB (a big file's records then live in few blocks, large enough for
 * huge pages); a request larger than the next block gets a block of its own.
 */
#include "arena.h"
#include "buf_cursor.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (64 * 1024)
#define MIN_BLOCK_SIZE (4 * 1024) /* the least inf_arena_expect makes a first block */
#define MAX_BLOCK_SIZE (8 * 1024 * 1024)
#define ALIGN 16

struct inf_arena_block {
    struct inf_arena_block *previous;
    size_t size; /* bytes of data */
    max_align_t data[];
};

void *inf_arena_alloc(struct inf_arena *arena, size_t size)
{
    size_t rounded = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (rounded < size)
        inf_alloc_fail();
    struct inf_arena_block *block = arena->head;
    if (!block || block->size - arena->used < rounded) {
        /* twice the head block, from BLOCK_SIZE up to MAX_BLOCK_SIZE (whole blocks, their
         * headers included: sizes huge pages divide) */
        size_t head_bytes = block ? sizeof *block + block->size : 0;
        size_t first = !arena->first_block                   ? BLOCK_SIZE
                       : arena->first_block < MIN_BLOCK_SIZE ? MIN_BLOCK_SIZE
                                                             : arena->first_block;
        size_t next = !block                            ? first
                      : head_bytes < MAX_BLOCK_SIZE / 2 ? head_bytes * 2
                                                        : MAX_BLOCK_SIZE;
        if (arena->head && sizeof *block + rounded > next) {
            block = inf_xmalloc(sizeof *block + rounded);
            block->size = rounded;
            /* A big block goes behind the current one, which keeps its free room. */
            block->previous = arena->head->previous;
            arena->head->previous = block;
            return block->data;
        }
        size_t bytes = sizeof *block + rounded; /* the whole block, NEXT at least */
        if (bytes < next)
            bytes = next;
        block = inf_xmalloc_filled(&bytes); /* (filled in turn: huge pages when large) */
        block->size = bytes - sizeof *block;
        block->previous = arena->head;
        arena->head = block;
        arena->used = 0;
    }
    void *at = (char *)block->data + arena->used;
    arena->used += rounded;
    return at;
}

void inf_arena_expect(struct inf_arena *arena, size_t bytes)
{
    if (!arena->head)
        arena->first_block = bytes < MAX_BLOCK_SIZE ? bytes : MAX_BLOCK_SIZE;
}

void *inf_arena_zalloc(struct inf_arena *arena, size_t size)
{
    void *at = inf_arena_alloc(arena, size);
    memset(at, 0, size);
    return at;
}

void *inf_arena_grow(struct inf_arena *arena, void *array, size_t count, size_t size)
{
    if (count & (count - 1))
        return array; /* not a power of two (nor 0): the room doubled at the last one is left */
    size_t room = count ? 2 * count : 1;
    if (size && room > SIZE_MAX / size)
        inf_alloc_fail();
    void *bigger = inf_arena_alloc(arena, room * size);
    if (count)
        memcpy(bigger, array, count * size);
    return bigger;
}

char *inf_arena_strndup(struct inf_arena *arena, const char *text, size_t len)
{
    char *copy = inf_arena_alloc(arena, len + 1);
    inf_copy_bytes(copy, text, len); /* (most are a field or a name: no call) */
    copy[len] = '\0';
    return copy;
}

char *inf_arena_join(struct inf_arena *arena, const char *a, const char *separator, const char *b)
{
    size_t la = strlen(a), ls = strlen(separator), lb = strlen(b);
    char *out = inf_arena_alloc(arena, la + ls + lb + 1);
    memcpy(out, a, la);
    memcpy(out + la, separator, ls);
    memcpy(out + la + ls, b, lb + 1);
    return out;
}

char *inf_arena_vprintf(struct inf_arena *arena, const char *format, va_list args)
{
    inf_buf_clear(&arena->format);
    int done = inf_buf_vformat(&arena->format, format, args); /* the formats rules use */
    if (done >= 0)
        return inf_arena_strndup(arena, arena->format.data ? arena->format.data : "", (size_t)done);
    va_list again;
    va_copy(again, args);
    char small[256];
    int n = vsnprintf(small, sizeof small, format, args);
    if (n < 0) {
        va_end(again);
        return inf_arena_strndup(arena, "", 0);
    }
    char *out = inf_arena_alloc(arena, (size_t)n + 1);
    if ((size_t)n < sizeof small)
        memcpy(out, small, (size_t)n + 1);
    else
        vsnprintf(out, (size_t)n + 1, format, again);
    va_end(again);
    return out;
}

char *inf_arena_printf(struct inf_arena *arena, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *out = inf_arena_vprintf(arena, format, args);
    va_end(args);
    return out;
}

size_t inf_arena_block_count(const struct inf_arena *arena)
{
    size_t n = 0;
    for (const struct inf_arena_block *b = arena->head; b; b = b->previous)
        n++;
    return n;
}

void inf_arena_free(struct inf_arena *arena)
{
    struct inf_arena_block *block = arena->head;
    while (block) {
        struct inf_arena_block *previous = block->previous;
        free(block);
        block = previous;
    }
    arena->head = NULL;
    inf_buf_free(&arena->format);
    arena->used = 0;
}
