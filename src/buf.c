/*
 * buf.c - growable byte buffer and JSON string escaping.
 */
#include "inflint/buf.h"
#include "inflint/alloc.h"
#include "bits.h"
#include "buf_cursor.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INF_BUF_FIRST_ROOM 128

#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
#define HAVE_SSE2 1
#include <emmintrin.h>
#endif

/* Writes what BUF holds to its sink and empties it. */
static void flush_to_sink(struct inf_buf *buf)
{
    if (buf->len)
        fwrite(buf->data, 1, buf->len, buf->sink);
    inf_buf_clear(buf);
}

void inf_buf_reserve(struct inf_buf *buf, size_t extra)
{
    if (buf->len + extra + 1 <= buf->cap)
        return;
    if (buf->sink && buf->len) {
        flush_to_sink(buf);
        if (extra + 1 <= buf->cap)
            return;
    }
    size_t needed = buf->len + extra + 1;
    /* Most buffers hold a name or a line: room for one from the start, not three regrowths. */
    if (!buf->data && needed < INF_BUF_FIRST_ROOM)
        needed = INF_BUF_FIRST_ROOM;
    buf->data = inf_xgrow(buf->data, &buf->cap, needed, 1);
}

void inf_buf_add(struct inf_buf *buf, const char *data, size_t len)
{
    if (buf->sink && len >= buf->cap) { /* bigger than the buffer: written, not copied in */
        flush_to_sink(buf);
        fwrite(data, 1, len, buf->sink);
        return;
    }
    inf_buf_reserve(buf, len);
    if (len)
        memcpy(buf->data + buf->len, data, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void inf_buf_addc(struct inf_buf *buf, char c)
{
    inf_buf_reserve(buf, 1);
    buf->data[buf->len++] = c;
    buf->data[buf->len] = '\0';
}

void inf_buf_adds(struct inf_buf *buf, const char *text)
{
    inf_buf_add(buf, text, strlen(text));
}

void inf_buf_add_repeated(struct inf_buf *buf, char c, size_t count)
{
    inf_buf_reserve(buf, count);
    memset(buf->data + buf->len, c, count);
    buf->len += count;
    buf->data[buf->len] = '\0';
}

/* Appends LEN bytes of DATA, the room checked here and the terminator left to the caller
 * (inf_buf_vformat writes it once, at the end). */
static inline void append(struct inf_buf *buf, const char *data, size_t len)
{
    if (buf->len + len + 1 > buf->cap)
        inf_buf_reserve(buf, len);
    inf_copy_bytes(buf->data + buf->len, data, len);
    buf->len += len;
}

/* Appends VALUE in BASE (10 or 16); returns the digits written. */
static size_t append_unsigned(struct inf_buf *buf, unsigned long long value, unsigned base)
{
    char digits[24];
    size_t n = sizeof digits;
    if (base == 10) {
        n = (size_t)(inf_uint_at(digits, value) - digits);
        append(buf, digits, n);
        return n;
    }
    do {
        digits[--n] = "0123456789abcdef"[value % 16];
        value /= 16;
    } while (value);
    append(buf, digits + n, sizeof digits - n);
    return sizeof digits - n;
}

int inf_buf_vformat(struct inf_buf *buf, const char *format, va_list args)
{
    /* The format is read once, what it appended undone if a conversion turns out not to be
     * one of ours; the arguments are read from a copy, the caller's left as they were for
     * vsnprintf. A buffer with a sink is not flushed meanwhile (what it wrote could not be
     * taken back): it is flushed before when more than half full, so that only a text longer
     * than half of it makes it grow. */
    FILE *sink = buf->sink;
    if (sink && buf->len > buf->cap / 2)
        flush_to_sink(buf);
    buf->sink = NULL;
    size_t undo = buf->len;
    va_list ap;
    va_copy(ap, args);
    /* Counted as appended, not as a change of buf->len: a buffer with a sink may flush. */
    size_t added = 0;
    for (const char *p = format;;) {
        const char *pct = strchr(p, '%');
        size_t literal = pct ? (size_t)(pct - p) : strlen(p); /* (strcspn is slower) */
        append(buf, p, literal);
        added += literal;
        if (!pct)
            break;
        p = pct + 1;
        if (p[0] == '.' && p[1] == '*' && p[2] == 's') { /* %.*s */
            int len = va_arg(ap, int);
            const char *s = va_arg(ap, const char *);
            const char *nul = len > 0 ? memchr(s, '\0', (size_t)len) : s;
            size_t n = nul ? (size_t)(nul - s) : (size_t)len;
            append(buf, s, n);
            added += n;
            p += 3;
            continue;
        }
        int size = 0; /* 1: long, 2: size_t */
        if ((p[0] == 'l' || p[0] == 'z') && (p[1] == 'd' || p[1] == 'u' || p[1] == 'x'))
            size = *p++ == 'l' ? 1 : 2;
        switch (*p++) {
        case '%':
            append(buf, "%", 1);
            added++;
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            size_t n = strlen(s ? s : "(null)");
            append(buf, s ? s : "(null)", n);
            added += n;
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            append(buf, &c, 1);
            added++;
            break;
        }
        case 'd': {
            long long v = size == 1   ? va_arg(ap, long)
                          : size == 2 ? (long long)va_arg(ap, size_t)
                                      : va_arg(ap, int);
            if (v < 0) {
                append(buf, "-", 1);
                added++;
                added += append_unsigned(buf, 0 - (unsigned long long)v, 10);
            } else {
                added += append_unsigned(buf, (unsigned long long)v, 10);
            }
            break;
        }
        case 'u':
        case 'x': {
            unsigned long long v = size == 1   ? va_arg(ap, unsigned long)
                                   : size == 2 ? va_arg(ap, size_t)
                                               : va_arg(ap, unsigned);
            added += append_unsigned(buf, v, p[-1] == 'x' ? 16 : 10);
            break;
        }
        default: /* a flag, width or conversion of printf's own: vsnprintf's */
            va_end(ap);
            buf->len = undo;
            if (buf->data)
                buf->data[undo] = '\0';
            buf->sink = sink;
            return -1;
        }
    }
    va_end(ap);
    buf->sink = sink;
    if (buf->data)
        buf->data[buf->len] = '\0';
    return added > 0x7fffffff ? 0x7fffffff : (int)added;
}

void inf_buf_printf(struct inf_buf *buf, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int done = inf_buf_vformat(buf, format, args);
    va_end(args);
    if (done >= 0)
        return;
    va_start(args, format);
    char small[256];
    int n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        inf_buf_add(buf, small, (size_t)n);
        return;
    }
    inf_buf_reserve(buf, (size_t)n);
    va_start(args, format);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, format, args);
    va_end(args);
    buf->len += (size_t)n;
}

void inf_buf_clear(struct inf_buf *buf)
{
    buf->len = 0;
    if (buf->data)
        buf->data[0] = '\0';
}

void inf_buf_free(struct inf_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

char *inf_uint_at(char *out, unsigned long long value)
{
    /* two digits a division (lines, columns and offsets have a handful) */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    /* Counted first, so that the digits go straight to their places, last first: four at a
     * division. */
    size_t n = 1;
    for (unsigned long long rest = value; rest >= 10; rest /= 10000, n += 4) {
        if (rest < 100) {
            n += 1;
            break;
        }
        if (rest < 1000) {
            n += 2;
            break;
        }
        if (rest < 10000) {
            n += 3;
            break;
        }
    }
    char *end = out + n, *p = end;
    for (; value > UINT32_MAX; value /= 100) {
        p -= 2;
        memcpy(p, pairs + 2 * (value % 100), 2);
    }
    uint32_t rest = (uint32_t)value; /* (32-bit divisions from here: most numbers) */
    for (; rest >= 100; rest /= 100) {
        p -= 2;
        memcpy(p, pairs + 2 * (rest % 100), 2);
    }
    if (rest >= 10)
        memcpy(p - 2, pairs + 2 * rest, 2);
    else
        p[-1] = (char)('0' + rest);
    return end;
}

void inf_buf_add_uint(struct inf_buf *buf, unsigned long long value)
{
    inf_buf_reserve(buf, INF_UINT_ROOM);
    buf->len = (size_t)(inf_uint_at(buf->data + buf->len, value) - buf->data);
    buf->data[buf->len] = '\0';
}

/* Bytes in the UTF-8 sequence starting at TEXT (at most LEN), or 0 when it is not one. */
static size_t utf8_sequence(const unsigned char *text, size_t len)
{
    unsigned char c = text[0];
    size_t n = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
    if (n == 0 || n > len || (n == 2 && c < 0xC2))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((text[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

int inf_utf8_valid(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence((const unsigned char *)text + i, len - i);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

/* Non-zero when one of the eight bytes of W is a control character, '"', '\\' or >= 0x80. */
static inline int json_word_needs_look(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
             ((backslash - ones) & ~backslash) | w) &
            highs) != 0;
}

#ifdef HAVE_SSE2
/* The bytes of V that need a look in a JSON string (a mask, one bit per byte): controls, '"',
 * '\\' and bytes >= 0x80. */
static inline unsigned json_block_looks(__m128i v)
{
    __m128i look = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)); /* and >= 0x80: negative */
    look = _mm_or_si128(look, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    look = _mm_or_si128(look, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    return (unsigned)_mm_movemask_epi8(look);
}
#endif

char *inf_json_string_at(char *out, const char *text, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    *out++ = '"';
    for (size_t i = 0; i < len;) {
#ifdef HAVE_SSE2
        /* Sixteen bytes at a time while none needs a look (the common case): all sixteen are
         * stored, and those from the first that needs one on are written over after it (the
         * room of six bytes for each holds them). */
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(text + i));
            unsigned mask = json_block_looks(v);
            _mm_storeu_si128((__m128i *)out, v);
            size_t plain = mask ? inf_lowest_set_bit(mask) : 16;
            out += plain, i += plain;
            if (!mask)
                continue;
            if (text[i] != '\\' && text[i] != '"')
                break;
            out[0] = '\\'; /* (paths have many: escaped here, the loop goes on) */
            out[1] = text[i];
            out += 2, i++;
        }
        /* The last sixteen bytes, when none needs a look: the bytes before I among them went
         * out as they are, so the sixteen are stored again where they went, ending the text. */
        if (i < len && i + 16 > len && len >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(text + len - 16));
            if (!json_block_looks(v)) {
                _mm_storeu_si128((__m128i *)(out - (i - (len - 16))), v);
                out += len - i;
                break;
            }
        }
#endif
        /* Eight bytes at a time while none needs a look. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, text + i, 8);
            if (json_word_needs_look(w))
                break;
            memcpy(out, &w, 8);
            out += 8, i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80) { /* valid UTF-8 passes; any other byte becomes U+FFFD */
            size_t n = utf8_sequence((const unsigned char *)text + i, len - i);
            if (n > 1) {
                memcpy(out, text + i, n);
                out += n, i += n;
            } else {
                memcpy(out, "\\ufffd", 6);
                out += 6, i++;
            }
            continue;
        }
        i++;
        if (c >= 0x20 && c != '"' && c != '\\') {
            *out++ = (char)c;
            continue;
        }
        *out++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *out++ = (char)c;
            break;
        case '\n':
            *out++ = 'n';
            break;
        case '\r':
            *out++ = 'r';
            break;
        case '\t':
            *out++ = 't';
            break;
        default:
            memcpy(out, "u00", 3);
            out[3] = hex[c >> 4];
            out[4] = hex[c & 15];
            out += 5;
        }
    }
    *out++ = '"';
    return out;
}

void inf_buf_add_json_string(struct inf_buf *buf, const char *text, size_t len)
{
    inf_buf_reserve(buf, INF_JSON_STRING_ROOM(len));
    char *out = inf_json_string_at(buf->data + buf->len, text, len);
    buf->len = (size_t)(out - buf->data);
    buf->data[buf->len] = '\0';
}

/* The length of the run of printable ASCII (0x20-0x7E) LEN bytes of TEXT start with (read
 * sixteen bytes at a time where SSE2 is there). */
static size_t printable_ascii_span(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
#ifdef HAVE_SSE2
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i stop = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)); /* and >= 0x80: negative */
        stop = _mm_or_si128(stop, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop);
        if (mask)
            return i + inf_lowest_set_bit(mask);
    }
#endif
    while (i < len && p[i] >= 0x20 && p[i] < 0x7F)
        i++;
    return i;
}

void inf_buf_add_visible(struct inf_buf *buf, const char *text, size_t len, int one_column)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t plain = 0; /* bytes before I that are copied as they are */
    for (size_t i = 0; i < len;) {
        i += printable_ascii_span(text + i, len - i); /* (most text: passed in blocks) */
        if (i == len)
            break;
        size_t n = utf8_sequence(p + i, len - i);
        int c1 = n == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0;
        if ((n > 1 && !c1) || (p[i] == '\t' && !one_column)) {
            i += n;
            continue;
        }
        inf_buf_add(buf, text + plain, i - plain);
        if (p[i] == '\t')
            inf_buf_addc(buf, ' '); /* (one column: a tab would be as wide as the terminal says) */
        else if (one_column)
            inf_buf_adds(buf, "\xEF\xBF\xBD"); /* U+FFFD */
        else if (p[i] == '\n')
            inf_buf_adds(buf, "\\n");
        else if (p[i] == '\r')
            inf_buf_adds(buf, "\\r");
        else if (c1)
            inf_buf_printf(buf, "\\u%04x", (unsigned)p[i + 1]);
        else
            inf_buf_printf(buf, "\\x%02x", (unsigned)p[i]);
        i += c1 ? 2 : 1;
        plain = i;
    }
    inf_buf_add(buf, text + plain, len - plain);
}

int inf_visible_as_is(const char *text, size_t len)
{
    for (size_t i = 0; (i += printable_ascii_span(text + i, len - i)) < len; i++)
        if (text[i] != '\t')
            return 0;
    return 1;
}
