/*
 * suppress.c - `; inflint: disable=ID[,ID...]` on a finding's line, or alone
 * on the line above it; `; inflint: disable-file=ID` anywhere; an optional
 * reason after " -- ". IDs are codes or names.
 */
#include "suppress.h"
#include "inflint/alloc.h"
#include "inflint/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct suppression {
    const struct inf_rule *rule; /* NULL: unknown name */
    uint32_t comment_line;
    uint32_t target_line; /* 0 for disable-file */
    int used;
};

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Parses one comment; appends its suppressions (and unknown names) to LIST. */
static void parse_comment(const struct inf_source *source, const struct inf_comment *c,
                          struct suppression **list, size_t *count, size_t *cap)
{
    const char *p = source->text + c->offset + 1, *end = source->text + c->end;
    while (p < end && is_blank(*p))
        p++;
    if ((size_t)(end - p) < 8 || strncmp(p, "inflint:", 8) != 0)
        return;
    p += 8;
    while (p < end && is_blank(*p))
        p++;
    int file_wide;
    if ((size_t)(end - p) >= 13 && strncmp(p, "disable-file=", 13) == 0)
        file_wide = 1, p += 13;
    else if ((size_t)(end - p) >= 8 && strncmp(p, "disable=", 8) == 0)
        file_wide = 0, p += 8;
    else
        return;
    /* The list ends at " -- " (a reason) or at the end of the comment. */
    const char *stop = end;
    for (const char *q = p; q + 3 < end; q++)
        if (q[0] == ' ' && q[1] == '-' && q[2] == '-' && (q + 3 == end || is_blank(q[3]))) {
            stop = q;
            break;
        }
    while (p < stop) {
        const char *comma = memchr(p, ',', (size_t)(stop - p));
        const char *item_end = comma ? comma : stop;
        const char *a = p, *b = item_end;
        while (a < b && is_blank(*a))
            a++;
        while (b > a && is_blank(b[-1]))
            b--;
        if (b > a) {
            char *name = inf_xstrndup(a, (size_t)(b - a));
            *list = inf_xgrow(*list, cap, *count + 1, sizeof **list);
            struct suppression *s = &(*list)[(*count)++];
            s->rule = inf_rule_find(name);
            s->comment_line = c->line;
            s->target_line = file_wide ? 0 : c->alone ? c->line + 1 : c->line;
            s->used = 0;
            free(name);
        }
        p = comma ? comma + 1 : stop;
    }
}

void inf_suppressions_apply(const struct inf_source *source, const struct inf_comment *comments,
                            size_t comment_count, const struct inf_model *model,
                            struct inf_file_result *result, const struct inf_lint_options *options)
{
    struct suppression *list = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; i < comment_count; i++)
        parse_comment(source, &comments[i], &list, &count, &cap);
    if (count == 0)
        return;
    size_t out = 0;
    for (size_t i = 0; i < result->count; i++) {
        struct inf_finding *f = &result->findings[i];
        int hidden = 0;
        for (size_t k = 0; k < count; k++)
            if (list[k].rule == f->rule &&
                (list[k].target_line == 0 || list[k].target_line == f->line)) {
                list[k].used = 1;
                hidden = 1;
            }
        if (!hidden)
            result->findings[out++] = *f;
    }
    result->count = out;
    size_t reported = result->count; /* INF017 and INF018 from here on */
    struct inf_finding_sink sink;
    inf_finding_sink_init(&sink, result, source, model);
    const struct inf_rule *unknown = inf_rule_find("INF017"), *unused = inf_rule_find("INF018");
    for (size_t k = 0; k < count; k++) {
        const struct suppression *s = &list[k];
        struct inf_span span = {source->line_starts[s->comment_line - 1],
                                source->line_starts[s->comment_line - 1]};
        for (size_t c = 0; c < comment_count; c++)
            if (comments[c].line == s->comment_line)
                span.start = comments[c].offset, span.end = comments[c].end;
        if (!unknown || !unused)
            break;
        if (!s->rule && options->enabled[inf_rule_index(unknown)]) {
            static const char message[] = "this suppression names a rule that does not exist";
            inf_finding_add(
                &sink, unknown, span, inf_profile_severity(unknown, options->rule.profile),
                "use a code or name from `inflint --list-rules`", message, sizeof message - 1);
        } else if (s->rule && !s->used && options->report_unused_suppressions &&
                   options->enabled[inf_rule_index(unused)]) {
            char message[128];
            int n = snprintf(message, sizeof message, "this suppression of %s hides nothing",
                             s->rule->code);
            inf_finding_add(&sink, unused, span,
                            inf_profile_severity(unused, options->rule.profile),
                            "remove the suppression, or the rule name from it", message, (size_t)n);
        }
    }
    inf_findings_apply_overrides(result, options, reported);
    free(list);
}
