/*
 * test_c_lexer.c - the C/C++ tokenizer of the source scan: every literal
 * kind and its decoded value, comments and inflint: directives with their
 * lines, #define and #if 0, positions, and input that is not C at all.
 */
#include "helpers.h"
#include "c_lexer.h"
#include "source.h"

#include <string.h>

/* Lexes TEXT into OUT (SOURCE keeps the text and its lines). */
static void lex(const char *text, struct inf_source *source, struct c_lexed *out)
{
    size_t len = strlen(text);
    unsigned char *bytes = inf_xmalloc(len + 1);
    memcpy(bytes, text, len + 1);
    struct inf_input input = {bytes, len, 0, 0};
    assert_int_equal(inf_source_decode_source_input(source, input), 0);
    inf_source_map_lines(source);
    c_lex(source->text, source->len, source, out);
}

static void done(struct inf_source *source, struct c_lexed *lexed)
{
    c_lexed_free(lexed);
    inf_source_free(source);
}

/* The decoded value of the Nth string token. */
static const char *string_value(const struct c_lexed *l, size_t n)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->tokens[i].kind == C_TOKEN_STRING && n-- == 0)
            return l->pool.data + l->tokens[i].value;
    fail_msg("no string %zu", n);
    return NULL;
}

static size_t count_kind(const struct c_lexed *l, enum c_token_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++)
        n += l->tokens[i].kind == kind;
    return n;
}

static void every_literal_kind(void **state)
{
    (void)state;
    struct inf_source s;
    struct c_lexed l;
    lex("a = \"plain\\\\path\"; b = L\"\\\\Registry\\\\Machine\"; c = u8\"utf8\"; d = u\"u16\";\n"
        "e = U\"u32\"; f = R\"x(raw \\n \" )x\"; g = LR\"(wide raw\\)\"; h = '\\''; i = L'x';\n"
        "j = \"tab\\there\\x41\\101\\u00e9\";",
        &s, &l);
    assert_int_equal(count_kind(&l, C_TOKEN_STRING), 8);
    assert_int_equal(count_kind(&l, C_TOKEN_CHAR), 2);
    assert_string_equal(string_value(&l, 0), "plain\\path");
    assert_string_equal(string_value(&l, 1), "\\Registry\\Machine");
    assert_string_equal(string_value(&l, 2), "utf8");
    assert_string_equal(string_value(&l, 3), "u16");
    assert_string_equal(string_value(&l, 4), "u32");
    assert_string_equal(string_value(&l, 5), "raw \\n \" "); /* raw: nothing decoded */
    assert_string_equal(string_value(&l, 6), "wide raw\\");
    assert_string_equal(string_value(&l, 7), "tab\there"
                                             "AA\xc3\xa9");
    done(&s, &l);
}

static void comments_hide_code_and_carry_directives(void **state)
{
    (void)state;
    struct inf_source s;
    struct c_lexed l;
    lex("int a; // ZwOpenKey(\"x\") inflint: disable=SRC101\n"
        "/* ZwOpenKey(\"y\")\n   still a comment */ int b;\n"
        "  /* inflint: disable-file=SRC104 */\n"
        "x = \"// not a comment\"; /* unterminated",
        &s, &l);
    assert_int_equal(count_kind(&l, C_TOKEN_STRING), 1);
    assert_string_equal(string_value(&l, 0), "// not a comment");
    for (size_t i = 0; i < l.count; i++) /* no ZwOpenKey token: it was in comments */
        assert_false(l.tokens[i].kind == C_TOKEN_IDENT &&
                     memcmp(s.text + l.tokens[i].start, "ZwOpenKey", 9) == 0);
    assert_int_equal(l.comment_count, 2);
    assert_int_equal(l.comments[0].line, 1);
    assert_false(l.comments[0].alone);
    assert_int_equal(l.comments[1].line, 4);
    assert_true(l.comments[1].alone);
    /* A comment's text starts one byte after its offset, as an INF comment's does. */
    assert_memory_equal(s.text + l.comments[1].offset + 1, " inflint:", 9);
    done(&s, &l);
}

static void defines_and_if_zero(void **state)
{
    (void)state;
    struct inf_source s;
    struct c_lexed l;
    lex("#define KEY L\"\\\\Registry\\\\\" \\\n   L\"Machine\"\n"
        "#define ALIAS KEY\n#define CALL(x) x\n#define NUMBER 3\n"
        "#if 0\nZwOpenKey(dead);\n#if 1\nnested();\n#endif\nstill_dead();\n#else\nlive();\n#endif\n"
        "#ifdef X\nbranch_one();\n#else\nbranch_two();\n#endif\n",
        &s, &l);
    const struct c_macro *key = c_find_macro(&l, s.text, "KEY", 3);
    assert_non_null(key);
    assert_true(key->is_literal);
    assert_string_equal(l.pool.data + key->value, "\\Registry\\Machine");
    const struct c_macro *alias = c_find_macro(&l, s.text, "ALIAS", 5);
    assert_non_null(alias);
    assert_false(alias->is_literal);
    assert_memory_equal(s.text + alias->alias, "KEY", 3);
    assert_null(c_find_macro(&l, s.text, "CALL", 4));   /* function-like */
    assert_null(c_find_macro(&l, s.text, "NUMBER", 6)); /* not a literal or a name */
    const char *words[] = {"live", "branch_one", "branch_two"};
    size_t found = 0;
    for (size_t i = 0; i < l.count; i++) {
        const struct c_token *t = &l.tokens[i];
        if (t->kind != C_TOKEN_IDENT)
            continue;
        size_t n = t->end - t->start;
        assert_false(n == 9 && memcmp(s.text + t->start, "ZwOpenKey", 9) == 0);
        assert_false(n == 6 && memcmp(s.text + t->start, "nested", 6) == 0);
        assert_false(n == 10 && memcmp(s.text + t->start, "still_dead", 10) == 0);
        for (size_t k = 0; k < 3; k++)
            found += n == strlen(words[k]) && memcmp(s.text + t->start, words[k], n) == 0;
    }
    assert_int_equal(found, 3); /* the #else of #if 0, and both branches of #ifdef */
    done(&s, &l);
}

static void positions_and_continued_lines(void **state)
{
    (void)state;
    struct inf_source s;
    struct c_lexed l;
    lex("\xef\xbb\xbfint\r\n  caf\xc3\xa9 = ZwOpen\\\nKey(x);\n", &s, &l);
    /* "café" is one identifier; the backslash-newline keeps "ZwOpen\<nl>Key" one token. */
    assert_int_equal(l.tokens[1].kind, C_TOKEN_IDENT);
    uint32_t line, column;
    inf_source_position(&s, l.tokens[1].start, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 3);
    assert_int_equal(l.tokens[3].end - l.tokens[3].start, strlen("ZwOpen\\\nKey"));
    inf_source_position(&s, l.tokens[3].start, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 10); /* columns count characters: é is one */
    done(&s, &l);
}

static void anything_lexes_without_harm(void **state)
{
    (void)state;
    /* Unterminated literals of every kind, stray backslashes and quotes, binary junk. */
    static const char *const inputs[] = {
        "\"unterminated\nnext_line();",
        "'x",
        "R\"delim(never closed",
        "L\"\\",
        "#define",
        "#if 0",
        "#if 0\n#else",
        "/*",
        "//\\",
        "\\",
        "#define X \"a\" \\",
        "u8R\"(x)",
        "R\"0123456789abcdefghij(too long a delimiter)0123456789abcdefghij\"",
        "#",
        "##if 0"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        struct inf_source s;
        struct c_lexed l;
        lex(inputs[i], &s, &l);
        for (size_t k = 0; k < l.count; k++) {
            assert_true(l.tokens[k].start <= l.tokens[k].end);
            assert_true(l.tokens[k].end <= s.len);
        }
        done(&s, &l);
    }
    unsigned char junk[4096];
    uint32_t seed = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof junk; i++) {
            seed = seed * 1103515245u + 12345u;
            junk[i] = (unsigned char)(seed >> 16);
        }
        unsigned char *bytes = inf_xmalloc(sizeof junk + 1);
        memcpy(bytes, junk, sizeof junk);
        struct inf_input input = {bytes, sizeof junk, 0, 0};
        struct inf_source s;
        struct c_lexed l;
        assert_int_equal(inf_source_decode_source_input(&s, input), 0);
        inf_source_map_lines(&s);
        c_lex(s.text, s.len, &s, &l);
        for (size_t k = 0; k < l.count; k++)
            assert_true(l.tokens[k].end <= s.len);
        done(&s, &l);
    }
}

static void source_names(void **state)
{
    (void)state;
    assert_true(c_is_source_name("driver.c"));
    assert_true(c_is_source_name("DRIVER.CPP"));
    assert_true(c_is_source_name("a/b/x.hxx"));
    assert_true(c_is_source_name("y.cc"));
    assert_false(c_is_source_name("x.inf"));
    assert_false(c_is_source_name("x.cs"));
    assert_false(c_is_source_name("c"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_literal_kind),
        cmocka_unit_test(comments_hide_code_and_carry_directives),
        cmocka_unit_test(defines_and_if_zero),
        cmocka_unit_test(positions_and_continued_lines),
        cmocka_unit_test(anything_lexes_without_harm),
        cmocka_unit_test(source_names),
    };
    return cmocka_run_group_tests_name("c_lexer", tests, NULL, NULL);
}
