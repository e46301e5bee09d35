/*
 * engine.c - runs the rules over one file and shapes their findings:
 * severity overrides, one finding per rule/line/subject, deterministic
 * order, and the line-independent fingerprint of conventions.md 5.
 */
#include "engine_check.h"
#include "inflint/alloc.h"
#include "inflint/profile.h"
#include "arena.h"
#include "check.h"
#include "graph_index.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *inf_severity_name(enum inf_severity severity)
{
    switch (severity) {
    case INF_SEVERITY_ERROR:
        return "error";
    case INF_SEVERITY_WARNING:
        return "warning";
    case INF_SEVERITY_NOTE:
        return "note";
    case INF_SEVERITY_OFF:
        break;
    }
    return "off";
}

int inf_severity_parse(const char *text)
{
    static const char *const names[] = {"off", "note", "warning", "error"};
    for (int i = 0; i < 4; i++)
        if (strcmp(text, names[i]) == 0)
            return i;
    return -1;
}

void inf_lint_options_init(struct inf_lint_options *options)
{
    memset(options, 0, sizeof *options);
    options->rule.min_build = INF_DEFAULT_MIN_BUILD;
    options->rule.profile = INF_PROFILE_ISOLATION;
    options->template_override = -1;
    options->severity = inf_xmalloc(inf_rule_count);
    options->enabled = inf_xmalloc(inf_rule_count);
    memset(options->severity, -1, inf_rule_count);
    memset(options->enabled, 1, inf_rule_count);
}

void inf_lint_options_free(struct inf_lint_options *options)
{
    free(options->severity);
    free(options->enabled);
    options->severity = NULL;
    options->enabled = NULL;
}

/* Sets MARK[i] for every rule matched by ITEM; returns 0 when nothing matched. */
static int mark_matches(const char *item, unsigned char *mark)
{
    const struct inf_rule *rule = inf_rule_find(item);
    if (rule) {
        mark[inf_rule_index(rule)] = 1;
        return 1;
    }
    int matched = 0;
    if (strlen(item) == 3)
        for (size_t i = 0; i < inf_rule_count; i++)
            if (inf_text_equal_nocase2(inf_rules[i]->code, 3, item, 3))
                mark[i] = 1, matched = 1;
    return matched;
}

/* Marks the rules named by comma-separated LIST; returns 0 or -1 (BAD = the unknown item). */
static int mark_list(const char *list, unsigned char *mark, char *bad, size_t bad_size)
{
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        while (len && *p == ' ')
            p++, len--;
        while (len && p[len - 1] == ' ')
            len--;
        if (len) {
            char *item = inf_xstrndup(p, len);
            int ok = mark_matches(item, mark);
            if (!ok)
                snprintf(bad, bad_size, "%s", item);
            free(item);
            if (!ok)
                return -1;
        }
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

int inf_lint_options_filter(struct inf_lint_options *options, const char *select,
                            const char *ignore, char *bad, size_t bad_size)
{
    int status = 0;
    if (select) {
        memset(options->enabled, 0, inf_rule_count);
        status |= mark_list(select, options->enabled, bad, bad_size);
    }
    if (ignore && status == 0) {
        unsigned char *ignored = inf_xcalloc(inf_rule_count, 1);
        status |= mark_list(ignore, ignored, bad, bad_size);
        for (size_t i = 0; i < inf_rule_count; i++)
            if (ignored[i])
                options->enabled[i] = 0;
        free(ignored);
    }
    return status;
}

int inf_lint_options_set_severity(struct inf_lint_options *options, const char *rule,
                                  enum inf_severity severity)
{
    const struct inf_rule *r = inf_rule_find(rule);
    if (!r)
        return -1;
    options->severity[inf_rule_index(r)] = (signed char)severity;
    return 0;
}

/* ------------------------------------------------------------ reports */

void inf_report(struct inf_check *check, struct inf_span span, enum inf_severity severity,
                const char *hint, const char *format, ...)
{
    if (severity == INF_SEVERITY_OFF) /* the rule's own severity under the profile */
        severity = inf_profile_severity(check->rule, check->options->profile);
    struct inf_buf *text = &check->format;
    inf_buf_clear(text);
    va_list args;
    va_start(args, format);
    int n = inf_buf_vformat(text, format, args); /* the formats rules use, without printf */
    va_end(args);
    if (n >= 0) {
        inf_finding_add(check->sink, check->rule, span, severity, hint,
                        text->data ? text->data : "", (size_t)n);
        return;
    }
    va_start(args, format);
    char small[512];
    const char *message = small;
    n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (n < 0)
        n = 0, small[0] = '\0';
    if ((size_t)n >= sizeof small) {
        inf_buf_clear(text);
        inf_buf_reserve(text, (size_t)n);
        va_start(args, format);
        vsnprintf(text->data, (size_t)n + 1, format, args);
        va_end(args);
        message = text->data;
    }
    inf_finding_add(check->sink, check->rule, span, severity, hint, message, (size_t)n);
}

void inf_report_expect(struct inf_check *check, size_t count)
{
    inf_finding_expect(check->sink, count);
}

int inf_engine_check(const char *path, struct inf_input input,
                     const struct inf_lint_options *options,
                     const struct inf_rule *const *extra_rules, size_t extra_count,
                     struct inf_file_result *result, struct inf_model *model)
{
    memset(result, 0, sizeof *result);
    result->path = inf_xstrndup(path, strlen(path));
    if (inf_model_parse_input(model, path, input) != 0) {
        const char *why = "file too large (over 2 GiB)";
        result->error = inf_xstrndup(why, strlen(why));
        inf_model_free(model);
        return -1;
    }
    result->encoding = inf_encoding_name(model->source.encoding);
    if (options->template_override >= 0) /* a WDK project stamps it, or /stampinf */
        model->is_template = options->template_override;
    struct inf_arena arena = INF_ARENA_INIT;
    inf_arena_expect(&arena, model->source.len / 2); /* (records: 0.3-0.8 of the text measured) */
    struct inf_graph graph;
    inf_graph_build(&graph, model, options->rule.min_build, options->template_arches, &arena);
    struct inf_check check;
    memset(&check, 0, sizeof check);
    check.model = model;
    check.graph = &graph;
    check.arena = &arena;
    check.options = &options->rule;
    check.path = path;
    check.on_disk = !input.from_stdin;
    struct inf_finding_sink sink;
    inf_finding_sink_init(&sink, result, &model->source, model);
    check.sink = &sink;
    for (size_t i = 0; i < inf_rule_count; i++) {
        if (!inf_rules[i]->check || !options->enabled[i] ||
            options->severity[i] == INF_SEVERITY_OFF)
            continue;
        if (options->severity[i] < 0 &&
            inf_profile_severity(inf_rules[i], options->rule.profile) == INF_SEVERITY_OFF)
            continue;
        check.rule = inf_rules[i];
        inf_rules[i]->check(&check);
        inf_fix_cancel(&check); /* a fix begun and never reported goes with its rule */
    }
    for (size_t i = 0; i < extra_count; i++) {
        check.rule = extra_rules[i];
        extra_rules[i]->check(&check);
        inf_fix_cancel(&check);
    }
    inf_check_release(&check);
    inf_buf_free(&check.scratch);
    inf_graph_free(&graph);
    inf_arena_free(&arena);
    return 0;
}

void inf_findings_apply_overrides(struct inf_file_result *r, const struct inf_lint_options *options,
                                  size_t from)
{
    size_t out = from, index = 0;
    const struct inf_rule *indexed = NULL; /* a rule's findings come together: looked up once */
    for (size_t i = from; i < r->count; i++) {
        struct inf_finding *f = &r->findings[i];
        if (f->rule != indexed) {
            indexed = f->rule;
            index = inf_rule_index(f->rule); /* a rule outside the registry has none */
        }
        if (inf_rules[index] == f->rule && options->severity[index] >= 0)
            f->severity = (enum inf_severity)options->severity[index];
        if (f->severity != INF_SEVERITY_OFF && out++ != i)
            r->findings[out - 1] = *f;
    }
    r->count = out;
}

void inf_file_result_free_findings(struct inf_file_result *result)
{
    free(result->findings);
    result->findings = NULL;
    result->count = result->cap = 0;
    inf_finding_texts_free(result);
}

void inf_file_result_free(struct inf_file_result *result)
{
    inf_file_result_free_findings(result);
    free(result->path);
    free(result->error);
    memset(result, 0, sizeof *result);
}
