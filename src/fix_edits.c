/*
 * fix_edits.c - the fixes rules attach to findings: built edit by edit in
 * the decoded text (check.h), then located in the file as read (line,
 * column, byte offsets) when their finding is recorded. A fix, its texts
 * and edits live in the text arena of the result its finding goes to, beside
 * the finding's own texts, and go when the result's findings do.
 *
 * A byte offset is worked out from the text alone: every character of the
 * decoded text stands for a known number of bytes of the file (one in an
 * 8-bit file, one or two UTF-16 units, itself in UTF-8), NUL having become
 * a space of the same width. Where that does not hold (UTF-16BE, invalid
 * UTF-8) no fix is offered.
 */
#include "check.h"
#include "engine_check.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"

#include <stdlib.h>
#include <string.h>

/* A copy of LEN bytes of TEXT, terminated, in the text arena of the sink's result. */
static char *fix_text(struct inf_finding_sink *sink, const char *text, size_t len)
{
    char *copy = inf_finding_room(sink->result, len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

void inf_fix_begin(struct inf_check *check, enum inf_fix_applicability applicability,
                   const char *description)
{
    struct inf_finding_sink *sink = check->sink;
    struct inf_fix *fix = inf_finding_room(sink->result, sizeof *fix);
    memset(fix, 0, sizeof *fix);
    fix->applicability = applicability;
    fix->description = fix_text(sink, description, strlen(description));
    sink->pending = fix; /* (one begun before and never reported is left where it lies) */
}

void inf_fix_cancel(struct inf_check *check)
{
    ((struct inf_finding_sink *)check->sink)->pending = NULL;
}

void inf_fix_unsafe(struct inf_check *check, const char *why)
{
    struct inf_finding_sink *sink = check->sink;
    struct inf_fix *fix = sink->pending;
    if (!fix)
        return;
    /* "DESCRIPTION (unsafe: WHY)" */
    static const char open[] = " (unsafe: ";
    size_t had = strlen(fix->description), why_len = strlen(why);
    char *text = inf_finding_room(sink->result, had + sizeof open - 1 + why_len + 2);
    char *at = text;
    memcpy(at, fix->description, had), at += had;
    memcpy(at, open, sizeof open - 1), at += sizeof open - 1;
    memcpy(at, why, why_len), at += why_len;
    memcpy(at, ")", 2);
    fix->description = text;
    fix->applicability = INF_FIX_UNSAFE;
}

/* Does the line holding text offset AT end in CR LF (or, for the last line, the one before)? */
static int line_ends_in_crlf(const struct inf_source *source, uint32_t at)
{
    const char *text = source->text;
    size_t len = source->len;
    const char *nl = memchr(text + at, '\n', len - at);
    if (!nl) { /* the last line has no ending: take the previous line's */
        size_t k = at;
        while (k > 0 && text[k - 1] != '\n')
            k--;
        if (k == 0)
            return 0;
        nl = text + k - 1;
    }
    return nl > text && nl[-1] == '\r';
}

void inf_fix_replace(struct inf_check *check, struct inf_span span, const char *replacement)
{
    struct inf_finding_sink *sink = check->sink;
    struct inf_fix *fix = sink->pending;
    if (!fix)
        return;
    /* Line breaks written as the line's own: a bare LF becomes CR LF on a CR LF line. */
    size_t len = strlen(replacement);
    char *text;
    if (!memchr(replacement, '\n', len) || !line_ends_in_crlf(sink->source, span.start)) {
        text = fix_text(sink, replacement, len); /* (most replacements: one line) */
    } else {
        struct inf_buf crlf = INF_BUF_INIT;
        for (size_t i = 0; i < len; i++) {
            if (replacement[i] == '\n' && (i == 0 || replacement[i - 1] != '\r'))
                inf_buf_addc(&crlf, '\r');
            inf_buf_addc(&crlf, replacement[i]);
        }
        text = fix_text(sink, crlf.data, crlf.len);
        inf_buf_free(&crlf);
    }
    /* The edits' array doubles when its count reaches a power of two (1, 2, 4, ...): the
     * arena gives no memory back, and most fixes have one or two edits. */
    size_t n = fix->edit_count;
    if ((n & (n - 1)) == 0) {
        struct inf_fix_edit *bigger =
            inf_finding_room(sink->result, (n ? 2 * n : 1) * sizeof *bigger);
        if (n)
            memcpy(bigger, fix->edits, n * sizeof *bigger);
        fix->edits = bigger;
    }
    struct inf_fix_edit *edit = &fix->edits[fix->edit_count++];
    memset(edit, 0, sizeof *edit);
    edit->start = span.start;
    edit->end = span.end > span.start ? span.end : span.start;
    edit->replacement = text;
}

void inf_fix_insert(struct inf_check *check, uint32_t at, const char *text)
{
    struct inf_span span = {at, at};
    inf_fix_replace(check, span, text);
}

/* The file bytes the character starting with byte C of the text stands for. */
static uint32_t char_bytes(unsigned char c, int utf16)
{
    if ((c & 0xC0) == 0x80)
        return 0; /* a continuation byte: its character is counted */
    return utf16 ? (c >= 0xF0 ? 4u : 2u) : 1u;
}

/* The number of bytes of W (eight text bytes) that continue a UTF-8 character (top bits 10). */
static inline unsigned continuation_bytes(uint64_t w)
{
    const uint64_t high = 0x8080808080808080ull;
    uint64_t marks = w & ~(w << 1) & high; /* bit 7 of each such byte */
    /* One bit per byte at bit 0 of each byte; the multiply sums them into the top byte. */
    return (unsigned)(((marks >> 7) * 0x0101010101010101ull) >> 56);
}

/* The file bytes TEXT[FROM, TO) stands for, eight text bytes at a time where none starts a
 * four-byte character (they count twice in UTF-16). */
static uint32_t bytes_of(const unsigned char *text, uint32_t from, uint32_t to, int utf16)
{
    const uint64_t high = 0x8080808080808080ull;
    uint32_t bytes = 0, i = from;
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        if (!(w & high)) { /* ASCII */
            bytes += 8;
            continue;
        }
        if (utf16 && (w & (w << 1) & (w << 2) & (w << 3) & high))
            break; /* a four-byte character: (rare) counted byte by byte below */
        bytes += 8 - continuation_bytes(w);
    }
    if (utf16)
        bytes *= 2; /* every character counted so far is one UTF-16 unit */
    for (; i < to; i++)
        bytes += char_bytes(text[i], utf16);
    return bytes;
}

/*
 * The byte offset in the file as read of text offset AT; -1 when it cannot
 * be told. Where text and bytes differ (high bytes, UTF-16), the decoder
 * noted the offset of every INF_SOURCE_BLOCK-th text byte, and only the rest
 * of AT's block is counted.
 */
static int byte_offset(const struct inf_source *s, uint32_t at, uint32_t *out)
{
    int utf16 = 0;
    switch (s->encoding) {
    case INF_ENCODING_ANSI:
        if (!(s->flags & INF_SOURCE_HIGH_BYTES)) { /* the text is the file */
            *out = at;
            return 0;
        }
        break;
    case INF_ENCODING_UTF8_BOM:
        if (s->flags & INF_SOURCE_BAD_DATA)
            return -1;
        *out = 3 + at;
        return 0;
    case INF_ENCODING_UTF16LE:
    case INF_ENCODING_UTF16LE_NOBOM:
        utf16 = 1;
        break;
    default:
        return -1;
    }
    if (!s->block_bytes)
        return -1;
    /* A block may start inside a character: its continuation bytes count nothing anywhere. */
    uint32_t block = at / INF_SOURCE_BLOCK;
    *out = s->block_bytes[block] +
           bytes_of((const unsigned char *)s->text, block * INF_SOURCE_BLOCK, at, utf16);
    return 0;
}

/* The file bytes that text offsets [FROM, TO) stand for, where byte_offset can tell them. */
static uint32_t text_bytes(const struct inf_source *s, uint32_t from, uint32_t to)
{
    int utf16 = s->encoding == INF_ENCODING_UTF16LE || s->encoding == INF_ENCODING_UTF16LE_NOBOM;
    if (!utf16 && (s->encoding != INF_ENCODING_ANSI || !(s->flags & INF_SOURCE_HIGH_BYTES)))
        return to - from; /* the text is the file, or UTF-8 as read */
    return bytes_of((const unsigned char *)s->text, from, to, utf16);
}

static int compare_edits(const void *a, const void *b)
{
    const struct inf_fix_edit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

int inf_fix_locate(struct inf_finding_sink *sink, struct inf_fix *fix)
{
    const struct inf_source *s = sink->source;
    if (fix->edit_count == 0)
        return -1;
    if (fix->edit_count > 1) /* (most fixes have one edit) */
        qsort(fix->edits, fix->edit_count, sizeof *fix->edits, compare_edits);
    for (size_t i = 0; i < fix->edit_count; i++) {
        struct inf_fix_edit *e = &fix->edits[i];
        if (i > 0 && e->start < fix->edits[i - 1].end)
            return -1; /* a fix's own edits never overlap */
        if (byte_offset(sink->source, e->start, &e->byte_start) != 0)
            return -1;
        /* The end counted on from the start (an edit is short; its start's block is not). */
        e->byte_end = e->byte_start + text_bytes(sink->source, e->start, e->end);
        inf_source_position_near(s, &sink->cursor, e->start, &e->line, &e->column);
        inf_source_position_near(s, &sink->cursor, e->end, &e->end_line, &e->end_column);
    }
    return 0;
}
