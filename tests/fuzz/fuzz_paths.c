/*
 * fuzz_paths.c - libFuzzer target for what handles names and patterns: the
 * exclude glob matcher, relative paths for baselines, and the escaping of
 * human and JSON output, with invariants checked: JSON strings decode as
 * UTF-8 and carry no raw control bytes, visible text carries none either.
 * The input is PATTERN NUL PATH NUL BASE (missing parts are empty).
 */
#include "glob_match.h"
#include "inflint/inflint.h"
#include "os.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Part K (0-based) of the NUL-separated input, as a terminated copy. */
static char *part(const uint8_t *data, size_t size, int k)
{
    size_t start = 0;
    for (int i = 0; i < k; i++) {
        while (start < size && data[start])
            start++;
        if (start < size)
            start++;
    }
    size_t end = start;
    while (end < size && data[end])
        end++;
    return inf_xstrndup((const char *)data + start, end - start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *pattern = part(data, size, 0), *path = part(data, size, 1), *base = part(data, size, 2);
    (void)inf_glob_match(pattern, path);
    if (base[0] == '/' && path[0] == '/') {
        char *relative = inf_os_relative(base, path);
        free(relative);
    }
    struct inf_buf out = INF_BUF_INIT;
    inf_buf_add_json_string(&out, path, strlen(path));
    if (!inf_utf8_valid(out.data, out.len))
        abort(); /* JSON output must be UTF-8 */
    for (size_t i = 0; i < out.len; i++)
        if ((unsigned char)out.data[i] < 0x20)
            abort(); /* no raw control byte inside a JSON string */
    inf_buf_clear(&out);
    inf_buf_add_visible(&out, path, strlen(path), (size & 1) != 0);
    for (size_t i = 0; i < out.len; i++) {
        unsigned char c = (unsigned char)out.data[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            abort(); /* nothing a terminal or a CI log would act on */
    }
    if (!inf_utf8_valid(out.data, out.len))
        abort();
    inf_buf_free(&out);
    free(pattern);
    free(path);
    free(base);
    return 0;
}
