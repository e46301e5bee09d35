/*
 * graph_index.c - hash tables for the graph builder.
 */
#include "graph_index.h"
#include "inflint/alloc.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

/* Does a table of SIZE slots of INDEX come from its arena (and so is not freed)? A text of
 * CAP bytes? */
static int arena_holds_slots(const struct inf_name_index *index, size_t size)
{
    return index->arena && size <= INF_NAME_INDEX_ARENA_SLOTS;
}

static int arena_holds_text(const struct inf_name_index *index, size_t cap)
{
    return index->arena && cap <= INF_NAME_INDEX_ARENA_TEXT;
}

/* A zeroed table of SIZE slots, from INDEX's arena when it is small enough. */
static struct inf_name_slot *new_slots(const struct inf_name_index *index, size_t size)
{
    if (arena_holds_slots(index, size))
        return inf_arena_zalloc(index->arena, size * sizeof(struct inf_name_slot));
    return inf_xcalloc(size, sizeof(struct inf_name_slot));
}

void inf_name_index_init(struct inf_name_index *index, struct inf_arena *arena, size_t expected)
{
    memset(index, 0, sizeof *index);
    index->arena = arena;
    size_t size = 16;
    while (size < expected * 2)
        size *= 2;
    index->slots = new_slots(index, size);
    index->size = size;
}

/* The slot holding NAME (hash HASH), or the empty slot where it would go. */
static struct inf_name_slot *name_slot(const struct inf_name_index *index, const char *name,
                                       size_t len, uint32_t hash)
{
    size_t mask = index->size - 1;
    size_t slot = hash & mask;
    for (; index->slots[slot].used; slot = (slot + 1) & mask) {
        const struct inf_name_slot *s = &index->slots[slot];
        if (s->hash == hash && inf_text_equal_nocase2(index->text + s->offset, s->len, name, len))
            break;
    }
    return &index->slots[slot];
}

/* The slot the last add met when NAME is its name byte for byte, else NULL. */
static struct inf_name_slot *last_added_slot(const struct inf_name_index *index, const char *name,
                                             size_t len)
{
    if (!index->last_added)
        return NULL;
    struct inf_name_slot *s = &index->slots[index->last_added - 1];
    return s->len == len && (len == 0 || inf_bytes_equal(index->text + s->offset, name, len))
               ? s
               : NULL;
}

/* Doubles the table. */
static void grow_name_index(struct inf_name_index *index)
{
    struct inf_name_index bigger = *index;
    bigger.size = index->size * 2;
    bigger.slots = new_slots(index, bigger.size);
    for (size_t i = 0; i < index->size; i++) {
        const struct inf_name_slot *s = &index->slots[i];
        if (!s->used)
            continue;
        size_t slot = s->hash & (bigger.size - 1);
        while (bigger.slots[slot].used)
            slot = (slot + 1) & (bigger.size - 1);
        bigger.slots[slot] = *s;
    }
    if (!arena_holds_slots(index, index->size))
        free(index->slots);
    bigger.last_added = 0; /* the slots moved */
    *index = bigger;
}

/* Appends NAME's LEN bytes to the text, which grows by doubling, out of the arena when it
 * outgrows what the arena holds (made at the first name, even an empty one). */
static void add_text(struct inf_name_index *index, const char *name, size_t len)
{
    if (!index->text || len > index->text_cap - index->text_len) {
        size_t cap = index->text_cap ? index->text_cap : 64;
        while (cap - index->text_len < len)
            cap *= 2;
        char *text;
        if (index->text && !arena_holds_text(index, index->text_cap)) {
            text = inf_xrealloc(index->text, cap); /* (its bytes moved with it) */
        } else {
            text = arena_holds_text(index, cap) ? inf_arena_alloc(index->arena, cap)
                                                : inf_xmalloc(cap);
            if (index->text_len)
                memcpy(text, index->text, index->text_len);
        }
        index->text = text;
        index->text_cap = cap;
    }
    memcpy(index->text + index->text_len, name, len);
    index->text_len += len;
}

const struct inf_line *inf_name_index_add(struct inf_name_index *index, const char *name,
                                          size_t len, const struct inf_line *line)
{
    const struct inf_name_slot *last = last_added_slot(index, name, len);
    if (last)
        return last->line;
    if ((index->count + 1) * 2 > index->size)
        grow_name_index(index);
    uint32_t hash = inf_hash_nocase(name, len);
    struct inf_name_slot *s = name_slot(index, name, len, hash);
    index->last_added = (size_t)(s - index->slots) + 1;
    if (s->used)
        return s->line;
    s->used = 1;
    s->hash = hash;
    s->offset = (uint32_t)index->text_len;
    s->len = (uint32_t)len;
    s->line = line;
    add_text(index, name, len);
    index->count++;
    return line;
}

void inf_name_index_build(struct inf_name_index *index, struct inf_arena *arena,
                          const struct inf_model *model, uint32_t section)
{
    memset(index, 0, sizeof *index);
    index->arena = arena;
    if (section == INF_NO_INDEX || model->sections[section].line_count == 0)
        return;
    inf_name_index_init(index, arena, model->sections[section].line_count);
    struct inf_buf scratch = INF_BUF_INIT;
    struct inf_line_iter it;
    inf_line_iter_init(&it, model, section);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        const struct inf_token *key = inf_line_key(model, line);
        if (!key)
            continue;
        struct inf_text k = inf_token_value(model, key, &scratch, NULL);
        inf_name_index_add(index, k.ptr, k.len, line);
    }
    inf_buf_free(&scratch);
}

const struct inf_line *inf_name_index_find(const struct inf_name_index *index, const char *name,
                                           size_t len)
{
    if (!index->size)
        return NULL;
    const struct inf_name_slot *last = last_added_slot(index, name, len);
    if (last)
        return last->line;
    const struct inf_name_slot *s = name_slot(index, name, len, inf_hash_nocase(name, len));
    return s->used ? s->line : NULL;
}

void inf_name_index_free(struct inf_name_index *index)
{
    if (!arena_holds_slots(index, index->size))
        free(index->slots);
    if (!arena_holds_text(index, index->text_cap))
        free(index->text);
    memset(index, 0, sizeof *index);
}

static size_t key_slot(uint64_t key, size_t size)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return (size_t)key & (size - 1);
}

uint32_t inf_key_map_get(const struct inf_key_map *map, uint64_t key)
{
    if (!map->size)
        return INF_NO_INDEX;
    for (size_t slot = key_slot(key, map->size); map->values[slot];
         slot = (slot + 1) & (map->size - 1))
        if (map->keys[slot] == key)
            return map->values[slot] - 1;
    return INF_NO_INDEX;
}

/* Are MAP's tables the arena's (its first ones), not to be freed? */
static int key_map_in_arena(const struct inf_key_map *map)
{
    return map->arena && map->size == INF_KEY_MAP_FIRST;
}

/* Frees MAP's tables unless they are the arena's. */
static void key_map_release(struct inf_key_map *map)
{
    if (!key_map_in_arena(map)) {
        free(map->keys);
        free(map->values);
    }
}

void inf_key_map_put(struct inf_key_map *map, uint64_t key, uint32_t value)
{
    if ((map->count + 1) * 2 > map->size) {
        size_t size = map->size ? map->size * 2 : INF_KEY_MAP_FIRST;
        /* Only a slot with a value has a key: the keys need no zeroing. */
        uint64_t *keys;
        uint32_t *values;
        if (map->arena && size == INF_KEY_MAP_FIRST) {
            keys = inf_arena_alloc(map->arena, size * sizeof *keys);
            values = inf_arena_zalloc(map->arena, size * sizeof *values);
        } else {
            keys = inf_xmalloc(size * sizeof *keys);
            values = inf_xcalloc(size, sizeof *values);
        }
        for (size_t i = 0; i < map->size; i++) {
            if (!map->values[i])
                continue;
            size_t slot = key_slot(map->keys[i], size);
            while (values[slot])
                slot = (slot + 1) & (size - 1);
            keys[slot] = map->keys[i];
            values[slot] = map->values[i];
        }
        key_map_release(map);
        map->keys = keys;
        map->values = values;
        map->size = size;
    }
    size_t slot = key_slot(key, map->size);
    while (map->values[slot] && map->keys[slot] != key)
        slot = (slot + 1) & (map->size - 1);
    if (!map->values[slot])
        map->count++;
    map->keys[slot] = key;
    map->values[slot] = value + 1;
}

void inf_key_map_free(struct inf_key_map *map)
{
    key_map_release(map);
    memset(map, 0, sizeof *map);
}

void inf_line_map_init(struct inf_line_map *map, size_t line_count)
{
    map->chunks = NULL;
    map->line_count = line_count;
}

/* The chunks over the map's lines. */
static size_t chunk_count(const struct inf_line_map *map)
{
    return (map->line_count + INF_LINE_CHUNK - 1) / INF_LINE_CHUNK;
}

void inf_line_map_put(struct inf_line_map *map, size_t line, uint32_t value)
{
    if (line >= map->line_count)
        return; /* (not a line of the model: nothing to remember it by) */
    size_t c = line / INF_LINE_CHUNK;
    if (!map->chunks)
        map->chunks = inf_xcalloc(chunk_count(map), sizeof *map->chunks);
    if (!map->chunks[c])
        map->chunks[c] = inf_xcalloc(INF_LINE_CHUNK, sizeof *map->chunks[c]);
    map->chunks[c][line % INF_LINE_CHUNK] = value + 1;
}

void inf_line_map_free(struct inf_line_map *map)
{
    if (map->chunks)
        for (size_t c = 0; c < chunk_count(map); c++)
            free(map->chunks[c]);
    free(map->chunks);
    map->chunks = NULL;
    map->line_count = 0;
}
