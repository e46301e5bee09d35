/*
 * json_reader.h - a small strict JSON reader for the files inflint reads
 * back (baselines). Depth and size are bounded by the input; errors name
 * the line.
 */
#ifndef INFLINT_JSON_READER_H
#define INFLINT_JSON_READER_H

#include <stddef.h>

enum inf_json_type {
    INF_JSON_NULL,
    INF_JSON_BOOL,
    INF_JSON_NUMBER,
    INF_JSON_STRING,
    INF_JSON_ARRAY,
    INF_JSON_OBJECT
};

struct inf_json {
    enum inf_json_type type;
    double number;
    int boolean;
    char *string;           /* STRING: UTF-8, NUL-terminated; owned */
    struct inf_json *items; /* ARRAY elements, or OBJECT values */
    char **keys;            /* OBJECT keys, parallel to items */
    size_t count;
};

#define INF_JSON_MAX_DEPTH 64

/*
 * Parses LEN bytes of TEXT into *OUT. Returns 0, or -1 with "line N: what"
 * in ERROR. Free with inf_json_free (also after a failure).
 */
int inf_json_parse(const char *text, size_t len, struct inf_json *out, char *error,
                   size_t error_size);
void inf_json_free(struct inf_json *value);

/* Member KEY of OBJECT, or NULL (also when OBJECT is no object). */
const struct inf_json *inf_json_get(const struct inf_json *object, const char *key);

#endif
