/*
 * fuzz_source.c - libFuzzer target for the driver-source scan: the input is
 * a C or C++ file, tokenized, split into functions and calls, followed
 * through its data flow and checked by every SRC rule.
 */
#include "inflint/alloc.h"
#include "inflint/engine.h"
#include "source_scan.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *bytes = inf_xmalloc(size + 1);
    memcpy(bytes, data, size);
    struct inf_input input = {bytes, size, 0, 0};
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    struct inf_file_result result;
    inf_lint_source_input("fuzz/driver.c", input, &options, &result);
    inf_file_result_free(&result);
    inf_lint_options_free(&options);
    return 0;
}
