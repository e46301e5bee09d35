/*
 * INF003 bad-section-header (InfVerif 1002): a '[' header without ']' on its
 * line, or a name over 255 characters. Windows refuses the file; inflint
 * treats the line as a comment and goes on.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    for (size_t i = 0; i < m->issue_count; i++) {
        const struct inf_parse_issue *issue = &m->issues[i];
        struct inf_span span = {issue->offset, issue->end};
        if (issue->kind == INF_ISSUE_UNTERMINATED_HEADER)
            inf_report(c, span, 0, "close the header with ']' on the same line",
                       "section header without ']' on its line; Windows refuses the file "
                       "(ERROR_BAD_SECTION_NAME_LINE)");
        else if (issue->kind == INF_ISSUE_SECTION_NAME_TOO_LONG)
            inf_report(c, span, 0, "shorten the section name to 255 characters or fewer",
                       "section name longer than 255 characters; Windows refuses the file "
                       "(ERROR_SECTION_NAME_TOO_LONG)");
    }
}

const struct inf_rule inf_rule_inf003 = {
    "INF003",
    "bad-section-header",
    INF_SEVERITY_ERROR,
    "A section header is not closed or its name is too long.",
    "A section header runs from '[' to the first ']' on the same physical line and names at "
    "most 255 characters. Windows refuses a file with a header that breaks either rule; "
    "inflint reports it, reads the line as a comment and goes on so that the other findings "
    "still show.",
    "[Acme_Install.NT\nCopyFiles = Acme_Files\n",
    "[Acme_Install.NT]\nCopyFiles = Acme_Files\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1002}};
