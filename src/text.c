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

static inline uint64_t load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Four bytes as a little-endian number, whatever the machine (one load where it is LE). */
static inline uint64_t load32_le(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 | (uint64_t)u[3] << 24;
}

/*
 * The LEN (< 8) bytes at P as one word, byte k at bits 8k: two tails of one
 * length are equal exactly when their words are (and equal but for case
 * when their fold8() are).
 */
static inline uint64_t tail_word(const char *p, size_t len)
{
    if (len >= 4) /* two overlapping loads: shared bytes land on themselves */
        return load32_le(p) | load32_le(p + len - 4) << (8 * (len - 4));
    uint64_t w = 0;
    for (size_t k = 0; k < len; k++)
        w |= (uint64_t)(unsigned char)p[k] << (8 * k);
    return w;
}

/* Case-insensitive hash, eight bytes at a time (a multiply-xorshift mix). */
uint32_t inf_hash_nocase(const char *text, size_t len)
{
    const uint64_t k = 0xff51afd7ed558ccdull;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        h = (h ^ fold8(load8(text + i))) * k;
        h ^= h >> 32;
    }
    if (i < len)
        h = (h ^ fold8(tail_word(text + i, len - i))) * k;
    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

int inf_text_same_length_equal_nocase(const char *a, const char *b, size_t alen)
{
    size_t i = 0;
    for (; i + 8 <= alen; i += 8) {
        uint64_t x = load8(a + i), y = load8(b + i);
        if (x != y && fold8(x) != fold8(y)) /* (the same case, the usual answer, needs no fold) */
            return 0;
    }
    if (i == alen)
        return 1;
    uint64_t x = tail_word(a + i, alen - i), y = tail_word(b + i, alen - i);
    return x == y || fold8(x) == fold8(y);
}

int inf_text_starts_nocase(const char *text, const char *prefix, size_t n)
{
    /* (no NUL among TEXT's first N bytes: it is long enough) */
    return !memchr(text, '\0', n) && inf_text_equal_nocase2(text, n, prefix, n);
}

void inf_text_lower(char *text)
{
    for (; *text; text++)
        *text = inf_ascii_lower(*text);
}

int inf_text_contains_nocase(const char *text, size_t len, const char *part)
{
    size_t n = strlen(part);
    char first = inf_ascii_lower(part[0]);
    for (size_t i = 0; i + n <= len; i++)
        if (inf_ascii_lower(text[i]) == first && /* a cheap first test */
            inf_text_equal_nocase2(text + i, n, part, n))
            return 1;
    return 0;
}
