/*
 * INF007 missing-source-file (InfVerif 1230): a live copied file with no
 * SourceDisksFiles entry for some architecture its install path covers.
 */
#include "rule_util.h"

/* INFs that name a LayoutFile take their source media from another INF. */
static int uses_layout_file(const struct inf_model *m, struct inf_buf *scratch)
{
    uint32_t version = inf_model_find_section(m, "Version", 7);
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, version);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL)
        if (line->has_key &&
            inf_text_equal_nocase(inf_token_value(m, inf_line_key(m, line), scratch, NULL),
                                  "LayoutFile"))
            return 1;
    return 0;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    if (g->copy_count == 0 || uses_layout_file(c->model, &c->scratch))
        return;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        unsigned missing = 0;
        for (int a = 0; a < INF_ARCH_COUNT; a++)
            if ((copy->reach.arches & INF_ARCH_BIT(a)) && !copy->sources[a].disks_files_line)
                missing |= INF_ARCH_BIT(a);
        if (!missing)
            continue;
        char arches[64], hint[384];
        snprintf(hint, sizeof hint,
                 "add `%s = <disk id>` to [SourceDisksFiles] (or to the "
                 "[SourceDisksFiles.<arch>] section of each architecture)",
                 copy->source_name);
        inf_report(c, inf_span_line(c->model, copy->file_line), 0, hint,
                   "'%s' is copied but has no [SourceDisksFiles] entry, so it is not part of the "
                   "signed package%s",
                   copy->source_name, rule_arch_note(g, missing, arches));
    }
}

const struct inf_rule inf_rule_inf007 = {
    "INF007",
    "missing-source-file",
    INF_SEVERITY_ERROR,
    "A copied file is not listed in SourceDisksFiles.",
    "A file belongs to the driver package only when it is both listed in SourceDisksFiles "
    "and copied by a CopyFiles directive. A copied file without an entry (for some "
    "architecture the install path covers) is missing from the package and its catalog.",
    "[Acme_Files]\nacme.sys\n[SourceDisksFiles]\n; acme.sys missing\n",
    "[Acme_Files]\nacme.sys\n[SourceDisksFiles]\nacme.sys = 1\n",
    check};
