/*
 * INF026 legacy-uninstall-missing (InfVerif 1422): an architecture-decorated
 * [DefaultUninstall.NT<arch>...] section without `LegacyUninstall = 1`.
 * (An undecorated DefaultUninstall is INF023's.)
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t s = 0; s < g->section_count; s++) {
        struct inf_text name = g->sections[s].name;
        struct inf_decoration decoration;
        if (name.len <= 17 || !inf_text_equal_nocase2(name.ptr, 17, "DefaultUninstall.", 17) ||
            !inf_decoration_parse(name.ptr + 17, name.len - 17, &decoration) ||
            decoration.arch == INF_DECORATION_NO_ARCH)
            continue;
        struct inf_entries entries;
        inf_entries_init(&entries, c, (uint32_t)s, "LegacyUninstall");
        const struct inf_line *line, *last = NULL;
        while ((line = inf_entries_next(&entries)) != NULL)
            last = line;
        if (last && strcmp(inf_check_field(c, last, 0).text, "1") == 0)
            continue;
        inf_report(c, g->sections[s].header, 0,
                   "add `LegacyUninstall = 1`: the section is only for installs on Windows "
                   "versions that use it",
                   "[%.*s] has no `LegacyUninstall = 1`; a primitive driver may not say how it "
                   "is uninstalled",
                   (int)name.len, name.ptr);
    }
}

const struct inf_rule inf_rule_inf026 = {
    .code = "INF026",
    .name = "legacy-uninstall-missing",
    .severity = INF_SEVERITY_ERROR,
    .summary = "[DefaultUninstall.NT<arch>] lacks LegacyUninstall = 1.",
    .explanation =
        "Windows removes a primitive driver by itself; an INF may keep a "
        "[DefaultUninstall.NT<arch>] section only for downlevel installs, and must then say "
        "so with `LegacyUninstall = 1` in it (InfVerif 1422).",
    .bad_example = "[DefaultUninstall.NTamd64]\nDelFiles = Acme_Files\n",
    .good_example = "[DefaultUninstall.NTamd64]\nLegacyUninstall = 1\nDelFiles = Acme_Files\n",
    .check = check,
    .infverif = {1422}};
