/*
 * test_arena.c - the file's arena: every allocation aligned and kept apart
 * from the others across blocks that grow, a request larger than the next
 * block served alone without losing the room of the current one; and
 * inf_xgrow's arrays, whose large blocks start on a huge-page boundary; and
 * inf_xcalloc's blocks, zero at every size; and arrays grown in the arena.
 */
#include "helpers.h"
#include "arena.h"

#include <stdint.h>

/* Thousands of small texts over blocks of growing size: each still reads as written. */
static void texts_survive_growing_blocks(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    enum { COUNT = 200000 };
    char **texts = malloc(COUNT * sizeof *texts);
    char expected[32];
    for (size_t i = 0; i < COUNT; i++) {
        int n = snprintf(expected, sizeof expected, "text %zu", i);
        texts[i] = inf_arena_strndup(&arena, expected, (size_t)n);
        assert_int_equal((uintptr_t)texts[i] % 16, 0);
    }
    for (size_t i = 0; i < COUNT; i++) {
        snprintf(expected, sizeof expected, "text %zu", i);
        assert_string_equal(texts[i], expected);
    }
    free(texts);
    inf_arena_free(&arena);
}

/* A join is the three texts in order, empty ones included, as printf would write them. */
static void joins_read_as_printf_writes_them(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    const char *parts[] = {"", "a", "disk1", "x64\\sub"};
    char want[64];
    for (size_t i = 0; i < 4; i++)
        for (size_t k = 0; k < 4; k++) {
            snprintf(want, sizeof want, "%s\\%s", parts[i], parts[k]);
            assert_string_equal(inf_arena_join(&arena, parts[i], "\\", parts[k]), want);
            snprintf(want, sizeof want, "%s%s", parts[i], parts[k]);
            assert_string_equal(inf_arena_join(&arena, parts[i], "", parts[k]), want);
        }
    inf_arena_free(&arena);
}

/* A format with a conversion of printf's own after some of inf_buf_vformat's reads as printf
 * writes it: the arguments the first attempt read are printf's to read again. */
static void printf_of_a_mixed_format_reads_its_arguments_once(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    char want[64];
    snprintf(want, sizeof want, "%s %u %.*s%5.1f|%-4s|", "then", 3u, 2, "xyz", 2.5, "end");
    assert_string_equal(
        inf_arena_printf(&arena, "%s %u %.*s%5.1f|%-4s|", "then", 3u, 2, "xyz", 2.5, "end"), want);
    assert_string_equal(inf_arena_printf(&arena, "%s=%u", "ours", 7u), "ours=7");
    inf_arena_free(&arena);
}

/* A request larger than a block gets its own; the block being filled keeps serving. */
static void a_large_request_stands_alone(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    char *small = inf_arena_strndup(&arena, "before", 6);
    size_t big_size = 32u * 1024 * 1024; /* beyond the largest block */
    unsigned char *big = inf_arena_zalloc(&arena, big_size);
    for (size_t i = 0; i < big_size; i += 4096)
        assert_int_equal(big[i], 0);
    big[big_size - 1] = 0xAB;
    char *after = inf_arena_strndup(&arena, "after", 5);
    /* served from the same block as SMALL: right behind it, not from a new block */
    assert_ptr_equal(after, small + 16);
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    assert_int_equal(big[big_size - 1], 0xAB);
    inf_arena_free(&arena);
}

/* A first block sized by inf_arena_expect holds what was expected: a request far beyond the
 * default first block still comes from it, right behind the first one. */
static void an_expected_size_makes_the_first_block(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    inf_arena_expect(&arena, 1024 * 1024);
    char *first = inf_arena_strndup(&arena, "first", 5);
    size_t size = 512 * 1024; /* eight default first blocks */
    unsigned char *bulk = inf_arena_zalloc(&arena, size);
    assert_ptr_equal(bulk, (unsigned char *)first + 16);
    bulk[size - 1] = 0xCD;
    char *after = inf_arena_strndup(&arena, "after", 5);
    assert_ptr_equal(after, (char *)bulk + size);
    assert_string_equal(first, "first");
    assert_string_equal(after, "after");
    inf_arena_free(&arena);
}

/* A small expected size makes a small first block, 4 KiB at least: a result's few finding
 * texts take one page, not the default 64 KiB. */
static void a_small_expected_size_makes_a_small_first_block(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    inf_arena_expect(&arena, 100);
    char *a = inf_arena_alloc(&arena, 3000);
    char *b = inf_arena_alloc(&arena, 1000);
    assert_ptr_equal(b, a + 3008); /* both in the one 4 KiB block */
    assert_int_equal(inf_arena_block_count(&arena), 1);
    inf_arena_alloc(&arena, 100); /* the block is full: a second one */
    assert_int_equal(inf_arena_block_count(&arena), 2);
    inf_arena_free(&arena);
}

/* An array grown one item at a time well past the large-block size keeps every item; on
 * Linux its large blocks, and those asked for at once, start on a 2 MiB boundary (each 2 MiB
 * can be one huge page). */
static void a_grown_array_keeps_its_items(void **state)
{
    (void)state;
    uint32_t *items = NULL;
    size_t cap = 0;
    enum { COUNT = 3 << 20 }; /* 12 MiB of items */
    for (uint32_t i = 0; i < COUNT; i++) {
        items = inf_xgrow(items, &cap, (size_t)i + 1, sizeof *items);
        items[i] = i * 2654435761u;
    }
    assert_true(cap >= COUNT);
    for (uint32_t i = 0; i < COUNT; i++)
        if (items[i] != i * 2654435761u)
            fail_msg("item %u lost", (unsigned)i);
#if defined(__linux__)
    assert_int_equal((uintptr_t)items % ((uintptr_t)2 << 20), 0);
    char *block = inf_xmalloc((size_t)5 << 20); /* a large block asked for at once */
    assert_int_equal((uintptr_t)block % ((uintptr_t)2 << 20), 0);
    memset(block, 1, (size_t)5 << 20);
    free(block);
    /* an array of odd-sized items past 1 MiB moves to a huge page of its own, whole */
    struct odd {
        char bytes[24];
    } *odd = NULL;
    size_t odd_cap = 0;
    enum { ODD_COUNT = 50000 }; /* 1.2 MB */
    for (uint32_t i = 0; i < ODD_COUNT; i++) {
        odd = inf_xgrow(odd, &odd_cap, (size_t)i + 1, sizeof *odd);
        memset(odd[i].bytes, (int)(i % 251), sizeof odd[i].bytes);
    }
    assert_int_equal((uintptr_t)odd % ((uintptr_t)2 << 20), 0);
    assert_true(odd_cap * sizeof *odd > ((size_t)2 << 20) - sizeof *odd);
    for (uint32_t i = 0; i < ODD_COUNT; i++)
        if (odd[i].bytes[0] != (char)(i % 251) || odd[i].bytes[23] != (char)(i % 251))
            fail_msg("odd item %u lost", (unsigned)i);
    memset(odd, 0, odd_cap * sizeof *odd); /* the whole capacity is there */
    free(odd);
    /* a block to be filled, past 1 MiB: whole huge pages, every byte of them the caller's */
    size_t filled_size = ((size_t)1 << 20) + 100;
    char *filled = inf_xmalloc_filled(&filled_size);
    assert_int_equal(filled_size, (size_t)2 << 20);
    assert_int_equal((uintptr_t)filled % ((uintptr_t)2 << 20), 0);
    memset(filled, 7, filled_size);
    free(filled);
#endif
    size_t small_size = 1000; /* a small one is as asked */
    char *small = inf_xmalloc_filled(&small_size);
    assert_int_equal(small_size, 1000);
    memset(small, 7, small_size);
    free(small);
    free(items);
}

/* An array grown in the arena keeps its items, and moves only when its count reaches a power
 * of two: between those, the room doubled last is there. */
static void an_array_grown_in_the_arena_keeps_its_items(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    uint32_t *items = NULL;
    size_t moves = 0;
    for (uint32_t n = 0; n < 5000; n++) {
        uint32_t *grown = inf_arena_grow(&arena, items, n, sizeof *items);
        int power_of_two = (n & (n - 1)) == 0;
        if (power_of_two != (grown != items))
            fail_msg("at %u items the array %s", (unsigned)n, power_of_two ? "stayed" : "moved");
        moves += grown != items;
        items = grown;
        items[n] = n * 2654435761u;
    }
    assert_int_equal(moves, 14); /* at 0, 1, 2, 4, ..., 4096 */
    for (uint32_t n = 0; n < 5000; n++)
        if (items[n] != n * 2654435761u)
            fail_msg("item %u lost", (unsigned)n);
    inf_arena_free(&arena);
}

/* Zeroed blocks are zero at every size, small ones (made by malloc and memset) included, also
 * when they reuse a block just freed with other bytes in it. */
static void zeroed_blocks_are_zero_at_every_size(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 7, 64, 1000, 1023, 1024, 1025, 4096, 200000};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        for (size_t item = 1; item <= 8; item *= 2) {
            size_t count = (sizes[k] + item - 1) / item;
            unsigned char *dirty = inf_xmalloc(count * item);
            memset(dirty, 0xAB, count * item);
            free(dirty); /* (the next block of this size is likely the same one) */
            unsigned char *zeroed = inf_xcalloc(count, item);
            for (size_t i = 0; i < count * item; i++)
                if (zeroed[i] != 0)
                    fail_msg("byte %zu of %zu x %zu is not zero", i, count, item);
            free(zeroed);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(texts_survive_growing_blocks),
        cmocka_unit_test(joins_read_as_printf_writes_them),
        cmocka_unit_test(printf_of_a_mixed_format_reads_its_arguments_once),
        cmocka_unit_test(a_large_request_stands_alone),
        cmocka_unit_test(an_expected_size_makes_the_first_block),
        cmocka_unit_test(a_small_expected_size_makes_a_small_first_block),
        cmocka_unit_test(a_grown_array_keeps_its_items),
        cmocka_unit_test(an_array_grown_in_the_arena_keeps_its_items),
        cmocka_unit_test(zeroed_blocks_are_zero_at_every_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
