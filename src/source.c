/*
 * source.c - encoding detection and decoding (inf-reference.md sections 1-2).
 *
 * Everything after this stage sees UTF-8 text in which NUL has become a space
 * and which ends at the first Ctrl-Z, plus a table of physical line starts.
 */
#include "source.h"
#include "offset_search.h"
#include "bits.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "os.h"

#include <stdlib.h>
#include <string.h>

/* SSE2: GCC and Clang say so; MSVC does not, but every x64 target has it. */
#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
#define INF_HAVE_SSE2 1
#include <emmintrin.h>
#endif

/* Windows-1252 code points for bytes 0x80-0x9F; undefined bytes map to themselves. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

#define REPLACEMENT_CHARACTER 0xFFFD
#define CTRL_Z 0x1A
#define DETECTION_SAMPLE 65536

size_t inf_utf8_length(const char *text, size_t len)
{
    /* Every byte counts but a continuation byte, eight at a time. */
    size_t continuations = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        continuations += inf_continuation_bytes(w);
    }
    for (; i < len; i++)
        continuations += ((unsigned char)text[i] & 0xC0) == 0x80;
    return len - continuations;
}

const char *inf_encoding_name(enum inf_encoding encoding)
{
    switch (encoding) {
    case INF_ENCODING_UTF16LE:
        return "utf-16le";
    case INF_ENCODING_UTF16LE_NOBOM:
        return "utf-16le-nobom";
    case INF_ENCODING_UTF8_BOM:
        return "utf-8-bom";
    case INF_ENCODING_UTF16BE:
        return "utf-16be";
    case INF_ENCODING_UTF8:
        return "utf-8";
    case INF_ENCODING_ANSI:
        break;
    }
    return "ansi";
}

enum inf_encoding inf_encoding_from_name(const char *name)
{
    static const enum inf_encoding all[] = {INF_ENCODING_UTF16LE, INF_ENCODING_UTF16LE_NOBOM,
                                            INF_ENCODING_UTF8_BOM, INF_ENCODING_UTF16BE,
                                            INF_ENCODING_UTF8};
    for (size_t i = 0; name && i < sizeof all / sizeof all[0]; i++)
        if (strcmp(name, inf_encoding_name(all[i])) == 0)
            return all[i];
    return INF_ENCODING_ANSI;
}

/* Writes code point CP as UTF-8 at OUT; returns the number of bytes written. */
static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * The zero-byte pattern test that stands in for RtlIsTextUnicode: text of
 * mostly ASCII characters in UTF-16 has a zero in one byte of nearly every
 * pair. Returns +1 for little-endian, -1 for big-endian, 0 for 8-bit.
 * A few stray NULs in an 8-bit file do not change the answer.
 */
static int utf16_pattern(const unsigned char *bytes, size_t len)
{
    size_t n = len < DETECTION_SAMPLE ? len : DETECTION_SAMPLE;
    size_t pairs = n / 2;
    if (pairs == 0 || !memchr(bytes, 0, n))
        return 0; /* no zero byte at all: 8-bit (the usual answer, found fast) */
    size_t zero_even = 0, zero_odd = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        zero_even += bytes[i] == 0;
        zero_odd += bytes[i + 1] == 0;
    }
    if (zero_odd * 2 > pairs && zero_even * 10 < pairs)
        return 1;
    if (zero_even * 2 > pairs && zero_odd * 10 < pairs)
        return -1;
    return 0;
}

/* Records the first bad position. */
static void mark_bad(struct inf_source *source, size_t at)
{
    if (!(source->flags & INF_SOURCE_BAD_DATA)) {
        source->flags |= INF_SOURCE_BAD_DATA;
        source->bad_offset = (uint32_t)at;
    }
}

/* Room for the block marks of up to TEXT_CAP bytes of text, the first at file offset BASE. */
static void start_block_marks(struct inf_source *source, size_t text_cap, uint32_t base)
{
    source->block_bytes = inf_xmalloc((text_cap / INF_SOURCE_BLOCK + 2) * sizeof(uint32_t));
    source->block_bytes[0] = base;
}

/*
 * Marks the block starts from NEXT up to text offset TO, which the decoder has just reached,
 * at file offset FILE_TO. UNIT is the file bytes per text byte of the run of ASCII that ended
 * there, or 0 for one character (a block start inside it takes its end). Returns the next
 * block start to mark; the decoders call this only when TO has reached NEXT.
 */
static size_t mark_blocks(uint32_t *marks, size_t next, size_t to, size_t file_to, unsigned unit)
{
    for (; next <= to; next += INF_SOURCE_BLOCK)
        marks[next / INF_SOURCE_BLOCK] = (uint32_t)(file_to - (to - next) * unit);
    return next;
}

/*
 * Copies the leading run of UNITS little-endian UTF-16 units at IN that are
 * ASCII other than NUL and Ctrl-Z to OUT + *O, a block at a time (the common
 * case); the rest is left to the caller. Returns the number of units copied.
 */
static size_t ascii_utf16le_run(const unsigned char *in, size_t units, char *out, size_t *o)
{
    size_t i = 0;
#ifdef INF_HAVE_SSE2
    const __m128i high = _mm_set1_epi16((short)0xFF80), zero = _mm_setzero_si128();
    const __m128i ctrl_z = _mm_set1_epi16(CTRL_Z);
    for (; i + 16 <= units; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(in + 2 * i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(in + 2 * i + 16));
        __m128i bad =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(a, zero), _mm_cmpeq_epi16(b, zero)),
                         _mm_or_si128(_mm_cmpeq_epi16(a, ctrl_z), _mm_cmpeq_epi16(b, ctrl_z)));
        __m128i narrow = _mm_cmpeq_epi16(_mm_and_si128(_mm_or_si128(a, b), high), zero);
        if (_mm_movemask_epi8(bad) != 0 || _mm_movemask_epi8(narrow) != 0xFFFF)
            break;
        _mm_storeu_si128((__m128i *)(void *)(out + *o), _mm_packus_epi16(a, b));
        *o += 16;
    }
#endif
    for (; i + 4 <= units; i += 4) {
        uint64_t word;
        memcpy(&word, in + 2 * i, 8);
        const uint64_t ones = 0x0001000100010001ull, tops = 0x8000800080008000ull;
        uint64_t z = word ^ (ones * CTRL_Z);
        if ((word & 0xFF80FF80FF80FF80ull) || (((word - ones) & ~word) | ((z - ones) & ~z)) & tops)
            break;
        for (size_t k = 0; k < 4; k++)
            out[*o + k] = (char)in[2 * (i + k)];
        *o += 4;
    }
    return i;
}

/* Decodes UTF-16 (BIG_ENDIAN or not) from BYTES, at file offset BASE, into SOURCE->text. */
static void decode_utf16(struct inf_source *source, const unsigned char *bytes, size_t len,
                         int big_endian, size_t base)
{
    size_t units = len / 2;
    /* Each unit gives at most 3 bytes (a surrogate pair gives 4 for 2 units). */
    char *out = inf_xmalloc(units * 3 + 4);
    size_t o = 0;
    int hi = big_endian ? 0 : 1;
    size_t next_mark = INF_SOURCE_BLOCK; /* BASE: the file offset of BYTES */
    start_block_marks(source, units * 3 + 4, (uint32_t)base);
    for (size_t i = 0; i < units; i++) {
        if (!big_endian)
            i += ascii_utf16le_run(bytes + 2 * i, units - i, out, &o);
        if (o >= next_mark)
            next_mark = mark_blocks(source->block_bytes, next_mark, o, base + 2 * i, 2);
        if (i >= units)
            break;
        uint32_t cp = (uint32_t)bytes[2 * i + hi] << 8 | bytes[2 * i + 1 - hi];
        if (cp == CTRL_Z) {
            source->flags |= INF_SOURCE_CTRL_Z;
            units = i; /* stop: nothing after counts */
            break;
        }
        if (cp == 0) {
            cp = ' ';
        } else if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units) {
            uint32_t lo = (uint32_t)bytes[2 * i + 2 + hi] << 8 | bytes[2 * i + 3 - hi];
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            } else {
                mark_bad(source, o);
                cp = REPLACEMENT_CHARACTER;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            mark_bad(source, o);
            cp = REPLACEMENT_CHARACTER;
        }
        o += put_utf8(out + o, cp);
        if (o >= next_mark) /* the character's units end at unit i */
            next_mark = mark_blocks(source->block_bytes, next_mark, o, base + 2 * (i + 1), 0);
    }
    if ((len & 1) && !(source->flags & INF_SOURCE_CTRL_Z)) {
        mark_bad(source, o);
        o += put_utf8(out + o, REPLACEMENT_CHARACTER);
        if (o >= next_mark)
            mark_blocks(source->block_bytes, next_mark, o, base + len, 0);
    }
    out[o] = '\0';
    source->text = out;
    source->len = o;
}

/* Length of the valid UTF-8 sequence at P (at most N bytes), or 0. */
static size_t utf8_sequence(const unsigned char *p, size_t n, uint32_t *cp)
{
    unsigned char c = p[0];
    size_t need;
    uint32_t value, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 2, value = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3, value = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4, value = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < need)
        return 0;
    for (size_t k = 1; k < need; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        value = value << 6 | (p[k] & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return need;
}

/* Non-zero when one of the 64 bytes at P is NUL, Ctrl-Z or >= 0x80. */
static inline int block_needs_look(const unsigned char *p)
{
#ifdef INF_HAVE_SSE2
    const __m128i zero = _mm_setzero_si128(), ctrl_z = _mm_set1_epi8(CTRL_Z);
    __m128i look = zero;
    for (int k = 0; k < 64; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
        /* (a high byte's top bit) */
        look = _mm_or_si128(look, _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, zero),
                                                               _mm_cmpeq_epi8(v, ctrl_z))));
    }
    return _mm_movemask_epi8(look) != 0;
#else
    unsigned char any = 0;
    for (int k = 0; k < 64; k++)
        any |= (unsigned char)((p[k] == 0) | (p[k] == CTRL_Z) | (p[k] >> 7));
    return any;
#endif
}

/* Bytes from P up to the first one >= 0x80 (at most N), 16 or 8 at a time. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
    size_t i = 0;
#ifdef INF_HAVE_SSE2
    for (; i + 16 <= n; i += 16) {
        unsigned mask =
            (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + i)));
        if (mask)
            return i + inf_lowest_set_bit(mask);
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ull)
            break;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

/*
 * Copies the bytes from P up to the first one >= 0x80, NUL or Ctrl-Z (at
 * most N) to OUT; returns how many. Sixteen are stored at a time, those
 * after the run too: OUT has room for them (a decoded byte takes at most
 * three), and what follows the run is written over them.
 */
static size_t copy_ascii_run(char *out, const unsigned char *p, size_t n)
{
    size_t i = 0;
#ifdef INF_HAVE_SSE2
    const __m128i zero = _mm_setzero_si128(), ctrl_z = _mm_set1_epi8(CTRL_Z);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        _mm_storeu_si128((__m128i *)(void *)(out + i), v);
        __m128i stop =
            _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, zero), _mm_cmpeq_epi8(v, ctrl_z)));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop); /* (a high byte's top bit) */
        if (mask)
            return i + inf_lowest_set_bit(mask);
    }
#endif
    for (; i < n && p[i] < 0x80 && p[i] != 0 && p[i] != CTRL_Z; i++)
        out[i] = (char)p[i];
    return i;
}

/* Decodes UTF-8 (after its BOM), replacing invalid bytes with U+FFFD. */
static void decode_utf8(struct inf_source *source, const unsigned char *bytes, size_t len)
{
    char *out = inf_xmalloc(len * 3 + 1);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t run = copy_ascii_run(out + o, bytes + i, len - i); /* (most of a text) */
        o += run;
        i += run;
        if (i >= len)
            break;
        uint32_t cp;
        size_t n = utf8_sequence(bytes + i, len - i, &cp);
        if (n == 0) {
            mark_bad(source, o);
            o += put_utf8(out + o, REPLACEMENT_CHARACTER);
            i++;
            continue;
        }
        if (cp == CTRL_Z) {
            source->flags |= INF_SOURCE_CTRL_Z;
            break;
        }
        if (cp == 0)
            cp = ' ';
        o += put_utf8(out + o, cp);
        i += n;
    }
    out[o] = '\0';
    source->text = out;
    source->len = o;
}

/*
 * 8-bit text. Pure ASCII is used in place (the buffer is ours, with room
 * for the terminator): the bytes are read up to the first high byte, NULs
 * becoming spaces; a text that has one is converted from there on, each
 * byte one Windows-1252 character in a new buffer. Ctrl-Z ends the text.
 */
static void decode_ansi(struct inf_source *source, struct inf_input *input)
{
    unsigned char *bytes = input->bytes;
    size_t len = input->len;
    size_t i = 0;
    for (;;) {
        /* 64 bytes at a time while none needs a look (the common case) */
        while (i + 64 <= len && !block_needs_look(bytes + i))
            i += 64;
        size_t stop = i + 64 <= len ? i + 64 : len;
        for (; i < stop && bytes[i] != CTRL_Z && bytes[i] < 0x80; i++)
            if (bytes[i] == 0)
                bytes[i] = ' ';
        if (i >= len || bytes[i] == CTRL_Z || bytes[i] >= 0x80)
            break;
    }
    if (i >= len || bytes[i] == CTRL_Z) {
        if (i < len) {
            source->flags |= INF_SOURCE_CTRL_Z;
            len = i;
        }
        bytes[len] = '\0';
        source->text = (char *)bytes;
        source->len = len;
        source->mapped = input->mapped;
        input->bytes = NULL;
        return;
    }
    source->flags |= INF_SOURCE_HIGH_BYTES;
    char *out = inf_xmalloc(len * 3 + 1);
    start_block_marks(source, len * 3 + 1, 0);
    memcpy(out, bytes, i); /* the ASCII before the first high byte, as it is */
    size_t o = i, k = i, next_mark = INF_SOURCE_BLOCK;
    if (o >= next_mark)
        next_mark = mark_blocks(source->block_bytes, next_mark, o, k, 1);
    while (k < len) {
        size_t run = copy_ascii_run(out + o, bytes + k, len - k); /* as it is */
        o += run;
        k += run;
        if (o >= next_mark)
            next_mark = mark_blocks(source->block_bytes, next_mark, o, k, 1);
        if (k >= len)
            break;
        uint32_t cp = bytes[k];
        if (cp == CTRL_Z) {
            source->flags |= INF_SOURCE_CTRL_Z;
            break;
        }
        k++;
        if (cp == 0) { /* a space, one byte for one (the input is not kept: only OUT is) */
            out[o++] = ' ';
            if (o >= next_mark)
                next_mark = mark_blocks(source->block_bytes, next_mark, o, k, 1);
            continue;
        }
        for (;;) { /* Windows-1252 characters, one a byte (a localized text has them in a row) */
            if (cp < 0xA0)
                cp = cp1252_high[cp - 0x80];
            o += put_utf8(out + o, cp);
            if (o >= next_mark)
                next_mark = mark_blocks(source->block_bytes, next_mark, o, k, 0);
            if (k >= len || bytes[k] < 0x80)
                break;
            cp = bytes[k++];
        }
    }
    out[o] = '\0';
    source->text = out;
    source->len = o;
}

/* The Windows-1252 byte for code point CP, or -1. */
static int cp1252_byte(uint32_t cp)
{
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

int inf_source_encode(enum inf_encoding encoding, const char *text, size_t len, struct inf_buf *out)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_sequence(p + i, len - i, &cp);
        if (n == 0)
            return -1;
        i += n;
        if (encoding == INF_ENCODING_UTF8_BOM || encoding == INF_ENCODING_UTF8) {
            inf_buf_add(out, (const char *)p + i - n, n);
        } else if (encoding == INF_ENCODING_ANSI) {
            int b = cp1252_byte(cp);
            if (b < 0)
                return -1;
            inf_buf_addc(out, (char)b);
        } else if (encoding == INF_ENCODING_UTF16LE || encoding == INF_ENCODING_UTF16LE_NOBOM) {
            uint32_t units[2] = {cp, 0};
            size_t count = 1;
            if (cp >= 0x10000) {
                units[0] = 0xD800 + ((cp - 0x10000) >> 10);
                units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
                count = 2;
            }
            for (size_t k = 0; k < count; k++) {
                inf_buf_addc(out, (char)(units[k] & 0xFF));
                inf_buf_addc(out, (char)(units[k] >> 8));
            }
        } else {
            return -1;
        }
    }
    return 0;
}

void inf_source_grow_lines(struct inf_source *source)
{
    size_t cap = source->line_cap;
    source->line_starts =
        inf_xgrow(source->line_starts, &cap, (size_t)source->line_count + 1, sizeof(uint32_t));
    source->line_cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
}

void inf_source_map_lines(struct inf_source *source)
{
    source->line_count = 0;
    inf_source_add_line(source, 0);
    const char *text = source->text, *end = text + source->len, *p = text;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        inf_source_add_line(source, (uint32_t)(p - text));
    }
    inf_source_lines_done(source);
}

/* Files with fewer lines than this search their line starts directly (they stay in cache). */
#define SAMPLED_LINES 65536u

void inf_source_lines_done(struct inf_source *source)
{
    free(source->line_sample);
    source->line_sample = NULL;
    source->sample_count = 0;
    if (source->line_count < SAMPLED_LINES)
        return;
    uint32_t n = (source->line_count - 1) / INF_SOURCE_LINE_SAMPLE + 1;
    source->line_sample = inf_xmalloc((size_t)n * sizeof *source->line_sample);
    for (uint32_t k = 0; k < n; k++)
        source->line_sample[k] = source->line_starts[(size_t)k * INF_SOURCE_LINE_SAMPLE];
    source->sample_count = n;
}

/* Gives the input's bytes back (malloc'd or mapped). */
static void release_input(struct inf_input *input)
{
    if (!input->bytes)
        return;
    if (input->mapped)
        inf_os_unmap(input->bytes, input->mapped);
    else
        free(input->bytes);
    input->bytes = NULL;
}

int inf_source_decode_input(struct inf_source *source, struct inf_input input)
{
    memset(source, 0, sizeof *source);
    unsigned char *bytes = input.bytes;
    size_t len = input.len;
    if (len > INF_SOURCE_MAX_BYTES) {
        release_input(&input);
        return -1;
    }
    int pattern;
    if (len >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) {
        source->encoding = INF_ENCODING_UTF16LE;
        decode_utf16(source, bytes + 2, len - 2, 0, 2);
    } else if (len >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) {
        source->encoding = INF_ENCODING_UTF16BE;
        decode_utf16(source, bytes + 2, len - 2, 1, 2);
    } else if (len >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        source->encoding = INF_ENCODING_UTF8_BOM;
        decode_utf8(source, bytes + 3, len - 3);
    } else if ((pattern = utf16_pattern(bytes, len)) != 0) {
        source->encoding = pattern > 0 ? INF_ENCODING_UTF16LE_NOBOM : INF_ENCODING_UTF16BE;
        decode_utf16(source, bytes, len, pattern < 0, 0);
    } else {
        source->encoding = INF_ENCODING_ANSI;
        /* A malloc'd buffer may have no room for a terminator: make some. */
        if (!input.mapped)
            input.bytes = inf_xrealloc(input.bytes, len + 1);
        decode_ansi(source, &input);
    }
    release_input(&input);
    return 0;
}

int inf_source_decode_source_input(struct inf_source *source, struct inf_input input)
{
    const unsigned char *b = input.bytes;
    size_t len = input.len;
    int bom = (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) ||
              (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF);
    if (bom || len > INF_SOURCE_MAX_BYTES || ascii_run(b, len) == len ||
        !inf_utf8_valid((const char *)b, len))
        return inf_source_decode_input(source, input);
    memset(source, 0, sizeof *source);
    source->encoding = INF_ENCODING_UTF8;
    decode_utf8(source, b, len);
    release_input(&input);
    return 0;
}

int inf_source_decode(struct inf_source *source, unsigned char *bytes, size_t len)
{
    struct inf_input input = {bytes, len, 0, 0};
    if (inf_source_decode_input(source, input) != 0)
        return -1;
    inf_source_map_lines(source);
    return 0;
}

void inf_source_free(struct inf_source *source)
{
    if (source->mapped)
        inf_os_unmap(source->text, source->mapped);
    else
        free(source->text);
    free(source->line_starts);
    free(source->line_sample);
    free(source->block_bytes);
    memset(source, 0, sizeof *source);
}

/* Index of the line holding OFFSET: in a sampled file, the stretch of INF_SOURCE_LINE_SAMPLE
 * lines first. */
static uint32_t line_index(const struct inf_source *source, size_t offset)
{
    size_t lo = 0, hi = source->line_count, line = sizeof *source->line_starts;
    if (source->sample_count) {
        lo = inf_last_at_most(source->line_sample, line, 0, source->sample_count, offset) *
             INF_SOURCE_LINE_SAMPLE;
        if (hi - lo > INF_SOURCE_LINE_SAMPLE)
            hi = lo + INF_SOURCE_LINE_SAMPLE;
    }
    return (uint32_t)inf_last_at_most(source->line_starts, line, lo, hi, offset);
}

/* Code points in TEXT[FROM, TO). */
static uint32_t code_points(const char *text, size_t from, size_t to)
{
    return (uint32_t)inf_utf8_length(text + from, to - from);
}

void inf_source_position_near(const struct inf_source *source, struct inf_source_cursor *cursor,
                              size_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > source->len)
        offset = source->len;
    /* Findings come in file order more often than not, a span's end on its start's line: the
     * line is looked for forward from the last mark's first (its own line or the next at
     * once), across the file only when it is not within reach. */
    size_t index;
    unsigned last = (cursor->next + INF_SOURCE_CURSOR_MARKS - 1) % INF_SOURCE_CURSOR_MARKS;
    if (cursor->marks[last].line == 0 || cursor->marks[last].offset > offset ||
        !inf_last_at_most_forward(source->line_starts, sizeof *source->line_starts,
                                  source->line_count, cursor->marks[last].line - 1, offset, &index))
        index = line_index(source, offset);
    size_t start = source->line_starts[index];
    /* Count from the nearest known point of the line: its start or a recent mark. */
    size_t best_distance = offset - start;
    uint32_t col = 0;
    int best = -1;
    for (int k = 0; k < INF_SOURCE_CURSOR_MARKS; k++) {
        if (cursor->marks[k].line != index + 1)
            continue;
        size_t at = cursor->marks[k].offset;
        size_t distance = at > offset ? at - offset : offset - at;
        if (distance < best_distance || (distance == 0 && best < 0))
            best_distance = distance, best = k;
    }
    if (best < 0) {
        col = 1 + code_points(source->text, start, offset);
    } else if (cursor->marks[best].offset <= offset) {
        col = cursor->marks[best].column +
              code_points(source->text, cursor->marks[best].offset, offset);
    } else {
        col = cursor->marks[best].column -
              code_points(source->text, offset, cursor->marks[best].offset);
    }
    if (best < 0 || best_distance != 0) { /* remember it in the oldest mark */
        unsigned k = cursor->next++ % INF_SOURCE_CURSOR_MARKS;
        cursor->marks[k].line = index + 1;
        cursor->marks[k].offset = offset;
        cursor->marks[k].column = col;
    }
    *line = index + 1;
    *column = col;
}

void inf_source_position(const struct inf_source *source, size_t offset, uint32_t *line,
                         uint32_t *column)
{
    if (offset > source->len)
        offset = source->len;
    uint32_t index = line_index(source, offset);
    uint32_t col = 1 + code_points(source->text, source->line_starts[index], offset);
    *line = index + 1;
    *column = col;
}

const char *inf_source_line_text(const struct inf_source *source, uint32_t line, size_t *len)
{
    if (line == 0 || line > source->line_count) {
        *len = 0;
        return "";
    }
    size_t start = source->line_starts[line - 1];
    size_t end = line < source->line_count ? source->line_starts[line] - 1 : source->len;
    while (end > start && source->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return source->text + start;
}
