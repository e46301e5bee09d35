/*
 * graph_index.h - small hash tables used while building the graph:
 * case-insensitive name -> line (DestinationDirs, SourceDisks*), and
 * 64-bit key -> record index (deduplicating records reached many times);
 * and a map from model line to record index, in chunks (registry writes).
 */
#ifndef INFLINT_GRAPH_INDEX_H
#define INFLINT_GRAPH_INDEX_H

#include "model.h"

#include <stdint.h>

struct inf_arena;

/* One name of a name index: where its text is, its hash and its line. */
struct inf_name_slot {
    const struct inf_line *line;
    uint32_t hash;
    uint32_t offset; /* in the index's text */
    uint32_t len;
    uint32_t used;
};

/*
 * Case-insensitive name -> line, e.g. the substituted keys of one section
 * -> the first line with that key. The names are copied back to back into
 * one buffer: no allocation per name. With ARENA set (the file's), a table of
 * up to INF_NAME_INDEX_ARENA_SLOTS slots and a text of up to
 * INF_NAME_INDEX_ARENA_TEXT bytes come from the arena: the few names most
 * sections hold then cost neither a malloc nor a free. Bigger ones are
 * malloc'd (a big file's arena keeps no outgrown copies).
 */
#define INF_NAME_INDEX_ARENA_SLOTS 64
#define INF_NAME_INDEX_ARENA_TEXT 1024
struct inf_name_index {
    struct inf_name_slot *slots;
    size_t size; /* power of two, 0 when empty */
    size_t count;
    char *text; /* the names, back to back (not NUL-terminated) */
    size_t text_len, text_cap;
    /* The slot of the name the last add met (added or found), plus one, 0 for none: a
     * device list names one install section on thousands of consecutive lines, and those
     * are found again without hashing. */
    size_t last_added;
    struct inf_arena *arena;
};

/* An empty index sized for about EXPECTED names (it grows when needed); ARENA may be NULL. */
void inf_name_index_init(struct inf_name_index *index, struct inf_arena *arena, size_t expected);

/* Adds NAME (copied) with LINE unless present; returns the line stored for NAME. */
const struct inf_line *inf_name_index_add(struct inf_name_index *index, const char *name,
                                          size_t len, const struct inf_line *line);

/* Indexes the lines of SECTION (may be INF_NO_INDEX) by their substituted key. */
void inf_name_index_build(struct inf_name_index *index, struct inf_arena *arena,
                          const struct inf_model *model, uint32_t section);
const struct inf_line *inf_name_index_find(const struct inf_name_index *index, const char *name,
                                           size_t len);
void inf_name_index_free(struct inf_name_index *index);

/*
 * 64-bit key -> 32-bit value. With ARENA set (the file's), the first table, of
 * INF_KEY_MAP_FIRST slots, comes from the arena: most files' maps never outgrow
 * it, and then cost neither a malloc nor a free. Bigger tables are malloc'd.
 */
#define INF_KEY_MAP_FIRST 64
struct inf_key_map {
    uint64_t *keys;
    uint32_t *values; /* value + 1; 0 = empty slot */
    size_t size, count;
    struct inf_arena *arena;
};

/* Returns the value stored for KEY, or INF_NO_INDEX. */
uint32_t inf_key_map_get(const struct inf_key_map *map, uint64_t key);
void inf_key_map_put(struct inf_key_map *map, uint64_t key, uint32_t value);
void inf_key_map_free(struct inf_key_map *map);

/*
 * Model line index -> 32-bit value, in chunks of INF_LINE_CHUNK lines made
 * when a line of theirs is first put: the records of a line (its registry
 * write) are looked up each time a walk passes it, in its section's line
 * order, where a hash table's scattered slots each waited for memory in a
 * big file; and stretches of the file with no such line cost only their
 * chunk's pointer (an array over all lines took 4 bytes for each).
 */
#define INF_LINE_CHUNK 64
struct inf_line_map {
    uint32_t **chunks; /* chunk c: lines [c * INF_LINE_CHUNK, ...), values + 1; NULL: none */
    size_t line_count;
};

/* An empty map over LINE_COUNT lines (nothing allocated yet). */
void inf_line_map_init(struct inf_line_map *map, size_t line_count);
/* The value stored for LINE, or INF_NO_INDEX. */
static inline uint32_t inf_line_map_get(const struct inf_line_map *map, size_t line)
{
    if (!map->chunks || line >= map->line_count || !map->chunks[line / INF_LINE_CHUNK])
        return INF_NO_INDEX;
    return map->chunks[line / INF_LINE_CHUNK][line % INF_LINE_CHUNK] - 1;
}
/* Sets LINE's value; a line past LINE_COUNT is not kept. */
void inf_line_map_put(struct inf_line_map *map, size_t line, uint32_t value);
void inf_line_map_free(struct inf_line_map *map);

#endif
