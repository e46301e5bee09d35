/*
 * ISO102 source-dest-subdir-mismatch (InfVerif 1100): a file copied to
 * DIRID 13 must sit in the same subdirectory of the package as it will in
 * the driver store. Source subdir = SourceDisksNames path + SourceDisksFiles
 * subdir (decorated sections first); destination = the DestinationDirs subdir.
 */
#include "check.h"

static void report_mismatch(struct inf_check *c, const struct inf_copy *copy, const char *source,
                            const char *dest, unsigned mismatch);

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
        if (mismatch)
            report_mismatch(c, copy, first_source, dest, mismatch);
    }
}

static void report_mismatch(struct inf_check *c, const struct inf_copy *copy, const char *source,
                            const char *dest, unsigned mismatch)
{
    /* The exact line that makes the store match the package: the list's DestinationDirs
     * entry with the source subdirectory (an @file copy uses DefaultDestDir). */
    const char *list =
        copy->list_section == INF_NO_INDEX
            ? "DefaultDestDir"
            : inf_check_printf(c, "%.*s", (int)c->graph->sections[copy->list_section].name.len,
                               c->graph->sections[copy->list_section].name.ptr);
    const char *entry = source[0] ? inf_check_printf(c, "%s = 13,%s", list, source)
                                  : inf_check_printf(c, "%s = 13", list);
    const char *hint = inf_check_printf(
        c,
        "write `%s` in [DestinationDirs]; or move '%s' to %s (the path of its disk in "
        "[SourceDisksNames] joined with its [SourceDisksFiles] subdirectory)",
        entry, copy->source_name.text, inf_check_place(c, dest));
    inf_report(c, copy->span, 0, hint,
               "'%s' is in %s in the package but is copied to %s in the driver store; with DIRID "
               "13 the two must be the same%s",
               copy->source_name.text, inf_check_place(c, source), inf_check_place(c, dest),
               inf_check_arch_note(c, mismatch));
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
