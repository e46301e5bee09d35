/*
 * report_sarif.c - SARIF 2.1.0 for GitHub code scanning (conventions.md 6):
 * one run, columns in Unicode code points, a rules[] entry for every rule
 * that fired, relative forward-slash URIs, and a partial fingerprint per
 * result. Optional members are omitted rather than written empty.
 */
#include "inflint/inflint.h"
#include "inflint/report.h"
#include "report_paths.h"

#include <stdlib.h>
#include <string.h>

extern const char inf_information_uri[], inf_help_base[]; /* build_info.c */

/* The rule's help in Markdown: the explanation, then the reported and the fixed example. */
static void add_help_markdown(struct inf_buf *out, const struct inf_rule *rule)
{
    struct inf_buf help = INF_BUF_INIT;
    inf_buf_printf(
        &help, "**%s** `%s`: %s\n\n%s\n\nReported:\n\n```ini\n%s```\n\nFixed:\n\n```ini\n%s```\n",
        rule->code, rule->name, rule->summary, rule->explanation, rule->bad_example,
        rule->good_example);
    inf_buf_add_json_string(out, help.data, help.len);
    inf_buf_free(&help);
}

/* ", "helpUri": BASE#code" when a base is known (the rule's section of rules/README.md). */
static void add_help_uri(struct inf_buf *out, const struct inf_rule *rule, const char *base)
{
    if (!base || !base[0])
        return;
    struct inf_buf uri = INF_BUF_INIT;
    inf_buf_printf(&uri, "%s#", base);
    for (const char *p = rule->code; *p; p++) /* GitHub and GitLab anchors are lower case */
        inf_buf_addc(&uri, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
    inf_buf_adds(out, ", \"helpUri\": ");
    inf_buf_add_json_string(out, uri.data, uri.len);
    inf_buf_free(&uri);
}

static void add_string(struct inf_buf *out, const char *text)
{
    inf_buf_add_json_string(out, text, strlen(text));
}

static const char *level(enum inf_severity severity)
{
    return severity == INF_SEVERITY_ERROR     ? "error"
           : severity == INF_SEVERITY_WARNING ? "warning"
                                              : "note";
}

/* Appends TEXT percent-encoded for a URI path: unreserved characters, '/' and ':' stay. */
static void add_percent_encoded(struct inf_buf *uri, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == ':')
            inf_buf_addc(uri, (char)c);
        else
            inf_buf_printf(uri, "%%%02X", c);
    }
}

/*
 * The artifactLocation members of PATH (conventions.md 6): a path under the
 * current directory BASE is a relative URI reference with uriBaseId
 * %SRCROOT%; any other is an absolute file:/// URI. Percent-encoded.
 */
static void add_location(struct inf_buf *out, const char *path, const char *base)
{
    char *absolute = inf_report_absolute_path(path, base);
    size_t base_len = base ? strlen(base) : 0;
    struct inf_buf uri = INF_BUF_INIT;
    int relative = base && strncmp(absolute, base, base_len) == 0 && absolute[base_len] == '/' &&
                   absolute[base_len + 1];
    if (relative) {
        const char *rest = absolute + base_len + 1;
        add_percent_encoded(&uri, rest, strlen(rest));
    } else {
        inf_buf_adds(&uri, absolute[0] == '/' ? "file://" : "file:///");
        add_percent_encoded(&uri, absolute, strlen(absolute));
    }
    inf_buf_adds(out, "\"uri\": ");
    inf_buf_add_json_string(out, uri.data ? uri.data : "", uri.len);
    if (relative)
        inf_buf_adds(out, ", \"uriBaseId\": \"%SRCROOT%\"");
    inf_buf_free(&uri);
    free(absolute);
}

/* The run's originalUriBaseIds: %SRCROOT% is the current directory BASE. */
static void add_base_ids(struct inf_buf *out, const char *base)
{
    if (!base)
        return;
    struct inf_buf uri = INF_BUF_INIT;
    inf_buf_adds(&uri, base[0] == '/' ? "file://" : "file:///");
    add_percent_encoded(&uri, base, strlen(base));
    if (!uri.len || uri.data[uri.len - 1] != '/')
        inf_buf_addc(&uri, '/');
    inf_buf_adds(out, "      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": ");
    inf_buf_add_json_string(out, uri.data, uri.len);
    inf_buf_adds(out, "}},\n");
    inf_buf_free(&uri);
}

/* NAME (a literal ending in ": ") and VALUE in decimal: one member of a result, appended as
 * two pieces (printf's parse of a format costs more than both). */
static void add_number(struct inf_buf *out, const char *name, unsigned value)
{
    inf_buf_adds(out, name);
    inf_buf_add_uint(out, value);
}

/* ", "properties": {"infverif": [...]}" for RULE (the InfVerif codes it covers). */
static void add_infverif_property(struct inf_buf *out, const struct inf_rule *rule)
{
    inf_buf_adds(out, ", \"properties\": {\"infverif\": [");
    for (size_t k = 0; rule->infverif[k]; k++) {
        if (k)
            inf_buf_adds(out, ", ");
        inf_buf_add_uint(out, rule->infverif[k]);
    }
    inf_buf_adds(out, "]}");
}

/*
 * The run's invocation: executionSuccessful is false when some input could
 * not be read, and each such input is a tool execution notification.
 */
static void write_invocation(struct inf_buf *out, const struct inf_file_result *results,
                             size_t count, const char *base)
{
    size_t unreadable = 0;
    for (size_t r = 0; r < count; r++)
        unreadable += results[r].error != NULL;
    inf_buf_printf(out, ",\n      \"invocations\": [{\"executionSuccessful\": %s",
                   unreadable ? "false" : "true");
    if (unreadable) {
        inf_buf_adds(out, ", \"toolExecutionNotifications\": [");
        int first = 1;
        for (size_t r = 0; r < count; r++) {
            if (!results[r].error)
                continue;
            inf_buf_adds(out, first ? "\n        " : ",\n        ");
            first = 0;
            struct inf_buf text = INF_BUF_INIT;
            inf_buf_printf(&text, "%s: %s", results[r].path, results[r].error);
            inf_buf_adds(out, "{\"level\": \"error\", \"message\": {\"text\": ");
            inf_buf_add_json_string(out, text.data, text.len);
            inf_buf_free(&text);
            inf_buf_adds(out, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {");
            add_location(out, results[r].path, base);
            inf_buf_adds(out, "}}}]}");
        }
        inf_buf_adds(out, "\n      ]");
    }
    inf_buf_adds(out, "}]");
}

/* A finding's fix as a SARIF fix: its edits as byte regions of the file as read. */
static void add_fix(struct inf_buf *out, const struct inf_fix *fix, const struct inf_buf *location)
{
    inf_buf_adds(out, ", \"fixes\": [{\"description\": {\"text\": ");
    add_string(out, fix->description);
    inf_buf_adds(out, "}, \"artifactChanges\": [{\"artifactLocation\": {");
    inf_buf_add(out, location->data, location->len);
    inf_buf_adds(out, "}, \"replacements\": [");
    for (size_t k = 0; k < fix->edit_count; k++) {
        const struct inf_fix_edit *e = &fix->edits[k];
        inf_buf_printf(out,
                       "%s{\"deletedRegion\": {\"byteOffset\": %u, \"byteLength\": %u}, "
                       "\"insertedContent\": {\"text\": ",
                       k ? ", " : "", (unsigned)e->byte_start,
                       (unsigned)(e->byte_end - e->byte_start));
        add_string(out, e->replacement);
        inf_buf_adds(out, "}}");
    }
    inf_buf_printf(out, "]}], \"properties\": {\"applicability\": \"%s\"}}]",
                   fix->applicability == INF_FIX_SAFE ? "safe" : "unsafe");
}

static void write_sarif(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                        const struct inf_summary *summary, const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    /* The rules that fired, in registry order; results refer to them by index. */
    int *rule_slot = inf_xcalloc(inf_rule_count, sizeof *rule_slot);
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < results[r].count; i++)
            rule_slot[inf_rule_index(results[r].findings[i].rule)] = 1;
    int next = 0;
    for (size_t i = 0; i < inf_rule_count; i++)
        rule_slot[i] = rule_slot[i] ? next++ : -1;

    inf_buf_adds(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                      "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                      "      \"tool\": {\n        \"driver\": {\n          \"name\": \"inflint\",\n"
                      "          \"semanticVersion\": \"" INFLINT_VERSION "\",\n");
    if (inf_information_uri[0]) {
        inf_buf_adds(out, "          \"informationUri\": ");
        add_string(out, inf_information_uri);
        inf_buf_adds(out, ",\n");
    }
    inf_buf_adds(out, "          \"rules\": [");
    int first = 1;
    for (size_t i = 0; i < inf_rule_count; i++) {
        if (rule_slot[i] < 0)
            continue;
        const struct inf_rule *rule = inf_rules[i];
        inf_buf_adds(out, first ? "\n            {\"id\": " : ",\n            {\"id\": ");
        first = 0;
        add_string(out, rule->code);
        inf_buf_adds(out, ", \"name\": ");
        add_string(out, rule->name);
        inf_buf_adds(out, ", \"shortDescription\": {\"text\": ");
        add_string(out, rule->summary);
        inf_buf_adds(out, "}, \"fullDescription\": {\"text\": ");
        add_string(out, rule->explanation);
        struct inf_buf help = INF_BUF_INIT;
        inf_buf_printf(&help, "%s\n\nReported:\n\n%s\nFixed:\n\n%s", rule->explanation,
                       rule->bad_example, rule->good_example);
        inf_buf_adds(out, "}, \"help\": {\"text\": ");
        inf_buf_add_json_string(out, help.data, help.len);
        inf_buf_free(&help);
        inf_buf_adds(out, ", \"markdown\": ");
        add_help_markdown(out, rule);
        inf_buf_adds(out, "}");
        add_help_uri(out, rule, options->help_base ? options->help_base : inf_help_base);
        inf_buf_printf(out, ", \"defaultConfiguration\": {\"level\": \"%s\"}",
                       level(rule->severity));
        add_infverif_property(out, rule);
        inf_buf_addc(out, '}');
    }
    inf_buf_adds(out, first ? "]\n        }\n      },\n" : "\n          ]\n        }\n      },\n");
    add_base_ids(out, options->base_dir);
    inf_buf_adds(out, "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [");
    first = 1;
    struct inf_buf location = INF_BUF_INIT; /* the result's artifactLocation, made once */
    struct inf_buf text = INF_BUF_INIT;     /* a message with its hint */
    for (size_t r = 0; r < count; r++) {
        if (!results[r].count)
            continue;
        inf_buf_clear(&location);
        add_location(&location, results[r].path, options->base_dir);
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            inf_buf_adds(out, first ? "\n        {\"ruleId\": " : ",\n        {\"ruleId\": ");
            first = 0;
            add_string(out, f->rule->code);
            add_number(out, ", \"ruleIndex\": ", (unsigned)rule_slot[inf_rule_index(f->rule)]);
            inf_buf_adds(out, ", \"level\": \"");
            inf_buf_adds(out, level(f->severity));
            inf_buf_adds(out, "\", \"message\": {\"text\": ");
            if (f->hint) {
                inf_buf_clear(&text);
                inf_buf_adds(&text, f->message);
                inf_buf_adds(&text, ". Fix: ");
                inf_buf_adds(&text, f->hint);
                inf_buf_add_json_string(out, text.data, text.len);
            } else {
                add_string(out, f->message);
            }
            inf_buf_adds(out, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {");
            inf_buf_add(out, location.data, location.len);
            add_number(out, "}, \"region\": {\"startLine\": ", f->line);
            add_number(out, ", \"startColumn\": ", f->column);
            add_number(out, ", \"endLine\": ", f->end_line);
            add_number(out, ", \"endColumn\": ", f->end_column);
            inf_buf_adds(out, "}}}], \"partialFingerprints\": {\"primaryLocationLineHash\": \"");
            inf_buf_adds(out, f->fingerprint);
            inf_buf_adds(out, "\"}");
            if (f->fix)
                add_fix(out, f->fix, &location);
            add_infverif_property(out, f->rule);
            inf_buf_addc(out, '}');
        }
    }
    inf_buf_free(&location);
    inf_buf_free(&text);
    inf_buf_adds(out, first ? "]" : "\n      ]");
    write_invocation(out, results, count, options->base_dir);
    inf_buf_adds(out, "\n    }\n  ]\n}\n");
    free(rule_slot);
}

const struct inf_reporter inf_report_sarif = {"sarif", write_sarif, NULL};
