/*
 * ISO110 filter-via-addreg (InfVerif 1329): UpperFilters or LowerFilters
 * written by a live AddReg. Filters are declared with AddFilter instead.
 * Fix (unsafe: AddFilter needs Windows 10 1903, and the filters' order may
 * change), when the AddReg comes from a DDInstall.HW section: the line goes,
 * and DDInstall.Filters gets `AddFilter = <filter>,, <filter>_Filter` with a
 * filter section giving its position.
 */
#include "check.h"

static void begin_fix(struct inf_check *c, const struct inf_registry_write *r, int upper)
{
    const struct inf_model *m = c->model;
    uint32_t hw = inf_check_section_of(c, r->directive);
    if (hw == INF_NO_INDEX || !r->data_count)
        return;
    struct inf_text name = c->graph->sections[hw].name;
    if (name.len < 4 || !inf_text_equal_nocase2(name.ptr + name.len - 3, 3, ".HW", 3))
        return; /* not reached from DDInstall.HW: where the filter belongs is not known */
    const char *filters = inf_check_printf(c, "%.*s.Filters", (int)(name.len - 3), name.ptr);
    uint32_t existing = inf_check_section(c, filters);
    inf_fix_begin(c, INF_FIX_SAFE,
                  inf_check_printf(c, "declare the filter with AddFilter in [%s]", filters));
    const char *added = existing == INF_NO_INDEX ? inf_check_printf(c, "[%s]\n", filters) : "";
    const char *positions = "";
    for (size_t i = 0; i < r->data_count; i++) {
        const char *filter = r->data[i].text;
        if (!filter[0])
            continue;
        const char *install = inf_check_printf(c, "%s_Filter", filter);
        if (inf_check_section(c, install) != INF_NO_INDEX) {
            inf_fix_cancel(c); /* a section of that name exists: no name is sure to be free */
            return;
        }
        const char *add = inf_check_printf(c, "%s,, %s", filter, install);
        if (existing != INF_NO_INDEX)
            inf_fix_add_entry(c, existing, "AddFilter", add);
        else
            added = inf_check_printf(c, "%sAddFilter = %s\n", added, add);
        positions = inf_check_printf(c, "%s[%s]\nFilterPosition = %s\n\n", positions, install,
                                     upper ? "Upper" : "Lower");
    }
    inf_fix_add_sections(c, inf_check_printf(c, "%s%s%s", added, added[0] ? "\n" : "", positions));
    struct inf_span line = {m->source.line_starts[r->line->line - 1],
                            inf_check_after_entry(c, r->line)};
    inf_fix_replace(c, line, "");
    inf_fix_unsafe(c, "AddFilter needs Windows 10 1903 or later, and the filters' order among "
                      "other packages' filters may change");
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op != INF_REGISTRY_ADD || !inf_reach_enforced(&r->reach))
            continue;
        int upper = inf_field_is(r->value_name, "UpperFilters");
        if (!upper && !inf_field_is(r->value_name, "LowerFilters"))
            continue;
        const char *filter = r->data_count && r->data[0].len ? r->data[0].text : "<service>";
        begin_fix(c, r, upper);
        inf_report(c, r->span, 0,
                   inf_check_printf(c,
                                    "declare the filter in a DDInstall.Filters section: `AddFilter "
                                    "= %s,, <filter-section>` with `FilterPosition = %s`",
                                    filter, upper ? "Upper" : "Lower"),
                   "%s is written with AddReg; filter drivers are declared with AddFilter",
                   upper ? "UpperFilters" : "LowerFilters");
    }
}

const struct inf_rule inf_rule_iso110 = {
    "ISO110",
    "filter-via-addreg",
    INF_SEVERITY_ERROR,
    "A filter driver is registered by writing UpperFilters or LowerFilters.",
    "Writing UpperFilters or LowerFilters with AddReg edits a shared multi-string that other "
    "packages also edit, and Windows cannot tell which package added what. The AddFilter "
    "directive in a DDInstall.Filters section declares the filter and its position instead.",
    "[Acme_Install.NT.HW]\nAddReg = Acme_Filter_AddReg\n[Acme_Filter_AddReg]\n"
    "HKR,,UpperFilters,0x00010000,acmeflt\n",
    "[Acme_Install.NT.Filters]\nAddFilter = acmeflt,, Acme_Filter\n[Acme_Filter]\n"
    "FilterPosition = Upper\n",
    check,
    .profiles[INF_PROFILE_UNIVERSAL] = {1, INF_SEVERITY_OFF},
    .infverif = {1329}};
