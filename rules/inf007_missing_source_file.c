/*
 * INF007 missing-source-file (InfVerif 1230): a live copied file with no
 * SourceDisksFiles entry for some architecture its install path covers.
 */
#include "check.h"

/* INFs that name a LayoutFile take their source media from another INF. */
static int uses_layout_file(struct inf_check *c)
{
    return inf_name_set_find(inf_section_keys(c, inf_check_section(c, "Version")), "LayoutFile",
                             10) != NULL;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    if (g->copy_count == 0 || uses_layout_file(c))
        return;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        unsigned missing = 0;
        for (int a = 0; a < INF_ARCH_COUNT; a++)
            if ((copy->reach.arches & INF_ARCH_BIT(a)) && !copy->sources[a].disks_files_line)
                missing |= INF_ARCH_BIT(a);
        if (!missing)
            continue;
        inf_report(c, copy->span, 0,
                   inf_check_printf(c,
                                    "add `%s = <disk id>` to [SourceDisksFiles] (or to the "
                                    "[SourceDisksFiles.<arch>] section of each architecture)",
                                    copy->source_name.text),
                   "'%s' is copied but has no [SourceDisksFiles] entry, so it is not part of the "
                   "signed package%s",
                   copy->source_name.text, inf_check_arch_note(c, missing));
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
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1230}};
