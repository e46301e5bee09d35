/*
 * test_graph_index.c - the graph's key maps: every key read back as last
 * put, across the growth of the table, whether its first table comes from
 * the file's arena or from malloc (a table freed that the arena owns, or an
 * arena table kept after growth, shows under valgrind and the sanitizers).
 */
#include "helpers.h"
#include "arena.h"
#include "graph_index.h"

#include <stdint.h>

/* Keys spread as the graph's are (line indexes shifted, hashes), some put twice. */
static uint64_t key_of(uint32_t i)
{
    return (uint64_t)i << 32 | (i * 2654435761u);
}

/* Puts COUNT keys into MAP, each a second time with a new value, then reads them all. */
static void fill_and_read(struct inf_key_map *map, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++)
        inf_key_map_put(map, key_of(i), i);
    for (uint32_t i = 0; i < count; i += 3)
        inf_key_map_put(map, key_of(i), i + 1000000);
    assert_int_equal(map->count, count);
    for (uint32_t i = 0; i < count; i++)
        assert_int_equal(inf_key_map_get(map, key_of(i)), i % 3 == 0 ? i + 1000000 : i);
    assert_int_equal(inf_key_map_get(map, key_of(count)), INF_NO_INDEX);
}

static void a_map_without_an_arena_keeps_every_key(void **state)
{
    (void)state;
    static const uint32_t counts[] = {0, 1, INF_KEY_MAP_FIRST / 2, INF_KEY_MAP_FIRST, 5000};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        struct inf_key_map map = {0};
        fill_and_read(&map, counts[c]);
        inf_key_map_free(&map);
        assert_null(map.keys);
        assert_int_equal(map.size, 0);
    }
}

static void a_map_whose_first_table_is_the_arenas_keeps_every_key(void **state)
{
    (void)state;
    static const uint32_t counts[] = {0, 1, INF_KEY_MAP_FIRST / 2 - 1, INF_KEY_MAP_FIRST, 5000};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        struct inf_arena arena = INF_ARENA_INIT;
        struct inf_key_map map = {0};
        map.arena = &arena;
        fill_and_read(&map, counts[c]);
        /* Under half full, the map stays in the first table, taken from the arena. */
        if (counts[c] && counts[c] < INF_KEY_MAP_FIRST / 2)
            assert_int_equal(map.size, INF_KEY_MAP_FIRST);
        inf_key_map_free(&map);
        inf_arena_free(&arena);
    }
}

/* A freed map is empty and can be filled again (then from malloc: its arena went with it). */
static void a_freed_map_is_empty_and_usable(void **state)
{
    (void)state;
    struct inf_arena arena = INF_ARENA_INIT;
    struct inf_key_map map = {0};
    map.arena = &arena;
    fill_and_read(&map, 10);
    inf_key_map_free(&map);
    assert_int_equal(inf_key_map_get(&map, key_of(1)), INF_NO_INDEX);
    fill_and_read(&map, 100);
    inf_key_map_free(&map);
    inf_arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_map_without_an_arena_keeps_every_key),
        cmocka_unit_test(a_map_whose_first_table_is_the_arenas_keeps_every_key),
        cmocka_unit_test(a_freed_map_is_empty_and_usable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
