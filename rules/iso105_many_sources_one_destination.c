/*
 * ISO105 many-sources-one-destination (InfVerif 1330): two different
 * sources copied to one destination (DIRID, subdir, name), whatever the
 * DIRID, across all live install sections: offline servicing may process
 * every one of them.
 */
#include "rule_util.h"

#include <stdlib.h>

struct keyed {
    size_t copy;
    char *key; /* dirid|subdir|name, normalized */
};

static int compare_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->copy < y->copy ? -1 : x->copy > y->copy);
}

/* Do two copies of one destination take different sources? */
static int different_sources(const struct inf_copy *a, const struct inf_copy *b)
{
    if (!inf_text_equal_nocase2(a->source_name, strlen(a->source_name), b->source_name,
                                strlen(b->source_name)))
        return 1;
    /* Same name: compare the package subdirectory where both are installed. */
    int arch = rule_first_arch(a->reach.arches & b->reach.arches);
    if (arch < 0 || !a->sources[arch].subdir || !b->sources[arch].subdir)
        return 0;
    char *x = inf_path_normalize(a->sources[arch].subdir);
    char *y = inf_path_normalize(b->sources[arch].subdir);
    int differ = strcmp(x, y) != 0;
    free(x);
    free(y);
    return differ;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct keyed *items = inf_xcalloc(g->copy_count + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || !copy->has_dirid)
            continue;
        char *dir = inf_path_normalize(copy->dest_subdir);
        char *name = inf_path_normalize(copy->dest_name);
        struct inf_buf key = INF_BUF_INIT;
        inf_buf_printf(&key, "%ld|%s|%s", copy->dirid, dir, name);
        items[n].copy = i;
        items[n++].key = key.data;
        free(dir);
        free(name);
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
                if (earlier->file_line == later->file_line || !different_sources(earlier, later))
                    continue;
                const struct inf_copy *first =
                    earlier->file_line->line <= later->file_line->line ? earlier : later;
                const struct inf_copy *second = first == earlier ? later : earlier;
                char hint[512];
                snprintf(hint, sizeof hint,
                         "copy one source to '%s' only, or give the two files different names",
                         second->dest_name);
                inf_report(c, inf_span_line(c->model, second->file_line), 0, hint,
                           "'%s' is copied to the same destination (DIRID %ld%s%s\\%s) as '%s' "
                           "on line %u; one destination must have one source",
                           second->source_name, second->dirid, second->dest_subdir[0] ? "\\" : "",
                           second->dest_subdir, second->dest_name, first->source_name,
                           (unsigned)first->file_line->line);
                break;
            }
        }
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        free(items[i].key);
    free(items);
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
    check};
