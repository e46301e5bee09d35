/*
 * string_map.c - open addressing with linear probing, FNV-1a hashes kept
 * beside the keys.
 */
#include "string_map.h"
#include "inflint/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct inf_string_map_slot {
    char *key; /* NULL: empty */
    uint64_t hash;
    size_t value;
};

static uint64_t hash_text(const char *text)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 0x100000001b3ull;
    return h;
}

/* The slot of KEY, or the empty slot where it would go. */
static struct inf_string_map_slot *find(const struct inf_string_map *map, const char *key,
                                        uint64_t hash)
{
    size_t mask = map->size - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        struct inf_string_map_slot *slot = &map->slots[i];
        if (!slot->key || (slot->hash == hash && strcmp(slot->key, key) == 0))
            return slot;
    }
}

int inf_string_map_get(const struct inf_string_map *map, const char *key, size_t *value)
{
    if (map->size == 0)
        return 0;
    const struct inf_string_map_slot *slot = find(map, key, hash_text(key));
    if (!slot->key)
        return 0;
    *value = slot->value;
    return 1;
}

static void grow(struct inf_string_map *map)
{
    struct inf_string_map bigger = {NULL, map->size ? map->size * 2 : 64, map->count};
    bigger.slots = inf_xcalloc(bigger.size, sizeof *bigger.slots);
    for (size_t i = 0; i < map->size; i++)
        if (map->slots[i].key)
            *find(&bigger, map->slots[i].key, map->slots[i].hash) = map->slots[i];
    free(map->slots);
    *map = bigger;
}

void inf_string_map_put(struct inf_string_map *map, const char *key, size_t value)
{
    if ((map->count + 1) * 2 > map->size)
        grow(map);
    uint64_t hash = hash_text(key);
    struct inf_string_map_slot *slot = find(map, key, hash);
    if (!slot->key) {
        slot->key = inf_xstrndup(key, strlen(key));
        slot->hash = hash;
        map->count++;
    }
    slot->value = value;
}

void inf_string_map_free(struct inf_string_map *map)
{
    for (size_t i = 0; i < map->size; i++)
        free(map->slots[i].key);
    free(map->slots);
    map->slots = NULL;
    map->size = map->count = 0;
}
