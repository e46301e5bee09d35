/*
 * ISO104 duplicate-file-name (InfVerif 1294): the same file name twice in
 * one SourceDisksFiles section (after merging its headers), or one file
 * name copied into two different DIRID-13 subdirectories. A name in both
 * [SourceDisksFiles] and [SourceDisksFiles.amd64] is not a duplicate.
 */
#include "check.h"

#include <stdlib.h>

static void check_disks_files(struct inf_check *c, uint32_t section)
{
    const struct inf_model *m = c->model;
    struct inf_text name = c->graph->sections[section].name;
    struct inf_name_set *seen = inf_name_set_new(c, c->graph->sections[section].line_count);
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, section);
    const struct inf_line *line;
    struct inf_text k;
    while ((line = inf_check_next_keyed(c, &it, &k)) != NULL) {
        const struct inf_line *earlier = inf_name_set_add(seen, k.ptr, k.len, line);
        if (earlier != line) {
            inf_report(c, inf_span_line(m, line), 0,
                       inf_check_printf(c, "remove one of the two entries (line %u and line %u)",
                                        (unsigned)earlier->line, (unsigned)line->line),
                       "'%.*s' is listed twice in [%.*s]; the first entry is on line %u",
                       (int)k.len, k.ptr, (int)name.len, name.ptr, (unsigned)earlier->line);
        }
    }
}

/* A DIRID-13 copy as the sort sees it: name, then file line (no shared state, for threads). */
struct copy_key {
    const char *name;
    uint32_t line;
    size_t copy;
};

static int compare_copies(const void *a, const void *b)
{
    const struct copy_key *x = a, *y = b;
    int c = inf_compare_nocase(x->name, y->name);
    if (c)
        return c;
    return x->line < y->line ? -1 : x->line > y->line;
}

static void check_copies(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct copy_key *keys = inf_arena_array(c, g->copy_count + 1, sizeof *keys);
    size_t n = 0;
    for (size_t i = 0; i < g->copy_count; i++)
        if (inf_reach_enforced(&g->copies[i].reach) && g->copies[i].has_dirid &&
            g->copies[i].dirid == 13) {
            keys[n].name = g->copies[i].dest_name.text;
            keys[n].line = g->copies[i].file_line->line;
            keys[n++].copy = i;
        }
    qsort(keys, n, sizeof *keys, compare_copies);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && inf_compare_nocase(g->copies[keys[i].copy].dest_name.text,
                                           g->copies[keys[j].copy].dest_name.text) == 0)
            j++;
        /* Within one name, report each later copy whose subdirectory differs from the first. */
        const struct inf_copy *first = &g->copies[keys[i].copy];
        const char *first_dir = inf_check_normalize_path(c, first->dest_subdir);
        for (size_t k = i + 1; k < j; k++) {
            const struct inf_copy *other = &g->copies[keys[k].copy];
            const char *dir = inf_check_normalize_path(c, other->dest_subdir);
            if (strcmp(dir, first_dir) != 0)
                inf_report(c, other->span, 0,
                           "give each file in the driver store a unique name, or copy it to one "
                           "subdirectory only",
                           "'%s' is copied to %s in the driver store here and to %s on line "
                           "%u; names of files in DIRID 13 must be unique",
                           other->dest_name.text, inf_check_place(c, dir),
                           inf_check_place(c, first_dir), (unsigned)first->file_line->line);
        }
        i = j;
    }
}

static void check(struct inf_check *c)
{
    if (!c->graph->has_entry_points)
        return;
    const struct inf_graph *g = c->graph;
    for (size_t s = 0; s < g->section_count; s++) {
        struct inf_text name = g->sections[s].name;
        if (name.len >= 16 && inf_text_equal_nocase2(name.ptr, 16, "SourceDisksFiles", 16) &&
            (name.len == 16 || name.ptr[16] == '.'))
            check_disks_files(c, (uint32_t)s);
    }
    check_copies(c);
}

const struct inf_rule inf_rule_iso104 = {
    "ISO104",
    "duplicate-file-name",
    INF_SEVERITY_ERROR,
    "A file name appears twice where it must be unique.",
    "Every file that runs from the driver store is identified by its name alone: "
    "SourceDisksFiles cannot list a name twice and CopyFiles cannot rename, so one name "
    "copied into two DIRID 13 subdirectories, or listed twice in one SourceDisksFiles "
    "section (its repeated headers merged), is ambiguous. A name in both "
    "[SourceDisksFiles] and [SourceDisksFiles.amd64] is fine: on amd64 the decorated "
    "entry wins.",
    "[SourceDisksFiles]\nacme.sys = 1\nacme.sys = 1, x64\n",
    "[SourceDisksFiles.x86]\nacme.sys = 1\n[SourceDisksFiles.amd64]\nacme.sys = 1, x64\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1294}};
