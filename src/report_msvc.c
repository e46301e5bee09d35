/*
 * report_msvc.c - the shape Visual Studio and MSBuild recognise:
 * "path(line,col): error|warning CODE: message". They know no "note"
 * level, so notes are warnings whose message starts with "note: ".
 */
#include "inflint/report.h"

static void write_msvc(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                       const struct inf_summary *summary, const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            int error = f->severity == INF_SEVERITY_ERROR;
            inf_buf_printf(out, "%s(%u,%u): %s %s: %s%s\n", results[r].path, (unsigned)f->line,
                           (unsigned)f->column, error ? "error" : "warning", f->rule->code,
                           f->severity == INF_SEVERITY_NOTE ? "note: " : "", f->message);
        }
}

const struct inf_reporter inf_report_msvc = {"msvc", write_msvc, NULL};
