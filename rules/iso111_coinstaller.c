/*
 * ISO111 coinstaller (InfVerif 1303): a live DDInstall.CoInstallers
 * section, or a CoInstallers32 / Installer32 value written by a live AddReg.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t s = 0; s < g->section_count; s++) {
        const struct inf_section_fact *section = &g->sections[s];
        if (inf_ends_with(section->name, ".CoInstallers") && inf_reach_enforced(&section->reach))
            inf_report(c, section->header, 0,
                       "remove the co-installer; do its work in the driver, a component "
                       "(AddComponent) or an application",
                       "[%.*s] installs a co-installer, which runs vendor code during device "
                       "installation",
                       (int)section->name.len, section->name.ptr);
    }
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op != INF_REGISTRY_ADD || !inf_reach_enforced(&r->reach))
            continue;
        int class_installer = inf_field_is(r->value_name, "Installer32");
        if (class_installer || inf_field_is(r->value_name, "CoInstallers32"))
            inf_report(c, r->span, 0,
                       "remove the registration; co-installers and class installers are not "
                       "allowed in a Windows Driver package",
                       "%s registers %s", r->value_name.text,
                       class_installer ? "a class installer" : "a co-installer");
    }
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
    check,
    {{0, INF_SEVERITY_OFF}},
    0};
