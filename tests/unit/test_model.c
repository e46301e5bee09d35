/*
 * test_model.c - merged sections, the strings table, substitution, the dump.
 */
#include "helpers.h"

static void sections_merge_case_insensitively_in_file_order(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[Models]\na=1\n[Other]\n[MODELS]\nb=2\n[models]\nc=3\n");
    assert_int_equal(m.section_count, 2);
    uint32_t s = inf_model_find_section(&m, "mOdElS", 6);
    assert_int_equal(m.sections[s].run_count, 3);
    assert_int_equal(m.runs[m.sections[s].first_run].header_line, 1);
    struct inf_line_iter it;
    inf_line_iter_init(&it, &m, s);
    const char *expected[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++)
        assert_raw(&m, inf_line_key(&m, inf_line_iter_next(&it)), expected[i]);
    assert_null(inf_line_iter_next(&it));
    inf_model_free(&m);
}

static void substitution_is_lazy_and_never_resplits(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nk=%list%,%13%\\x.sys,%missing%,%%,50%%,%unclosed\n"
                   "[Strings]\nlist=\"a,b;c\"\n");
    const struct inf_line *line = first_line(&m, "S");
    assert_int_equal(line->field_count, 6);
    assert_raw(&m, inf_line_field(&m, line, 0), "%list%");
    assert_value(&m, inf_line_field(&m, line, 0), "a,b;c");
    assert_value(&m, inf_line_field(&m, line, 1), "%13%\\x.sys");
    assert_value(&m, inf_line_field(&m, line, 2), "%missing%");
    assert_value(&m, inf_line_field(&m, line, 3), "%");
    assert_value(&m, inf_line_field(&m, line, 4), "50%");
    assert_value(&m, inf_line_field(&m, line, 5), "%unclosed");
    struct inf_buf scratch = INF_BUF_INIT;
    unsigned flags = 0;
    inf_token_value(&m, inf_line_field(&m, line, 2), &scratch, &flags);
    assert_int_equal(flags, INF_SUBST_UNKNOWN);
    flags = 0;
    inf_token_value(&m, inf_line_field(&m, line, 1), &scratch, &flags);
    assert_int_equal(flags, INF_SUBST_DIRID);
    flags = 0;
    inf_token_value(&m, inf_line_field(&m, line, 5), &scratch, &flags);
    assert_int_equal(flags, INF_SUBST_UNCLOSED);
    inf_buf_free(&scratch);
    inf_model_free(&m);
}

static void strings_keys_match_case_insensitively_first_wins(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nk=%VENDOR%\n[Strings]\nvendor=Acme\nVendor=Other\n");
    assert_value(&m, inf_line_field(&m, first_line(&m, "S"), 0), "Acme");
    assert_true(inf_model_is_strings_section(&m, inf_model_find_section(&m, "strings", 7)));
    inf_model_free(&m);
}

static void localized_strings_table_is_used_without_undecorated(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nk=%v%\n[Strings.0409]\nv=English\n");
    assert_value(&m, inf_line_field(&m, first_line(&m, "S"), 0), "English");
    inf_model_free(&m);
}

/* %13% is DIRID 13 unless [Strings] has a key "13": the string wins, in every text. */
static void a_numeric_string_key_wins_over_the_dirid(void **state)
{
    (void)state;
    const char *texts[] = {"[S]\nk=%13%\\a.sys\n[Strings]\nx=1\n",
                           "[S]\nk=%13%\\a.sys\n[Strings]\n13=store\n"};
    for (int i = 0; i < 2; i++) {
        struct inf_model m;
        parse_text(&m, texts[i]);
        const struct inf_line *line = first_line(&m, "S");
        struct inf_text raw = inf_token_raw(&m, inf_line_field(&m, line, 0));
        size_t pos = 0;
        struct inf_percent_ref ref;
        assert_true(inf_model_next_percent(&m, raw, &pos, &ref));
        if (i == 0) {
            assert_int_equal(ref.kind, INF_PERCENT_DIRID);
            assert_int_equal(ref.dirid, 13);
        } else {
            assert_int_equal(ref.kind, INF_PERCENT_STRING);
            assert_value(&m, inf_line_field(&m, line, 0), "store\\a.sys");
        }
        assert_false(inf_model_next_percent(&m, raw, &pos, &ref));
        inf_model_free(&m);
    }
}

/* A token made by hand-packing reads back every field as given (the bit fields' layout). */
static void tokens_are_packed_as_their_fields_read(void **state)
{
    (void)state;
    assert_int_equal(sizeof(struct inf_token), 8);
    const uint32_t lens[] = {0, 1, 77, INF_MAX_TOKEN_BYTES};
    for (unsigned bits = 0; bits < 64; bits++)
        for (size_t l = 0; l < sizeof lens / sizeof lens[0]; l++) {
            struct inf_token t =
                inf_token_make(0xDEADBEEFu - bits, lens[l], bits & 1, bits >> 1 & 1, bits >> 2 & 1,
                               bits >> 3 & 1, bits >> 4 & 1, bits >> 5 & 1);
            assert_int_equal(t.at, 0xDEADBEEFu - bits);
            assert_int_equal(t.len, lens[l]);
            assert_int_equal(t.quoted, bits & 1);
            assert_int_equal(t.pooled, bits >> 1 & 1);
            assert_int_equal(t.percent, bits >> 2 & 1);
            assert_int_equal(t.dollar, bits >> 3 & 1);
            assert_int_equal(t.opens_quote, bits >> 4 & 1);
            assert_int_equal(t.closes_quote, bits >> 5 & 1);
        }
}

static void many_distinct_sections_are_all_found(void **state)
{
    (void)state;
    struct inf_buf text = INF_BUF_INIT;
    for (int i = 0; i < 5000; i++)
        inf_buf_printf(&text, "[Section_%d]\nk=%d\n", i, i);
    struct inf_model m;
    parse_text(&m, text.data);
    assert_int_equal(m.section_count, 5000);
    for (int i = 0; i < 5000; i += 7) {
        char name[32];
        int n = snprintf(name, sizeof name, "SECTION_%d", i);
        uint32_t s = inf_model_find_section(&m, name, (size_t)n);
        assert_int_equal(s, (uint32_t)i);
    }
    inf_model_free(&m);
    inf_buf_free(&text);
}

static void dump_model_matches_the_contract(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[Version]\nSignature=\"$Windows NT$\"\n[Files]\nacme.sys\n"
                   "[Version]\nProvider=%Co%\n[Strings]\nCo=\"Acme %x%\"\n");
    struct inf_buf out = INF_BUF_INIT;
    inf_dump_model(&out, &m, NULL);
    assert_string_equal(out.data,
                        "{\"path\":\"test.inf\",\"encoding\":\"ansi\",\"sections\":["
                        "{\"name\":\"Version\",\"line\":1,\"header_lines\":[1,5],\"lines\":["
                        "{\"line\":2,\"key\":\"Signature\",\"key_value\":\"Signature\","
                        "\"fields\":[\"$Windows NT$\"],\"values\":[\"$Windows NT$\"]},"
                        "{\"line\":6,\"key\":\"Provider\",\"key_value\":\"Provider\","
                        "\"fields\":[\"%Co%\"],\"values\":[\"Acme %x%\"]}]},"
                        "{\"name\":\"Files\",\"line\":3,\"header_lines\":[3],\"lines\":["
                        "{\"line\":4,\"key\":\"acme.sys\",\"key_value\":\"acme.sys\","
                        "\"fields\":[\"acme.sys\"],\"values\":[\"acme.sys\"]}]},"
                        "{\"name\":\"Strings\",\"line\":7,\"header_lines\":[7],\"lines\":["
                        "{\"line\":8,\"key\":\"Co\",\"key_value\":\"Co\","
                        "\"fields\":[\"Acme %x%\"],\"values\":[\"Acme %x%\"]}]}]}");
    inf_buf_free(&out);
    inf_model_free(&m);
}

static void dump_escapes_control_characters(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nk=\"a\\\"b\"\x01\n");
    struct inf_buf out = INF_BUF_INIT;
    inf_dump_model(&out, &m, NULL);
    assert_non_null(strstr(out.data, "\"fields\":[\"a\\\\b\\u0001\"]"));
    inf_buf_free(&out);
    inf_model_free(&m);
}

/* Names match ignoring ASCII case only, byte by byte and eight at a time, and equal names hash
 * alike. */
static void names_fold_ascii_case_only(void **state)
{
    (void)state;
    for (size_t len = 1; len <= 16; len++) /* every split into eight-byte blocks and a tail */
        for (int x = 0; x < 256; x++)
            for (int y = 0; y < 256; y += len < 8 ? 1 : 7) {
                int lx = x >= 'A' && x <= 'Z' ? x + 32 : x;
                int ly = y >= 'A' && y <= 'Z' ? y + 32 : y;
                char a[16] = "Section_NameXyzW", b[16] = "sECTION_nAMExYZw";
                a[0] = (char)x, b[0] = (char)y;             /* first byte */
                a[len - 1] = (char)y, b[len - 1] = (char)x; /* last byte (the same when len 1) */
                int equal = inf_text_equal_nocase2(a, len, b, len);
                assert_int_equal(equal, lx == ly);
                if (equal)
                    assert_int_equal(inf_hash_nocase(a, len), inf_hash_nocase(b, len));
            }
    assert_false(inf_text_equal_nocase2("abc", 3, "abcd", 4));
    assert_true(inf_text_equal_nocase2("", 0, "", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_fold_ascii_case_only),
        cmocka_unit_test(sections_merge_case_insensitively_in_file_order),
        cmocka_unit_test(substitution_is_lazy_and_never_resplits),
        cmocka_unit_test(strings_keys_match_case_insensitively_first_wins),
        cmocka_unit_test(localized_strings_table_is_used_without_undecorated),
        cmocka_unit_test(a_numeric_string_key_wins_over_the_dirid),
        cmocka_unit_test(tokens_are_packed_as_their_fields_read),
        cmocka_unit_test(many_distinct_sections_are_all_found),
        cmocka_unit_test(dump_model_matches_the_contract),
        cmocka_unit_test(dump_escapes_control_characters),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
