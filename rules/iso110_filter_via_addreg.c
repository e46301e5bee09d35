/*
 * ISO110 filter-via-addreg (InfVerif 1329): UpperFilters or LowerFilters
 * written by a live AddReg. Filters are declared with AddFilter instead.
 */
#include "rule_util.h"

#include <stdlib.h>

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_line *r = &g->registry[i];
        if (r->directive_kind != 0 || !inf_reach_enforced(&r->reach))
            continue;
        char *name = rule_field(c->model, r->line, 2, &c->scratch);
        int upper = strcasecmp_ascii(name, "UpperFilters") == 0;
        int lower = strcasecmp_ascii(name, "LowerFilters") == 0;
        if ((upper || lower) && rule_once(&seen, rule_line_id(c->model, r->line))) {
            char *filter = rule_field(c->model, r->line, 4, &c->scratch);
            char hint[384];
            snprintf(hint, sizeof hint,
                     "declare the filter in a DDInstall.Filters section: `AddFilter = %s,, "
                     "<filter-section>` with `FilterPosition = %s`",
                     filter[0] ? filter : "<service>", upper ? "Upper" : "Lower");
            inf_report(c, inf_span_line(c->model, r->line), 0, hint,
                       "%s is written with AddReg; filter drivers are declared with AddFilter",
                       upper ? "UpperFilters" : "LowerFilters");
            free(filter);
        }
        free(name);
    }
    inf_key_map_free(&seen);
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
    check};
