/*
 * test_infverif_switches.c - InfVerif switches as projects and build
 * scripts pass them, and what they turn into for the lint.
 */
#include "helpers.h"
#include "infverif_switches.h"
#include "inflint/rule.h"

#include <string.h>

struct warnings {
    char text[8][200];
    int count;
};

static void collect(void *context, const char *why)
{
    struct warnings *w = context;
    if (w->count < 8)
        snprintf(w->text[w->count++], sizeof w->text[0], "%s", why);
}

static void modes_codes_and_builds(void **state)
{
    (void)state;
    struct inf_infverif_switches s;
    struct warnings w = {0};
    int n = inf_infverif_switches_parse(" /u  -SW2083 /sw1284\t/wbuild 10.0.22000 /h /v /l out.htm",
                                        &s, collect, &w);
    assert_int_equal(n, 0);
    assert_true(s.has_profile);
    assert_int_equal(s.profile, INF_PROFILE_WHQL); /* the last mode counts */
    assert_true(inf_infverif_silenced(&s, 2083));
    assert_true(inf_infverif_silenced(&s, 1284));
    assert_false(inf_infverif_silenced(&s, 1285));
    assert_true(s.has_wbuild);
    assert_int_equal(s.wbuild, 22000);
    assert_false(s.stampinf);
    inf_infverif_switches_parse("/samples /stampinf /W", &s, collect, &w);
    for (size_t i = 0; i < 5; i++)
        assert_true(inf_infverif_silenced(&s, inf_infverif_samples_codes[i]));
    assert_int_equal(s.silenced_count, 5);
    assert_true(s.stampinf);
    assert_int_equal(s.profile, INF_PROFILE_ISOLATION);
    assert_int_equal(w.count, 0);
}

static void unknown_switches_are_named(void **state)
{
    (void)state;
    struct inf_infverif_switches s;
    struct warnings w = {0};
    int n = inf_infverif_switches_parse("/frob samples /k /wbuild nine /sw", &s, collect, &w);
    assert_int_equal(n, 5);
    assert_non_null(strstr(w.text[0], "'/frob'"));
    assert_non_null(strstr(w.text[1], "'samples' is not an InfVerif switch"));
    assert_non_null(strstr(w.text[2], "'/k'"));
    assert_non_null(strstr(w.text[3], "'/wbuild' needs a build"));
    assert_non_null(strstr(w.text[4], "'/sw'"));
    assert_false(s.has_profile);
    assert_false(s.has_wbuild);
    assert_int_equal(inf_infverif_switches_parse(NULL, &s, collect, &w), 0);
}

static void silenced_codes_turn_their_rules_off(void **state)
{
    (void)state;
    struct inf_infverif_switches s;
    inf_infverif_switches_parse("/sw1284 /u /wbuild 10.0.19041", &s, NULL, NULL);
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    inf_infverif_switches_apply(&s, &options);
    assert_int_equal(options.rule.profile, INF_PROFILE_UNIVERSAL);
    assert_int_equal(options.rule.min_build, 19041);
    size_t inf020 = inf_rule_index(inf_rule_find("INF020")); /* 1284 */
    size_t iso101 = inf_rule_index(inf_rule_find("ISO101"));
    assert_int_equal(options.severity[inf020], INF_SEVERITY_OFF);
    assert_int_equal((signed char)options.severity[iso101], -1);
    inf_lint_options_free(&options);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(modes_codes_and_builds),
        cmocka_unit_test(unknown_switches_are_named),
        cmocka_unit_test(silenced_codes_turn_their_rules_off),
    };
    return cmocka_run_group_tests_name("infverif_switches", tests, NULL, NULL);
}
