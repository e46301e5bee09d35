/*
 * INF008 missing-destination (InfVerif 1275): a live file list with no
 * DestinationDirs entry and no DefaultDestDir. Reported at the CopyFiles
 * directive that names the list (or copies @file).
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->copy_list_count; i++) {
        const struct inf_copy_list_use *use = &g->copy_lists[i];
        if (use->destination || !use->copies_files)
            continue;
        if (use->list_section == INF_NO_INDEX)
            inf_report(c, use->span, 0, "add `DefaultDestDir = 13` to [DestinationDirs]",
                       "CopyFiles=@%s has no destination: [DestinationDirs] has no DefaultDestDir",
                       use->target.text);
        else
            inf_report(
                c, use->span, 0,
                inf_check_printf(c, "add `%.*s = 13` (or a DefaultDestDir) to [DestinationDirs]",
                                 (int)g->sections[use->list_section].name.len,
                                 g->sections[use->list_section].name.ptr),
                "file list [%.*s] has no destination: no [DestinationDirs] entry and no "
                "DefaultDestDir",
                (int)g->sections[use->list_section].name.len,
                g->sections[use->list_section].name.ptr);
    }
}

const struct inf_rule inf_rule_inf008 = {
    "INF008",
    "missing-destination",
    INF_SEVERITY_ERROR,
    "A copied file list has no destination directory.",
    "Every file list that CopyFiles uses needs a destination: its own [DestinationDirs] "
    "entry or DefaultDestDir (CopyFiles=@file always uses DefaultDestDir). Without one "
    "Windows does not know where the files go.",
    "[Acme_Install.NT]\nCopyFiles = Acme_Files\n[DestinationDirs]\n; nothing for Acme_Files\n",
    "[DestinationDirs]\nAcme_Files = 13\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1275}};
