/*
 * check.c - the helpers of check.h that rules share: texts in the file's
 * arena, architecture notes, name sets released with the file, and whether
 * the INF sits in a built package.
 */
#include "check.h"
#include "suggest.h"
#include "arena.h"
#include "graph_index.h"
#include "inflint/alloc.h"
#include "os.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

struct inf_name_set {
    struct inf_name_index index;
    struct inf_name_set *next; /* the check's list, for release */
};

char *inf_check_printf(struct inf_check *check, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *out = inf_arena_vprintf(check->arena, format, args);
    va_end(args);
    return out;
}

const char *inf_check_arch_note(struct inf_check *check, unsigned mask)
{
    const struct inf_graph *g = check->graph;
    if ((mask & g->all_arches) == g->all_arches)
        return "";
    char out[64] = " (on ";
    int first = 1;
    for (int a = 0; a < INF_ARCH_COUNT; a++)
        if (mask & INF_ARCH_BIT(a)) {
            if (!first)
                strcat(out, ", ");
            strcat(out, inf_arch_name((enum inf_arch)a));
            first = 0;
        }
    strcat(out, ")");
    return inf_arena_strndup(check->arena, out, strlen(out));
}

const char *inf_check_normalize_path(struct inf_check *check, const char *path)
{
    return inf_path_normalize(check->arena, path);
}

struct inf_name_set *inf_name_set_new(struct inf_check *check, size_t expected)
{
    struct inf_name_set *set = inf_arena_zalloc(check->arena, sizeof *set);
    inf_name_index_init(&set->index, check->arena, expected);
    set->next = check->name_sets;
    check->name_sets = set;
    return set;
}

const struct inf_line *inf_name_set_add(struct inf_name_set *set, const char *name, size_t len,
                                        const struct inf_line *line)
{
    return inf_name_index_add(&set->index, name, len, line);
}

const struct inf_line *inf_name_set_find(const struct inf_name_set *set, const char *name,
                                         size_t len)
{
    return inf_name_index_find(&set->index, name, len);
}

struct inf_name_set *inf_section_keys(struct inf_check *check, uint32_t section)
{
    struct inf_name_set *set = inf_arena_zalloc(check->arena, sizeof *set);
    inf_name_index_build(&set->index, check->arena, check->model, section);
    set->next = check->name_sets;
    check->name_sets = set;
    return set;
}

const char *inf_check_suggest(const char *word, const char *const *candidates, size_t count)
{
    return inf_suggest(word, candidates, count);
}

/* Frees the name sets the rules made (the engine calls it when the file is done). */
void inf_check_release(struct inf_check *check)
{
    for (struct inf_name_set *set = check->name_sets; set; set = set->next)
        inf_name_index_free(&set->index);
    check->name_sets = NULL;
    inf_check_move_plan_free(check);
    inf_buf_free(&check->format);
}

struct inf_field inf_check_field(struct inf_check *check, const struct inf_line *line, size_t index)
{
    struct inf_field f = {"", 0, {0, 0}};
    const struct inf_token *t = inf_line_field(check->model, line, index);
    if (!t)
        return f;
    struct inf_text v = inf_token_value(check->model, t, &check->scratch, NULL);
    f.text = inf_arena_strndup(check->arena, v.ptr, v.len);
    f.len = v.len;
    f.span.start = inf_token_offset(check->model, t);
    f.span.end = inf_token_end(check->model, t);
    return f;
}

void inf_entries_init(struct inf_entries *entries, struct inf_check *check, uint32_t section,
                      const char *key)
{
    entries->check = check;
    entries->key = key;
    inf_line_iter_init(&entries->lines, check->model, section);
}

const struct inf_line *inf_entries_next(struct inf_entries *entries)
{
    const struct inf_model *m = entries->check->model;
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&entries->lines)) != NULL)
        if (line->has_key && inf_text_equal_nocase(inf_token_value(m, inf_line_key(m, line),
                                                                   &entries->check->scratch, NULL),
                                                   entries->key))
            return line;
    return NULL;
}

const struct inf_line *inf_check_next_keyed(struct inf_check *check, struct inf_line_iter *it,
                                            struct inf_text *key)
{
    const struct inf_model *m = check->model;
    const struct inf_line *line;
    while ((line = inf_line_iter_next(it)) != NULL) {
        const struct inf_token *k = inf_line_key(m, line);
        if (k) {
            *key = inf_token_value(m, k, &check->scratch, NULL);
            return line;
        }
    }
    return NULL;
}

void *inf_arena_array(struct inf_check *check, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        inf_alloc_fail();
    return inf_arena_zalloc(check->arena, count * size);
}

void *inf_check_grow(struct inf_check *check, void *array, size_t count, size_t size)
{
    return inf_arena_grow(check->arena, array, count, size);
}

char *inf_check_copy(struct inf_check *check, const char *text, size_t len)
{
    return inf_arena_strndup(check->arena, text, len);
}

char *inf_check_lower(struct inf_check *check, const char *text, size_t len)
{
    char *low = inf_arena_alloc(check->arena, len + 1);
    inf_text_lower_copy(low, text, len);
    return low;
}

const struct inf_directive_use *inf_check_directive_uses(struct inf_check *check, size_t *count)
{
    /* Made on first use and kept: the graph is this file's own, and its rules run one after
     * another, so the graph may fill in this memo although rules see it as const. */
    return inf_graph_directive_uses((struct inf_graph *)check->graph, count);
}

const struct inf_missing_target *inf_check_reachable_missing(struct inf_check *check, size_t *count)
{
    /* A memo of the graph, like inf_check_directive_uses. */
    return inf_graph_reachable_missing((struct inf_graph *)check->graph, count);
}

uint32_t inf_check_section_of(const struct inf_check *check, const struct inf_line *line)
{
    const struct inf_model *m = check->model;
    uint32_t index = (uint32_t)(line - m->lines);
    size_t lo = 0, hi = m->run_count; /* the last run starting at or before the line */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->runs[mid].first_line <= index)
            lo = mid;
        else
            hi = mid;
    }
    return m->run_count ? m->runs[lo].section : INF_NO_INDEX;
}

int inf_check_built_package(struct inf_check *check)
{
    if (!check->on_disk || !check->path)
        return 0;
    const struct inf_model *m = check->model;
    char *dir = NULL;
    int built = 0;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, inf_check_section(check, "Version"));
    const struct inf_line *line;
    while (!built && (line = inf_line_iter_next(&it)) != NULL) {
        if (!line->has_key)
            continue;
        struct inf_text key = inf_token_value(m, inf_line_key(m, line), &check->scratch, NULL);
        /* CatalogFile, or a decorated CatalogFile.NTamd64 */
        if (key.len < 11 || !inf_text_equal_nocase2(key.ptr, 11, "CatalogFile", 11) ||
            (key.len > 11 && key.ptr[11] != '.'))
            continue;
        struct inf_field catalog = inf_check_field(check, line, 0);
        if (!catalog.len)
            continue;
        if (!dir)
            dir = inf_os_dirname(check->path);
        built = inf_os_file_in_directory(dir, catalog.text);
    }
    free(dir);
    return built;
}

const char *inf_check_place(struct inf_check *check, const char *normalized)
{
    return normalized[0] ? inf_check_printf(check, "'%s'", normalized) : "the package root";
}

const uint32_t *inf_check_models_sections(struct inf_check *check, size_t *count)
{
    /* A memo of the graph, like inf_check_directive_uses. */
    return inf_graph_models_sections((struct inf_graph *)check->graph, count);
}
