/*
 * test_text.c - ASCII case folding (text.h): only 'A'-'Z' fold, prefixes
 * never read past a shorter text, and every length takes the eight-byte
 * path and its tail.
 */
#include "helpers.h"
#include "text.h"

static void only_ascii_letters_fold(void **state)
{
    (void)state;
    assert_int_equal(inf_ascii_lower('A'), 'a');
    assert_int_equal(inf_ascii_lower('Z'), 'z');
    assert_int_equal(inf_ascii_lower('@'), '@');
    assert_int_equal(inf_ascii_lower('['), '[');
    assert_int_equal(inf_ascii_lower((char)0xC9), (char)0xC9); /* no Latin-1 folding */
    char text[] = "SourceDisksFiles.AMD64\xC9";
    inf_text_lower(text);
    assert_string_equal(text, "sourcedisksfiles.amd64\xC9");
}

/* The eight-byte copy folds every byte as inf_ascii_lower does, at every length and place,
 * into another buffer or in place. */
static void lower_copy_folds_every_byte_at_every_length(void **state)
{
    (void)state;
    char text[256 + 16], out[256 + 16];
    for (int i = 0; i < 256 + 16; i++)
        text[i] = (char)(i * 7 + 3); /* every byte value, in an order of no pattern */
    for (size_t start = 0; start < 8; start++)
        for (size_t len = 0; len <= 256; len++) {
            memset(out, '#', sizeof out);
            inf_text_lower_copy(out, text + start, len);
            for (size_t k = 0; k < len; k++)
                assert_int_equal(out[k], inf_ascii_lower(text[start + k]));
            assert_int_equal(out[len], '\0');
            assert_int_equal(out[len + 1], '#');
            memcpy(out, text + start, len); /* in place (inf_text_lower does so) */
            inf_text_lower_copy(out, out, len);
            for (size_t k = 0; k < len; k++)
                assert_int_equal(out[k], inf_ascii_lower(text[start + k]));
        }
}

static void equality_and_hash_ignore_case_at_every_length(void **state)
{
    (void)state;
    const char *upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", *lower = "abcdefghijklmnopqrstuvwxyz@[`{";
    for (size_t n = 0; n <= strlen(upper); n++) {
        assert_true(inf_text_equal_nocase2(upper, n, lower, n));
        assert_int_equal(inf_hash_nocase(upper, n), inf_hash_nocase(lower, n));
        if (n > 0) {
            assert_false(inf_text_equal_nocase2(upper, n, lower, n - 1));
            assert_false(inf_text_equal_nocase2(upper, n, "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@", n));
        }
    }
    /* '@' and '`', '[' and '{' differ by 0x20 but are not letters. */
    assert_false(inf_text_equal_nocase2("@[", 2, "`{", 2));
}

/* The hash spreads names that differ in a digit or a letter over a table's slots, as the
 * section and string tables need: no slot of 8,192 holds more than a few of 4,096 names. */
static void hash_spreads_similar_names(void **state)
{
    (void)state;
    enum { NAMES = 4096, SLOTS = 8192 };
    static unsigned char in_slot[SLOTS];
    memset(in_slot, 0, sizeof in_slot);
    char name[32];
    unsigned fullest = 0;
    for (int i = 0; i < NAMES; i++) {
        int n = snprintf(name, sizeof name, i % 2 ? "Dev%d.NTamd64" : "dev_%d_install", i);
        unsigned c = ++in_slot[inf_hash_nocase(name, (size_t)n) % SLOTS];
        fullest = c > fullest ? c : fullest;
    }
    assert_true(fullest <= 6);
}

/* Every pair of first bytes (the inline check turns most away), then a byte that differs in
 * the tail: equal exactly when the bytes are, folded. */
static void every_byte_pair_compares_as_folded(void **state)
{
    (void)state;
    for (int x = 0; x < 256; x++)
        for (int y = 0; y < 256; y++) {
            char a[10] = "?Services", b[10] = "?SERVICES";
            a[0] = (char)x, b[0] = (char)y;
            int same = inf_ascii_lower((char)x) == inf_ascii_lower((char)y);
            assert_int_equal(inf_text_equal_nocase2(a, 1, b, 1), same);
            assert_int_equal(inf_text_equal_nocase2(a, 9, b, 9), same);
            b[8] = (char)y; /* the last byte: the word-at-a-time path */
            a[8] = (char)x;
            assert_int_equal(inf_text_equal_nocase2(a, 9, b, 9), same);
        }
}

/* At every length up to 40, equal texts compare equal and a difference at any place is seen. */
static void bytes_equal_sees_every_difference(void **state)
{
    (void)state;
    char a[48], b[48];
    for (size_t len = 0; len <= 40; len++) {
        for (size_t i = 0; i < len; i++)
            a[i] = b[i] = (char)('a' + i % 26);
        assert_true(inf_bytes_equal(a, b, len));
        for (size_t at = 0; at < len; at++) {
            b[at] ^= 0x01;
            assert_false(inf_bytes_equal(a, b, len));
            assert_int_equal(inf_bytes_equal(a, b, at), 1); /* before it: still equal */
            b[at] ^= 0x01;
        }
    }
}

static void prefixes_and_containment(void **state)
{
    (void)state;
    assert_true(inf_text_starts_nocase("\\REGISTRY\\Machine\\x", "\\Registry\\MACHINE\\", 18));
    assert_false(inf_text_starts_nocase("\\Registry", "\\Registry\\Machine\\", 18)); /* short */
    assert_true(inf_text_starts_nocase("", "", 0));
    assert_true(inf_text_contains_nocase("Models.NTIA64", 13, "ia64"));
    assert_false(inf_text_contains_nocase("Models.NTIA64", 12, "ia64")); /* past LEN */
    assert_false(inf_text_contains_nocase("Models.NTamd64", 14, "ia64"));
    assert_true(inf_text_contains_nocase("x\\SERVICES\\y", 12, "\\Services\\"));
}

/* inf_text_contains_nocase against a search that tries every place: patterns anchored on a
 * non-letter at their start, middle or end, all letters, high bytes; every length of texts
 * built from the pattern's own bytes in both cases, so that near misses abound. */
static int ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int contains_every_place(const char *text, size_t len, const char *part)
{
    size_t n = strlen(part);
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && inf_ascii_lower(text[i + k]) == inf_ascii_lower(part[k]))
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

static void containment_agrees_with_every_place(void **state)
{
    (void)state;
    static const char *const parts[] = {"ia64",   "$ARCH$",      ".Remove", "\\Services\\",
                                        "x\xe9y", "ProgramData", "6",       "a",
                                        "64ia",   "ia6",         "A.b"};
    static const char alphabet[] = "iaIA64$ArRcChH.xXe\\\xe9";
    uint32_t seed = 7;
    size_t hits = 0, misses = 0;
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        for (int round = 0; round < 400; round++) {
            char text[40];
            size_t len = (size_t)round % sizeof text;
            for (size_t i = 0; i < len; i++) {
                seed = seed * 1103515245u + 12345u;
                text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            }
            if (len >= strlen(parts[p]) && round % 3 == 0) { /* the pattern planted, case flipped */
                size_t at = (seed >> 8) % (len - strlen(parts[p]) + 1);
                for (size_t k = 0; parts[p][k]; k++)
                    text[at + k] = (char)(parts[p][k] ^ (ascii_letter(parts[p][k]) ? 0x20 : 0));
            }
            int want = contains_every_place(text, len, parts[p]);
            if (inf_text_contains_nocase(text, len, parts[p]) != want)
                fail_msg("'%s' in '%.*s': expected %d", parts[p], (int)len, text, want);
            hits += want == 1, misses += want == 0;
        }
    }
    assert_true(hits > 500 && misses > 500);
    assert_true(inf_text_contains_nocase("abc", 3, "")); /* the empty text is everywhere */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(only_ascii_letters_fold),
        cmocka_unit_test(containment_agrees_with_every_place),
        cmocka_unit_test(lower_copy_folds_every_byte_at_every_length),
        cmocka_unit_test(equality_and_hash_ignore_case_at_every_length),
        cmocka_unit_test(hash_spreads_similar_names),
        cmocka_unit_test(every_byte_pair_compares_as_folded),
        cmocka_unit_test(bytes_equal_sees_every_difference),
        cmocka_unit_test(prefixes_and_containment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
