/*
 * ISO101 dest-not-driver-store (InfVerif 1322): a live CopyFiles whose
 * DestinationDirs target is not DIRID 13. Reported once per DestinationDirs
 * entry that a live, enforced copy uses.
 */
#include "rule_util.h"
#include "inflint/profile.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || !copy->destination || !copy->has_dirid ||
            copy->dirid == 13)
            continue;
        enum inf_severity allowed =
            inf_profile_destination(c->options->profile, copy->dirid, copy->dest_subdir);
        if (allowed == INF_SEVERITY_OFF ||
            !rule_once(&seen, rule_line_id(c->model, copy->destination)))
            continue;
        const struct inf_token *key = inf_line_key(c->model, copy->destination);
        struct inf_text list = inf_token_value(c->model, key, &c->scratch, NULL);
        char *list_name = inf_xstrndup(list.ptr, list.len);
        const char *meaning = inf_dirid_meaning(copy->dirid);
        char arches[64], hint[512];
        snprintf(hint, sizeof hint,
                 "write `%s = 13` so the files stay in the driver store and run from there; "
                 "code finds them with IoGetDriverDirectory or GetModuleFileName",
                 list_name);
        inf_report(c, inf_span_line(c->model, copy->destination),
                   allowed == INF_SEVERITY_WARNING ? INF_SEVERITY_WARNING : 0, hint,
                   "'%s' copies files (such as '%s') to DIRID %ld%s%s%s instead of the driver "
                   "store (DIRID 13)%s",
                   list_name, copy->dest_name, copy->dirid, meaning ? " (" : "",
                   meaning ? meaning : "", meaning ? ")" : "",
                   rule_arch_note(g, copy->reach.enforced_arches, arches));
        free(list_name);
    }
    inf_key_map_free(&seen);
}

const struct inf_rule inf_rule_iso101 = {
    "ISO101",
    "dest-not-driver-store",
    INF_SEVERITY_ERROR,
    "Files are copied somewhere other than the driver store (DIRID 13).",
    "An isolated driver package keeps every file it installs in its own driver store "
    "directory (DIRID 13) and runs it from there. Copying into System32, drivers or "
    "Program Files puts files where other packages and servicing can overwrite them, and "
    "Windows Driver (InfVerif /w) validation rejects it. The finding is on the "
    "[DestinationDirs] entry that a live CopyFiles uses; entries that nothing uses are "
    "not reported, and neither are install paths that only reach builds below --min-build.",
    "[DestinationDirs]\nAcme_Files = 12        ; System32\\drivers\n",
    "[DestinationDirs]\nAcme_Files = 13        ; the driver store\n\n[Acme_Service]\n"
    "ServiceBinary = %13%\\acme.sys\n",
    check};
