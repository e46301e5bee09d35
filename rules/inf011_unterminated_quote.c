/*
 * INF011 unterminated-quote: a quoted string that runs to the end of the
 * line. Windows accepts it silently; it is almost always a typo.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    for (size_t i = 0; i < m->issue_count; i++) {
        const struct inf_parse_issue *issue = &m->issues[i];
        if (issue->kind != INF_ISSUE_UNTERMINATED_QUOTE)
            continue;
        struct inf_span span = {issue->offset, issue->end};
        inf_report(c, span, 0,
                   "close the quote; commas and ';' up to the end of the line are now "
                   "part of the value",
                   "quoted string is not closed before the end of the line");
    }
}

const struct inf_rule inf_rule_inf011 = {
    "INF011",
    "unterminated-quote",
    INF_SEVERITY_WARNING,
    "A quoted string runs to the end of the line.",
    "A '\"' starts a quoted run that ends at the next '\"'. Without one, Windows silently "
    "ends the run at the end of the line, so commas and semicolons after it become part of "
    "the value instead of separating fields or starting a comment.",
    "[Strings]\nDevice = \"Acme probe ; the model name\n",
    "[Strings]\nDevice = \"Acme probe\" ; the model name\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0}};
