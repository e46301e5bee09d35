/*
 * text.h - ASCII case folding, the only folding Windows applies to INF
 * names, keys and paths: comparison, prefix tests, hashing and lowering.
 */
#ifndef INFLINT_TEXT_H
#define INFLINT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Are the LEN bytes at A and B the same? memcmp without a call, for the short
 * names compared by the hundred thousand: two overlapping words cover up to
 * eight bytes at once.
 */
static inline int inf_bytes_equal(const char *a, const char *b, size_t len)
{
    if (len < 4) {
        for (size_t i = 0; i < len; i++)
            if (a[i] != b[i])
                return 0;
        return 1;
    }
    if (len < 8) {
        uint32_t x1, y1, x2, y2;
        memcpy(&x1, a, 4), memcpy(&y1, b, 4);
        memcpy(&x2, a + len - 4, 4), memcpy(&y2, b + len - 4, 4);
        return x1 == y1 && x2 == y2;
    }
    uint64_t x, y;
    for (size_t i = 0; i + 8 < len; i += 8) {
        memcpy(&x, a + i, 8), memcpy(&y, b + i, 8);
        if (x != y)
            return 0;
    }
    memcpy(&x, a + len - 8, 8), memcpy(&y, b + len - 8, 8); /* the last eight */
    return x == y;
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

/* Does TEXT (LEN bytes) hold the NUL-terminated PART, but for ASCII case? */
int inf_text_contains_nocase(const char *text, size_t len, const char *part);

/* A hash of LEN bytes of TEXT that ASCII case does not change. */
uint32_t inf_hash_nocase(const char *text, size_t len);

/* Lower-cases the NUL-terminated TEXT in place (ASCII letters only). */
void inf_text_lower(char *text);

#endif
