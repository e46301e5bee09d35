/*
 * test_vectors.c - runs tokenizer conformance vectors through the model.
 *
 * usage: test_vectors FILE...   (a .vec record file or the shared .tsv table)
 * Every vector becomes one cmocka test. A FILE that does not exist is
 * reported and skipped only when it is the optional shared table (its path
 * follows "--optional").
 */
#include "inflint/inflint.h"
#include "model.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

struct vector {
    char *id, *input, *section, *key, *fields;
};

/* Decodes the escapes \n \r \t \\ \" \xHH in place; returns the length. */
static size_t unescape(char *s)
{
    size_t o = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '\\') {
            s[o++] = s[i];
            continue;
        }
        char c = s[++i];
        if (c == 'n') {
            s[o++] = '\n';
        } else if (c == 'r') {
            s[o++] = '\r';
        } else if (c == 't') {
            s[o++] = '\t';
        } else if (c == '\\' || c == '"') {
            s[o++] = c;
        } else if (c == 'x') {
            char hex[3] = {s[i + 1], s[i + 2], 0};
            s[o++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            fprintf(stderr, "bad escape \\%c\n", c);
            abort();
        }
    }
    s[o] = '\0';
    return o;
}

static char *dup(const char *s)
{
    return inf_xstrndup(s, strlen(s));
}

static struct vector *vectors;
static size_t vector_count, vector_cap;

static void add_vector(const char *id, const char *input, const char *section, const char *key,
                       const char *fields)
{
    vectors = inf_xgrow(vectors, &vector_cap, vector_count + 1, sizeof *vectors);
    struct vector *v = &vectors[vector_count++];
    v->id = dup(id);
    v->input = dup(input);
    v->section = dup(section);
    v->key = dup(key);
    v->fields = dup(fields);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Loads the shared TSV table (header row, six tab-separated columns). */
static void load_tsv(FILE *f)
{
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0' || strncmp(line, "id\t", 3) == 0)
            continue;
        char *cols[6] = {0};
        char *p = line;
        for (int c = 0; c < 6 && p; c++) {
            cols[c] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (!cols[4]) {
            fprintf(stderr, "malformed row: %s\n", line);
            abort();
        }
        add_vector(cols[0], cols[1], cols[2], cols[3], cols[4]);
    }
}

/* Loads the project's record format (NAME<TAB>VALUE lines, blank line between records). */
static void load_records(FILE *f)
{
    char line[8192];
    char *fields[5] = {0};
    static const char *names[5] = {"id", "input", "section", "key", "fields"};
    for (;;) {
        int more = fgets(line, sizeof line, f) != NULL;
        if (more)
            line[strcspn(line, "\n")] = '\0';
        if (!more || line[0] == '\0') {
            if (fields[0]) {
                for (int k = 0; k < 5; k++)
                    if (!fields[k]) {
                        fprintf(stderr, "record %s lacks %s\n", fields[0], names[k]);
                        abort();
                    }
                add_vector(fields[0], fields[1], fields[2], fields[3], fields[4]);
            }
            for (int k = 0; k < 5; k++) {
                free(fields[k]);
                fields[k] = NULL;
            }
            if (!more)
                break;
            continue;
        }
        if (line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        for (int k = 0; k < 5; k++)
            if (strcmp(line, names[k]) == 0) {
                free(fields[k]);
                fields[k] = dup(tab + 1);
            }
    }
}

/* The DIRID table of the vectors: a default installation on drive C. */
static const char *vector_dirid(void *context, long dirid)
{
    (void)context;
    switch (dirid) {
    case 0:
        return "";
    case 10:
        return "C:\\Windows";
    case 11:
        return "C:\\Windows\\System32";
    case 24:
        return "C:\\";
    default:
        return "C:\\Windows\\System32\\unknown";
    }
}

static char *substituted(const struct inf_model *m, const struct inf_token *t)
{
    static const struct inf_dirid_resolver resolver = {vector_dirid, NULL};
    struct inf_buf scratch = INF_BUF_INIT;
    struct inf_text v = inf_model_substitute(m, inf_token_raw(m, t), &scratch, &resolver, NULL);
    char *s = inf_xstrndup(v.ptr, v.len);
    inf_buf_free(&scratch);
    return s;
}

static int has_issue(const struct inf_model *m, enum inf_parse_issue_kind kind, unsigned line)
{
    for (size_t i = 0; i < m->issue_count; i++)
        if (m->issues[i].kind == kind && m->issues[i].line == line)
            return 1;
    return 0;
}

static void check_error(const struct vector *v, const struct inf_model *m)
{
    char name[64];
    unsigned line = 0;
    if (sscanf(v->fields, "<error:%63[A-Z_]@%u>", name, &line) != 2)
        fail_msg("%s: bad expectation %s", v->id, v->fields);
    /* The linter reports it as an error-level INF002 or INF003 on that line. */
    const char *code = strcmp(name, "ERROR_EXPECTED_SECTION_NAME") == 0 ? "INF002" : "INF003";
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    struct inf_file_result result;
    size_t len = strlen(v->input);
    char *input = dup(v->input);
    len = unescape(input);
    assert_int_equal(inf_lint_buffer("vector.inf", (unsigned char *)input, len, &options, &result),
                     0);
    int reported = 0;
    for (size_t i = 0; i < result.count; i++)
        reported |= strcmp(result.findings[i].rule->code, code) == 0 &&
                    result.findings[i].line == line &&
                    result.findings[i].severity == INF_SEVERITY_ERROR;
    inf_file_result_free(&result);
    inf_lint_options_free(&options);
    if (!reported)
        fail_msg("%s: no error %s at line %u", v->id, code, line);
    if (strcmp(name, "ERROR_EXPECTED_SECTION_NAME") == 0) {
        assert_true(has_issue(m, INF_ISSUE_TEXT_BEFORE_SECTION, line));
        /* It is an error (the file is refused) only without a [Strings] section. */
        assert_int_equal(inf_model_find_section(m, "Strings", 7), INF_NO_INDEX);
    } else if (strcmp(name, "ERROR_BAD_SECTION_NAME_LINE") == 0) {
        assert_true(has_issue(m, INF_ISSUE_UNTERMINATED_HEADER, line));
    } else if (strcmp(name, "ERROR_SECTION_NAME_TOO_LONG") == 0) {
        assert_true(has_issue(m, INF_ISSUE_SECTION_NAME_TOO_LONG, line));
    } else {
        fail_msg("%s: unknown error %s", v->id, name);
    }
}

static void run_vector(void **state)
{
    const struct vector *v = *state;
    char *input = dup(v->input);
    size_t len = unescape(input);
    struct inf_model m;
    assert_int_equal(inf_model_parse(&m, "vector.inf", (unsigned char *)input, len), 0);

    if (strncmp(v->fields, "<error:", 7) == 0) {
        check_error(v, &m);
    } else if (strcmp(v->fields, "<no-section>") == 0) {
        assert_int_equal(m.section_count, 0);
    } else {
        char *section = dup(strcmp(v->section, "<empty>") == 0 ? "" : v->section);
        size_t section_len = unescape(section);
        uint32_t s = inf_model_find_section(&m, section, section_len);
        if (s == INF_NO_INDEX)
            fail_msg("%s: section '%s' not found", v->id, section);
        free(section);
        if (strcmp(v->fields, "<no-line>") == 0) {
            assert_int_equal(m.sections[s].line_count, 0);
        } else if (strcmp(v->fields, "<any>") != 0) {
            struct inf_line_iter it;
            inf_line_iter_init(&it, &m, s);
            const struct inf_line *line = inf_line_iter_next(&it);
            assert_non_null(line);
            const struct inf_token *key = inf_line_key(&m, line);
            if (strcmp(v->key, "<none>") == 0) {
                assert_null(key);
            } else {
                assert_non_null(key);
                char *expected = dup(strcmp(v->key, "<empty>") == 0 ? "" : v->key);
                unescape(expected);
                char *actual = substituted(&m, key);
                assert_string_equal(actual, expected);
                free(actual);
                free(expected);
            }
            char *expected = dup(v->fields);
            size_t index = 0;
            for (char *piece = expected;; index++) {
                char *bar = strchr(piece, '|');
                if (bar)
                    *bar = '\0';
                char *want = dup(strcmp(piece, "<empty>") == 0 ? "" : piece);
                unescape(want);
                const struct inf_token *field = inf_line_field(&m, line, index);
                if (!field)
                    fail_msg("%s: field %zu missing", v->id, index + 1);
                char *actual = substituted(&m, field);
                assert_string_equal(actual, want);
                free(actual);
                free(want);
                if (!bar)
                    break;
                piece = bar + 1;
            }
            assert_int_equal(line->field_count, index + 1);
            free(expected);
        }
    }
    inf_model_free(&m);
}

int main(int argc, char **argv)
{
    int optional = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--optional") == 0) {
            optional = 1;
            continue;
        }
        FILE *f = fopen(argv[i], "r");
        if (!f) {
            if (optional) {
                printf("note: %s not found (no ../shared beside the project); "
                       "its vectors were not run\n",
                       argv[i]);
                optional = 0;
                continue;
            }
            fprintf(stderr, "cannot open %s\n", argv[i]);
            return 1;
        }
        if (ends_with(argv[i], ".tsv"))
            load_tsv(f);
        else
            load_records(f);
        fclose(f);
        optional = 0;
    }
    struct CMUnitTest *tests = inf_xcalloc(vector_count, sizeof *tests);
    for (size_t i = 0; i < vector_count; i++) {
        tests[i].name = vectors[i].id;
        tests[i].test_func = run_vector;
        tests[i].initial_state = &vectors[i];
    }
    int failed = _cmocka_run_group_tests("tokenizer-vectors", tests, vector_count, NULL, NULL);
    for (size_t i = 0; i < vector_count; i++) {
        free(vectors[i].id);
        free(vectors[i].input);
        free(vectors[i].section);
        free(vectors[i].key);
        free(vectors[i].fields);
    }
    free(vectors);
    free(tests);
    return failed ? 1 : 0;
}
