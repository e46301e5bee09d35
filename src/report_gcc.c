/*
 * report_gcc.c - one line per finding, as compilers print them:
 * "path:line:col: severity: message [CODE]". Editors and CI log parsers
 * that understand gcc output pick these up.
 */
#include "inflint/report.h"

static void write_gcc(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                      const struct inf_summary *summary, const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            inf_buf_printf(out, "%s:%u:%u: %s: %s [%s]\n", results[r].path, (unsigned)f->line,
                           (unsigned)f->column, inf_severity_name(f->severity), f->message,
                           f->rule->code);
        }
}

const struct inf_reporter inf_report_gcc = {"gcc", write_gcc, NULL};
