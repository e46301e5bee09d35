/*
 * ISO103 copyfiles-rename (InfVerif 1100): a file-list line "dest,source"
 * whose source name is present and differs from the destination name.
 */
#include "check.h"

/* Where copies land: "dirid|subdir|name" -> the file-list line of the first copy there. */
static struct inf_name_set *destinations(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_name_set *set = inf_name_set_new(c, g->copy_count);
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!copy->has_dirid || !inf_reach_enforced(&copy->reach))
            continue;
        const char *key = inf_check_printf(c, "%ld|%s|%s", copy->dirid,
                                           inf_check_normalize_path(c, copy->dest_subdir),
                                           inf_check_normalize_path(c, copy->dest_name.text));
        /* A copy under its own name is the file that owns the destination: it is kept. */
        int own_name = inf_text_equal_nocase2(copy->dest_name.text, copy->dest_name.len,
                                              copy->source_name.text, copy->source_name.len);
        if (own_name || !inf_name_set_find(set, key, strlen(key)))
            inf_name_set_add(set, key, strlen(key), own_name ? copy->file_line : NULL);
    }
    return set;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_name_set *landed = NULL;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || copy->list_section == INF_NO_INDEX)
            continue;
        if (inf_text_equal_nocase2(copy->dest_name.text, copy->dest_name.len,
                                   copy->source_name.text, copy->source_name.len))
            continue;
        if (!landed)
            landed = destinations(c);
        /* The new name may be taken by another file copied under that very name (ISO105 on
         * this line too): then the one edit that ends both is to keep the file's own name. */
        const struct inf_line *owner = NULL;
        if (copy->has_dirid) {
            const char *key = inf_check_printf(c, "%ld|%s|%s", copy->dirid,
                                               inf_check_normalize_path(c, copy->dest_subdir),
                                               inf_check_normalize_path(c, copy->dest_name.text));
            owner = inf_name_set_find(landed, key, strlen(key));
        }
        const char *hint =
            owner && owner != copy->file_line
                ? inf_check_printf(c,
                                   "list it under its own name, `%s`: '%s' on line %u already "
                                   "takes that destination, so this one edit also ends the "
                                   "clash (ISO105)",
                                   copy->source_name.text, copy->dest_name.text,
                                   (unsigned)owner->line)
                : inf_check_printf(c,
                                   "ship the file under its final name and list it once as `%s`; "
                                   "pick per-architecture binaries with [SourceDisksFiles.<arch>] "
                                   "instead of renaming",
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
