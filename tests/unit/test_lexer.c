/*
 * test_lexer.c - tokenizer behaviour beyond the conformance vectors:
 * positions, quoted flags, comments, parse issues.
 */
#include "helpers.h"
#include "lexer.h"

static void positions_of_keys_and_fields(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\n  key = \"a b\" , c\n");
    const struct inf_line *line = first_line(&m, "S");
    assert_int_equal(line->line, 2);
    const struct inf_token *key = inf_line_key(&m, line);
    uint32_t l, c;
    inf_source_position(&m.source, inf_token_offset(&m, key), &l, &c);
    assert_int_equal(c, 3);
    inf_source_position(&m.source, inf_token_end(&m, key), &l, &c);
    assert_int_equal(c, 6);
    const struct inf_token *f0 = inf_line_field(&m, line, 0);
    assert_raw(&m, f0, "a b");
    assert_true(f0->quoted);
    inf_source_position(&m.source, inf_token_offset(&m, f0), &l, &c);
    assert_int_equal(c, 9); /* the opening quote */
    inf_source_position(&m.source, inf_token_end(&m, f0), &l, &c);
    assert_int_equal(c, 14); /* just past the closing quote */
    assert_false(inf_line_field(&m, line, 1)->quoted);
    inf_model_free(&m);
}

/* Extents of tokens kept in the pool and of slices with and without quotes. */
static void extents_of_every_kind_of_token(void **state)
{
    (void)state;
    struct inf_model m;
    /* 0-3 "[S]\n"; line 2 starts at 4. */
    parse_text(&m, "[S]\nab\"c,d\"e , \"xy\" ,\"open\n");
    const struct inf_line *line = first_line(&m, "S");
    const struct inf_token *mixed = inf_line_field(&m, line, 0);
    assert_raw(&m, mixed, "abc,de");
    assert_true(mixed->pooled);
    assert_int_equal(inf_token_offset(&m, mixed), 4);
    assert_int_equal(inf_token_end(&m, mixed), 12);
    const struct inf_token *quoted = inf_line_field(&m, line, 1);
    assert_raw(&m, quoted, "xy");
    assert_false(quoted->pooled);
    assert_int_equal(inf_token_offset(&m, quoted), 15);
    assert_int_equal(inf_token_end(&m, quoted), 19);
    const struct inf_token *open = inf_line_field(&m, line, 2);
    assert_raw(&m, open, "open");
    assert_int_equal(inf_token_offset(&m, open), 21);
    assert_int_equal(inf_token_end(&m, open), 26); /* no closing quote */
    inf_model_free(&m);
    parse_text(&m, "[S]\nlong\\\n   er , x\n");
    line = first_line(&m, "S");
    const struct inf_token *joined = inf_line_field(&m, line, 0);
    assert_raw(&m, joined, "longer");
    assert_true(joined->pooled);
    assert_int_equal(inf_token_offset(&m, joined), 4);
    assert_int_equal(inf_token_end(&m, joined), 15);
    inf_model_free(&m);
}

static void continued_entry_starts_on_its_first_line(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\n\nCopyFiles = A,\\\n   B\nnext=1\n");
    const struct inf_line *line = first_line(&m, "S");
    assert_int_equal(line->line, 3);
    assert_int_equal(line->field_count, 2);
    assert_raw(&m, inf_line_field(&m, line, 1), "B");
    assert_int_equal(m.line_count, 2);
    assert_int_equal(m.lines[1].line, 5);
    inf_model_free(&m);
}

static void directive_comments_are_recorded_with_their_lines(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "; top\n[S] ; inflint: disable-file=ISO102\na=b ; inflint: disable=ISO101\n"
                   "  ;\t inflint: disable=ISO103\n; not inflint: x\n;inflint\n");
    assert_int_equal(m.comment_count, 3); /* comments without a directive are not kept */
    assert_int_equal(m.comments[1].line, 3);
    assert_false(m.comments[1].alone);
    assert_true(m.comments[2].alone);
    assert_memory_equal(m.source.text + m.comments[1].offset, "; inflint: disable=ISO101", 25);
    inf_model_free(&m);
}

static void unterminated_quote_is_an_issue(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nab=cd\",ef\nx=\"ok\"\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_UNTERMINATED_QUOTE), 1);
    assert_int_equal(m.issues[0].line, 2);
    assert_raw(&m, inf_line_field(&m, first_line(&m, "S"), 0), "cd,ef");
    inf_model_free(&m);
}

static void continuation_swallowing_a_key_is_suspicious(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nHKR,,Dir,,C:\\Data\\\nNext = 1\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_SUSPICIOUS_CONTINUATION), 1);
    assert_int_equal(m.line_count, 1);
    inf_model_free(&m);
    /* The documented continuation styles are not suspicious. */
    parse_text(&m, "[S]\nCopyFiles = A,\\\n B\nba\\\ncd=ef\nX = \"Dir\\\"\\\n,File\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_SUSPICIOUS_CONTINUATION), 0);
    inf_model_free(&m);
    /* Names longer than the scanner's blocks: the '=' or the ',' after them still decides. */
    parse_text(&m, "[S]\nHKR,,Dir,,C:\\Data\\\nAKeyNameLongerThanTwoBlocksOfSixteenBytes = 1\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_SUSPICIOUS_CONTINUATION), 1);
    inf_model_free(&m);
    parse_text(&m, "[S]\nCopyFiles = A,\\\n AFileNameLongerThanTwoBlocksOfSixteenBytes.sys, "
                   "B\nX = A,\\\n AFieldNameLongerThanTwoBlocksOfSixteen\"=\"\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_SUSPICIOUS_CONTINUATION), 0);
    inf_model_free(&m);
    /* A header on the continued line is swallowed too. */
    parse_text(&m, "[S]\na=b\\\n[T]\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_SUSPICIOUS_CONTINUATION), 1);
    assert_int_equal(inf_model_find_section(&m, "T", 1), INF_NO_INDEX);
    inf_model_free(&m);
}

static void bad_header_is_reported_and_parsing_goes_on(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[A]\nx=1\n[broken\ny=2\n[B]\nz=3\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_UNTERMINATED_HEADER), 1);
    assert_int_equal(m.issues[0].line, 3);
    /* y=2 belongs to the broken section, which is not read: not to [A]. [B] is still found. */
    assert_int_equal(m.sections[inf_model_find_section(&m, "A", 1)].line_count, 1);
    assert_int_not_equal(inf_model_find_section(&m, "B", 1), INF_NO_INDEX);
    inf_model_free(&m);
}

static void field_over_4096_characters_is_an_issue(void **state)
{
    (void)state;
    struct inf_model m;
    char *text = inf_xmalloc(14000);
    strcpy(text, "[S]\nk=");
    memset(text + 6, 'a', 4097);
    strcpy(text + 6 + 4097, "\nj=");
    memset(text + 6 + 4097 + 3, 'b', 4096);
    /* and a quoted one, on a line that is not the last (the plain-line path reads it) */
    size_t at = 6 + 4097 + 3 + 4096;
    strcpy(text + at, "\nq=\"");
    memset(text + at + 4, 'c', 4097);
    strcpy(text + at + 4 + 4097, "\",x\nlast=line of filler, long enough\n");
    parse_text(&m, text);
    assert_int_equal(count_issues(&m, INF_ISSUE_FIELD_TOO_LONG), 2);
    assert_int_equal(m.issues[0].line, 2);
    assert_int_equal(m.issues[1].line, 4);
    inf_model_free(&m);
    free(text);
}

static void text_before_first_section_is_reported_once(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "/* banner\n   more */\n[Version]\n");
    assert_int_equal(count_issues(&m, INF_ISSUE_TEXT_BEFORE_SECTION), 1);
    assert_int_equal(m.issues[0].line, 1);
    inf_model_free(&m);
}

static void utf16_file_tokenizes_like_ansi(void **state)
{
    (void)state;
    struct inf_model m;
    static const char utf16[] = "\xff\xfe[\0S\0]\0\r\0\n\0k\0=\0v\0";
    parse_bytes(&m, "u.inf", utf16, sizeof utf16 - 1);
    const struct inf_line *line = first_line(&m, "s");
    assert_raw(&m, inf_line_key(&m, line), "k");
    assert_raw(&m, inf_line_field(&m, line, 0), "v");
    inf_model_free(&m);
}

static void unicode_spaces_are_blanks(void **state)
{
    (void)state;
    struct inf_model m;
    /* U+00A0 alone on a line makes no entry; U+3000 and U+2003 are trimmed at edges. */
    parse_text(&m, "\xef\xbb\xbf[S]\n\xc2\xa0\r\n\xe3\x80\x80key\xe2\x80\x83= value\xc2\xa0\n");
    assert_int_equal(m.line_count, 1);
    const struct inf_line *line = first_line(&m, "S");
    assert_raw(&m, inf_line_key(&m, line), "key");
    assert_raw(&m, inf_line_field(&m, line, 0), "value");
    inf_model_free(&m);
    /* Other multi-byte characters stay data. */
    parse_text(&m, "\xef\xbb\xbf[S]\nk=\xc3\xa9\xe2\x82\xac\n");
    assert_raw(&m, inf_line_field(&m, first_line(&m, "S"), 0), "\xc3\xa9\xe2\x82\xac");
    inf_model_free(&m);
}

/* Parses LEN bytes at TEXT with and without the lexer's fast path; the models must be equal. */
static void assert_fast_path_agrees(const char *text, size_t len)
{
    struct inf_model fast, general;
    parse_bytes(&fast, "t.inf", text, len);
    inf_lexer_use_fast_path(0);
    parse_bytes(&general, "t.inf", text, len);
    inf_lexer_use_fast_path(1);
#define SAME_ARRAY(field, count)                                                                   \
    do {                                                                                           \
        assert_int_equal(fast.count, general.count);                                               \
        if (fast.count)                                                                            \
            assert_memory_equal(fast.field, general.field, fast.count * sizeof *fast.field);       \
    } while (0)
    SAME_ARRAY(tokens, token_count);
    SAME_ARRAY(lines, line_count);
    SAME_ARRAY(runs, run_count);
    SAME_ARRAY(sections, section_count);
    SAME_ARRAY(issues, issue_count);
    SAME_ARRAY(comments, comment_count);
    SAME_ARRAY(pool, pool_len);
    SAME_ARRAY(percent_tokens, percent_count);
    SAME_ARRAY(dollar_tokens, dollar_count);
    SAME_ARRAY(source.line_starts, source.line_count);
#undef SAME_ARRAY
    inf_model_free(&fast);
    inf_model_free(&general);
}

/*
 * The lexer scans sixteen bytes at a time where it can: a character that
 * stops a token, or is kept inside one, is seen at every offset of a block,
 * and near the end of the text where the scan goes byte by byte.
 */
static void block_scan_sees_every_character_at_every_offset(void **state)
{
    (void)state;
    static const struct {
        const char *text; /* put between a run of 'a' and a run of 'b', in UTF-8 */
        int ends;         /* it ends the unquoted field */
        int blank;        /* a blank, trimmed at the start of an unquoted field */
        int percent, dollar;
    } cases[] = {{",", 1, 0, 0, 0},
                 {";", 1, 0, 0, 0},
                 {"\n", 1, 0, 0, 0},
                 {"=", 0, 0, 0, 0},
                 {"%", 0, 0, 1, 0},
                 {"$", 0, 0, 0, 1},
                 {" ", 0, 1, 0, 0},
                 {"\t", 0, 1, 0, 0},
                 {"\xc2\xa0", 0, 1, 0, 0},
                 {"\xe2\x80\x83", 0, 1, 0, 0},
                 {"\x01", 0, 0, 0, 0},
                 {"\xc3\xa9", 0, 0, 0, 0},
                 {"\xe2\x82\xac", 0, 0, 0, 0},
                 {"\\b", 0, 0, 0, 0},
                 {"#", 0, 0, 0, 0}, /* '#', '!' and '<': ordinary, but stop a block scan */
                 {"!", 0, 0, 0, 0},
                 {"<", 0, 0, 0, 0},
                 {"\x7f", 0, 0, 0, 0}};
    char text[256], expected[128];
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (int quoted = 0; quoted < 2; quoted++)
            for (int tail = 0; tail < 2; tail++)
                for (int offset = 0; offset < 40; offset++) {
                    if (quoted && cases[c].text[0] == '\n')
                        continue; /* (an unterminated quote: another test's) */
                    char as[64], bs[] = "bbbbbbbbbbbbbbbbbbbb";
                    memset(as, 'a', (size_t)offset);
                    as[offset] = '\0';
                    const char *q = quoted ? "\"" : "";
                    snprintf(text, sizeof text, "\xef\xbb\xbf[S]\nk = %s%s%s%s%s,z\n%s", q, as,
                             cases[c].text, bs, q,
                             tail ? "" : "[T]\nfiller = 0123456789abcdef0123456789abcdef\n");
                    int ends = cases[c].ends && !quoted;
                    int trimmed = cases[c].blank && !quoted && offset == 0;
                    snprintf(expected, sizeof expected, "%s%s%s", as,
                             ends || trimmed ? "" : cases[c].text, ends ? "" : bs);
                    struct inf_model m;
                    parse_text(&m, text);
                    const struct inf_token *field = inf_line_field(&m, first_line(&m, "S"), 0);
                    assert_non_null(field);
                    assert_raw(&m, field, expected);
                    assert_int_equal(field->percent, cases[c].percent);
                    assert_int_equal(field->dollar, cases[c].dollar);
                    inf_model_free(&m);
                }
}

/*
 * The fast paths (a plain line read whole, a plain token in one go) give
 * exactly the general path's model, on 20,000 generated inputs made of the
 * pieces the tokenizer treats specially (quotes, continuations, Unicode
 * spaces, Ctrl-Z, NUL, comments, markers, separators, backslashes as data
 * before any of them).
 */
static void fast_path_matches_general_path(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",
                                         "Key",
                                         "x y",
                                         " ",
                                         "  ",
                                         "\t",
                                         "\r",
                                         "\n",
                                         "\r\n",
                                         "\"",
                                         "\"\"",
                                         "\"q r\"",
                                         "\\",
                                         "\\ ",
                                         "\\\n",
                                         "\\ ;c\n",
                                         ",",
                                         "=",
                                         ";",
                                         "; inflint: disable=ISO101\n",
                                         "[",
                                         "]",
                                         "[S]\n",
                                         "[Strings]\n",
                                         "%",
                                         "%k%",
                                         "%%",
                                         "$",
                                         "$ARCH$",
                                         "\xc2\xa0",
                                         "\xc2\x85",
                                         "\xe2\x80\x80",
                                         "\xe3\x80\x80",
                                         "\xc3\xa9",
                                         "\x1a",
                                         "\x80",
                                         "k = v\n",
                                         "k=\\\n  v\n",
                                         "%13%\\x.sys",
                                         "\"a\" ",
                                         "\"b\"\t,",
                                         "a,b",
                                         ",,",
                                         " , ",
                                         "k = a, b ,c\n",
                                         "k=%s%,$d$\n",
                                         "PCI\\VEN_1",
                                         "x\\y",
                                         "=\\a",
                                         "a=b=c,d=e\n",
                                         "\v\f",
                                         "%12%\\%k%.sys",
                                         "\\,",
                                         "\\=",
                                         "\\$d$",
                                         "\\ \\ x",
                                         "\\\\\n",
                                         "\\\t\xc2\xa0\n",
                                         "HKR,Parameters,Value,0x00010001,1\n"};
    size_t piece_count = sizeof pieces / sizeof pieces[0];
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    char text[4096];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        if (round % 3)
            len += (size_t)snprintf(text, sizeof text, "[S]\n");
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        int count = 1 + (int)(seed % 60);
        for (int i = 0; i < count; i++) {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            const char *piece = pieces[seed % piece_count];
            size_t n = strlen(piece);
            memcpy(text + len, piece, n);
            len += n;
        }
        if (round % 7 == 0) /* a NUL inside the text reads as a space */
            text[len / 2] = '\0';
        assert_fast_path_agrees(text, len);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_of_keys_and_fields),
        cmocka_unit_test(extents_of_every_kind_of_token),
        cmocka_unit_test(block_scan_sees_every_character_at_every_offset),
        cmocka_unit_test(fast_path_matches_general_path),
        cmocka_unit_test(continued_entry_starts_on_its_first_line),
        cmocka_unit_test(directive_comments_are_recorded_with_their_lines),
        cmocka_unit_test(unterminated_quote_is_an_issue),
        cmocka_unit_test(continuation_swallowing_a_key_is_suspicious),
        cmocka_unit_test(bad_header_is_reported_and_parsing_goes_on),
        cmocka_unit_test(field_over_4096_characters_is_an_issue),
        cmocka_unit_test(text_before_first_section_is_reported_once),
        cmocka_unit_test(utf16_file_tokenizes_like_ansi),
        cmocka_unit_test(unicode_spaces_are_blanks),
    };
    return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}
