/*
 * INF010 bad-version-section (InfVerif 1001): no [Version], or a Signature
 * other than $Windows NT$ ($Chicago$ and $Windows 95$ are warnings: Windows
 * accepts them, InfVerif does not). Fix (safe): [Version] with the Signature
 * added at the start of the file, the Signature added to [Version], or its
 * value replaced.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    uint32_t version = inf_check_section(c, "Version");
    if (version == INF_NO_INDEX) {
        inf_fix_begin(c, INF_FIX_SAFE, "add [Version] with `Signature = \"$Windows NT$\"`");
        inf_fix_insert(c, 0, "[Version]\nSignature = \"$Windows NT$\"\n\n");
        inf_report(c, inf_span_file_start(), 0,
                   "start the file with [Version] and `Signature = \"$Windows NT$\"`",
                   "the INF has no [Version] section");
        return;
    }
    struct inf_entries entries;
    inf_entries_init(&entries, c, version, "Signature");
    const struct inf_line *line = inf_entries_next(&entries);
    if (!line) {
        inf_fix_begin(c, INF_FIX_SAFE, "add `Signature = \"$Windows NT$\"` to [Version]");
        inf_fix_add_entry(c, version, "Signature", "\"$Windows NT$\"");
        inf_report(c, c->graph->sections[version].header, 0,
                   "add `Signature = \"$Windows NT$\"` to [Version]",
                   "[Version] has no Signature entry; Windows refuses to open the INF");
        return;
    }
    struct inf_field value = inf_check_field(c, line, 0);
    if (inf_field_is(value, "$Windows NT$"))
        return;
    int legacy = inf_field_is(value, "$Chicago$") || inf_field_is(value, "$Windows 95$");
    const struct inf_token *token = inf_line_field(c->model, line, 0);
    if (token) {
        inf_fix_begin(c, INF_FIX_SAFE, "write `Signature = \"$Windows NT$\"`");
        inf_fix_replace(c, inf_span_token(c->model, token), "\"$Windows NT$\"");
    }
    inf_report(c, inf_span_line(c->model, line), legacy ? INF_SEVERITY_WARNING : INF_SEVERITY_ERROR,
               "write `Signature = \"$Windows NT$\"`",
               legacy ? "Signature '%s' is a legacy value; Windows still accepts it but "
                        "validation requires \"$Windows NT$\""
                      : "Signature '%s' is not \"$Windows NT$\"; Windows refuses to open the INF",
               value.text);
}

const struct inf_rule inf_rule_inf010 = {
    "INF010",
    "bad-version-section",
    INF_SEVERITY_ERROR,
    "[Version] is missing or its Signature is not $Windows NT$.",
    "Windows opens an INF only when [Version] has a Signature it knows. $Windows NT$ is the "
    "one value that validation accepts; $Chicago$ and $Windows 95$ still open but are "
    "reported as warnings.",
    "[Version]\nSignature = \"$Chicago$\"\n",
    "[Version]\nSignature = \"$Windows NT$\"\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1001},
    .lower_severity = INF_SEVERITY_WARNING};
