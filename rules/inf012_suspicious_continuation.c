/*
 * INF012 suspicious-continuation: a trailing backslash joins the next line
 * although that line starts a section or a new "key =" entry - typically an
 * unquoted path ending in '\'.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    for (size_t i = 0; i < m->issue_count; i++) {
        const struct inf_parse_issue *issue = &m->issues[i];
        if (issue->kind != INF_ISSUE_SUSPICIOUS_CONTINUATION)
            continue;
        struct inf_span span = {issue->offset, issue->end};
        inf_report(c, span, 0,
                   "quote a value that ends in '\\' (\"C:\\Data\\\"), or drop the backslash",
                   "this trailing '\\' continues the line, so the next line, which looks like a "
                   "new entry, becomes part of this value");
    }
}

const struct inf_rule inf_rule_inf012 = {
    "INF012",
    "suspicious-continuation",
    INF_SEVERITY_WARNING,
    "A trailing backslash swallows the next entry.",
    "An unquoted backslash at the end of a line continues the current value on the next "
    "line. When that next line looks like a new `key = value` entry or a section header, "
    "the continuation is almost certainly an accident - usually a path that ends in '\\'.",
    "[Acme_AddReg]\nHKR,,DataDir,,C:\\Data\\\n[Acme_Other]\n",
    "[Acme_AddReg]\nHKR,,DataDir,,\"C:\\Data\\\"\n[Acme_Other]\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0}};
