/*
 * bits.h - bit tricks the block scanners share (lexer, decoder), and the
 * prefetch hint of the loops over big files.
 */
#ifndef INFLINT_BITS_H
#define INFLINT_BITS_H

#include <stddef.h>

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
