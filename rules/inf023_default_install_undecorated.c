/*
 * INF023 default-install-undecorated (InfVerif 1421): in an INF without
 * [Manufacturer], a [DefaultInstall] or [DefaultUninstall] section with no
 * architecture decoration (undecorated, or with only an OS one such as
 * DefaultInstall.NT). Companion sections (DefaultInstall.Services) are not
 * reported on their own.
 */
#include "check.h"

/* Is NAME PREFIX itself, or PREFIX followed by a decoration without an architecture? */
static int undecorated(struct inf_text name, const char *prefix)
{
    size_t n = strlen(prefix);
    if (name.len < n || !inf_text_equal_nocase2(name.ptr, n, prefix, n))
        return 0;
    if (name.len == n)
        return 1;
    struct inf_decoration decoration;
    return name.ptr[n] == '.' &&
           inf_decoration_parse(name.ptr + n + 1, name.len - n - 1, &decoration) &&
           decoration.arch == INF_DECORATION_NO_ARCH;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    if (inf_check_section(c, "Manufacturer") != INF_NO_INDEX)
        return;
    for (size_t s = 0; s < g->section_count; s++) {
        struct inf_text name = g->sections[s].name;
        int install = undecorated(name, "DefaultInstall");
        if (!install && !undecorated(name, "DefaultUninstall"))
            continue;
        inf_report(c, g->sections[s].header, 0,
                   inf_check_printf(c,
                                    "name it per architecture, e.g. [%s.NTamd64] (one for each "
                                    "architecture the package supports)",
                                    install ? "DefaultInstall" : "DefaultUninstall"),
                   "[%.*s] has no architecture decoration; a primitive driver names one "
                   "section per architecture",
                   (int)name.len, name.ptr);
    }
}

const struct inf_rule inf_rule_inf023 = {
    .code = "INF023",
    .name = "default-install-undecorated",
    .severity = INF_SEVERITY_ERROR,
    .summary = "[DefaultInstall] or [DefaultUninstall] has no architecture decoration.",
    .explanation = "A primitive driver (an INF without [Manufacturer]) installs through "
                   "[DefaultInstall.NT<arch>] sections, one for each architecture it supports; "
                   "validation (InfVerif 1421) rejects an undecorated [DefaultInstall] or "
                   "[DefaultUninstall], and one decorated only with an OS version such as .NT. "
                   "Companion sections such as [DefaultInstall.Services] follow their install "
                   "section and are not reported on their own.",
    .bad_example = "[DefaultInstall]\nCopyFiles = Acme_Files\n",
    .good_example = "[DefaultInstall.NTamd64]\nCopyFiles = Acme_Files\n"
                    "[DefaultInstall.NTarm64]\nCopyFiles = Acme_Files\n",
    .check = check,
    .infverif = {1421}};
