/*
 * INF016 unused-section (InfVerif 2083): a section that nothing references
 * and that is not a root (rules.md lists the roots). A referenced section
 * that is not live is not unused. INFs without entry points (hive, data,
 * autorun INFs) are read by name by other tools: not checked.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    if (!g->has_entry_points)
        return;
    for (size_t s = 0; s < g->section_count; s++)
        if (!g->sections[s].referenced)
            inf_report(c, g->sections[s].header, 0,
                       "remove the section, or reference it from the directive that should use it",
                       "[%.*s] is not used: no directive, Models line or [Manufacturer] entry "
                       "names it",
                       (int)g->sections[s].name.len, g->sections[s].name.ptr);
}

const struct inf_rule inf_rule_inf016 = {
    "INF016",
    "unused-section",
    INF_SEVERITY_NOTE,
    "A section is not referenced by anything.",
    "A section that no directive, Models line or [Manufacturer] entry names, and that is "
    "not one Windows reads by name (Version, Strings, SourceDisks*, DestinationDirs, "
    "DefaultInstall, companions such as .HW or .Services of an install section, .security "
    "of a referenced section), is dead text - often a typo in the name that should refer "
    "to it.",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg\n[Acme_Addreg_Old]\nHKR,,Level,0x00010001,1\n",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg\n[Acme_AddReg]\nHKR,,Level,0x00010001,1\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {2083}};
