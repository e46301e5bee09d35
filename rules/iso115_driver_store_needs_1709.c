/*
 * ISO115 driver-store-needs-1709 (InfVerif 1199): DIRID 13 used (as a
 * destination, or %13% in a ServiceBinary or registry value) by an install
 * path whose OS range starts below build 16299. Not subject to the
 * downlevel exemption. Reported at the [Manufacturer] line, or at the
 * DefaultInstall section header.
 */
#include "check.h"

#define BUILD_1709 16299u

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    /* First the architectures of the offending paths of each subject, then one finding each. */
    unsigned *arches = inf_arena_array(c, g->path_count + 1, sizeof *arches);
    for (size_t i = 0; i < g->path_count; i++) {
        const struct inf_install_path *p = &g->paths[i];
        if (p->uses_dirid13 && p->start_build < BUILD_1709)
            arches[p->subject] |= INF_ARCH_BIT(p->arch);
    }
    for (size_t i = 0; i < g->path_count; i++) {
        const struct inf_install_path *p = &g->paths[i];
        unsigned mask = arches[i];
        if (p->subject != i || !mask)
            continue;
        const char *note = inf_check_arch_note(c, mask);
        const char *arch = (mask & (mask - 1)) ? "<arch>" : inf_arch_name(p->arch);
        if (p->origin) {
            const char *models = p->models.text;
            inf_report(c, inf_span_line(c->model, p->origin), 0,
                       inf_check_printf(c,
                                        "decorate the Models section for 1709 and later: `%s, "
                                        "NT%s.10.0...16299` with a [%s.NT%s.10.0...16299] section",
                                        models, arch, models, arch),
                       "this manufacturer's models install on builds before 16299 (Windows 10 "
                       "1709) but use DIRID 13, which needs 1709 or later%s",
                       note);
        } else {
            const struct inf_section_fact *section = &g->sections[p->install_section];
            inf_report(
                c, section->header, 0,
                inf_check_printf(c, "name the section [DefaultInstall.NT%s.10.0...16299]", arch),
                "[%.*s] can install on builds before 16299 (Windows 10 1709) but uses "
                "DIRID 13, which needs 1709 or later%s",
                (int)section->name.len, section->name.ptr, note);
        }
    }
}

const struct inf_rule inf_rule_iso115 = {
    "ISO115",
    "driver-store-needs-1709",
    INF_SEVERITY_ERROR, /* rules.md revision 2: InfVerif 1199 is an error in every mode */
    "DIRID 13 is used on an install path that reaches Windows before 1709.",
    "Running drivers from the driver store (DIRID 13) is supported from Windows 10 1709 "
    "(build 16299). An undecorated or older decoration lets the same install section run on "
    "earlier Windows, where it fails. Decorate the Models section (or DefaultInstall) with "
    "NT<arch>.10.0...16299 so that it only installs where DIRID 13 works. InfVerif reports "
    "this (1199) as an error in every mode, and so does every profile here.",
    "[Manufacturer]\n%Acme% = Acme, NTamd64\n[DestinationDirs]\nAcme_Files = 13\n",
    "[Manufacturer]\n%Acme% = Acme, NTamd64.10.0...16299\n[Acme.NTamd64.10.0...16299]\n"
    "%Dev% = Acme_Install, ACPI\\ACME0001\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1199}};
