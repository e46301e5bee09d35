/*
 * string_map.h - exact (case-sensitive) text -> size_t, for the lookups a
 * run makes per file and per directory (configurations by path, directories
 * already searched), so that they stay constant-time as trees grow.
 */
#ifndef INFLINT_STRING_MAP_H
#define INFLINT_STRING_MAP_H

#include <stddef.h>

struct inf_string_map {
    struct inf_string_map_slot *slots;
    size_t size, count; /* size: a power of two, 0 while empty */
};

/* A map is zeroed before use (memset, or a zeroed containing struct). */
/* Non-zero when KEY is present; its value goes to *VALUE. */
int inf_string_map_get(const struct inf_string_map *map, const char *key, size_t *value);
/* Sets KEY (copied) to VALUE. */
void inf_string_map_put(struct inf_string_map *map, const char *key, size_t value);
void inf_string_map_free(struct inf_string_map *map);

#endif
