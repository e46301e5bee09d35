/*
 * report_json.c - the stable JSON document of conventions.md 5: tool,
 * version, files (with an "error" member when unreadable), diagnostics and
 * summary.
 */
#include "inflint/inflint.h"
#include "buf_cursor.h"
#include "report_parts.h"

#include <stdlib.h>
#include <string.h>

/* A string literal appended without measuring it each time (thousands of findings). */
#define ADD_LITERAL(out, text) inf_buf_add((out), (text), sizeof(text) - 1)

static void add_string(struct inf_buf *out, const char *text)
{
    inf_buf_add_json_string(out, text, strlen(text));
}

/*
 * Each diagnostic is written through a cursor into room reserved once for
 * its longest form: thousands of findings through a reservation (or printf)
 * per piece cost more than linting the files.
 */

/* A diagnostic's usual length without its path: a message, a hint, a section, a fingerprint. */
#define TYPICAL_DIAGNOSTIC_BYTES 640

/* The lengths of a finding's texts, measured once for its room and its writing. */
struct finding_texts {
    size_t message, hint, section, description;
};

static size_t finding_room(const struct inf_finding *f, size_t path_len, size_t rule_len,
                           struct finding_texts *t)
{
    t->message = strlen(f->message);
    t->hint = f->hint ? strlen(f->hint) : 0;
    t->section = f->section ? strlen(f->section) : 0;
    t->description = f->fix ? strlen(f->fix->description) : 0;
    /* the members' names, punctuation, numbers, the rule's members and fingerprint */
    size_t room = 512 + path_len + rule_len;
    room += INF_JSON_STRING_ROOM(t->message) + INF_JSON_STRING_ROOM(t->hint) +
            INF_JSON_STRING_ROOM(t->section);
    if (f->fix) {
        room += 128 + INF_JSON_STRING_ROOM(t->description);
        for (size_t k = 0; k < f->fix->edit_count; k++)
            room += 160 + 6 * INF_UINT_ROOM +
                    INF_JSON_STRING_ROOM(strlen(f->fix->edits[k].replacement));
    }
    return room;
}

/*
 * The members a finding owes to its rule and severity, from `, "rule": ` to `"message": `:
 * the same for every finding of a rule, written once per file (a file may have thousands).
 */
struct rule_members {
    const struct inf_rule *rule;
    enum inf_severity severity;
    size_t len;
    char *text; /* malloc'd */
};

#define RULE_MEMBERS_KEPT 8 /* the rules of a file's findings, most recent first out */

/* Writes `, "NAME": VALUE` at AT. */
#define MEMBER_UINT_AT(at, name, value)                                                            \
    inf_uint_at(INF_LITERAL_AT((at), ", \"" name "\": "), (value))

/* The fix of a finding: its applicability, what it does, and its edits, located in the file
 * as read (byte offsets) and as shown (lines and columns). */
static char *fix_at(char *at, const struct inf_fix *fix, size_t description_len)
{
    at = INF_LITERAL_AT(at, ", \"fix\": {\"applicability\": \"");
    at = fix->applicability == INF_FIX_SAFE ? INF_LITERAL_AT(at, "safe")
                                            : INF_LITERAL_AT(at, "unsafe");
    at = INF_LITERAL_AT(at, "\", \"description\": ");
    at = inf_json_string_at(at, fix->description, description_len);
    at = INF_LITERAL_AT(at, ", \"edits\": [");
    for (size_t k = 0; k < fix->edit_count; k++) {
        const struct inf_fix_edit *e = &fix->edits[k];
        at =
            k ? INF_LITERAL_AT(at, ", {\"byte_start\": ") : INF_LITERAL_AT(at, "{\"byte_start\": ");
        at = inf_uint_at(at, e->byte_start);
        at = MEMBER_UINT_AT(at, "byte_end", e->byte_end);
        at = MEMBER_UINT_AT(at, "line", e->line);
        at = MEMBER_UINT_AT(at, "column", e->column);
        at = MEMBER_UINT_AT(at, "end_line", e->end_line);
        at = MEMBER_UINT_AT(at, "end_column", e->end_column);
        at = INF_LITERAL_AT(at, ", \"replacement\": ");
        at = inf_json_string_at(at, e->replacement, strlen(e->replacement));
        *at++ = '}';
    }
    return INF_LITERAL_AT(at, "]}");
}

/* The rule members of F, written into one of KEPT when none holds them yet. */
static const struct rule_members *rule_members_of(const struct inf_finding *f,
                                                  struct rule_members *kept, size_t *next)
{
    for (size_t i = 0; i < RULE_MEMBERS_KEPT; i++)
        if (kept[i].rule == f->rule && kept[i].severity == f->severity)
            return &kept[i];
    struct rule_members *m = &kept[*next];
    *next = (*next + 1) % RULE_MEMBERS_KEPT;
    const char *code = f->rule->code, *name = f->rule->name;
    const char *severity = inf_severity_name(f->severity);
    size_t room = 96 + strlen(code) + strlen(name) + strlen(severity);
    for (size_t k = 0; f->rule->infverif[k]; k++)
        room += INF_UINT_ROOM + 2;
    free(m->text);
    char *at = m->text = inf_xmalloc(room);
    /* (codes, names and severity names are identifiers: nothing to escape) */
    at = INF_LITERAL_AT(at, ", \"rule\": \"");
    at = inf_bytes_at(at, code, strlen(code));
    at = INF_LITERAL_AT(at, "\", \"name\": \"");
    at = inf_bytes_at(at, name, strlen(name));
    at = INF_LITERAL_AT(at, "\", \"severity\": \"");
    at = inf_bytes_at(at, severity, strlen(severity));
    at = INF_LITERAL_AT(at, "\", \"infverif\": [");
    for (size_t k = 0; f->rule->infverif[k]; k++) {
        if (k)
            at = INF_LITERAL_AT(at, ", ");
        at = inf_uint_at(at, f->rule->infverif[k]);
    }
    at = INF_LITERAL_AT(at, "], \"message\": ");
    m->len = (size_t)(at - m->text);
    m->rule = f->rule;
    m->severity = f->severity;
    return m;
}

/* Writes diagnostic F (its path already escaped, PATH_LEN bytes; its rule members RULE) at AT,
 * after ",\n" unless it is the report's FIRST; returns the end. */
static char *finding_at(char *at, const struct inf_finding *f, int first, const char *path,
                        size_t path_len, const struct rule_members *rule,
                        const struct finding_texts *t)
{
    if (!first)
        *at++ = ',';
    at = INF_LITERAL_AT(at, "\n    {\"path\": ");
    at = inf_bytes_at(at, path, path_len);
    at = MEMBER_UINT_AT(at, "line", f->line);
    at = MEMBER_UINT_AT(at, "column", f->column);
    at = MEMBER_UINT_AT(at, "end_line", f->end_line);
    at = MEMBER_UINT_AT(at, "end_column", f->end_column);
    at = inf_bytes_at(at, rule->text, rule->len);
    at = inf_json_string_at(at, f->message, t->message);
    if (f->hint) {
        at = INF_LITERAL_AT(at, ", \"hint\": ");
        at = inf_json_string_at(at, f->hint, t->hint);
    }
    if (f->section) {
        at = INF_LITERAL_AT(at, ", \"section\": ");
        at = inf_json_string_at(at, f->section, t->section);
    }
    at = INF_LITERAL_AT(at, ", \"fingerprint\": \"");
    at = inf_bytes_at(at, f->fingerprint, strlen(f->fingerprint));
    *at++ = '"';
    if (f->fix)
        at = fix_at(at, f->fix, t->description);
    *at++ = '}';
    return at;
}

/* Writes the diagnostics of RESULT, which has some, to OUT; the first of them is the report's
 * FIRST when that is set. */
static void write_diagnostics(struct inf_buf *out, const struct inf_file_result *result, int first)
{
    struct inf_buf path = INF_BUF_INIT; /* escaped once, repeated in every diagnostic */
    inf_buf_add_json_string(&path, result->path, strlen(result->path));
    /* Room for the usual diagnostic, reserved at once: a file with thousands of findings
     * would otherwise copy its part at every doubling. (Room not written costs nothing.) */
    if (!out->sink)
        inf_buf_reserve(out, result->count * (TYPICAL_DIAGNOSTIC_BYTES + path.len));
    struct rule_members kept[RULE_MEMBERS_KEPT];
    memset(kept, 0, sizeof kept); /* (no rule: none matches) */
    size_t next_kept = 0;
    for (size_t i = 0; i < result->count; i++) {
        const struct inf_finding *f = &result->findings[i];
        const struct rule_members *rule = rule_members_of(f, kept, &next_kept);
        struct finding_texts texts;
        inf_buf_reserve(out, finding_room(f, path.len, rule->len, &texts));
        char *end =
            finding_at(out->data + out->len, f, first && i == 0, path.data, path.len, rule, &texts);
        out->len = (size_t)(end - out->data);
        *end = '\0';
    }
    for (size_t k = 0; k < RULE_MEMBERS_KEPT; k++)
        free(kept[k].text);
    inf_buf_free(&path);
}

/* A file's part: its diagnostics, each after ",\n" (write_json drops the report's first). */
static void write_json_file(struct inf_buf *out, const struct inf_file_result *result,
                            const struct inf_report_options *options)
{
    (void)options;
    if (result->count)
        write_diagnostics(out, result, 0);
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
    for (size_t r = 0; r < count; r++) {
        struct inf_text part = inf_report_part(options, r);
        if (!part.ptr) { /* not rendered ahead: written straight to OUT (its sink, if any) */
            if (results[r].count) {
                write_diagnostics(out, &results[r], first);
                first = 0;
            }
        } else if (part.len) {
            /* Every diagnostic of a part starts with ",\n": the very first drops the comma. */
            inf_buf_add(out, part.ptr + first, part.len - (size_t)first);
            first = 0;
        }
    }
    inf_buf_adds(out, first ? "],\n" : "\n  ],\n");
    inf_buf_printf(out,
                   "  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
                   "\"notes\": %zu}\n}\n",
                   summary->files, summary->errors, summary->warnings, summary->notes);
}

const struct inf_reporter inf_report_json = {"json", write_json, write_json_file};
