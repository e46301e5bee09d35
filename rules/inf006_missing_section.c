/*
 * INF006 missing-section (InfVerif 1203): a directive, Models line or
 * Manufacturer decoration in a live part of the INF names a section that
 * does not exist (Needs may name sections of an Included INF).
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->missing_count; i++) {
        const struct inf_missing_target *t = &g->missing[i];
        inf_report(c, t->span, 0,
                   "add the section, or correct the name (names are matched without case, after "
                   "quotes and %strkey% are resolved)",
                   "section [%s] is referenced here but does not exist", t->name);
    }
}

const struct inf_rule inf_rule_inf006 = {
    "INF006",
    "missing-section",
    INF_SEVERITY_ERROR,
    "A referenced section does not exist.",
    "Directives such as CopyFiles, AddReg and AddService, Models lines and [Manufacturer] "
    "decorations name other sections. When the named section is missing, Windows fails the "
    "installation or silently skips the work, depending on the directive. Only sections that "
    "can execute are checked; Needs may name sections of an INF pulled in with Include.",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg      ; no [Acme_AddReg] in the file\n",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg\n[Acme_AddReg]\nHKR,,Level,0x00010001,1\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1203}};
