/*
 * fuzz_pipeline.c - libFuzzer target for the whole pipeline: bytes, decoding,
 * tokens, model, graph, every rule, suppressions, then every reporter (with
 * odd file names too) and the model dump. The first byte picks the file name,
 * the profile and the report options.
 */
#include "inflint/inflint.h"
#include "dump.h"
#include "model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The file name: with mode bit 5, the bytes after the first up to a NUL (at
 * most 40: control characters, 0xFF, '%', spaces, "../"), so that every
 * reporter meets odd names; else a plain one.
 */
static char *file_name(const uint8_t *data, size_t size, unsigned mode)
{
    if (!((mode >> 5) & 1) || size < 2)
        return inf_xstrndup((mode & 8) ? "fuzz.inx" : "fuzz.inf", 8);
    size_t n = 0;
    while (1 + n < size && n < 40 && data[1 + n])
        n++;
    return inf_xstrndup((const char *)data + 1, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode = size ? data[0] : 0;
    char *name = file_name(data, size, mode);
    unsigned char *bytes = inf_xmalloc(size + 1);
    memcpy(bytes, data, size);
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    options.rule.profile = (enum inf_profile)(mode % 3);
    options.report_unused_suppressions = (mode >> 2) & 1;
    struct inf_file_result result;
    inf_lint_buffer(name, bytes, size, &options, &result);
    struct inf_summary summary = {0, 0, 0, 0};
    inf_summary_add(&summary, &result);
    /* Every reporter, with the current directory such that the name is under it or not. */
    struct inf_report_options report = {(mode >> 4) & 1, (mode >> 6) & 1, NULL,
                                        (mode >> 7) & 1 ? "/" : "/work",
                                        (mode >> 5) & 1 ? "https://example.invalid/r.md" : NULL};
    static const struct inf_reporter *const reporters[] = {
        &inf_report_text,  &inf_report_gcc,        &inf_report_msvc,
        &inf_report_json,  &inf_report_sarif,      &inf_report_github,
        &inf_report_junit, &inf_report_checkstyle, &inf_report_gitlab};
    struct inf_buf out = INF_BUF_INIT;
    for (size_t i = 0; i < sizeof reporters / sizeof reporters[0]; i++) {
        inf_buf_clear(&out);
        reporters[i]->write(&out, &result, 1, &summary, &report);
    }
    inf_buf_free(&out);
    inf_file_result_free(&result);
    /* The model dump (--dump-model) of the same bytes. */
    unsigned char *again = inf_xmalloc(size + 1);
    memcpy(again, data, size);
    struct inf_model model;
    if (inf_model_parse(&model, name, again, size) == 0) {
        struct inf_buf dump = INF_BUF_INIT;
        inf_dump_model(&dump, &model, NULL);
        inf_buf_free(&dump);
    }
    inf_model_free(&model);
    inf_lint_options_free(&options);
    free(name);
    return 0;
}
