/*
 * ISO103 copyfiles-rename (InfVerif 1100): a file-list line "dest,source"
 * whose source name is present and differs from the destination name.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || copy->list_section == INF_NO_INDEX)
            continue;
        if (inf_text_equal_nocase2(copy->dest_name.text, copy->dest_name.len,
                                   copy->source_name.text, copy->source_name.len))
            continue;
        char hint[512];
        snprintf(hint, sizeof hint,
                 "ship the file under its final name and list it once as `%s`; pick "
                 "per-architecture binaries with [SourceDisksFiles.<arch>] instead of renaming",
                 copy->dest_name.text);
        inf_report(c, copy->span, 0, hint,
                   "CopyFiles renames '%s' to '%s'; files in the driver store keep the name they "
                   "have in the package",
                   copy->source_name.text, copy->dest_name.text);
    }
}

const struct inf_rule inf_rule_iso103 = {
    "ISO103",
    "copyfiles-rename",
    INF_SEVERITY_ERROR,
    "A CopyFiles line renames the file it copies.",
    "A file-list line `new-name, old-name` copies a file under another name. Files that run "
    "from the driver store are used in place, so they cannot be renamed; InfVerif reports "
    "the rename once the destination is DIRID 13, and inflint reports it for every "
    "destination because the rename is what blocks the move to DIRID 13.",
    "[Acme_Files]\nacme.sys, acme_x64.sys\n",
    "[SourceDisksFiles.amd64]\nacme.sys = 1, x64\n[DestinationDirs]\nAcme_Files = 13, x64\n"
    "[Acme_Files]\nacme.sys\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1100}};
