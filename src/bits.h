/*
 * bits.h - bit tricks the block scanners share (lexer, decoder, code-point
 * counts), and the prefetch hint of the loops over big files.
 */
#ifndef INFLINT_BITS_H
#define INFLINT_BITS_H

#include <stddef.h>
#include <stdint.h>

#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
/* The index of the lowest set bit of MASK, which is not 0. */
static inline size_t inf_lowest_set_bit(unsigned mask)
{
    unsigned long at;
    _BitScanForward(&at, mask);
    return at;
}
/* The index of the highest set bit of MASK, which is not 0. */
static inline size_t inf_highest_set_bit(unsigned mask)
{
    unsigned long at;
    _BitScanReverse(&at, mask);
    return at;
}
#else
/* The index of the lowest set bit of MASK, which is not 0. */
static inline size_t inf_lowest_set_bit(unsigned mask)
{
    return (size_t)__builtin_ctz(mask);
}
/* The index of the highest set bit of MASK, which is not 0. */
static inline size_t inf_highest_set_bit(unsigned mask)
{
    return (size_t)(31 - __builtin_clz(mask));
}
#endif

/* The number of bytes of W (eight text bytes) that continue a UTF-8 character (bit 7 set, bit 6
 * clear): such a byte's bit 7 is marked, and one multiplication sums the marks. */
static inline unsigned inf_continuation_bytes(uint64_t w)
{
    const uint64_t high = 0x8080808080808080ull;
    uint64_t marks = w & ~(w << 1) & high; /* bit 7 of each such byte */
    /* One bit per byte at bit 0 of each byte; the multiply sums them into the top byte. */
    return (unsigned)(((marks >> 7) * 0x0101010101010101ull) >> 56);
}

/* A hint that the cache line holding P is read soon (nothing where the compiler has none). */
static inline void inf_prefetch(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

#endif
