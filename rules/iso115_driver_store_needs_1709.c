/*
 * ISO115 driver-store-needs-1709 (InfVerif 1199): DIRID 13 used (as a
 * destination, or %13% in a ServiceBinary or registry value) by an install
 * path whose OS range starts below build 16299. Not subject to the
 * downlevel exemption. Reported at the [Manufacturer] line, or at the
 * DefaultInstall section header.
 */
#include "rule_util.h"

#define BUILD_1709 16299u

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    const struct inf_graph *g = c->graph;
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->path_count; i++) {
        const struct inf_install_path *p = &g->paths[i];
        if (!p->uses_dirid13 || p->start_build >= BUILD_1709)
            continue;
        if (p->origin) {
            if (!rule_once(&seen, rule_line_id(m, p->origin)))
                continue;
            char *models = rule_field(m, p->origin, 0, &c->scratch);
            char hint[384];
            snprintf(hint, sizeof hint,
                     "decorate the Models section for 1709 and later: `%s, NT%s.10.0...16299` "
                     "with a [%s.NT%s.10.0...16299] section",
                     models, inf_arch_name(p->arch), models, inf_arch_name(p->arch));
            inf_report(c, inf_span_line(m, p->origin), 0, hint,
                       "this manufacturer's models install on builds before 16299 (Windows 10 "
                       "1709) but use DIRID 13, which needs 1709 or later (%s)",
                       inf_arch_name(p->arch));
            free(models);
        } else {
            uint32_t run = m->sections[p->install_section].first_run;
            if (!rule_once(&seen, (uint64_t)1 << 63 | p->install_section))
                continue;
            struct inf_text name = inf_model_section_name(m, p->install_section);
            char hint[384];
            snprintf(hint, sizeof hint, "name the section [DefaultInstall.NT%s.10.0...16299]",
                     inf_arch_name(p->arch));
            inf_report(c, inf_span_header(m, run), 0, hint,
                       "[%.*s] can install on builds before 16299 (Windows 10 1709) but uses "
                       "DIRID 13, which needs 1709 or later",
                       (int)name.len, name.ptr);
        }
    }
    inf_key_map_free(&seen);
}

const struct inf_rule inf_rule_iso115 = {
    "ISO115",
    "driver-store-needs-1709",
    INF_SEVERITY_WARNING,
    "DIRID 13 is used on an install path that reaches Windows before 1709.",
    "Running drivers from the driver store (DIRID 13) is supported from Windows 10 1709 "
    "(build 16299). An undecorated or older decoration lets the same install section run on "
    "earlier Windows, where it fails. Decorate the Models section (or DefaultInstall) with "
    "NT<arch>.10.0...16299 so that it only installs where DIRID 13 works.",
    "[Manufacturer]\n%Acme% = Acme, NTamd64\n[DestinationDirs]\nAcme_Files = 13\n",
    "[Manufacturer]\n%Acme% = Acme, NTamd64.10.0...16299\n[Acme.NTamd64.10.0...16299]\n"
    "%Dev% = Acme_Install, ACPI\\ACME0001\n",
    check};
