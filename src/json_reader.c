/*
 * json_reader.c - recursive-descent JSON reader (RFC 8259), bounded depth.
 */
#include "json_reader.h"
#include "inflint/alloc.h"
#include "inflint/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
    const char *p, *end, *start;
    char *error;
    size_t error_size;
    int failed;
    /* Streaming: the elements of the root object's array STREAM_KEY go to EACH, one at a
     * time, instead of into the tree. */
    const char *stream_key;
    int (*each)(void *context, const struct inf_json *item, size_t index);
    void *context;
};

static int line_of(const struct reader *r)
{
    int line = 1;
    for (const char *q = r->start; q < r->p && q < r->end; q++)
        line += *q == '\n';
    return line;
}

static void fail(struct reader *r, const char *what)
{
    if (!r->failed)
        snprintf(r->error, r->error_size, "line %d: %s", line_of(r), what);
    r->failed = 1;
}

static void skip_space(struct reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int hex4(const char *p, unsigned *value)
{
    *value = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return 0;
        *value = *value << 4 | (unsigned)d;
    }
    return 1;
}

static void add_utf8(struct inf_buf *b, unsigned cp)
{
    char out[4];
    if (cp < 0x80) {
        inf_buf_addc(b, (char)cp);
        return;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6), out[1] = (char)(0x80 | (cp & 0x3F));
        inf_buf_add(b, out, 2);
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12), out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        inf_buf_add(b, out, 3);
    } else {
        out[0] = (char)(0xF0 | cp >> 18), out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        out[2] = (char)(0x80 | (cp >> 6 & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F));
        inf_buf_add(b, out, 4);
    }
}

/* Reads a string at r->p (which is '"'); returns it (caller frees) or NULL. */
static char *read_string(struct reader *r)
{
    struct inf_buf b = INF_BUF_INIT;
    inf_buf_add(&b, "", 0); /* "" must come back as an empty, terminated string */
    r->p++;
    for (;;) {
        if (r->p >= r->end) {
            fail(r, "unterminated string");
            break;
        }
        unsigned char c = (unsigned char)*r->p++;
        if (c == '"')
            return b.data;
        if (c < 0x20) {
            fail(r, "control character in a string");
            break;
        }
        if (c != '\\') {
            inf_buf_addc(&b, (char)c);
            continue;
        }
        if (r->p >= r->end) {
            fail(r, "unterminated string");
            break;
        }
        char e = *r->p++;
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char map[] = "\"\\/\b\f\n\r\t";
            inf_buf_addc(&b, map[simple - "\"\\/bfnrt"]);
        } else if (e == 'u') {
            unsigned cp, low;
            if (r->end - r->p < 4 || !hex4(r->p, &cp)) {
                fail(r, "bad \\u escape");
                break;
            }
            r->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && r->end - r->p >= 6 && r->p[0] == '\\' &&
                r->p[1] == 'u' && hex4(r->p + 2, &low) && low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                r->p += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            if (cp == 0) { /* it would cut the string short wherever it is used */
                fail(r, "\\u0000 in a string");
                break;
            }
            add_utf8(&b, cp);
        } else {
            fail(r, "bad escape in a string");
            break;
        }
    }
    inf_buf_free(&b);
    return NULL;
}

static void parse_value(struct reader *r, struct inf_json *out, int depth);

/* An array whose elements go to r->each one at a time (each freed after its call). */
static void stream_array(struct reader *r, int depth)
{
    r->p++;                                  /* '[' */
    if (r->each(r->context, NULL, 0) != 0) { /* the array begins */
        r->failed = 1;
        return;
    }
    skip_space(r);
    if (r->p < r->end && *r->p == ']') {
        r->p++;
        return;
    }
    for (size_t index = 0;; index++) {
        struct inf_json item;
        parse_value(r, &item, depth + 1);
        if (!r->failed && r->each(r->context, &item, index) != 0)
            r->failed = 1; /* the callback has written the error */
        inf_json_free(&item);
        if (r->failed)
            return;
        skip_space(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == ']') {
            r->p++;
            return;
        }
        fail(r, "expected ',' or ']'");
        return;
    }
}

static void parse_container(struct reader *r, struct inf_json *out, int depth, int object)
{
    size_t cap = 0;
    r->p++;
    skip_space(r);
    if (r->p < r->end && *r->p == (object ? '}' : ']')) {
        r->p++;
        return;
    }
    for (;;) {
        skip_space(r);
        char *key = NULL;
        if (object) {
            if (r->p >= r->end || *r->p != '"') {
                fail(r, "expected a \"key\"");
                return;
            }
            key = read_string(r);
            if (!key)
                return;
            skip_space(r);
            if (r->p >= r->end || *r->p != ':') {
                free(key);
                fail(r, "expected ':'");
                return;
            }
            r->p++;
        }
        skip_space(r);
        if (object && depth == 0 && r->stream_key && strcmp(key, r->stream_key) == 0 &&
            r->p < r->end && *r->p == '[') {
            free(key);
            stream_array(r, depth + 1);
            if (r->failed)
                return;
            goto next;
        }
        size_t old_cap = cap;
        out->items = inf_xgrow(out->items, &cap, out->count + 1, sizeof *out->items);
        if (object) {
            size_t key_cap = old_cap;
            out->keys = inf_xgrow(out->keys, &key_cap, out->count + 1, sizeof *out->keys);
            out->keys[out->count] = key;
        }
        memset(&out->items[out->count], 0, sizeof out->items[0]);
        out->count++;
        parse_value(r, &out->items[out->count - 1], depth + 1);
        if (r->failed)
            return;
    next:
        skip_space(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == (object ? '}' : ']')) {
            r->p++;
            return;
        }
        fail(r, object ? "expected ',' or '}'" : "expected ',' or ']'");
        return;
    }
}

static void parse_value(struct reader *r, struct inf_json *out, int depth)
{
    memset(out, 0, sizeof *out);
    if (depth > INF_JSON_MAX_DEPTH) {
        fail(r, "nested too deeply");
        return;
    }
    skip_space(r);
    if (r->p >= r->end) {
        fail(r, "unexpected end of input");
        return;
    }
    char c = *r->p;
    if (c == '{' || c == '[') {
        out->type = c == '{' ? INF_JSON_OBJECT : INF_JSON_ARRAY;
        parse_container(r, out, depth, c == '{');
    } else if (c == '"') {
        out->type = INF_JSON_STRING;
        out->string = read_string(r);
    } else if ((size_t)(r->end - r->p) >= 4 && memcmp(r->p, "true", 4) == 0) {
        out->type = INF_JSON_BOOL, out->boolean = 1, r->p += 4;
    } else if ((size_t)(r->end - r->p) >= 5 && memcmp(r->p, "false", 5) == 0) {
        out->type = INF_JSON_BOOL, r->p += 5;
    } else if ((size_t)(r->end - r->p) >= 4 && memcmp(r->p, "null", 4) == 0) {
        out->type = INF_JSON_NULL, r->p += 4;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        const char *s = r->p;
        while (r->p < r->end && strchr("+-0123456789.eE", *r->p))
            r->p++;
        char number[64];
        size_t n = (size_t)(r->p - s);
        if (n >= sizeof number) {
            fail(r, "number too long");
            return;
        }
        memcpy(number, s, n);
        number[n] = '\0';
        char *end;
        out->type = INF_JSON_NUMBER;
        out->number = strtod(number, &end);
        if (*end)
            fail(r, "bad number");
    } else {
        fail(r, "unexpected character");
    }
}

int inf_json_parse(const char *text, size_t len, struct inf_json *out, char *error,
                   size_t error_size)
{
    return inf_json_parse_streaming(text, len, NULL, NULL, NULL, out, error, error_size);
}

int inf_json_parse_streaming(const char *text, size_t len, const char *array_key,
                             int (*each)(void *context, const struct inf_json *item, size_t index),
                             void *context, struct inf_json *out, char *error, size_t error_size)
{
    struct reader r = {text, text + len, text, error, error_size, 0, array_key, each, context};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r.p += 3; /* a UTF-8 byte order mark, as editors on Windows write */
    parse_value(&r, out, 0);
    skip_space(&r);
    if (!r.failed && r.p != r.end)
        fail(&r, "text after the JSON value");
    return r.failed ? -1 : 0;
}

void inf_json_free(struct inf_json *value)
{
    for (size_t i = 0; i < value->count; i++) {
        inf_json_free(&value->items[i]);
        if (value->keys)
            free(value->keys[i]);
    }
    free(value->items);
    free(value->keys);
    free(value->string);
    memset(value, 0, sizeof *value);
}

const struct inf_json *inf_json_get(const struct inf_json *object, const char *key)
{
    if (object->type != INF_JSON_OBJECT)
        return NULL;
    for (size_t i = object->count; i-- > 0;) /* the last of repeated keys, as Python and jq */
        if (strcmp(object->keys[i], key) == 0)
            return &object->items[i];
    return NULL;
}
