/*
 * INF009 unknown-disk-id (InfVerif 1273): a SourceDisksFiles entry whose
 * disk id is in no SourceDisksNames section that Windows would search.
 */
#include "rule_util.h"

#include <stdlib.h>

#define VARIANTS (INF_ARCH_COUNT + 1)

/* Index of the decoration in NAME after PREFIX: 0 = none, 1 + arch, -1 = not this section. */
static int variant_of(struct inf_text name, const char *prefix)
{
    size_t n = strlen(prefix);
    if (name.len < n || !inf_text_equal_nocase2(name.ptr, n, prefix, n))
        return -1;
    if (name.len == n)
        return 0;
    if (name.ptr[n] != '.')
        return -1;
    struct inf_text arch = {name.ptr + n + 1, name.len - n - 1};
    for (int a = 0; a < INF_ARCH_COUNT; a++)
        if (inf_text_equal_nocase(arch, inf_arch_name((enum inf_arch)a)))
            return 1 + a;
    return -1;
}

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    struct inf_name_index names[VARIANTS];
    memset(names, 0, sizeof names);
    for (size_t s = 0; s < m->section_count; s++) {
        int v = variant_of(inf_model_section_name(m, (uint32_t)s), "SourceDisksNames");
        if (v >= 0)
            inf_name_index_build(&names[v], m, (uint32_t)s);
    }
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text section = inf_model_section_name(m, (uint32_t)s);
        int v = variant_of(section, "SourceDisksFiles");
        if (v < 0)
            continue;
        struct inf_line_iter it;
        inf_line_iter_init(&it, m, (uint32_t)s);
        const struct inf_line *line;
        while ((line = inf_line_iter_next(&it)) != NULL) {
            char *disk = rule_field(m, line, 0, &c->scratch);
            size_t len = strlen(disk);
            int found = inf_name_index_find(&names[0], disk, len) != NULL;
            if (v > 0)
                found |= inf_name_index_find(&names[v], disk, len) != NULL;
            else
                for (int a = 1; a < VARIANTS && !found; a++)
                    found = inf_name_index_find(&names[a], disk, len) != NULL;
            if (!found && disk[0]) {
                char hint[256];
                snprintf(hint, sizeof hint,
                         "add `%s = %%DiskName%%` to [SourceDisksNames], or "
                         "use a disk id that is listed there",
                         disk);
                inf_report(c, inf_span_line(m, line), 0, hint,
                           "disk id '%s' of this [%.*s] entry is not listed in [SourceDisksNames]",
                           disk, (int)section.len, section.ptr);
            }
            free(disk);
        }
    }
    for (int v = 0; v < VARIANTS; v++)
        inf_name_index_free(&names[v]);
}

const struct inf_rule inf_rule_inf009 = {
    "INF009",
    "unknown-disk-id",
    INF_SEVERITY_ERROR,
    "A SourceDisksFiles entry names a disk id that SourceDisksNames lacks.",
    "Each SourceDisksFiles entry says on which disk (which directory of the package) the "
    "file is, by a disk id that SourceDisksNames must define: the section for the same "
    "architecture or the undecorated one. An unknown id leaves the file without a location.",
    "[SourceDisksNames]\n1 = %Disk%\n[SourceDisksFiles]\nacme.sys = 2\n",
    "[SourceDisksNames]\n1 = %Disk%\n[SourceDisksFiles]\nacme.sys = 1\n",
    check};
