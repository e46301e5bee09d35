/*
 * offset_search.h - the last of an array's items that starts at or before a
 * source offset: the line of an offset (line starts), the run holding it
 * (header offsets). Items are STRIDE bytes apart, each holding its offset as
 * a uint32_t, the first at KEYS; the offsets ascend.
 */
#ifndef INFLINT_OFFSET_SEARCH_H
#define INFLINT_OFFSET_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The offset of item I. */
static inline uint32_t inf_offset_of(const void *keys, size_t stride, size_t i)
{
    uint32_t key;
    memcpy(&key, (const char *)keys + i * stride, sizeof key);
    return key;
}

/* The last index in [LO, HI) whose offset is at most OFFSET (LO's is), by bisection. */
static inline size_t inf_last_at_most(const void *keys, size_t stride, size_t lo, size_t hi,
                                      size_t offset)
{
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (inf_offset_of(keys, stride, mid) <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Forward searches go at most this many items before giving way to a search of them all. */
#define INF_OFFSET_SEARCH_REACH 512

/*
 * Looks for the last of COUNT items at or before OFFSET forward from item FROM (at or before
 * it), in steps that double: what findings in file order need, a few items on. Sets *FOUND and
 * returns 1, or returns 0 when the item lies further than INF_OFFSET_SEARCH_REACH on.
 */
static inline int inf_last_at_most_forward(const void *keys, size_t stride, size_t count,
                                           size_t from, size_t offset, size_t *found)
{
    size_t lo = from, hi = from + 1, step = 1;
    while (hi < count && inf_offset_of(keys, stride, hi) <= offset &&
           step < INF_OFFSET_SEARCH_REACH) {
        lo = hi;
        hi = lo + step;
        step *= 2;
    }
    if (hi >= count)
        hi = count;
    else if (inf_offset_of(keys, stride, hi) <= offset)
        return 0;
    *found = inf_last_at_most(keys, stride, lo, hi, offset);
    return 1;
}

#endif
