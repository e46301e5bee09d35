/*
 * test_graph_index.c - the graph's key maps and name indexes: every key or
 * name read back as last put, across the growth of the table (and of the
 * names' text), whether the first tables come from the file's arena or from
 * malloc (a table freed that the arena owns, or an arena table kept after
 * growth, shows under valgrind and the sanitizers).
 */
#include "helpers.h"
#include "arena.h"
#include "graph_index.h"

#include <stdint.h>
#include <stdio.h>

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

/* Lines to store: only their addresses are compared. */
static struct inf_line lines[3000];

/* Name I: lengths from 0 (the first) to 56, about 41 on average: the names the arena's
 * table holds (INF_NAME_INDEX_ARENA_SLOTS / 2 - 1) outgrow the arena's text. */
static size_t name_of(uint32_t i, char *out, size_t room)
{
    if (i == 0)
        return 0;
    int n = snprintf(out, room, "Name%u.%.*s", i, (int)(20 + i % 30),
                     "NTamd64.10.0...16299.Extra.Keys.Of.A.Long.Install.Name");
    return (size_t)n;
}

/* Adds COUNT names, then each again in upper case (found: the first line stays), then
 * finds them all, in another case, and one never added. */
static void add_and_find(struct inf_name_index *index, uint32_t count)
{
    char name[64];
    for (uint32_t i = 0; i < count; i++) {
        size_t len = name_of(i, name, sizeof name);
        assert_ptr_equal(inf_name_index_add(index, name, len, &lines[i]), &lines[i]);
    }
    for (uint32_t i = 0; i < count; i++) {
        size_t len = name_of(i, name, sizeof name);
        for (size_t k = 0; k < len; k++)
            name[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
        assert_ptr_equal(inf_name_index_add(index, name, len, &lines[count]), &lines[i]);
        assert_ptr_equal(inf_name_index_find(index, name, len), &lines[i]);
    }
    assert_int_equal(index->count, count);
    assert_null(inf_name_index_find(index, "Name0", 5));
}

static void a_name_index_with_or_without_an_arena_keeps_every_name(void **state)
{
    (void)state;
    /* None; one; the most the arena's table holds (their text outgrowing the arena's); one
     * more (the table outgrowing it); many (both grown on the heap, several times). */
    static const uint32_t counts[] = {
        0, 1, INF_NAME_INDEX_ARENA_SLOTS / 2 - 1, INF_NAME_INDEX_ARENA_SLOTS / 2, 200, 2500};
    for (int with_arena = 0; with_arena < 2; with_arena++)
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            struct inf_arena arena = INF_ARENA_INIT;
            struct inf_name_index index;
            inf_name_index_init(&index, with_arena ? &arena : NULL, 4);
            add_and_find(&index, counts[c]);
            if (with_arena && counts[c] && counts[c] < INF_NAME_INDEX_ARENA_SLOTS / 2)
                assert_true(index.size <= INF_NAME_INDEX_ARENA_SLOTS);
            if (counts[c] == INF_NAME_INDEX_ARENA_SLOTS / 2 - 1)
                assert_true(index.text_len > INF_NAME_INDEX_ARENA_TEXT);
            inf_name_index_free(&index);
            assert_null(index.slots);
            assert_null(inf_name_index_find(&index, "Name1", 5));
            inf_arena_free(&arena);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_map_without_an_arena_keeps_every_key),
        cmocka_unit_test(a_map_whose_first_table_is_the_arenas_keeps_every_key),
        cmocka_unit_test(a_freed_map_is_empty_and_usable),
        cmocka_unit_test(a_name_index_with_or_without_an_arena_keeps_every_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
