/*
 * INF010 bad-version-section (InfVerif 1001): no [Version], or a Signature
 * other than $Windows NT$ ($Chicago$ and $Windows 95$ are warnings: Windows
 * accepts them, InfVerif does not).
 */
#include "rule_util.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    uint32_t version = inf_model_find_section(m, "Version", 7);
    if (version == INF_NO_INDEX) {
        inf_report(c, inf_span_file_start(), 0,
                   "start the file with [Version] and `Signature = \"$Windows NT$\"`",
                   "the INF has no [Version] section");
        return;
    }
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, version);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        if (!line->has_key ||
            !inf_text_equal_nocase(inf_token_value(m, inf_line_key(m, line), &c->scratch, NULL),
                                   "Signature"))
            continue;
        char *value = rule_field(m, line, 0, &c->scratch);
        struct inf_text v = {value, strlen(value)};
        if (!inf_text_equal_nocase(v, "$Windows NT$")) {
            int legacy =
                inf_text_equal_nocase(v, "$Chicago$") || inf_text_equal_nocase(v, "$Windows 95$");
            inf_report(c, inf_span_line(m, line),
                       legacy ? INF_SEVERITY_WARNING : INF_SEVERITY_ERROR,
                       "write `Signature = \"$Windows NT$\"`",
                       legacy ? "Signature '%s' is a legacy value; Windows still accepts it but "
                                "validation requires \"$Windows NT$\""
                              : "Signature '%s' is not \"$Windows NT$\"; Windows refuses to open "
                                "the INF",
                       value);
        }
        free(value);
        return;
    }
    inf_report(c, inf_span_header(m, m->sections[version].first_run), 0,
               "add `Signature = \"$Windows NT$\"` to [Version]",
               "[Version] has no Signature entry; Windows refuses to open the INF");
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
    check};
