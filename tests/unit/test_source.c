/*
 * test_source.c - encoding detection, decoding and the line map.
 */
#include "helpers.h"

static void decode(struct inf_source *s, const void *bytes, size_t len)
{
    unsigned char *copy = inf_xmalloc(len + 1);
    memcpy(copy, bytes, len);
    assert_int_equal(inf_source_decode(s, copy, len), 0);
}

static void utf16le_with_bom(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s, "\xff\xfe[\0A\0]\0\n\0\xe9\0", 12);
    assert_int_equal(s.encoding, INF_ENCODING_UTF16LE);
    assert_string_equal(s.text, "[A]\n\xc3\xa9");
    assert_int_equal(s.flags & INF_SOURCE_BAD_DATA, 0);
    inf_source_free(&s);
}

static void utf16le_without_bom_by_zero_pattern(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s, "[\0V\0e\0r\0]\0\n\0", 12);
    assert_int_equal(s.encoding, INF_ENCODING_UTF16LE_NOBOM);
    assert_string_equal(s.text, "[Ver]\n");
    inf_source_free(&s);
}

static void a_few_nuls_keep_an_ansi_file_ansi(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s, "[Version]\nab=c\0d\nxyz=1234\n", 26);
    assert_int_equal(s.encoding, INF_ENCODING_ANSI);
    assert_string_equal(s.text, "[Version]\nab=c d\nxyz=1234\n"); /* NUL reads as a space */
    inf_source_free(&s);
}

static void utf16be_and_utf8_bom_are_decoded(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s, "\xfe\xff\0[\0A\0]", 8);
    assert_int_equal(s.encoding, INF_ENCODING_UTF16BE);
    assert_string_equal(s.text, "[A]");
    inf_source_free(&s);
    decode(&s, "\xef\xbb\xbf[A]\xc3\xa9", 8);
    assert_int_equal(s.encoding, INF_ENCODING_UTF8_BOM);
    assert_string_equal(s.text, "[A]\xc3\xa9");
    inf_source_free(&s);
}

static void ansi_high_bytes_are_windows_1252(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s, "a\x80\xe9", 3);
    assert_int_equal(s.encoding, INF_ENCODING_ANSI);
    assert_true(s.flags & INF_SOURCE_HIGH_BYTES);
    assert_string_equal(s.text, "a\xe2\x82\xac\xc3\xa9"); /* euro sign, e acute */
    inf_source_free(&s);
}

static void broken_utf16_is_marked_and_replaced(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s,
           "\xff\xfe"
           "A\0\x00\xd8"
           "B\0x",
           9); /* lone high surrogate, odd length */
    assert_true(s.flags & INF_SOURCE_BAD_DATA);
    assert_string_equal(s.text, "A\xef\xbf\xbd"
                                "B\xef\xbf\xbd");
    assert_int_equal(s.bad_offset, 1);
    inf_source_free(&s);
    decode(&s, "\xff\xfe", 2); /* a BOM only */
    assert_int_equal(s.len, 0);
    assert_int_equal(s.line_count, 1);
    inf_source_free(&s);
}

static void ctrl_z_ends_the_file(void **state)
{
    (void)state;
    struct inf_source s;
    decode(&s,
           "ab=c\x1a"
           "d\n[x]\n",
           10);
    assert_string_equal(s.text, "ab=c");
    assert_true(s.flags & INF_SOURCE_CTRL_Z);
    inf_source_free(&s);
    decode(&s,
           "\xff\xfe"
           "a\0\x1a\0b\0",
           8);
    assert_string_equal(s.text, "a");
    inf_source_free(&s);
}

static void positions_count_code_points_and_lf_only(void **state)
{
    (void)state;
    struct inf_source s;
    /* Line 2 starts with a two-byte character; a bare CR does not end a line. */
    decode(&s,
           "\xef\xbb\xbf"
           "ab\r\n\xc3\xa9x=1\rq\nlast",
           19); /* UTF-8 BOM: text without it */
    uint32_t line, column;
    inf_source_position(&s, 0, &line, &column);
    assert_int_equal(line, 1);
    assert_int_equal(column, 1);
    inf_source_position(&s, 6, &line, &column); /* the 'x' after a 2-byte e-acute */
    assert_int_equal(line, 2);
    assert_int_equal(column, 2);
    inf_source_position(&s, 10, &line, &column); /* 'q' after the bare CR */
    assert_int_equal(line, 2);
    assert_int_equal(column, 6);
    assert_int_equal(s.line_count, 3);
    size_t len;
    const char *text = inf_source_line_text(&s, 1, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(text, "ab", 2);
    inf_source_free(&s);
}

/* The code-point count (eight bytes at a time) is the byte-by-byte one: every byte but a
 * continuation byte (bit 7 set, bit 6 clear), at every start and length, whatever the bytes
 * around a word's edges. */
static void utf8_length_counts_every_byte_but_continuations(void **state)
{
    (void)state;
    /* ASCII, sequences of two to four bytes, stray continuations (0x80, 0xBF), lead bytes
     * alone (0xC3, 0xF0), and bytes with bit 6 but not bit 7 set (0x40, 0x7F) or both (0xFF). */
    static const unsigned char text[] = {
        'a',  0xc3, 0xa9, 'b',  0xe2, 0x82, 0xac, 0x80, 0xbf, 'c',  0xf0, 0x9f, 0x98, 0x80,
        0x40, 0x7f, 0xff, 0xc0, 0xc3, ' ',  0xbf, 0xbf, 0xbf, 0xbf, 0xbf, 0xbf, 0xbf, 0xbf,
        0xbf, 'z',  0xf0, 0x41, 0x80, 0x00, 0x81, 0xfe, 0xc2, 0xa0, 'q',  0x7f};
    for (size_t from = 0; from <= sizeof text; from++)
        for (size_t len = 0; from + len <= sizeof text; len++) {
            size_t expected = 0;
            for (size_t i = from; i < from + len; i++)
                expected += (text[i] & 0xC0) != 0x80;
            assert_int_equal(inf_utf8_length((const char *)text + from, len), expected);
        }
}

/* The cursor's positions are those of the plain lookup, in any order of asking. */
static void cursor_positions_match_plain_positions(void **state)
{
    (void)state;
    /* UTF-16LE with a BOM: 'a', U+00E9 (2 UTF-8 bytes), U+4E2D (3), 'z', over two lines,
     * repeated so that one line is long. */
    unsigned char bytes[2 + 2 * 2000];
    size_t n = 0;
    bytes[n++] = 0xFF, bytes[n++] = 0xFE;
    static const unsigned short units[] = {'a', 0xE9, 0x4E2D, 'z'};
    for (int i = 0; i < 1990; i++) {
        unsigned short u = i == 900 ? '\n' : units[i % 4];
        bytes[n++] = (unsigned char)(u & 0xFF), bytes[n++] = (unsigned char)(u >> 8);
    }
    struct inf_source s;
    decode(&s, bytes, n);
    struct inf_source_cursor cursor;
    memset(&cursor, 0, sizeof cursor);
    unsigned seed = 12345;
    for (int k = 0; k < 5000; k++) {
        seed = seed * 1103515245u + 12345u;
        size_t offset = (seed >> 8) % (s.len + 1);
        while (offset < s.len && (s.text[offset] & 0xC0) == 0x80)
            offset++; /* positions are asked at character starts */
        uint32_t line1, column1, line2, column2;
        inf_source_position(&s, offset, &line1, &column1);
        inf_source_position_near(&s, &cursor, offset, &line2, &column2);
        assert_int_equal(line1, line2);
        assert_int_equal(column1, column2);
        if (k % 3 == 0) { /* and again, exactly: a remembered mark */
            inf_source_position_near(&s, &cursor, offset, &line2, &column2);
            assert_int_equal(column1, column2);
        }
    }
    inf_source_free(&s);

    /* Many lines, some empty, the last without a newline: every offset in order (the
     * cursor's line and the next are tried first), then at random. */
    char text[4000];
    size_t len = 0;
    for (int line = 0; line < 300; line++) {
        for (int i = 0; i < line % 7; i++)
            text[len++] = (char)('a' + i);
        if (line < 299)
            text[len++] = '\n';
    }
    decode(&s, text, len);
    memset(&cursor, 0, sizeof cursor);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k <= s.len; k++) {
            size_t offset = k;
            if (pass) {
                seed = seed * 1103515245u + 12345u;
                offset = (seed >> 8) % (s.len + 1);
            }
            uint32_t line1, column1, line2, column2;
            inf_source_position(&s, offset, &line1, &column1);
            inf_source_position_near(&s, &cursor, offset, &line2, &column2);
            assert_int_equal(line1, line2);
            assert_int_equal(column1, column2);
        }
    inf_source_free(&s);
}

/* A file of many lines searches a sample of its line starts first: every offset's line is
 * still the count of newlines before it, at stretch edges and empty lines too. */
static void lines_of_a_long_file_are_found_through_the_sample(void **state)
{
    (void)state;
    enum { LINES = 100003 };
    char *text = malloc((size_t)LINES * 10);
    size_t len = 0;
    for (int line = 0; line < LINES; line++) {
        for (int i = 0; i < (line * 7) % 10; i++) /* 0 to 9 characters, some lines empty */
            text[len++] = 'x';
        text[len++] = '\n';
    }
    struct inf_source s;
    decode(&s, text, len);
    assert_true(s.sample_count > 0);
    uint32_t newlines_before = 0;
    for (size_t offset = 0; offset <= s.len; offset++) {
        uint32_t line, column;
        inf_source_position(&s, offset, &line, &column);
        if (line != newlines_before + 1)
            fail_msg("offset %zu: line %u, want %u", offset, (unsigned)line,
                     (unsigned)newlines_before + 1);
        if (offset < s.len && s.text[offset] == '\n')
            newlines_before++;
    }
    /* Forward through the file by strides of a few characters to thousands of lines (the
     * cursor's search forward, and past its reach), now and then a step back. */
    struct inf_source_cursor cursor;
    memset(&cursor, 0, sizeof cursor);
    unsigned seed = 99;
    for (size_t offset = 0; offset <= s.len;) {
        uint32_t line1, column1, line2, column2;
        inf_source_position(&s, offset, &line1, &column1);
        inf_source_position_near(&s, &cursor, offset, &line2, &column2);
        if (line1 != line2 || column1 != column2)
            fail_msg("offset %zu: %u:%u, want %u:%u", offset, (unsigned)line2, (unsigned)column2,
                     (unsigned)line1, (unsigned)column1);
        seed = seed * 1103515245u + 12345u;
        size_t stride = (size_t)1 << ((seed >> 16) % 17); /* 1 to 65,536 bytes */
        stride += (seed >> 8) % stride;
        if ((seed >> 4) % 16 == 0 && offset > stride / 2)
            offset -= stride / 2;
        else
            offset += stride;
    }
    inf_source_free(&s);
    free(text);
}

static void encoding_names_match_the_json_contract(void **state)
{
    (void)state;
    assert_string_equal(inf_encoding_name(INF_ENCODING_ANSI), "ansi");
    assert_string_equal(inf_encoding_name(INF_ENCODING_UTF16LE), "utf-16le");
    assert_string_equal(inf_encoding_name(INF_ENCODING_UTF16LE_NOBOM), "utf-16le-nobom");
    assert_string_equal(inf_encoding_name(INF_ENCODING_UTF8_BOM), "utf-8-bom");
    assert_string_equal(inf_encoding_name(INF_ENCODING_UTF16BE), "utf-16be");
}

/*
 * Long inputs go through the block-at-a-time paths: NUL, Ctrl-Z and
 * non-ASCII characters anywhere in a block must come out exactly as the
 * character-by-character rules say.
 */
static void block_paths_keep_the_character_rules(void **state)
{
    (void)state;
    for (size_t special = 0; special < 140; special += 7) {
        /* UTF-16LE: 150 units of 'a'..'z' with a NUL at SPECIAL and an e-acute after it. */
        unsigned char utf16[2 + 300];
        char expected[400];
        size_t e = 0;
        utf16[0] = 0xFF, utf16[1] = 0xFE;
        for (size_t i = 0; i < 150; i++) {
            unsigned unit = i == special ? 0 : i == special + 5 ? 0xE9 : 'a' + i % 26;
            utf16[2 + 2 * i] = (unsigned char)unit;
            utf16[3 + 2 * i] = 0;
            if (unit == 0)
                expected[e++] = ' ';
            else if (unit == 0xE9)
                expected[e++] = (char)0xC3, expected[e++] = (char)0xA9;
            else
                expected[e++] = (char)unit;
        }
        struct inf_source s;
        decode(&s, utf16, sizeof utf16);
        assert_int_equal(s.len, e);
        assert_memory_equal(s.text, expected, e);
        inf_source_free(&s);
        /* Plain units with Ctrl-Z at SPECIAL: the text ends there. */
        utf16[2 + 2 * special] = 0x1A;
        utf16[2 + 2 * (special + 5)] = 'x';
        decode(&s, utf16, sizeof utf16);
        assert_int_equal(s.len, special);
        assert_true(s.flags & INF_SOURCE_CTRL_Z);
        inf_source_free(&s);
        /* ANSI: 200 bytes with a NUL at SPECIAL and Ctrl-Z at SPECIAL + 60. */
        char ansi[200];
        for (size_t i = 0; i < sizeof ansi; i++)
            ansi[i] = (char)('a' + i % 26);
        ansi[special] = '\0';
        ansi[special + 60] = 0x1A;
        decode(&s, ansi, sizeof ansi);
        assert_int_equal(s.len, special + 60);
        assert_int_equal(s.text[special], ' ');
        assert_int_equal(s.text[special + 1], ansi[special + 1]);
        inf_source_free(&s);
        /* ANSI with high bytes at SPECIAL, SPECIAL + 1 and SPECIAL + 23: every ASCII run
         * between them copied as it is, each high byte as its Windows-1252 character. */
        for (size_t i = 0; i < sizeof ansi; i++)
            ansi[i] = (char)('a' + i % 26);
        ansi[special] = (char)0xE9;     /* U+00E9: two bytes */
        ansi[special + 1] = (char)0x80; /* the euro sign: three */
        ansi[special + 23] = (char)0xFC;
        e = 0;
        for (size_t i = 0; i < sizeof ansi; i++) {
            unsigned char b = (unsigned char)ansi[i];
            if (b == 0xE9)
                expected[e++] = (char)0xC3, expected[e++] = (char)0xA9;
            else if (b == 0x80)
                expected[e++] = (char)0xE2, expected[e++] = (char)0x82, expected[e++] = (char)0xAC;
            else if (b == 0xFC)
                expected[e++] = (char)0xC3, expected[e++] = (char)0xBC;
            else
                expected[e++] = (char)b;
        }
        decode(&s, ansi, sizeof ansi);
        assert_int_equal(s.len, e);
        assert_memory_equal(s.text, expected, e);
        assert_int_equal(s.text[e], '\0');
        inf_source_free(&s);
        /* ANSI with a high byte at SPECIAL, a NUL after it and then Ctrl-Z: the NUL is a
         * space there too, and the text ends at the Ctrl-Z. */
        for (size_t i = 0; i < sizeof ansi; i++)
            ansi[i] = (char)('a' + i % 26);
        ansi[special] = (char)0xE9;
        ansi[special + 30] = '\0';
        ansi[special + 61] = 0x1A;
        decode(&s, ansi, sizeof ansi);
        assert_true(s.flags & INF_SOURCE_HIGH_BYTES);
        assert_true(s.flags & INF_SOURCE_CTRL_Z);
        assert_int_equal(s.len, special + 61 + 1); /* (U+00E9 takes two bytes) */
        assert_int_equal(s.text[special + 31], ' ');
        assert_int_equal(s.text[special + 32], ansi[special + 31]);
        assert_int_equal(s.text[s.len - 1], ansi[special + 60]);
        inf_source_free(&s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf16le_with_bom),
        cmocka_unit_test(utf16le_without_bom_by_zero_pattern),
        cmocka_unit_test(a_few_nuls_keep_an_ansi_file_ansi),
        cmocka_unit_test(utf16be_and_utf8_bom_are_decoded),
        cmocka_unit_test(ansi_high_bytes_are_windows_1252),
        cmocka_unit_test(broken_utf16_is_marked_and_replaced),
        cmocka_unit_test(ctrl_z_ends_the_file),
        cmocka_unit_test(positions_count_code_points_and_lf_only),
        cmocka_unit_test(utf8_length_counts_every_byte_but_continuations),
        cmocka_unit_test(block_paths_keep_the_character_rules),
        cmocka_unit_test(encoding_names_match_the_json_contract),
        cmocka_unit_test(cursor_positions_match_plain_positions),
        cmocka_unit_test(lines_of_a_long_file_are_found_through_the_sample),
    };
    return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}
