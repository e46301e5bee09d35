/*
 * helpers.h - shared test helpers: parse a string into a model, read fields.
 */
#ifndef INFLINT_TEST_HELPERS_H
#define INFLINT_TEST_HELPERS_H

#include "inflint/inflint.h"
#include "inflint/profile.h"
#include "dump.h"
#include "engine_check.h"
#include "graph.h"
#include "model.h"
#include "os.h"
#include "source.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Parses LEN bytes of TEXT (copied) as file NAME into M. */
static inline void parse_bytes(struct inf_model *m, const char *name, const void *text, size_t len)
{
    unsigned char *bytes = inf_xmalloc(len + 1);
    memcpy(bytes, text, len);
    assert_int_equal(inf_model_parse(m, name, bytes, len), 0);
}

static inline void parse_text(struct inf_model *m, const char *text)
{
    parse_bytes(m, "test.inf", text, strlen(text));
}

/* The first line of SECTION (fails the test when there is none). */
static inline const struct inf_line *first_line(const struct inf_model *m, const char *section)
{
    uint32_t s = inf_model_find_section(m, section, strlen(section));
    assert_int_not_equal(s, INF_NO_INDEX);
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, s);
    const struct inf_line *line = inf_line_iter_next(&it);
    assert_non_null(line);
    return line;
}

/* Asserts that TOKEN's raw text equals EXPECTED. */
static inline void assert_raw(const struct inf_model *m, const struct inf_token *token,
                              const char *expected)
{
    assert_non_null(token);
    struct inf_text t = inf_token_raw(m, token);
    char *copy = inf_xstrndup(t.ptr, t.len);
    assert_string_equal(copy, expected);
    free(copy);
}

/* Asserts that TOKEN's substituted text (DIRIDs kept) equals EXPECTED. */
static inline void assert_value(const struct inf_model *m, const struct inf_token *token,
                                const char *expected)
{
    struct inf_buf scratch = INF_BUF_INIT;
    struct inf_text t = inf_token_value(m, token, &scratch, NULL);
    char *copy = inf_xstrndup(t.ptr, t.len);
    assert_string_equal(copy, expected);
    free(copy);
    inf_buf_free(&scratch);
}

static inline size_t count_issues(const struct inf_model *m, enum inf_parse_issue_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < m->issue_count; i++)
        n += m->issues[i].kind == kind;
    return n;
}

#endif

/* Lints TEXT as file NAME with default options; free with inf_file_result_free. */
static inline void lint_named(struct inf_file_result *r, const char *name, const char *text)
{
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    size_t len = strlen(text);
    unsigned char *bytes = inf_xmalloc(len + 1);
    memcpy(bytes, text, len);
    assert_int_equal(inf_lint_buffer(name, bytes, len, &options, r), 0);
    inf_lint_options_free(&options);
}

/* Number of findings of rule CODE in R. */
static inline size_t count_code(const struct inf_file_result *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += strcmp(r->findings[i].rule->code, code) == 0;
    return n;
}

/* The first finding of CODE (fails when there is none). */
static inline const struct inf_finding *finding_of(const struct inf_file_result *r,
                                                   const char *code)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->findings[i].rule->code, code) == 0)
            return &r->findings[i];
    fail_msg("no %s finding", code);
    return NULL;
}
