/*
 * ISO110 filter-via-addreg (InfVerif 1329): UpperFilters or LowerFilters
 * written by a live AddReg. Filters are declared with AddFilter instead.
 */
#include "check.h"

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
