/*
 * fuzz_config.c - libFuzzer target for .inflint.ini parsing (pre-scan,
 * libinih, validation) and applying the result.
 */
#include "inflint/config.h"
#include "glob_match.h"
#include "inflint/inflint.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct inf_config config;
    char error[512];
    if (inf_config_parse("fuzz/.inflint.ini", (const char *)data, size, &config, error,
                         sizeof error) == 0) {
        struct inf_lint_options options;
        inf_lint_options_init(&options);
        inf_config_apply(&config, &options);
        inf_lint_options_free(&options);
        for (size_t i = 0; i < config.exclude_count; i++)
            inf_glob_match(config.exclude[i], "drv/sub/x.inf");
    }
    inf_config_free(&config);
    return 0;
}
