/*
 * INF002 text-before-first-section: non-comment text before the first
 * [section]. Windows refuses such a file unless it has a [Strings] section
 * (ERROR_EXPECTED_SECTION_NAME), so: error without [Strings], else warning.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    int has_strings = inf_model_find_section(m, "Strings", 7) != INF_NO_INDEX;
    for (size_t i = 0; i < m->issue_count; i++) {
        const struct inf_parse_issue *issue = &m->issues[i];
        if (issue->kind != INF_ISSUE_TEXT_BEFORE_SECTION)
            continue;
        struct inf_span span = {issue->offset, issue->end};
        inf_report(c, span, has_strings ? INF_SEVERITY_WARNING : INF_SEVERITY_ERROR,
                   "turn the text into comments with ';' or move it below a section header",
                   has_strings ? "text before the first section; Windows ignores it only because "
                                 "the file has a [Strings] section"
                               : "text before the first section; Windows refuses to open the file");
    }
}

const struct inf_rule inf_rule_inf002 = {
    "INF002",
    "text-before-first-section",
    INF_SEVERITY_ERROR,
    "Text that is not a comment comes before the first section.",
    "Before the first [section] only blank lines and ';' comments may appear. Windows "
    "refuses a file with other text there (ERROR_EXPECTED_SECTION_NAME) - unless the file "
    "has a [Strings] section anywhere, in which case the text is silently ignored. Banners "
    "in C comment style are the usual cause.",
    "/* Acme driver */\n[Version]\nSignature = \"$Windows NT$\"\n",
    "; Acme driver\n[Version]\nSignature = \"$Windows NT$\"\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0},
    .lower_severity = INF_SEVERITY_WARNING};
