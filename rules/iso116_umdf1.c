/*
 * ISO116 umdf1 (InfVerif 1402): UmdfLibraryVersion below 2.0 in a live UMDF
 * service section.
 */
#include "check.h"

#include <stdlib.h>

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->service_count; i++) {
        const struct inf_service *s = &g->services[i];
        if (!s->is_umdf || !inf_reach_enforced(&s->reach))
            continue;
        struct inf_entries entries;
        inf_entries_init(&entries, c, s->install_section, "UmdfLibraryVersion");
        const struct inf_line *line;
        while ((line = inf_entries_next(&entries)) != NULL) {
            const char *version = inf_check_field(c, line, 0).text;
            /* $UMDFVERSION$ and other template tokens are opaque. */
            if (version[0] >= '0' && version[0] <= '9' && atoi(version) < 2)
                inf_report(c, inf_span_line(c->model, line), 0,
                           "port the driver to UMDF 2 (UmdfLibraryVersion = 2.x)",
                           "UmdfLibraryVersion %s is UMDF 1, which Windows Drivers may no longer "
                           "use",
                           version);
        }
    }
}

const struct inf_rule inf_rule_iso116 = {
    "ISO116",
    "umdf1",
    INF_SEVERITY_ERROR,
    "The UMDF service uses UMDF version 1.",
    "UMDF 1 is deprecated and its drivers cannot be isolated: they depend on a co-installer "
    "and global registration. Windows Drivers must use UMDF 2.",
    "[Acme_Wdf]\nUmdfService = Acme, Acme_Umdf\n[Acme_Umdf]\nUmdfLibraryVersion = 1.11.0\n",
    "[Acme_Wdf]\nUmdfService = Acme, Acme_Umdf\n[Acme_Umdf]\nUmdfLibraryVersion = 2.15.0\n"
    "ServiceBinary = %13%\\acme.dll\n",
    check,
    .profiles[INF_PROFILE_UNIVERSAL] = {1, INF_SEVERITY_OFF},
    .infverif = {1402}};
