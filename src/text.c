/*
 * text.c - ASCII case folding (text.h), eight bytes at a time where names
 * are compared and hashed by the hundred thousand.
 */
#include "text.h"

#include <string.h>

/*
 * ASCII lower case of the eight bytes of W at once (the only folding Windows
 * applies to names here): 'A'-'Z' gain 0x20, every other byte stays.
 */
static inline uint64_t fold8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t low7 = w & (ones * 0x7F);
    uint64_t at_least_a = low7 + ones * (0x80 - 'A'); /* top bit set where >= 'A' */
    uint64_t above_z = low7 + ones * (0x7F - 'Z');    /* top bit set where > 'Z' */
    uint64_t upper = at_least_a & ~above_z & ~w & (ones * 0x80);
    return w | (upper >> 2);
}

/*
 * Case-insensitive hash, eight bytes at a time (a multiply-xorshift mix). Each
 * byte is hashed with its 0x20 bit set: 'A' and 'a' alike, as case folding
 * would have them, for one instruction instead of fold8's dozen. A few other
 * bytes meet too ('@' and '`', '[' and '{'): only a collision, which the
 * comparison after the hash settles.
 */
uint32_t inf_hash_nocase(const char *text, size_t len)
{
    const uint64_t k = 0xff51afd7ed558ccdull, bit5 = 0x2020202020202020ull;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        h = (h ^ (inf_load8(text + i) | bit5)) * k;
        h ^= h >> 32;
    }
    if (i < len)
        h = (h ^ (inf_tail_word(text + i, len - i) | bit5)) * k;
    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

int inf_text_same_length_equal_nocase(const char *a, const char *b, size_t alen)
{
    size_t i = 0;
    for (; i + 8 <= alen; i += 8) {
        uint64_t x = inf_load8(a + i), y = inf_load8(b + i);
        if (x != y && fold8(x) != fold8(y)) /* (the same case, the usual answer, needs no fold) */
            return 0;
    }
    if (i == alen)
        return 1;
    uint64_t x = inf_tail_word(a + i, alen - i), y = inf_tail_word(b + i, alen - i);
    return x == y || fold8(x) == fold8(y);
}

void inf_text_lower_copy(char *out, const char *text, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w = fold8(inf_load8(text + i));
        memcpy(out + i, &w, 8);
    }
    for (; i < len; i++)
        out[i] = inf_ascii_lower(text[i]);
    out[len] = '\0';
}

int inf_text_starts_nocase(const char *text, const char *prefix, size_t n)
{
    /* (no NUL among TEXT's first N bytes: it is long enough) */
    return !memchr(text, '\0', n) && inf_text_equal_nocase2(text, n, prefix, n);
}

void inf_text_lower(char *text)
{
    inf_text_lower_copy(text, text, strlen(text)); /* (each word is read before it is written) */
}
