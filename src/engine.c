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

/* ----------------------------------------------------------- findings */

/* The section holding source offset OFFSET (by its header), or INF_NO_INDEX. */
static uint32_t section_at(const struct inf_model *m, uint32_t offset)
{
    size_t lo = 0, hi = m->run_count;
    if (hi == 0 || m->runs[0].header_offset > offset)
        return INF_NO_INDEX;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->runs[mid].header_offset <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return m->runs[lo].section;
}

void inf_finding_add(struct inf_file_result *r, const struct inf_model *m,
                     const struct inf_rule *rule, struct inf_span span, enum inf_severity severity,
                     const char *hint, const char *message, size_t message_len)
{
    r->findings = inf_xgrow(r->findings, &r->cap, r->count + 1, sizeof *r->findings);
    struct inf_finding *f = &r->findings[r->count++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->severity = severity;
    inf_source_position(&m->source, span.start, &f->line, &f->column);
    if (span.end > span.start) {
        inf_source_position(&m->source, span.end, &f->end_line, &f->end_column);
    } else {
        f->end_line = f->line;
        f->end_column = f->column + 1;
    }
    size_t line_len;
    const char *line_text = inf_source_line_text(&m->source, f->line, &line_len);
    uint32_t section = section_at(m, span.start);
    struct inf_text name = {NULL, 0};
    if (section != INF_NO_INDEX)
        name = inf_model_section_name(m, section);
    inf_finding_set_texts(f, message, message_len, hint, name.ptr, name.len, line_text, line_len);
}

void inf_report(struct inf_check *check, struct inf_span span, enum inf_severity severity,
                const char *hint, const char *format, ...)
{
    if (severity == INF_SEVERITY_OFF) /* the rule's own severity under the profile */
        severity = inf_profile_severity(check->rule, check->options->profile);
    struct inf_buf text = INF_BUF_INIT;
    va_list args;
    va_start(args, format);
    char small[512];
    const char *message = small;
    int n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (n < 0)
        n = 0, small[0] = '\0';
    if ((size_t)n >= sizeof small) {
        inf_buf_reserve(&text, (size_t)n);
        va_start(args, format);
        vsnprintf(text.data, (size_t)n + 1, format, args);
        va_end(args);
        message = text.data;
    }
    inf_finding_add(check->sink, check->model, check->rule, span, severity, hint, message,
                    (size_t)n);
    inf_buf_free(&text);
}

static int compare_findings(const void *a, const void *b)
{
    const struct inf_finding *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    int c = strcmp(x->rule->code, y->rule->code);
    if (c)
        return c;
    return strcmp(x->message, y->message);
}

void inf_finding_free(struct inf_finding *f)
{
    free(f->message); /* the block of all the texts */
}

/* Copies LEN bytes of TEXT and a terminator to *AT; returns the copy. */
static char *put_text(char **at, const char *text, size_t len)
{
    char *copy = *at;
    memcpy(copy, text, len);
    copy[len] = '\0';
    *at += len + 1;
    return copy;
}

void inf_finding_set_texts(struct inf_finding *f, const char *message, size_t message_len,
                           const char *hint, const char *section, size_t section_len,
                           const char *line, size_t line_len)
{
    size_t hint_len = hint ? strlen(hint) : 0;
    char *at = inf_xmalloc(message_len + hint_len + section_len + line_len + 4);
    f->message = put_text(&at, message, message_len);
    f->hint = hint ? put_text(&at, hint, hint_len) : NULL;
    f->section = section ? put_text(&at, section, section_len) : NULL;
    f->source_line = put_text(&at, line, line_len);
}

/* The line text as the fingerprint sees it: no comment, blanks collapsed, case folded. */
static void normalize_line(const char *text, struct inf_buf *out)
{
    int quoted = 0, blank = 0;
    inf_buf_clear(out);
    for (const char *p = text; *p; p++) {
        char c = *p;
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted)
            break;
        if (c == ' ' || c == '\t' || c == '\r') {
            blank = 1;
            continue;
        }
        if (blank && out->len)
            inf_buf_addc(out, ' ');
        blank = 0;
        inf_buf_addc(out, (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c);
    }
}

static uint64_t fnv1a(uint64_t h, const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/*
 * Fingerprint: FNV-1a 64 over rule code, NUL, lower-cased section name, NUL,
 * normalized line text, NUL, and the decimal index of this finding among
 * earlier ones with the same rule, section and text. No line number.
 */
static void fingerprint_all(struct inf_file_result *r)
{
    struct inf_buf text = INF_BUF_INIT;
    struct inf_key_map seen = {0}; /* base hash -> findings with it so far */
    for (size_t i = 0; i < r->count; i++) {
        struct inf_finding *f = &r->findings[i];
        uint64_t h = 0xcbf29ce484222325ull;
        h = fnv1a(h, f->rule->code, strlen(f->rule->code) + 1);
        if (f->section)
            for (const char *p = f->section; *p; p++) {
                char c = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
                h = fnv1a(h, &c, 1);
            }
        h = fnv1a(h, "", 1);
        normalize_line(f->source_line, &text);
        h = fnv1a(h, text.data ? text.data : "", text.len + 1);
        uint32_t index = inf_key_map_get(&seen, h);
        index = index == INF_NO_INDEX ? 0 : index;
        inf_key_map_put(&seen, h, index + 1);
        inf_buf_clear(&text);
        inf_buf_add_uint(&text, index);
        h = fnv1a(h, text.data, text.len);
        static const char hex[] = "0123456789abcdef";
        for (int k = 0; k < 16; k++)
            f->fingerprint[k] = hex[(h >> (60 - 4 * k)) & 15];
        f->fingerprint[16] = '\0';
    }
    inf_key_map_free(&seen);
    inf_buf_free(&text);
}

void inf_findings_finish(struct inf_file_result *r)
{
    if (r->count > 1)
        qsort(r->findings, r->count, sizeof *r->findings, compare_findings);
    size_t out = 0;
    for (size_t i = 0; i < r->count; i++) {
        struct inf_finding *f = &r->findings[i];
        if (out > 0) {
            struct inf_finding *prev = &r->findings[out - 1];
            if (prev->rule == f->rule && prev->line == f->line && prev->column == f->column &&
                strcmp(prev->message, f->message) == 0) {
                inf_finding_free(f);
                continue;
            }
        }
        r->findings[out++] = *f;
    }
    r->count = out;
    fingerprint_all(r);
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
    struct inf_arena arena = INF_ARENA_INIT;
    struct inf_graph graph;
    inf_graph_build(&graph, model, options->rule.min_build, &arena);
    struct inf_check check;
    memset(&check, 0, sizeof check);
    check.model = model;
    check.graph = &graph;
    check.arena = &arena;
    check.options = &options->rule;
    check.sink = result;
    for (size_t i = 0; i < inf_rule_count; i++) {
        if (!inf_rules[i]->check || !options->enabled[i] ||
            options->severity[i] == INF_SEVERITY_OFF)
            continue;
        if (options->severity[i] < 0 &&
            inf_profile_severity(inf_rules[i], options->rule.profile) == INF_SEVERITY_OFF)
            continue;
        check.rule = inf_rules[i];
        inf_rules[i]->check(&check);
    }
    for (size_t i = 0; i < extra_count; i++) {
        check.rule = extra_rules[i];
        extra_rules[i]->check(&check);
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
    size_t out = from;
    for (size_t i = from; i < r->count; i++) {
        struct inf_finding *f = &r->findings[i];
        size_t index = inf_rule_index(f->rule); /* a rule outside the registry has none */
        if (inf_rules[index] == f->rule && options->severity[index] >= 0)
            f->severity = (enum inf_severity)options->severity[index];
        if (f->severity == INF_SEVERITY_OFF)
            inf_finding_free(f);
        else
            r->findings[out++] = *f;
    }
    r->count = out;
}

void inf_file_result_free_findings(struct inf_file_result *result)
{
    for (size_t i = 0; i < result->count; i++)
        inf_finding_free(&result->findings[i]);
    free(result->findings);
    result->findings = NULL;
    result->count = result->cap = 0;
}

void inf_file_result_free(struct inf_file_result *result)
{
    inf_file_result_free_findings(result);
    free(result->path);
    free(result->error);
    memset(result, 0, sizeof *result);
}
