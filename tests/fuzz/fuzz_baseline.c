/*
 * fuzz_baseline.c - libFuzzer target for baseline files: JSON reading,
 * validation, then filtering and stale-entry reporting on a small result.
 */
#include "inflint/baseline.h"
#include "inflint/inflint.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct inf_baseline baseline;
    char error[512];
    if (inf_baseline_parse("fuzz.json", "/fuzz", (const char *)data, size, &baseline, error,
                           sizeof error) == 0) {
        static const char inf[] = "[Version]\nSignature=\"$Windows NT$\"\n[DefaultInstall]\n"
                                  "AddReg=R\n[R]\nHKLM,X,Y\n";
        unsigned char *bytes = inf_xmalloc(sizeof inf);
        memcpy(bytes, inf, sizeof inf);
        struct inf_lint_options options;
        inf_lint_options_init(&options);
        struct inf_file_result result;
        inf_lint_buffer("drv/x.inf", bytes, sizeof inf - 1, &options, &result);
        inf_baseline_filter(&baseline, "drv/x.inf", &result);
        inf_baseline_report_stale(&baseline, "drv/x.inf", &result, 1);
        inf_file_result_free(&result);
        inf_lint_options_free(&options);
    }
    inf_baseline_free(&baseline);
    return 0;
}
