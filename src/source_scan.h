/*
 * source_scan.h - the driver-source front end's entry: lint one C or C++
 * file with the SRC rules (source-rules.md), through the same engine
 * passes, reports and configuration as INFs but nothing of the INF model.
 */
#ifndef INFLINT_SOURCE_SCAN_H
#define INFLINT_SOURCE_SCAN_H

#include "inflint/engine.h"

/*
 * Lints the input (ownership taken) as C/C++ file PATH into RESULT: the SRC
 * rules' findings after severity overrides and `// inflint:` suppressions,
 * sorted and fingerprinted. Returns 0, or -1 when it cannot be read.
 */
int inf_lint_source_input(const char *path, struct inf_input input,
                          const struct inf_lint_options *options, struct inf_file_result *result);

/*
 * The literal #defines of the headers named on the command line, which every
 * source file of the run sees (source-rules.md: "in headers named explicitly
 * in the same run"). Headers that cannot be read add nothing.
 */
struct inf_source_macros;
struct inf_source_macros *inf_source_macros_read(char *const *paths, size_t count);
void inf_source_macros_free(struct inf_source_macros *macros);

#endif
