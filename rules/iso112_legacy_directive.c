/*
 * ISO112 legacy-directive (InfVerif 1300-1302, 1307-1309): a live use of a
 * non-additive or desktop-only directive, or a .FactDef or
 * .LogConfigOverride section. DelService in the .Remove* sections of
 * network components is how Windows removes them: not reported.
 */
#include "check.h"

static const char *const legacy[] = {
    "DelReg",         "DelFiles",   "RenFiles",       "DelService",   "DelProperty",
    "BitReg",         "Ini2Reg",    "LogConfig",      "ProfileItems", "RegisterDlls",
    "UnregisterDlls", "UpdateInis", "UpdateIniFields"};

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    /* ClassInstall32 is not ISO112 (rules.md revision 2): InfVerif rejects it only for a
     * system-defined class, which INF021 decides. */
    for (size_t s = 0; s < g->section_count; s++) {
        const struct inf_section_fact *section = &g->sections[s];
        struct inf_text name = section->name;
        if ((inf_ends_with(name, ".FactDef") || inf_ends_with(name, ".LogConfigOverride")) &&
            inf_reach_enforced(&section->reach))
            inf_report(c, section->header, 0,
                       "remove the section; a Windows Driver package may not use it",
                       "[%.*s] is a legacy section that Windows Driver packages may not contain",
                       (int)name.len, name.ptr);
    }
    const struct inf_live_line *live;
    for (size_t i = 0; (live = inf_next_enforced_line(c, &i)) != NULL;) {
        for (size_t k = 0; k < sizeof legacy / sizeof legacy[0]; k++) {
            if (!inf_field_is(live->key, legacy[k]))
                continue;
            /* DelService in a .Remove* section is how a network component is removed. */
            if (k == 3 && inf_contains(g->sections[live->section].name, ".Remove"))
                break;
            inf_report(c, live->span, 0,
                       "remove it: isolated packages only add state, declaratively; let "
                       "Windows undo what the INF added when the driver is removed",
                       "%s is a legacy directive that Windows Driver packages may not use",
                       legacy[k]);
            break;
        }
    }
}

const struct inf_rule inf_rule_iso112 = {
    "ISO112",
    "legacy-directive",
    INF_SEVERITY_ERROR,
    "The INF uses a legacy, non-additive directive or section.",
    "Windows Driver packages are declarative and additive: installing them only adds state "
    "that Windows can track and remove. Directives that delete, rename or rewrite existing "
    "state (DelReg, DelFiles, RenFiles, DelService, DelProperty, BitReg), run code "
    "(RegisterDlls) or edit legacy stores (Ini2Reg, UpdateInis, ProfileItems, LogConfig) are "
    "not allowed, nor are .FactDef and .LogConfigOverride sections. (A ClassInstall32 section "
    "is judged by the class it installs, not here.)",
    "[Acme_Install.NT]\nDelReg = Acme_Old_Settings\n",
    "[Acme_Install.NT]\n; nothing deleted: the old settings live under HKR and go with the "
    "device\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1300, 1301, 1302, 1307, 1308, 1309}};
