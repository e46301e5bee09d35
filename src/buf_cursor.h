/*
 * buf_cursor.h - writing text through a cursor into room reserved
 * beforehand: for output written in bulk (thousands of findings), where a
 * reservation per piece costs more than the text itself.
 */
#ifndef INFLINT_BUF_CURSOR_H
#define INFLINT_BUF_CURSOR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The most bytes a JSON string of LEN bytes takes, quotes included ("\u00XX", "\ufffd"). */
#define INF_JSON_STRING_ROOM(len) ((len)*6 + 2)
/* The most bytes a decimal unsigned long long takes. */
#define INF_UINT_ROOM 20

/* Writes TEXT's LEN bytes as a JSON string literal at OUT (as inf_buf_add_json_string); returns
 * the end. OUT has INF_JSON_STRING_ROOM(LEN) bytes of room. */
char *inf_json_string_at(char *out, const char *text, size_t len);

/* Writes VALUE in decimal at OUT (INF_UINT_ROOM bytes of room); returns the end. */
char *inf_uint_at(char *out, unsigned long long value);

/* Copies LEN bytes from SRC to DST, which do not overlap: those of a word or two (most pieces
 * of a message) without a call, by two moves that may overlap each other. */
static inline void inf_copy_bytes(char *dst, const char *src, size_t len)
{
    if (len >= 8 && len <= 16) {
        uint64_t head, tail;
        memcpy(&head, src, 8);
        memcpy(&tail, src + len - 8, 8);
        memcpy(dst, &head, 8);
        memcpy(dst + len - 8, &tail, 8);
    } else if (len >= 4 && len < 8) {
        uint32_t head, tail;
        memcpy(&head, src, 4);
        memcpy(&tail, src + len - 4, 4);
        memcpy(dst, &head, 4);
        memcpy(dst + len - 4, &tail, 4);
    } else if (len > 0 && len < 4) {
        dst[0] = src[0];
        dst[len / 2] = src[len / 2];
        dst[len - 1] = src[len - 1];
    } else if (len > 16) {
        memcpy(dst, src, len);
    }
}

/* Writes LEN bytes of TEXT at OUT; returns the end. */
static inline char *inf_bytes_at(char *out, const char *text, size_t len)
{
    inf_copy_bytes(out, text, len);
    return out + len;
}

/* Writes a string literal at OUT, its length known when compiled; returns the end. */
#define INF_LITERAL_AT(out, text) inf_bytes_at((out), (text), sizeof(text) - 1)

#endif
