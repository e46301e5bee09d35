/*
 * test_config.c - exclude globs, .inflint.ini loading and errors, the JSON reader.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp (temp_files.h) */
#include "helpers.h"
#include "temp_files.h"
#include "inflint/config.h"
#include "glob_match.h"
#include "json_reader.h"

#include <stdio.h>

static void globs(void **state)
{
    (void)state;
    assert_true(inf_glob_match("build/*", "build/x.inf"));
    assert_false(inf_glob_match("build/*", "build/sub/x.inf"));
    assert_true(inf_glob_match("third_party/**", "third_party/a/b/c.inx"));
    assert_true(inf_glob_match("**/gen/*.inf", "a/b/gen/x.INF"));
    assert_true(inf_glob_match("**/gen/*.inf", "gen/x.inf"));
    assert_true(inf_glob_match("*.inx", "deep/dir/x.inx")); /* no '/': the last component */
    assert_false(inf_glob_match("*.inx", "deep/dir/x.inf"));
    assert_true(inf_glob_match("dr?/x.inf", "drv/x.inf"));
    assert_false(inf_glob_match("dr?/x.inf", "dr/x.inf"));
}

/* Writes TEXT to a temporary file and loads it as configuration. */
static int load(const char *text, struct inf_config *config, char *error, size_t size)
{
    char *path = test_temp_file("inflint-config", text);
    assert_non_null(path);
    int rc = inf_config_load(path, config, error, size);
    remove(path);
    free(path);
    return rc;
}

static void config_values(void **state)
{
    (void)state;
    struct inf_config c;
    char error[256];
    assert_int_equal(load("; comment\n[inflint]\nprofile = whql\nmin-build = 19041\n"
                          "fail-on = warning\nexclude = build/*, gen/**\nexclude = x.inf\n\n"
                          "[rules]\nISO115 = off\ncopyfiles-rename = warning\n",
                          &c, error, sizeof error),
                     0);
    assert_int_equal(c.profile, INF_PROFILE_WHQL);
    assert_int_equal(c.min_build, 19041);
    assert_int_equal(c.fail_on, INF_SEVERITY_WARNING);
    assert_int_equal(c.exclude_count, 3);
    assert_string_equal(c.exclude[1], "gen/**");
    assert_int_equal(c.severity[inf_rule_index(inf_rule_find("ISO115"))], INF_SEVERITY_OFF);
    assert_int_equal(c.severity[inf_rule_index(inf_rule_find("ISO103"))], INF_SEVERITY_WARNING);
    struct inf_lint_options o;
    inf_lint_options_init(&o);
    inf_config_apply(&c, &o);
    assert_int_equal(o.rule.profile, INF_PROFILE_WHQL);
    assert_int_equal(o.rule.min_build, 19041);
    inf_lint_options_free(&o);
    inf_config_free(&c);
}

static void config_errors_name_their_line(void **state)
{
    (void)state;
    static const struct {
        const char *text, *expected;
    } cases[] = {
        {"[inflint]\n\n\nprofile = nope\n", ":4: profile must be"},
        {"[rules]\nISO101 = warning\nISO123 = off\n", ":3: unknown rule 'ISO123'"},
        {"[inflint]\n[empty-but-unknown]\n[rules]\n", ":2: unknown section"},
        {"[inflint]\nexclude = a,\n  b\nbad key = 1\n", ":4: unknown key 'bad key'"},
        {"[inflint]\njunk\n", ":2: not a `key = value` line"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct inf_config c;
        char error[256];
        assert_int_equal(load(cases[i].text, &c, error, sizeof error), -1);
        if (!strstr(error, cases[i].expected))
            fail_msg("case %zu: '%s' lacks '%s'", i, error, cases[i].expected);
        inf_config_free(&c);
    }
}

static void json_reader(void **state)
{
    (void)state;
    struct inf_json v;
    char error[128];
    const char *text = "{\"a\": [1, 2.5, true, null, \"x\\u00e9\\n\"], \"b\": {}}";
    assert_int_equal(inf_json_parse(text, strlen(text), &v, error, sizeof error), 0);
    const struct inf_json *a = inf_json_get(&v, "a");
    assert_non_null(a);
    assert_int_equal(a->count, 5);
    assert_true(a->items[1].number == 2.5);
    assert_string_equal(a->items[4].string, "x\xc3\xa9\n");
    assert_null(inf_json_get(&v, "c"));
    inf_json_free(&v);
    static const char *const bad[] = {"{", "[1,]", "{\"a\" 1}", "\"\\q\"", "[] x", "tru"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(inf_json_parse(bad[i], strlen(bad[i]), &v, error, sizeof error), -1);
        assert_non_null(strstr(error, "line 1:"));
        inf_json_free(&v);
    }
    /* Depth is bounded. */
    struct inf_buf deep = INF_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        inf_buf_addc(&deep, '[');
    assert_int_equal(inf_json_parse(deep.data, deep.len, &v, error, sizeof error), -1);
    assert_non_null(strstr(error, "nested too deeply"));
    inf_json_free(&v);
    inf_buf_free(&deep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(globs),
        cmocka_unit_test(config_values),
        cmocka_unit_test(config_errors_name_their_line),
        cmocka_unit_test(json_reader),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
