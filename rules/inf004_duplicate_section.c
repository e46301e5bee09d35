/*
 * INF004 duplicate-section (InfVerif 1209): the same section header twice
 * (case-insensitive). Windows merges them, and so does the model; reported
 * at every header after the first.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t h = 0; h < g->header_count; h++) {
        const struct inf_section_fact *section = &g->sections[g->headers[h].section];
        if (!g->headers[h].first)
            inf_report(c, g->headers[h].span, 0,
                       "merge the entries into the first [section] so the file reads the way "
                       "Windows reads it",
                       "[%.*s] is defined again; Windows appends these entries to the section "
                       "first defined on line %u",
                       (int)section->name.len, section->name.ptr, (unsigned)section->header_line);
    }
}

const struct inf_rule inf_rule_inf004 = {
    "INF004",
    "duplicate-section",
    INF_SEVERITY_WARNING,
    "A section is defined more than once.",
    "Section names are compared without case, and a repeated header re-opens the first "
    "section: its entries are appended there. That is legal but easy to misread, and "
    "InfVerif reports it.",
    "[Strings]\nVendor = \"Acme\"\n...\n[strings]\nDevice = \"Probe\"\n",
    "[Strings]\nVendor = \"Acme\"\nDevice = \"Probe\"\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1209}};
