/*
 * test_buf.c - the output buffer: JSON string escaping (whose fast paths
 * skip sixteen or eight plain bytes at a time), decimal numbers and writing
 * to a sink.
 */
#include "helpers.h"
#include "buf_cursor.h"

#include <stdio.h>

/* The escaping rules spelled out one byte at a time, to compare with. */
static void escape_slowly(struct inf_buf *out, const char *text, size_t len)
{
    inf_buf_addc(out, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"' || c == '\\') {
            inf_buf_addc(out, '\\');
            inf_buf_addc(out, (char)c);
        } else if (c == '\n') {
            inf_buf_adds(out, "\\n");
        } else if (c == '\r') {
            inf_buf_adds(out, "\\r");
        } else if (c == '\t') {
            inf_buf_adds(out, "\\t");
        } else if (c < 0x20) {
            inf_buf_printf(out, "\\u%04x", c);
        } else if (c >= 0xc2 && c <= 0xdf && i + 1 < len &&
                   ((unsigned char)text[i + 1] & 0xc0) == 0x80) {
            inf_buf_addc(out, (char)c); /* a two-byte character: kept */
            inf_buf_addc(out, text[++i]);
        } else if (c >= 0x80) {
            inf_buf_adds(out, "\\ufffd"); /* not UTF-8 (the test uses no longer characters) */
        } else {
            inf_buf_addc(out, (char)c);
        }
    }
    inf_buf_addc(out, '"');
}

/* Every special byte at every position of strings long enough to have whole blocks, some
 * with a second one a few bytes after. */
static void json_strings_escape_every_special_byte_anywhere(void **state)
{
    (void)state;
    /* The last two: a lone lead byte (not UTF-8: U+FFFD) and a whole e-acute (kept). */
    static const unsigned char specials[] = {'"',  '\\', '\n', '\r', '\t', 0x01,
                                             0x1f, 0x7f, 0xff, 0xc3, 0xa9};
    char text[40];
    for (size_t len = 0; len <= sizeof text; len++)
        for (size_t at = 0; at < len; at++)
            for (size_t k = 0; k < sizeof specials; k++) {
                for (size_t i = 0; i < len; i++)
                    text[i] = (char)('a' + i % 26);
                text[at] = (char)specials[k];
                if (specials[k] == 0xa9 && at > 0)
                    text[at - 1] = (char)0xc3; /* the pair c3 a9 */
                if (at + 5 < len && k % 2)
                    text[at + 5] = '"'; /* a second stop in the same block */
                struct inf_buf fast = INF_BUF_INIT, slow = INF_BUF_INIT;
                inf_buf_add_json_string(&fast, text, len);
                escape_slowly(&slow, text, len);
                assert_int_equal(fast.len, slow.len);
                assert_memory_equal(fast.data, slow.data, slow.len);
                inf_buf_free(&fast);
                inf_buf_free(&slow);
            }
}

static void numbers_are_written_in_decimal(void **state)
{
    (void)state;
    struct inf_buf b = INF_BUF_INIT;
    inf_buf_add_uint(&b, 0);
    inf_buf_addc(&b, ' ');
    inf_buf_add_uint(&b, 4294967295u);
    inf_buf_addc(&b, ' ');
    inf_buf_add_uint(&b, 18446744073709551615ull);
    assert_string_equal(b.data, "0 4294967295 18446744073709551615");
    /* every count of digits, odd and even, and the values around each power of ten */
    char want[32];
    for (unsigned long long power = 1; power <= 1000000000000000000ull; power *= 10)
        for (unsigned long long v = power > 1 ? power - 1 : 0; v <= power + 1; v++) {
            inf_buf_clear(&b);
            inf_buf_add_uint(&b, v);
            snprintf(want, sizeof want, "%llu", v);
            assert_string_equal(b.data, want);
        }
    /* around the 32-bit boundary, and random values of every size */
    unsigned long long x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 4000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        unsigned long long v = i < 8 ? 4294967294ull + (unsigned)i : x >> (i % 64);
        inf_buf_clear(&b);
        inf_buf_add_uint(&b, v);
        snprintf(want, sizeof want, "%llu", v);
        assert_string_equal(b.data, want);
    }
    inf_buf_free(&b);
}

/* Pieces of every length up to a few words are copied whole, nothing written past them. */
static void short_pieces_are_copied_exactly(void **state)
{
    (void)state;
    char src[48], dst[64], want[64];
    for (size_t i = 0; i < sizeof src; i++)
        src[i] = (char)('A' + i);
    for (size_t len = 0; len <= 40; len++)
        for (size_t at = 0; at < 8; at++) {
            memset(dst, '.', sizeof dst);
            memset(want, '.', sizeof want);
            memcpy(want + at, src + (len % 5), len);
            inf_copy_bytes(dst + at, src + (len % 5), len);
            assert_memory_equal(dst, want, sizeof dst);
        }
}

/* A buffer with a sink never grows past what it needs; nothing is lost or reordered. */
static void a_sink_receives_everything_in_order(void **state)
{
    (void)state;
    FILE *sink = tmpfile();
    assert_non_null(sink);
    struct inf_buf b = INF_BUF_INIT;
    b.sink = sink;
    inf_buf_reserve(&b, 100);
    size_t cap = b.cap;
    struct inf_buf expected = INF_BUF_INIT;
    char big[1000]; /* added whole, larger than the buffer: written past it, in its place */
    for (int i = 0; i < 1000; i++) {
        inf_buf_printf(&b, "line %d\n", i);
        inf_buf_printf(&expected, "line %d\n", i);
        if (i % 10 == 3) { /* ours, then one of printf's own: what ours appended is undone */
            inf_buf_printf(&b, "%s:%u:%5d|\n", "file", 12u, i);
            inf_buf_printf(&expected, "%s:%u:%5d|\n", "file", 12u, i);
        }
        if (i % 100 == 7) {
            size_t n = (size_t)(i % 3 ? cap - 1 + (size_t)i % 5 : sizeof big);
            memset(big, 'a' + i % 26, n);
            inf_buf_add(&b, big, n);
            inf_buf_add(&expected, big, n);
        }
    }
    assert_int_equal(b.cap, cap); /* flushed, not grown */
    fwrite(b.data, 1, b.len, sink);
    rewind(sink);
    char *got = inf_xmalloc(expected.len + 1);
    assert_int_equal(fread(got, 1, expected.len + 1, sink), expected.len);
    assert_memory_equal(got, expected.data, expected.len);
    free(got);
    fclose(sink);
    inf_buf_free(&b);
    inf_buf_free(&expected);
}

/* The formats messages use are written without printf, exactly as printf writes them; any
 * other goes to printf. */
static void formats_match_printf(void **state)
{
    (void)state;
    char want[256];
    struct inf_buf b = INF_BUF_INIT;
#define SAME(...)                                                                                  \
    do {                                                                                           \
        inf_buf_clear(&b);                                                                         \
        inf_buf_printf(&b, __VA_ARGS__);                                                           \
        snprintf(want, sizeof want, __VA_ARGS__);                                                  \
        assert_string_equal(b.data, want);                                                         \
    } while (0)
    SAME("plain");
    SAME("%s and %s", "one", "");
    SAME("[%.*s] line %u", 5, "Strings.0407", 42u);
    SAME("%.*s|", 0, "x");
    SAME("%d %d %ld %lu %zu", -7, 0, -1234567890123L, 18446744073709551615UL, (size_t)99);
    SAME("0x%lx %x %c%%", 0x4000UL, 255u, 'Z');
    SAME("%5s|%-3d|%08.3f", "pad", 7, 3.5); /* flags and widths: printf itself */
    SAME("%.*s|%.*s", 10, "abc", 2, "abc"); /* a precision past the text stops at its end */
    SAME("%s", "");
#undef SAME
    /* appended to what is there, terminated once at the end */
    inf_buf_clear(&b);
    inf_buf_adds(&b, "line ");
    inf_buf_printf(&b, "%u: %s", 12u, "text");
    assert_int_equal(b.len, strlen("line 12: text"));
    assert_string_equal(b.data, "line 12: text");
    /* a conversion of printf's own after some of ours: what they appended is undone and
     * their arguments are printf's to read again */
    inf_buf_printf(&b, " | %s %u %c %.*s%5.1f|%-4s|", "then", 3u, 'c', 2, "xyz", 2.5, "end");
    assert_string_equal(b.data, "line 12: text | then 3 c xy  2.5|end |");
    inf_buf_free(&b);
}

/* Control characters and bytes that are not UTF-8 are shown, never written raw. */
static void visible_text_escapes_controls(void **state)
{
    (void)state;
    static const char text[] = "a\tb\nc\x1b[1m\xc2\x9b\xff\xc3\xa9\x7f";
    struct inf_buf out = INF_BUF_INIT;
    inf_buf_add_visible(&out, text, sizeof text - 1, 0);
    assert_string_equal(out.data, "a\tb\\nc\\x1b[1m\\u009b\\xff\xc3\xa9\\x7f");
    inf_buf_clear(&out);
    inf_buf_add_visible(&out, text, sizeof text - 1, 1); /* one column each: U+FFFD, a space */
    assert_string_equal(out.data, "a b\xef\xbf\xbd"
                                  "c\xef\xbf\xbd[1m\xef\xbf\xbd\xef\xbf\xbd\xc3\xa9\xef\xbf\xbd");
    inf_buf_free(&out);
}

/* The showing rules spelled out one character at a time, to compare with. */
static void show_slowly(struct inf_buf *out, const char *text, size_t len, int one_column)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        size_t n = p[i] < 0x80                    ? 1
                   : p[i] >= 0xc2 && p[i] <= 0xdf ? 2
                   : p[i] >= 0xe0 && p[i] <= 0xef ? 3
                                                  : 0;
        for (size_t k = 1; k < n; k++)
            if (i + k >= len || (p[i + k] & 0xc0) != 0x80)
                n = 0;
        if (n == 3 && p[i] == 0xe0 && p[i + 1] < 0xa0)
            n = 0;                                       /* (overlong: the test has none) */
        if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0) { /* C1 */
            if (one_column)
                inf_buf_adds(out, "\xef\xbf\xbd");
            else
                inf_buf_printf(out, "\\u%04x", p[i + 1]);
        } else if (n > 1) {
            inf_buf_add(out, text + i, n);
        } else if (n == 1 && p[i] == '\t') {
            inf_buf_addc(out, one_column ? ' ' : '\t');
        } else if (n == 1 && p[i] >= 0x20 && p[i] != 0x7f) {
            inf_buf_addc(out, text[i]);
        } else if (one_column) {
            inf_buf_adds(out, "\xef\xbf\xbd");
        } else if (p[i] == '\n') {
            inf_buf_adds(out, "\\n");
        } else if (p[i] == '\r') {
            inf_buf_adds(out, "\\r");
        } else {
            inf_buf_printf(out, "\\x%02x", p[i]);
        }
        i += n > 1 ? n : 1;
    }
}

/* Every byte that is not printable ASCII, at every position of texts long enough to have
 * whole blocks (the fast path passes over sixteen at a time), shown as one at a time would;
 * and told apart from text that is appended as it is. */
static void visible_text_shows_every_special_byte_anywhere(void **state)
{
    (void)state;
    static const char *const specials[] = {
        "\t",   "\n",   "\r",       "\x01",     "\x1b",         "\x1f",     "\x7f",
        "\xff", "\x80", "\xc2\x9b", "\xc3\xa9", "\xe2\x82\xac", "\xe2\x82", "\xc3"};
    char text[48];
    for (size_t len = 0; len <= 40; len++)
        for (size_t at = 0; at < len; at++)
            for (size_t k = 0; k < sizeof specials / sizeof *specials; k++) {
                for (size_t i = 0; i < len; i++)
                    text[i] = (char)(' ' + 1 + i % 94); /* every printable, blank excepted */
                size_t n = strlen(specials[k]);
                if (at + n > len)
                    continue;
                memcpy(text + at, specials[k], n);
                if (at + n + 3 < len && k % 2)
                    text[at + n + 3] = '\x1b'; /* a second stop in the same block */
                /* appended as it is: printable ASCII and the tab (specials[0]) alone */
                assert_int_equal(inf_visible_as_is(text, len), k == 0);
                for (int one_column = 0; one_column <= 1; one_column++) {
                    struct inf_buf fast = INF_BUF_INIT, slow = INF_BUF_INIT;
                    inf_buf_add_visible(&fast, text, len, one_column);
                    show_slowly(&slow, text, len, one_column);
                    assert_int_equal(fast.len, slow.len);
                    assert_memory_equal(fast.data ? fast.data : "", slow.data ? slow.data : "",
                                        slow.len);
                    inf_buf_free(&fast);
                    inf_buf_free(&slow);
                }
            }
}

static void repeated_characters_are_appended(void **state)
{
    (void)state;
    struct inf_buf b = INF_BUF_INIT;
    inf_buf_adds(&b, "12 |");
    inf_buf_add_repeated(&b, ' ', 3);
    inf_buf_add_repeated(&b, '^', 0);
    inf_buf_add_repeated(&b, '^', 200); /* past the first room */
    assert_int_equal(b.len, 4 + 3 + 200);
    assert_memory_equal(b.data, "12 |   ^", 8);
    assert_int_equal(strspn(b.data + 7, "^"), 200);
    assert_int_equal(b.data[b.len], '\0');
    inf_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_strings_escape_every_special_byte_anywhere),
        cmocka_unit_test(numbers_are_written_in_decimal),
        cmocka_unit_test(short_pieces_are_copied_exactly),
        cmocka_unit_test(a_sink_receives_everything_in_order),
        cmocka_unit_test(formats_match_printf),
        cmocka_unit_test(visible_text_escapes_controls),
        cmocka_unit_test(visible_text_shows_every_special_byte_anywhere),
        cmocka_unit_test(repeated_characters_are_appended),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
