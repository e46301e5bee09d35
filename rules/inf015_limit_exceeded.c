/*
 * INF015 limit-exceeded: a field longer than 4096 characters, before or
 * after substitution. Windows truncates such fields silently.
 */
#include "check.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    const char *hint = "shorten the value; Windows cuts fields at 4096 characters without a word";
    for (size_t i = 0; i < m->issue_count; i++) {
        const struct inf_parse_issue *issue = &m->issues[i];
        if (issue->kind != INF_ISSUE_FIELD_TOO_LONG)
            continue;
        struct inf_span span = {issue->offset, issue->offset};
        inf_report(c, span, 0, hint, "field is longer than 4096 characters");
    }
    /* After substitution: only fields holding %tokens% grow, by at most the longest value each. */
    size_t longest = 0;
    struct inf_line_iter strings;
    inf_line_iter_init(&strings, m, m->strings_section);
    const struct inf_line *entry;
    while ((entry = inf_line_iter_next(&strings)) != NULL)
        if (entry->field_count && inf_line_field(m, entry, 0)->len > longest)
            longest = inf_line_field(m, entry, 0)->len;
    for (size_t i = 0; i < m->percent_count; i++) {
        const struct inf_marked_token *mark = &m->percent_tokens[i];
        const struct inf_token *t = &m->tokens[mark->token];
        if (t->len > INF_MAX_FIELD_CHARS)
            continue;
        struct inf_text raw = inf_token_raw(m, t);
        if ((uint64_t)raw.len + (uint64_t)(raw.len / 2) * longest <= INF_MAX_FIELD_CHARS)
            continue; /* short enough even if every character were a '%' */
        size_t percents = 0;
        for (size_t k = 0; k < raw.len; k++)
            percents += raw.ptr[k] == '%';
        if ((uint64_t)raw.len + (uint64_t)(percents / 2) * longest <= INF_MAX_FIELD_CHARS)
            continue;
        if (mark->section != INF_NO_INDEX && c->graph->sections[mark->section].is_strings)
            continue;
        struct inf_text v = inf_token_value(m, t, &c->scratch, NULL);
        if (v.len > INF_MAX_FIELD_CHARS && inf_utf8_length(v.ptr, v.len) > INF_MAX_FIELD_CHARS)
            inf_report(c, inf_span_token(m, t), 0, hint,
                       "field is longer than 4096 characters after %%strkey%% substitution");
    }
}

const struct inf_rule inf_rule_inf015 = {
    "INF015",
    "limit-exceeded",
    INF_SEVERITY_ERROR,
    "A field is longer than Windows reads.",
    "Windows reads at most 4096 characters of a field, before and after %strkey% "
    "substitution, and cuts longer ones silently. (Section names over 255 characters are "
    "INF003.)",
    "[Acme_AddReg]\nHKR,,Table,,%VeryLongString%   ; expands to 5000 characters\n",
    "[Acme_AddReg]\nHKR,,Table,0x00000001,01,02,03   ; binary data, one byte per field\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0}};
