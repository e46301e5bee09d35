/*
 * suppress.h - inline suppressions (rules.md "Suppression and configuration").
 */
#ifndef INFLINT_SUPPRESS_H
#define INFLINT_SUPPRESS_H

#include "engine_check.h"

/*
 * Removes the findings of RESULT that `; inflint: disable=...` comments hide
 * (COMMENT_COUNT COMMENTS of SOURCE, each's text starting one byte after its
 * offset; MODEL is the INF's, or NULL for a C source), and reports INF017 (unknown rule names) and,
 * when OPTIONS asks, INF018 (suppressions that hid nothing), with OPTIONS' severity overrides. Runs
 * after inf_findings_apply_overrides: what an override turned off hides nothing a suppression could
 * take credit for.
 */
void inf_suppressions_apply(const struct inf_source *source, const struct inf_comment *comments,
                            size_t comment_count, const struct inf_model *model,
                            struct inf_file_result *result, const struct inf_lint_options *options);

#endif
