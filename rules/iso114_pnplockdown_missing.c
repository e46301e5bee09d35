/*
 * ISO114 pnplockdown-missing (InfVerif 1324): an INF with an entry point
 * whose [Version] lacks PnpLockdown=1. Reported at the PnpLockdown line when
 * it has another value, else at the [Version] header; not reported without
 * [Version] (INF010 is). Applies to downlevel paths too.
 */
#include "rule_util.h"

#include <stdlib.h>

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    uint32_t version = inf_model_find_section(m, "Version", 7);
    if (!c->graph->has_entry_points || version == INF_NO_INDEX)
        return;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, version);
    const struct inf_line *line, *lockdown = NULL;
    while ((line = inf_line_iter_next(&it)) != NULL)
        if (line->has_key &&
            inf_text_equal_nocase(inf_token_value(m, inf_line_key(m, line), &c->scratch, NULL),
                                  "PnpLockdown"))
            lockdown = line;
    if (!lockdown) {
        inf_report(c, inf_span_header(m, m->sections[version].first_run), 0,
                   "add `PnpLockdown = 1` to [Version]",
                   "[Version] has no PnpLockdown=1, so other software may modify the installed "
                   "driver files");
        return;
    }
    char *value = rule_field(m, lockdown, 0, &c->scratch);
    if (strcmp(value, "1") != 0)
        inf_report(c, inf_span_line(m, lockdown), 0, "write `PnpLockdown = 1`",
                   "PnpLockdown is '%s', not 1, so other software may modify the installed driver "
                   "files",
                   value);
    free(value);
}

const struct inf_rule inf_rule_iso114 = {
    "ISO114",
    "pnplockdown-missing",
    INF_SEVERITY_ERROR,
    "[Version] does not set PnpLockdown=1.",
    "PnpLockdown=1 tells Windows to protect the files the package installs from being "
    "changed by anything but the package itself. Windows Driver validation requires it for "
    "every INF that installs something.",
    "[Version]\nSignature = \"$Windows NT$\"\nClass = System\n",
    "[Version]\nSignature = \"$Windows NT$\"\nClass = System\nPnpLockdown = 1\n",
    check};
