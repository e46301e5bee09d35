/*
 * text.h - ASCII case folding, the only folding Windows applies to INF
 * names, keys and paths: comparison, prefix tests, hashing and lowering.
 */
#ifndef INFLINT_TEXT_H
#define INFLINT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Eight bytes at P as one word (names are compared and hashed eight bytes at a time). */
static inline uint64_t inf_load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Four bytes as a little-endian number, whatever the machine (one load where it is LE). */
static inline uint64_t inf_load32_le(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 | (uint64_t)u[3] << 24;
}

/*
 * The LEN (< 8) bytes at P as one word, byte k at bits 8k: two tails of one
 * length are equal exactly when their words are (and equal but for case
 * when their case-folded words are, text.c).
 */
static inline uint64_t inf_tail_word(const char *p, size_t len)
{
    if (len >= 4) /* two overlapping loads: shared bytes land on themselves */
        return inf_load32_le(p) | inf_load32_le(p + len - 4) << (8 * (len - 4));
    uint64_t w = 0;
    for (size_t k = 0; k < len; k++)
        w |= (uint64_t)(unsigned char)p[k] << (8 * k);
    return w;
}

/*
 * Are the LEN bytes at A and B the same? memcmp without a call, for the short
 * names compared by the hundred thousand: under eight bytes as one word each,
 * else eight bytes a step and the last eight (overlapping) for the rest.
 */
static inline int inf_bytes_equal(const char *a, const char *b, size_t len)
{
    if (len < 8)
        return inf_tail_word(a, len) == inf_tail_word(b, len);
    for (size_t i = 0; i + 8 < len; i += 8)
        if (inf_load8(a + i) != inf_load8(b + i))
            return 0;
    return inf_load8(a + len - 8) == inf_load8(b + len - 8);
}

/* C lower-cased when it is 'A'-'Z'; every other byte as it is. */
static inline char inf_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* inf_text_equal_nocase2's comparison of two texts of one length (text.c). */
int inf_text_same_length_equal_nocase(const char *a, const char *b, size_t len);

/*
 * Are A (ALEN bytes) and B (BLEN bytes) the same text but for ASCII case?
 * Most texts compared differ in length or in their first byte: those are told
 * here, without a call (a first byte differing in more than bit 0x20, the one
 * case changes, differs in any case).
 */
static inline int inf_text_equal_nocase2(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return 0;
    if (alen && ((unsigned char)(a[0] ^ b[0]) & ~0x20u))
        return 0;
    return inf_text_same_length_equal_nocase(a, b, alen);
}

/* Orders the NUL-terminated A and B as strcmp does, but for ASCII case. */
static inline int inf_compare_nocase(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (unsigned char)inf_ascii_lower(*a), y = (unsigned char)inf_ascii_lower(*b);
        if (x != y || !x)
            return x - y;
    }
}

/* Does the NUL-terminated TEXT start with the N bytes at PREFIX, but for ASCII case? */
int inf_text_starts_nocase(const char *text, const char *prefix, size_t n);

static inline int inf_ascii_letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * Does TEXT (LEN bytes) hold the NUL-terminated PART, but for ASCII case? A byte of PART that
 * is no letter has one case: only the places of the first such byte in TEXT are tried
 * (memchr; "ia64" at the '6's, "$ARCH$" at the '$'s), not every byte. (Inline: PART is most
 * often a literal, its length and that byte then known when compiled; a pass over every
 * section name asks.)
 */
static inline int inf_text_contains_nocase(const char *text, size_t len, const char *part)
{
    size_t n = strlen(part);
    if (n > len)
        return 0;
    size_t anchor = 0;
    while (anchor < n && inf_ascii_letter(part[anchor]))
        anchor++;
    if (anchor == n) { /* all letters (or none at all): every place is tried */
        char first = inf_ascii_lower(part[0]);
        for (size_t i = 0; i + n <= len; i++)
            if (n == 0 || (inf_ascii_lower(text[i]) == first && /* a cheap first test */
                           inf_text_equal_nocase2(text + i, n, part, n)))
                return 1;
        return 0;
    }
    const char *at = text + anchor, *end = text + len - n + anchor + 1; /* where it may be */
    for (; (at = (const char *)memchr(at, part[anchor], (size_t)(end - at))) != NULL; at++)
        if (inf_text_equal_nocase2(at - anchor, n, part, n))
            return 1;
    return 0;
}

/* A hash of LEN bytes of TEXT that ASCII case does not change. */
uint32_t inf_hash_nocase(const char *text, size_t len);

/* Lower-cases the NUL-terminated TEXT in place (ASCII letters only). */
void inf_text_lower(char *text);
/* Writes the LEN bytes of TEXT to OUT in ASCII lower case, then a NUL (OUT has LEN + 1; it
 * may be TEXT itself). */
void inf_text_lower_copy(char *out, const char *text, size_t len);

#endif
