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
/*
 * inf_json_parse for big documents: the elements of the root object's array
 * member ARRAY_KEY are handed to EACH one at a time and freed after it (OUT
 * does not hold that member), so memory holds one element at a time. EACH
 * is first called with ITEM NULL when the array begins. It returns 0, or
 * non-zero after writing an error (the parse then fails).
 */
int inf_json_parse_streaming(const char *text, size_t len, const char *array_key,
                             int (*each)(void *context, const struct inf_json *item, size_t index),
                             void *context, struct inf_json *out, char *error, size_t error_size);

void inf_json_free(struct inf_json *value);

/* Member KEY of OBJECT, or NULL (also when OBJECT is no object). */
const struct inf_json *inf_json_get(const struct inf_json *object, const char *key);

#endif
