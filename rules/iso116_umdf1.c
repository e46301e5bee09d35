/*
 * ISO116 umdf1 (InfVerif 1402): UmdfLibraryVersion below 2.0 in a live UMDF
 * service section.
 */
#include "rule_util.h"

#include <stdlib.h>

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->service_count; i++) {
        const struct inf_service *s = &g->services[i];
        if (!s->is_umdf || !inf_reach_enforced(&s->reach))
            continue;
        struct inf_line_iter it;
        inf_line_iter_init(&it, m, s->install_section);
        const struct inf_line *line;
        while ((line = inf_line_iter_next(&it)) != NULL) {
            if (!line->has_key ||
                !inf_text_equal_nocase(inf_token_value(m, inf_line_key(m, line), &c->scratch, NULL),
                                       "UmdfLibraryVersion"))
                continue;
            char *version = rule_field(m, line, 0, &c->scratch);
            /* $UMDFVERSION$ and other template tokens are opaque. */
            if (version[0] >= '0' && version[0] <= '9' && atoi(version) < 2)
                inf_report(c, inf_span_line(m, line), 0,
                           "port the driver to UMDF 2 (UmdfLibraryVersion = 2.x)",
                           "UmdfLibraryVersion %s is UMDF 1, which Windows Drivers may no longer "
                           "use",
                           version);
            free(version);
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
    check};
