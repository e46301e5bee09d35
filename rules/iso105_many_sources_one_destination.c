/*
 * ISO105 many-sources-one-destination (InfVerif 1330): two different
 * sources copied to one destination (DIRID, subdir, name), whatever the
 * DIRID, across all live install sections: offline servicing may process
 * every one of them.
 */
#include "check.h"

#include <stdlib.h>

struct keyed {
    size_t copy;
    const char *key; /* dirid|subdir|name, normalized */
};

static int compare_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->copy < y->copy ? -1 : x->copy > y->copy);
}

/* Do two copies of one destination take different sources? */
static int different_sources(struct inf_check *c, const struct inf_copy *a,
                             const struct inf_copy *b)
{
    if (!inf_text_equal_nocase2(a->source_name.text, a->source_name.len, b->source_name.text,
                                b->source_name.len))
        return 1;
    /* Same name: compare the package subdirectory where both are installed. */
    int arch = inf_first_arch(a->reach.arches & b->reach.arches);
    if (arch < 0 || !a->sources[arch].subdir || !b->sources[arch].subdir)
        return 0;
    const char *x = inf_check_normalize_path(c, a->sources[arch].subdir);
    const char *y = inf_check_normalize_path(c, b->sources[arch].subdir);
    int differ = strcmp(x, y) != 0;
    return differ;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct keyed *items = inf_arena_array(c, g->copy_count + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || !copy->has_dirid)
            continue;
        const char *dir = inf_check_normalize_path(c, copy->dest_subdir);
        const char *name = inf_check_normalize_path(c, copy->dest_name.text);
        items[n].copy = i;
        items[n++].key = inf_check_printf(c, "%ld|%s|%s", copy->dirid, dir, name);
    }
    qsort(items, n, sizeof *items, compare_keyed);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(items[i].key, items[j].key) == 0)
            j++;
        for (size_t k = i + 1; k < j; k++) {
            const struct inf_copy *later = &g->copies[items[k].copy];
            for (size_t e = i; e < k; e++) {
                const struct inf_copy *earlier = &g->copies[items[e].copy];
                if (earlier->file_line == later->file_line || !different_sources(c, earlier, later))
                    continue;
                const struct inf_copy *first =
                    earlier->file_line->line <= later->file_line->line ? earlier : later;
                const struct inf_copy *second = first == earlier ? later : earlier;
                /* When the later line renames its file onto the destination, ISO103 on the
                 * same line gives the one edit that ends both: say that, not another fix. */
                int renames =
                    !inf_text_equal_nocase2(second->dest_name.text, second->dest_name.len,
                                            second->source_name.text, second->source_name.len);
                const char *hint =
                    renames ? "the edit that fixes the rename on this line (ISO103) ends this too"
                            : inf_check_printf(c,
                                               "copy one source to '%s' only, or give the two "
                                               "files different names",
                                               second->dest_name.text);
                inf_report(c, second->span, 0, hint,
                           "'%s' is copied to the same destination (DIRID %ld%s%s\\%s) as '%s' "
                           "on line %u; one destination must have one source",
                           second->source_name.text, second->dirid,
                           second->dest_subdir[0] ? "\\" : "", second->dest_subdir,
                           second->dest_name.text, first->source_name.text,
                           (unsigned)first->file_line->line);
                break;
            }
        }
        i = j;
    }
}

const struct inf_rule inf_rule_iso105 = {
    "ISO105",
    "many-sources-one-destination",
    INF_SEVERITY_ERROR,
    "Two different source files are copied to the same destination.",
    "Offline servicing may process every install section of an INF, not just the one a "
    "device uses, so two sections that copy different files (different names or package "
    "subdirectories) to the same destination path make the result depend on order. This "
    "applies to every DIRID, across all live install sections and architectures.",
    "[Acme_x86_Files]\nacme.sys, acme_x86.sys\n[Acme_x64_Files]\nacme.sys, acme_x64.sys\n",
    "[SourceDisksFiles.x86]\nacme.sys = 1, x86\n[SourceDisksFiles.amd64]\nacme.sys = 1, x64\n"
    "[Acme_Files]\nacme.sys\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1330}};
