/*
 * fuzz_pipeline.c - libFuzzer target for the whole pipeline: bytes, decoding,
 * tokens, model, graph, every rule, suppressions, then JSON and SARIF output.
 * The first byte picks the file name (.inf or .inx) and the profile.
 */
#include "inflint/inflint.h"
#include "model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode = size ? data[0] : 0;
    unsigned char *bytes = inf_xmalloc(size + 1);
    memcpy(bytes, data, size);
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    options.rule.profile = (enum inf_profile)(mode % 3);
    options.report_unused_suppressions = (mode >> 2) & 1;
    struct inf_file_result result;
    inf_lint_buffer((mode & 8) ? "fuzz.inx" : "fuzz.inf", bytes, size, &options, &result);
    struct inf_summary summary = {0, 0, 0, 0};
    inf_summary_add(&summary, &result);
    struct inf_report_options report = {(mode >> 4) & 1, 0, NULL, "/work"};
    struct inf_buf out = INF_BUF_INIT;
    inf_report_json.write(&out, &result, 1, &summary, &report);
    inf_report_sarif.write(&out, &result, 1, &summary, &report);
    inf_report_text.write(&out, &result, 1, &summary, &report);
    inf_buf_free(&out);
    inf_file_result_free(&result);
    inf_lint_options_free(&options);
    return 0;
}
