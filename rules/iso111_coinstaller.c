/*
 * ISO111 coinstaller (InfVerif 1303): a live DDInstall.CoInstallers
 * section, or a CoInstallers32 / Installer32 value written by a live AddReg.
 * A .CoInstallers section that registers only framework co-installers
 * (WdfCoInstaller*.dll, WudfUpdate_*.dll) is a warning (rules.md revision 2:
 * InfVerif accepts them; they are obsolete since Windows 10).
 */
#include "check.h"

/* Is NAME (a CoInstallers32 entry, "file.dll,Entry") a framework co-installer? */
static int framework_entry(const char *name, size_t len)
{
    size_t file = 0;
    while (file < len && name[file] != ',')
        file++;
    while (file > 0 && name[file - 1] == ' ')
        file--;
    struct inf_text text = {name, file};
    static const char *const prefixes[] = {"WdfCoInstaller", "WudfUpdate_"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(prefixes[k]);
        if (file > n + 4 && inf_text_equal_nocase2(name, n, prefixes[k], n) &&
            inf_ends_with(text, ".dll"))
            return 1;
    }
    return 0;
}

/* Does R register co-installers, all of them framework ones? (*ANY: it registers some.) */
static int framework_only(const struct inf_registry_write *r, int *any)
{
    int all = 1;
    for (size_t d = 0; d < r->data_count; d++) {
        if (!r->data[d].len)
            continue;
        *any = 1;
        all &= framework_entry(r->data[d].text, r->data[d].len);
    }
    return all;
}

/* Is SECTION a live .CoInstallers section? */
static int coinstallers_section(const struct inf_graph *g, uint32_t section)
{
    return section != INF_NO_INDEX && inf_ends_with(g->sections[section].name, ".CoInstallers") &&
           inf_reach_enforced(&g->sections[section].reach);
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    /* Per .CoInstallers section: 1 bit "registers some", 2 bit "something not framework". */
    unsigned char *kinds = inf_arena_array(c, g->section_count + 1, 1);
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op != INF_REGISTRY_ADD || !inf_field_is(r->value_name, "CoInstallers32"))
            continue;
        uint32_t from = inf_check_section_of(c, r->directive);
        if (coinstallers_section(g, from)) {
            int any = 0;
            if (!framework_only(r, &any))
                kinds[from] |= 2;
            kinds[from] |= any ? 1 : 0;
        }
    }
    for (size_t s = 0; s < g->section_count; s++) {
        const struct inf_section_fact *section = &g->sections[s];
        if (!coinstallers_section(g, (uint32_t)s))
            continue;
        int framework = kinds[s] == 1;
        inf_report(c, section->header, framework ? INF_SEVERITY_WARNING : 0,
                   framework ? "remove the .CoInstallers section and the co-installer file: the "
                               "frameworks are part of Windows 10"
                             : "remove the co-installer; do its work in the driver, a component "
                               "(AddComponent) or an application",
                   framework ? "[%.*s] installs a framework co-installer, obsolete since Windows "
                               "10"
                             : "[%.*s] installs a co-installer, which runs vendor code during "
                               "device installation",
                   (int)section->name.len, section->name.ptr);
    }
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op != INF_REGISTRY_ADD || !inf_reach_enforced(&r->reach))
            continue;
        int class_installer = inf_field_is(r->value_name, "Installer32");
        if (!class_installer && !inf_field_is(r->value_name, "CoInstallers32"))
            continue;
        uint32_t from = inf_check_section_of(c, r->directive);
        int lowered = !class_installer && coinstallers_section(g, from) && kinds[from] == 1;
        inf_report(c, r->span, lowered ? INF_SEVERITY_WARNING : 0,
                   lowered ? "remove it with the .CoInstallers section: the frameworks are part "
                             "of Windows 10"
                           : "remove the registration; co-installers and class installers are "
                             "not allowed in a Windows Driver package",
                   "%s registers %s", r->value_name.text,
                   class_installer ? "a class installer"
                   : lowered       ? "a framework co-installer"
                                   : "a co-installer");
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
    0,
    .infverif = {1303},
    .lower_severity = INF_SEVERITY_WARNING};
