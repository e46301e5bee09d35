/*
 * INF008 missing-destination (InfVerif 1275): a live file list with no
 * DestinationDirs entry and no DefaultDestDir. Reported at the CopyFiles
 * directive that names the list (or copies @file).
 */
#include "rule_util.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (copy->destination)
            continue;
        uint64_t subject = rule_line_id(c->model, copy->directive) << 32 | copy->list_section;
        if (!rule_once(&seen, subject))
            continue;
        if (copy->list_section == INF_NO_INDEX) {
            inf_report(c, inf_span_line(c->model, copy->directive), 0,
                       "add `DefaultDestDir = 13` to [DestinationDirs]",
                       "CopyFiles=@%s has no destination: [DestinationDirs] has no DefaultDestDir",
                       copy->dest_name);
        } else {
            struct inf_text list = inf_model_section_name(c->model, copy->list_section);
            char hint[384];
            snprintf(hint, sizeof hint,
                     "add `%.*s = 13` (or a DefaultDestDir) to [DestinationDirs]", (int)list.len,
                     list.ptr);
            inf_report(c, inf_span_line(c->model, copy->directive), 0, hint,
                       "file list [%.*s] has no destination: no [DestinationDirs] entry and no "
                       "DefaultDestDir",
                       (int)list.len, list.ptr);
        }
    }
    inf_key_map_free(&seen);
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
    check};
