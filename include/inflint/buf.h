/*
 * buf.h - a growable byte buffer, used for output and for building text.
 */
#ifndef INFLINT_BUF_H
#define INFLINT_BUF_H

#include "inflint/format_check.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct inf_buf {
    char *data; /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
    /* When set, a full buffer is written here and emptied instead of growing (for output
     * that need not be held whole; what is left is the caller's to write). A printf is
     * appended whole, after a flush when the buffer is more than half full. */
    FILE *sink;
};

#define INF_BUF_INIT                                                                               \
    {                                                                                              \
        NULL, 0, 0, NULL                                                                           \
    }

/* Makes room for EXTRA more bytes (plus the terminator). */
void inf_buf_reserve(struct inf_buf *buf, size_t extra);
void inf_buf_add(struct inf_buf *buf, const char *data, size_t len);
void inf_buf_addc(struct inf_buf *buf, char c);
void inf_buf_adds(struct inf_buf *buf, const char *text);
/* Appends COUNT copies of C (a caret line, an indent). */
void inf_buf_add_repeated(struct inf_buf *buf, char c, size_t count);
INF_PRINTF(2, 3)
void inf_buf_printf(struct inf_buf *buf, const char *format, ...);

/*
 * Appends FORMAT with ARGS when every conversion is one of %s, %.*s, %c, %d, %u, %x (with l
 * or z) or %% - what messages use -, without printf's cost; returns the bytes appended.
 * Returns -1, appending nothing and reading no argument, for any other format (then use
 * vsnprintf with the same ARGS).
 */
int inf_buf_vformat(struct inf_buf *buf, const char *format, va_list args);

/* Appends VALUE in decimal (what "%llu" gives, without printf's cost per call). */
void inf_buf_add_uint(struct inf_buf *buf, unsigned long long value);
/* Empties the buffer but keeps its memory. */
void inf_buf_clear(struct inf_buf *buf);
/* Frees the memory; the buffer can be used again afterwards. */
void inf_buf_free(struct inf_buf *buf);

/* Non-zero when LEN bytes of TEXT are UTF-8 throughout. */
int inf_utf8_valid(const char *text, size_t len);

/* Appends TEXT as a JSON string literal (quotes included): always valid JSON and UTF-8, a byte
 * that is not part of a UTF-8 character becoming \ufffd. */
void inf_buf_add_json_string(struct inf_buf *buf, const char *text, size_t len);

/*
 * Appends LEN bytes of TEXT for a person or a log parser to read: every
 * control character but tab (C0, DEL, C1) and every byte that is not UTF-8
 * is shown as an escape (\n, \r, \x1b, \u009b), so that no file name or
 * INF text can start a line of its own, move a terminal's cursor or pass
 * for a CI workflow command. With ONE_COLUMN each is shown as U+FFFD
 * instead, and a tab as a space: every character one column wide, so that
 * carets under an excerpt still line up.
 */
void inf_buf_add_visible(struct inf_buf *buf, const char *text, size_t len, int one_column);
/* Non-zero when LEN bytes of TEXT are printable ASCII and tabs, which inf_buf_add_visible
 * appends as they are (a quick test: it says 0 for any byte >= 0x80, UTF-8 or not). */
int inf_visible_as_is(const char *text, size_t len);

#endif
