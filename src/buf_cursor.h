/*
 * buf_cursor.h - writing text through a cursor into room reserved
 * beforehand: for output written in bulk (thousands of findings), where a
 * reservation per piece costs more than the text itself.
 */
#ifndef INFLINT_BUF_CURSOR_H
#define INFLINT_BUF_CURSOR_H

#include <stddef.h>
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

/* Writes LEN bytes of TEXT at OUT; returns the end. */
static inline char *inf_bytes_at(char *out, const char *text, size_t len)
{
    memcpy(out, text, len);
    return out + len;
}

/* Writes a string literal at OUT, its length known when compiled; returns the end. */
#define INF_LITERAL_AT(out, text) inf_bytes_at((out), (text), sizeof(text) - 1)

#endif
