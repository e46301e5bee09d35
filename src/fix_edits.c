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
#include "arena.h"
#include "bits.h"
#include "engine_check.h"
#include "inflint/buf.h"

#include <stdlib.h>
#include <string.h>

void inf_fix_begin(struct inf_check *check, enum inf_fix_applicability applicability,
                   const char *description)
{
    struct inf_finding_sink *sink = check->sink;
    struct inf_arena *texts = inf_finding_texts(sink->result);
    struct inf_fix *fix = inf_arena_zalloc(texts, sizeof *fix);
    fix->applicability = applicability;
    fix->description = inf_arena_strndup(texts, description, strlen(description));
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
    fix->description =
        inf_arena_printf(inf_finding_texts(sink->result), "%s (unsafe: %s)", fix->description, why);
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
    struct inf_arena *texts = inf_finding_texts(sink->result);
    /* Line breaks written as the line's own: a bare LF becomes CR LF on a CR LF line. */
    size_t len = strlen(replacement);
    char *text;
    if (!memchr(replacement, '\n', len) || !line_ends_in_crlf(sink->source, span.start)) {
        text = inf_arena_strndup(texts, replacement, len); /* (most replacements: one line) */
    } else {
        struct inf_buf crlf = INF_BUF_INIT;
        for (size_t i = 0; i < len; i++) {
            if (replacement[i] == '\n' && (i == 0 || replacement[i - 1] != '\r'))
                inf_buf_addc(&crlf, '\r');
            inf_buf_addc(&crlf, replacement[i]);
        }
        text = inf_arena_strndup(texts, crlf.data, crlf.len);
        inf_buf_free(&crlf);
    }
    fix->edits = inf_arena_grow(texts, fix->edits, fix->edit_count, sizeof *fix->edits);
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
        bytes += 8 - inf_continuation_bytes(w);
    }
    if (utf16)
        bytes *= 2; /* every character counted so far is one UTF-16 unit */
    for (; i < to; i++)
        bytes += char_bytes(text[i], utf16);
    return bytes;
}

/* How the file's bytes follow from the text's (see the top of the file). */
enum byte_layout {
    BYTES_UNKNOWN, /* UTF-16BE, invalid UTF-8: no fix */
    BYTES_SHIFTED, /* byte for byte, after a prefix (a BOM) of *PREFIX bytes */
    BYTES_COUNTED  /* counted character by character (*UTF16: in UTF-16 units) */
};

static enum byte_layout byte_layout(const struct inf_source *s, uint32_t *prefix, int *utf16)
{
    *prefix = 0;
    *utf16 = 0;
    switch (s->encoding) {
    case INF_ENCODING_ANSI:
        return s->flags & INF_SOURCE_HIGH_BYTES ? BYTES_COUNTED : BYTES_SHIFTED;
    case INF_ENCODING_UTF8_BOM:
        *prefix = 3;
        return s->flags & INF_SOURCE_BAD_DATA ? BYTES_UNKNOWN : BYTES_SHIFTED;
    case INF_ENCODING_UTF16LE:
    case INF_ENCODING_UTF16LE_NOBOM:
        *utf16 = 1;
        return BYTES_COUNTED;
    default:
        return BYTES_UNKNOWN;
    }
}

/*
 * The byte offset in the file as read of text offset AT; -1 when it cannot
 * be told. Where text and bytes differ (high bytes, UTF-16), the decoder
 * noted the offset of every INF_SOURCE_BLOCK-th text byte, and only the rest
 * of AT's block is counted.
 */
static int byte_offset(const struct inf_source *s, uint32_t at, uint32_t *out)
{
    uint32_t prefix;
    int utf16;
    enum byte_layout layout = byte_layout(s, &prefix, &utf16);
    if (layout == BYTES_SHIFTED) {
        *out = prefix + at;
        return 0;
    }
    if (layout == BYTES_UNKNOWN || !s->block_bytes)
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
    uint32_t prefix;
    int utf16;
    if (byte_layout(s, &prefix, &utf16) == BYTES_SHIFTED)
        return to - from;
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
