/*
 * INF006 missing-section (InfVerif 1203): a directive, Models line or
 * Manufacturer decoration names a section that does not exist, anywhere
 * reachable from a root: the live walk's findings, then those of the
 * sections only InfVerif's wider reach covers (downlevel Models
 * decorations, DefaultUninstall*, ClassInstall32*). Needs may name sections
 * of an Included INF.
 */
#include "check.h"

static void report_missing(struct inf_check *c, const struct inf_missing_target *t)
{
    inf_report(c, t->span, 0,
               "add the section, or correct the name (names are matched without case, after "
               "quotes and %strkey% are resolved)",
               "section [%s] is referenced here but does not exist", t->name);
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->missing_count; i++)
        report_missing(c, &g->missing[i]);
    size_t count;
    const struct inf_missing_target *more = inf_check_reachable_missing(c, &count);
    for (size_t i = 0; i < count; i++)
        report_missing(c, &more[i]);
}

const struct inf_rule inf_rule_inf006 = {
    "INF006",
    "missing-section",
    INF_SEVERITY_ERROR,
    "A referenced section does not exist.",
    "Directives such as CopyFiles, AddReg and AddService, Models lines and [Manufacturer] "
    "decorations name other sections. When the named section is missing, Windows fails the "
    "installation or silently skips the work, depending on the directive. Like InfVerif, every "
    "section reachable from a root is checked, not only those that execute on current "
    "Windows: all Models decorations (downlevel ones too), DefaultInstall*, DefaultUninstall* "
    "and ClassInstall32* sections, their companions and what their directives name. Needs may "
    "name sections of an INF pulled in with Include.",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg      ; no [Acme_AddReg] in the file\n",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg\n[Acme_AddReg]\nHKR,,Level,0x00010001,1\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1203}};
