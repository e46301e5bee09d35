/*
 * INF009 unknown-disk-id (InfVerif 1273): a SourceDisksFiles entry whose
 * disk id is in no SourceDisksNames section that Windows would search.
 */
#include "check.h"

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
    const struct inf_graph *g = c->graph;
    struct inf_name_set *names[VARIANTS] = {NULL};
    for (size_t s = 0; s < g->section_count; s++) {
        int v = variant_of(g->sections[s].name, "SourceDisksNames");
        if (v >= 0)
            names[v] = inf_section_keys(c, (uint32_t)s);
    }
    for (size_t s = 0; s < g->section_count; s++) {
        struct inf_text section = g->sections[s].name;
        int v = variant_of(section, "SourceDisksFiles");
        if (v < 0)
            continue;
        struct inf_line_iter it;
        inf_line_iter_init(&it, c->model, (uint32_t)s);
        const struct inf_line *line;
        while ((line = inf_line_iter_next(&it)) != NULL) {
            struct inf_field disk = inf_check_field(c, line, 0);
            int found = names[0] && inf_name_set_find(names[0], disk.text, disk.len);
            if (v > 0)
                found |= names[v] && inf_name_set_find(names[v], disk.text, disk.len);
            else
                for (int a = 1; a < VARIANTS && !found; a++)
                    found = names[a] && inf_name_set_find(names[a], disk.text, disk.len);
            if (!found && disk.len)
                inf_report(c, inf_span_line(c->model, line), 0,
                           inf_check_printf(c,
                                            "add `%s = %%DiskName%%` to [SourceDisksNames], or "
                                            "use a disk id that is listed there",
                                            disk.text),
                           "disk id '%s' of this [%.*s] entry is not listed in [SourceDisksNames]",
                           disk.text, (int)section.len, section.ptr);
        }
    }
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
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1273}};
