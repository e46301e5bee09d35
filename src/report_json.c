/*
 * report_json.c - the stable JSON document of conventions.md 5: tool,
 * version, files (with an "error" member when unreadable), diagnostics and
 * summary.
 */
#include "inflint/inflint.h"
#include "report_parts.h"

#include <string.h>

/* A string literal appended without measuring it each time (thousands of findings). */
#define ADD_LITERAL(out, text) inf_buf_add((out), (text), sizeof(text) - 1)

static void add_string(struct inf_buf *out, const char *text)
{
    inf_buf_add_json_string(out, text, strlen(text));
}

/* Appends `, "NAME": VALUE`. */
static void add_member_uint(struct inf_buf *out, const char *name, unsigned long long value)
{
    ADD_LITERAL(out, ", \"");
    inf_buf_adds(out, name);
    ADD_LITERAL(out, "\": ");
    inf_buf_add_uint(out, value);
}

/* The diagnostics of one file, each starting with ",\n". */
/* The fix of a finding: its applicability, what it does, and its edits, located in the file
 * as read (byte offsets) and as shown (lines and columns). */
static void add_fix(struct inf_buf *out, const struct inf_fix *fix)
{
    ADD_LITERAL(out, ", \"fix\": {\"applicability\": \"");
    inf_buf_adds(out, fix->applicability == INF_FIX_SAFE ? "safe" : "unsafe");
    ADD_LITERAL(out, "\", \"description\": ");
    add_string(out, fix->description);
    ADD_LITERAL(out, ", \"edits\": [");
    for (size_t k = 0; k < fix->edit_count; k++) {
        const struct inf_fix_edit *e = &fix->edits[k];
        inf_buf_adds(out, k ? ", {\"byte_start\": " : "{\"byte_start\": ");
        inf_buf_add_uint(out, e->byte_start);
        add_member_uint(out, "byte_end", e->byte_end);
        add_member_uint(out, "line", e->line);
        add_member_uint(out, "column", e->column);
        add_member_uint(out, "end_line", e->end_line);
        add_member_uint(out, "end_column", e->end_column);
        ADD_LITERAL(out, ", \"replacement\": ");
        add_string(out, e->replacement);
        inf_buf_addc(out, '}');
    }
    ADD_LITERAL(out, "]}");
}

static void write_json_file(struct inf_buf *out, const struct inf_file_result *result,
                            const struct inf_report_options *options)
{
    (void)options;
    if (!result->count)
        return;
    struct inf_buf path = INF_BUF_INIT; /* escaped once, repeated in every diagnostic */
    add_string(&path, result->path);
    for (size_t i = 0; i < result->count; i++) {
        const struct inf_finding *f = &result->findings[i];
        ADD_LITERAL(out, ",\n    {\"path\": ");
        inf_buf_add(out, path.data, path.len);
        /* Built piece by piece: formatting thousands of findings through printf costs more
         * than linting the files. */
        add_member_uint(out, "line", f->line);
        add_member_uint(out, "column", f->column);
        add_member_uint(out, "end_line", f->end_line);
        add_member_uint(out, "end_column", f->end_column);
        ADD_LITERAL(out, ", \"rule\": \"");
        inf_buf_adds(out, f->rule->code);
        ADD_LITERAL(out, "\", \"name\": \"");
        inf_buf_adds(out, f->rule->name);
        ADD_LITERAL(out, "\", \"severity\": \"");
        inf_buf_adds(out, inf_severity_name(f->severity));
        ADD_LITERAL(out, "\", \"infverif\": [");
        for (size_t k = 0; f->rule->infverif[k]; k++) {
            if (k)
                ADD_LITERAL(out, ", ");
            inf_buf_add_uint(out, f->rule->infverif[k]);
        }
        ADD_LITERAL(out, "], \"message\": ");
        add_string(out, f->message);
        if (f->hint) {
            ADD_LITERAL(out, ", \"hint\": ");
            add_string(out, f->hint);
        }
        if (f->section) {
            ADD_LITERAL(out, ", \"section\": ");
            add_string(out, f->section);
        }
        ADD_LITERAL(out, ", \"fingerprint\": \"");
        inf_buf_adds(out, f->fingerprint);
        inf_buf_addc(out, '"');
        if (f->fix)
            add_fix(out, f->fix);
        inf_buf_addc(out, '}');
    }
    inf_buf_free(&path);
}

static void write_json(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                       const struct inf_summary *summary, const struct inf_report_options *options)
{
    inf_buf_adds(out, "{\n  \"tool\": \"inflint\",\n  \"version\": \"" INFLINT_VERSION "\",\n"
                      "  \"files\": [");
    for (size_t r = 0; r < count; r++) {
        inf_buf_adds(out, r ? ",\n    {\"path\": " : "\n    {\"path\": ");
        add_string(out, results[r].path);
        if (!inf_utf8_valid(results[r].path, strlen(results[r].path))) {
            /* The name's bytes, for tools that must find the file: "path" shows U+FFFD. */
            ADD_LITERAL(out, ", \"path_bytes\": \"");
            for (const char *p = results[r].path; *p; p++)
                inf_buf_printf(out, "%02x", (unsigned)(unsigned char)*p);
            inf_buf_addc(out, '"');
        }
        if (results[r].encoding) {
            ADD_LITERAL(out, ", \"encoding\": ");
            add_string(out, results[r].encoding);
        }
        if (results[r].profile) {
            ADD_LITERAL(out, ", \"profile\": ");
            add_string(out, results[r].profile);
        }
        if (results[r].project) {
            ADD_LITERAL(out, ", \"project\": ");
            add_string(out, results[r].project);
            ADD_LITERAL(out, ", \"configuration\": ");
            add_string(out, results[r].configuration ? results[r].configuration : "");
        }
        if (results[r].error) {
            ADD_LITERAL(out, ", \"error\": ");
            add_string(out, results[r].error);
        }
        inf_buf_addc(out, '}');
    }
    inf_buf_adds(out, count ? "\n  ],\n  \"diagnostics\": [" : "],\n  \"diagnostics\": [");
    int first = 1;
    struct inf_buf scratch = INF_BUF_INIT;
    for (size_t r = 0; r < count; r++) {
        struct inf_text part = inf_report_part(options, r);
        if (!part.ptr) {
            inf_buf_clear(&scratch);
            write_json_file(&scratch, &results[r], options);
            part.ptr = scratch.data;
            part.len = scratch.len;
        }
        if (!part.len)
            continue;
        /* Every diagnostic starts with ",\n": the very first one drops the comma. */
        inf_buf_add(out, part.ptr + first, part.len - (size_t)first);
        first = 0;
    }
    inf_buf_free(&scratch);
    inf_buf_adds(out, first ? "],\n" : "\n  ],\n");
    inf_buf_printf(out,
                   "  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
                   "\"notes\": %zu}\n}\n",
                   summary->files, summary->errors, summary->warnings, summary->notes);
}

const struct inf_reporter inf_report_json = {"json", write_json, write_json_file};
