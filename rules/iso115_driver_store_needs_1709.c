/*
 * ISO115 driver-store-needs-1709 (InfVerif 1199): DIRID 13 used (as a
 * destination, or %13% in a ServiceBinary or registry value) by an install
 * path whose OS range starts below build 16299. Not subject to the
 * downlevel exemption. Reported at the [Manufacturer] line, or at the
 * DefaultInstall section header.
 */
#include "rule_util.h"

#define BUILD_1709 16299u

/* Subject of a path: its [Manufacturer] line, or its DefaultInstall section. */
static uint64_t subject_of(const struct inf_model *m, const struct inf_install_path *p)
{
    return p->origin ? rule_line_id(m, p->origin) : (uint64_t)1 << 63 | p->install_section;
}

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    const struct inf_graph *g = c->graph;
    /* First the architectures of the offending paths of each subject, then one finding each. */
    struct inf_key_map arches = {0};
    for (size_t i = 0; i < g->path_count; i++) {
        const struct inf_install_path *p = &g->paths[i];
        if (!p->uses_dirid13 || p->start_build >= BUILD_1709)
            continue;
        uint64_t subject = subject_of(m, p);
        uint32_t mask = inf_key_map_get(&arches, subject);
        inf_key_map_put(&arches, subject,
                        (mask == INF_NO_INDEX ? 0 : mask) | INF_ARCH_BIT(p->arch));
    }
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->path_count; i++) {
        const struct inf_install_path *p = &g->paths[i];
        uint64_t subject = subject_of(m, p);
        uint32_t mask = inf_key_map_get(&arches, subject);
        if (mask == INF_NO_INDEX || !rule_once(&seen, subject))
            continue;
        char note[64], hint[384];
        rule_arch_note(g, mask, note);
        const char *arch = (mask & (mask - 1)) ? "<arch>" : inf_arch_name(p->arch);
        if (p->origin) {
            char *models = rule_field(m, p->origin, 0, &c->scratch);
            snprintf(hint, sizeof hint,
                     "decorate the Models section for 1709 and later: `%s, NT%s.10.0...16299` "
                     "with a [%s.NT%s.10.0...16299] section",
                     models, arch, models, arch);
            inf_report(c, inf_span_line(m, p->origin), 0, hint,
                       "this manufacturer's models install on builds before 16299 (Windows 10 "
                       "1709) but use DIRID 13, which needs 1709 or later%s",
                       note);
            free(models);
        } else {
            struct inf_text name = inf_model_section_name(m, p->install_section);
            snprintf(hint, sizeof hint, "name the section [DefaultInstall.NT%s.10.0...16299]",
                     arch);
            inf_report(c, inf_span_header(m, m->sections[p->install_section].first_run), 0, hint,
                       "[%.*s] can install on builds before 16299 (Windows 10 1709) but uses "
                       "DIRID 13, which needs 1709 or later%s",
                       (int)name.len, name.ptr, note);
        }
    }
    inf_key_map_free(&arches);
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
