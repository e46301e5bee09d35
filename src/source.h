/*
 * source.h - from raw bytes to one decoded UTF-8 buffer and a line map.
 *
 * Implements the encoding choice of inf-reference.md section 1 and the
 * character rules of section 2: UTF-16LE with or without BOM, UTF-16BE and
 * UTF-8 with BOM (both decoded to keep linting, INF001 later), 8-bit text as
 * Windows-1252; Ctrl-Z ends the file, NUL reads as a space, CR is kept (the
 * lexer treats it as whitespace) and only LF ends a physical line.
 */
#ifndef INFLINT_SOURCE_H
#define INFLINT_SOURCE_H

#include "inflint/input.h"

#include <stddef.h>
#include <stdint.h>

enum inf_encoding {
    INF_ENCODING_ANSI,          /* 8-bit, read as Windows-1252 */
    INF_ENCODING_UTF16LE,       /* with BOM */
    INF_ENCODING_UTF16LE_NOBOM, /* recognised by its zero-byte pattern */
    INF_ENCODING_UTF8_BOM,      /* Windows would read it as ANSI */
    INF_ENCODING_UTF16BE,       /* unsupported by Windows */
    INF_ENCODING_UTF8           /* without BOM: C and C++ sources only (inf_source_decode_c) */
};

/* Bits of inf_source.flags. */
enum {
    INF_SOURCE_HIGH_BYTES = 1u << 0, /* 8-bit file with bytes >= 0x80 */
    INF_SOURCE_BAD_DATA = 1u << 1,   /* odd UTF-16 length, lone surrogate, bad UTF-8 */
    INF_SOURCE_CTRL_Z = 1u << 2      /* a Ctrl-Z cut the text short */
};

/* Largest input accepted: offsets are 32-bit. */
#define INF_SOURCE_MAX_BYTES ((size_t)0x7fffffff)

/*
 * Bytes handed to the decoder, which takes ownership: from malloc when
 * MAPPED is 0, otherwise a private, writable mapping of MAPPED bytes made by
 * inf_os_read_input (MAPPED > LEN: at least one zero byte follows the text).
 */

struct inf_source {
    char *text;    /* decoded UTF-8, NUL-terminated; owned */
    size_t len;    /* bytes of text, without the terminator */
    size_t mapped; /* text is the input's mapping of this many bytes (0: malloc'd) */
    enum inf_encoding encoding;
    unsigned flags;
    uint32_t bad_offset;   /* text offset of the first undecodable data */
    uint32_t *line_starts; /* text offset where each physical line begins; owned */
    uint32_t line_count, line_cap;
    /* Every INF_SOURCE_LINE_SAMPLE-th line start, made once the line map is complete
     * (inf_source_lines_done) for a file of many lines: a search for a line reads this small
     * array, then one stretch of line_starts, not a path across all of it. Owned. */
    uint32_t *line_sample;
    uint32_t sample_count;
    /* Where text and file bytes differ in length (8-bit with high bytes, UTF-16): the file
     * offset of each INF_SOURCE_BLOCK-th text byte (a character across it counted whole),
     * written by the decoder; NULL otherwise. Owned. */
    uint32_t *block_bytes;
};

/* Text bytes per entry of inf_source.block_bytes. */
#define INF_SOURCE_BLOCK 256u

/*
 * Decodes INPUT into SOURCE, taking ownership of its bytes (they may become
 * SOURCE->text or be released). Fails only when the input is larger than
 * INF_SOURCE_MAX_BYTES (returns -1). The line map is left to the one pass
 * that reads the text (the lexer, or inf_source_map_lines). Release with
 * inf_source_free.
 */
int inf_source_decode_input(struct inf_source *source, struct inf_input input);

/* inf_source_decode_input of LEN malloc'd bytes at BYTES, then inf_source_map_lines. */
int inf_source_decode(struct inf_source *source, unsigned char *bytes, size_t len);

/* As inf_source_decode_input for a C or C++ source: 8-bit text that is valid UTF-8 is read as
 * UTF-8 (compilers' default), not Windows-1252. */
int inf_source_decode_source_input(struct inf_source *source, struct inf_input input);

/* Builds the line map of a decoded SOURCE by scanning its text. */
void inf_source_map_lines(struct inf_source *source);

/* Line starts per entry of inf_source.line_sample. */
#define INF_SOURCE_LINE_SAMPLE 16u

/* Tells SOURCE its line map is complete (inf_source_map_lines does it; the lexer, which
 * builds the map as it reads, calls it at the end). */
void inf_source_lines_done(struct inf_source *source);

/* Makes room for more line starts. */
void inf_source_grow_lines(struct inf_source *source);

/* Appends the start of a physical line at OFFSET to the line map (the lexer calls this). */
static inline void inf_source_add_line(struct inf_source *source, uint32_t offset)
{
    if (source->line_count == source->line_cap)
        inf_source_grow_lines(source);
    source->line_starts[source->line_count++] = offset;
}

void inf_source_free(struct inf_source *source);

/* 1-based physical line and code-point column of text offset OFFSET. */
void inf_source_position(const struct inf_source *source, size_t offset, uint32_t *line,
                         uint32_t *column);

/* Start and length (without LF or trailing CR) of 1-based physical line LINE. */
const char *inf_source_line_text(const struct inf_source *source, uint32_t line, size_t *len);

/* Positions asked for lately: the next one on the same line counts from the nearest. */
#define INF_SOURCE_CURSOR_MARKS 4
struct inf_source_cursor {
    struct {
        uint32_t line; /* 1-based; 0: unused */
        size_t offset;
        uint32_t column;
    } marks[INF_SOURCE_CURSOR_MARKS];
    unsigned next; /* the mark to replace next */
};

/*
 * inf_source_position through CURSOR (start it zeroed): a position on the
 * line of a recent one costs the code points between the two, not those
 * from the start of the line, and a repeated one costs nothing, so many
 * findings on one long line (each with its start and end) stay linear.
 */
void inf_source_position_near(const struct inf_source *source, struct inf_source_cursor *cursor,
                              size_t offset, uint32_t *line, uint32_t *column);

/* Number of code points in LEN bytes of UTF-8 TEXT. */
size_t inf_utf8_length(const char *text, size_t len);

/* The name used in JSON: "ansi", "utf-16le", "utf-16le-nobom", "utf-8-bom", "utf-16be". */
const char *inf_encoding_name(enum inf_encoding encoding);
/* The encoding inf_encoding_name calls NAME; ANSI for any other name. */
enum inf_encoding inf_encoding_from_name(const char *name);

/*
 * Appends LEN bytes of UTF-8 TEXT to OUT in ENCODING (Windows-1252 for an
 * 8-bit file, UTF-16LE without BOM, UTF-8). Returns 0, or -1 when a
 * character has no byte in the encoding or TEXT is not valid UTF-8 (OUT
 * then holds a part).
 */
struct inf_buf;
int inf_source_encode(enum inf_encoding encoding, const char *text, size_t len,
                      struct inf_buf *out);

#endif
