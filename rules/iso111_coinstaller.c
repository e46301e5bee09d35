/*
 * ISO111 coinstaller (InfVerif 1303): a live DDInstall.CoInstallers
 * section, or a CoInstallers32 / Installer32 value written by a live AddReg.
 */
#include "rule_util.h"

#include <stdlib.h>

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    const struct inf_graph *g = c->graph;
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        if (rule_ends_with(name, ".CoInstallers") && inf_reach_enforced(&g->section_reach[s]))
            inf_report(c, inf_span_header(m, m->sections[s].first_run), 0,
                       "remove the co-installer; do its work in the driver, a component "
                       "(AddComponent) or an application",
                       "[%.*s] installs a co-installer, which runs vendor code during device "
                       "installation",
                       (int)name.len, name.ptr);
    }
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_line *r = &g->registry[i];
        if (r->directive_kind != 0 || !inf_reach_enforced(&r->reach))
            continue;
        char *value = rule_field(m, r->line, 2, &c->scratch);
        if ((strcasecmp_ascii(value, "CoInstallers32") == 0 ||
             strcasecmp_ascii(value, "Installer32") == 0) &&
            rule_once(&seen, rule_line_id(m, r->line)))
            inf_report(c, inf_span_line(m, r->line), 0,
                       "remove the registration; co-installers and class installers are not "
                       "allowed in a Windows Driver package",
                       "%s registers %s", value,
                       strcasecmp_ascii(value, "Installer32") == 0 ? "a class installer"
                                                                   : "a co-installer");
        free(value);
    }
    inf_key_map_free(&seen);
}

const struct inf_rule inf_rule_iso111 = {
    "ISO111",
    "coinstaller",
    INF_SEVERITY_ERROR,
    "The package installs a co-installer or class installer.",
    "Co-installers and class installers are DLLs that run during installation with full "
    "access to the system. They are neither declarative nor isolated, and Windows Driver "
    "packages may not use them; the WDF co-installer in particular is unnecessary since "
    "Windows 10.",
    "[Acme_Install.NT.CoInstallers]\nAddReg = Acme_CoInstaller_AddReg\n"
    "[Acme_CoInstaller_AddReg]\nHKR,,CoInstallers32,0x00010000,\"WdfCoInstaller01011.dll,"
    "WdfCoInstaller\"\n",
    "; no .CoInstallers section: KMDF is part of Windows\n[Acme_Install.NT.Wdf]\n"
    "KmdfService = acme, Acme_Wdf\n",
    check};
