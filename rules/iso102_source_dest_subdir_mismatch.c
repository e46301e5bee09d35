/*
 * ISO102 source-dest-subdir-mismatch (InfVerif 1100): a file copied to
 * DIRID 13 must sit in the same subdirectory of the package as it will in
 * the driver store. Source subdir = SourceDisksNames path + SourceDisksFiles
 * subdir (decorated sections first); destination = the DestinationDirs subdir.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || !copy->has_dirid || copy->dirid != 13)
            continue;
        const char *dest = inf_check_normalize_path(c, copy->dest_subdir);
        unsigned mismatch = 0;
        const char *first_source = NULL;
        for (int a = 0; a < INF_ARCH_COUNT; a++) {
            const struct inf_copy_source *src = &copy->sources[a];
            if (!(copy->reach.enforced_arches & INF_ARCH_BIT(a)) || !src->disks_files_line)
                continue;
            const char *source = inf_check_normalize_path(c, src->subdir);
            if (strcmp(source, dest) != 0) {
                mismatch |= INF_ARCH_BIT(a);
                if (!first_source)
                    first_source = source;
            }
        }
        if (mismatch) {
            const char *hint = inf_check_printf(
                c,
                "make both the same: either give the file list '%s' as its DestinationDirs "
                "subdirectory, or place '%s' at '%s' in the package (SourceDisksNames path "
                "and SourceDisksFiles subdir)",
                inf_subdir_text(first_source), copy->source_name.text, inf_subdir_text(dest));
            inf_report(c, copy->span, 0, hint,
                       "'%s' comes from '%s' in the package but is copied to '%s' in the driver "
                       "store; with DIRID 13 the two subdirectories must match%s",
                       copy->source_name.text, inf_subdir_text(first_source), inf_subdir_text(dest),
                       inf_check_arch_note(c, mismatch));
        }
    }
}

const struct inf_rule inf_rule_iso102 = {
    "ISO102",
    "source-dest-subdir-mismatch",
    INF_SEVERITY_ERROR,
    "A file copied to DIRID 13 sits in a different subdirectory in the package.",
    "Files copied to DIRID 13 are not copied at all: Windows uses them where the package "
    "was imported into the driver store. That only works when the destination subdirectory "
    "equals the file's place in the package, which is the SourceDisksNames path of its disk "
    "joined with its SourceDisksFiles subdirectory (architecture-decorated sections first). "
    "Paths are compared without case and without leading, trailing or doubled backslashes.",
    "[SourceDisksNames.amd64]\n1 = %Disk%,,,\\amd64\n[SourceDisksFiles]\nacme.sys = 1\n"
    "[DestinationDirs]\nAcme_Files = 13          ; root of the store, but the file is in amd64\n",
    "[SourceDisksNames]\n1 = %Disk%\n[SourceDisksFiles]\nacme.sys = 1\n[DestinationDirs]\n"
    "Acme_Files = 13\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1100}};
