/*
 * test_suggest.c - "did you mean": the closest candidate by edit distance,
 * which suggest.c works out only near the diagonal of the distance matrix.
 * Compared here with the whole matrix on generated words.
 */
#include "helpers.h"
#include "suggest.h"

#include <ctype.h>

/* Optimal string alignment distance over the whole matrix, ignoring ASCII case. */
static size_t full_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    size_t d[40][40];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + (ca != cb) < v)
                v = d[i - 1][j - 1] + (ca != cb);
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

/* What inf_suggest promises: the first candidate of the smallest distance, when that is at
 * most 2 and less than half the word's length. */
static const char *full_suggest(const char *word, const char *const *candidates, size_t count)
{
    const char *best = NULL;
    size_t best_distance = 3, length = strlen(word);
    for (size_t i = 0; i < count; i++) {
        size_t dist = full_distance(word, candidates[i]);
        if (dist < best_distance && dist * 2 < length)
            best = candidates[i], best_distance = dist;
    }
    return best;
}

static unsigned next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* A word of 0-12 letters from a small alphabet (so that near misses are common), each letter
 * maybe upper case. */
static void random_word(unsigned *seed, char *out)
{
    static const char letters[] = "abcdAB_";
    size_t n = next_random(seed) % 13;
    for (size_t i = 0; i < n; i++)
        out[i] = letters[next_random(seed) % (sizeof letters - 1)];
    out[n] = '\0';
}

static void banded_search_agrees_with_the_whole_matrix(void **state)
{
    (void)state;
    unsigned seed = 7;
    char words[12][16];
    const char *candidates[12];
    for (int round = 0; round < 20000; round++) {
        size_t count = next_random(&seed) % 12;
        for (size_t i = 0; i < count; i++) {
            random_word(&seed, words[i]);
            candidates[i] = words[i];
        }
        char word[16];
        random_word(&seed, word);
        if (count && next_random(&seed) % 3 == 0) { /* a near miss of a candidate */
            strcpy(word, candidates[next_random(&seed) % count]);
            size_t n = strlen(word);
            if (n > 1) {
                size_t at = next_random(&seed) % (n - 1);
                char c = word[at];
                word[at] = word[at + 1], word[at + 1] = c; /* a swap */
            }
        }
        const char *want = full_suggest(word, candidates, count);
        const char *got = inf_suggest(word, candidates, count);
        if (want != got)
            fail_msg("'%s': expected '%s', got '%s'", word, want ? want : "(none)",
                     got ? got : "(none)");
    }
}

static void suggestions_by_example(void **state)
{
    (void)state;
    static const char *const names[] = {"Provider", "DeviceDesc", "ServiceName", "Disk1"};
    assert_string_equal(inf_suggest("Provder", names, 4), "Provider");
    assert_string_equal(inf_suggest("devicedsec", names, 4), "DeviceDesc"); /* case, a swap */
    assert_string_equal(inf_suggest("ServiceNam", names, 4), "ServiceName");
    assert_null(inf_suggest("Vendor", names, 4));
    assert_null(inf_suggest("Dsk", names, 4)); /* one edit is not less than half of three */
    assert_null(inf_suggest("", names, 4));
    static const char *const long_ones[] = {
        "a_name_longer_than_sixty_four_letters_is_never_a_typo_of_anything_at_all_x"};
    assert_null(
        inf_suggest("a_name_longer_than_sixty_four_letters_is_never_a_typo_of_anything_at_all_y",
                    long_ones, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(banded_search_agrees_with_the_whole_matrix),
        cmocka_unit_test(suggestions_by_example),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
