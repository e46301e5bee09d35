/*
 * ISO114 pnplockdown-missing (InfVerif 1324): an INF with an entry point
 * whose [Version] lacks PnpLockdown=1. Reported at the PnpLockdown line when
 * it has another value, else at the [Version] header; not reported without
 * [Version] (INF010 is). Applies to downlevel paths too.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    uint32_t version = inf_check_section(c, "Version");
    if (!c->graph->has_entry_points || version == INF_NO_INDEX)
        return;
    struct inf_entries entries;
    inf_entries_init(&entries, c, version, "PnpLockdown");
    const struct inf_line *line, *lockdown = NULL;
    while ((line = inf_entries_next(&entries)) != NULL)
        lockdown = line; /* the last one counts */
    if (!lockdown) {
        inf_fix_begin(c, INF_FIX_SAFE, "add `PnpLockdown = 1` to [Version]");
        inf_fix_add_entry(c, version, "PnpLockdown", "1");
        inf_report(c, c->graph->sections[version].header, 0, "add `PnpLockdown = 1` to [Version]",
                   "[Version] has no PnpLockdown=1, so other software may modify the installed "
                   "driver files");
        return;
    }
    const char *value = inf_check_field(c, lockdown, 0).text;
    if (strcmp(value, "1") == 0)
        return;
    const struct inf_token *token = inf_line_field(c->model, lockdown, 0);
    inf_fix_begin(c, INF_FIX_SAFE, "set PnpLockdown to 1");
    if (token)
        inf_fix_replace(c, inf_span_token(c->model, token), "1");
    else /* "PnpLockdown =" with no value */
        inf_fix_insert(c, inf_span_line(c->model, lockdown).end, " 1");
    inf_report(c, inf_span_line(c->model, lockdown), 0, "write `PnpLockdown = 1`",
               "PnpLockdown is '%s', not 1, so other software may modify the installed driver "
               "files",
               value);
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
    check,
    .profiles[INF_PROFILE_UNIVERSAL] = {1, INF_SEVERITY_WARNING},
    .infverif = {1324}};
