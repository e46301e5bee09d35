/*
 * graph_index.h - small hash tables used while building the graph:
 * case-insensitive name -> line (DestinationDirs, SourceDisks*), and
 * 64-bit key -> record index (deduplicating records reached many times).
 */
#ifndef INFLINT_GRAPH_INDEX_H
#define INFLINT_GRAPH_INDEX_H

#include "inflint/model.h"

#include <stdint.h>

/* Keys (substituted, case-insensitive) of one section -> first line with that key. */
struct inf_name_index {
    char **names;
    const struct inf_line **lines;
    size_t size; /* power of two, 0 when empty */
};

/* Indexes the lines of SECTION (may be INF_NO_INDEX) by their substituted key. */
void inf_name_index_build(struct inf_name_index *index, const struct inf_model *model,
                          uint32_t section);
const struct inf_line *inf_name_index_find(const struct inf_name_index *index, const char *name,
                                           size_t len);
void inf_name_index_free(struct inf_name_index *index);

/* 64-bit key -> 32-bit value. */
struct inf_key_map {
    uint64_t *keys;
    uint32_t *values; /* value + 1; 0 = empty slot */
    size_t size, count;
};

/* Returns the value stored for KEY, or INF_NO_INDEX. */
uint32_t inf_key_map_get(const struct inf_key_map *map, uint64_t key);
void inf_key_map_put(struct inf_key_map *map, uint64_t key, uint32_t value);
void inf_key_map_free(struct inf_key_map *map);

#endif
