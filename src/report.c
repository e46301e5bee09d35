/*
 * report.c - the table of output formats and the summary counts.
 */
#include "inflint/report.h"
#include "inflint/alloc.h"
#include "inflint/os.h"

#include <stdlib.h>
#include <string.h>

const struct inf_reporter *inf_reporter_find(const char *name)
{
    const struct inf_reporter *all[] = {&inf_report_text, &inf_report_gcc,   &inf_report_msvc,
                                        &inf_report_json, &inf_report_sarif, &inf_report_github};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

void inf_summary_add(struct inf_summary *summary, const struct inf_file_result *result)
{
    summary->files++;
    for (size_t i = 0; i < result->count; i++) {
        switch (result->findings[i].severity) {
        case INF_SEVERITY_ERROR:
            summary->errors++;
            break;
        case INF_SEVERITY_WARNING:
            summary->warnings++;
            break;
        case INF_SEVERITY_NOTE:
            summary->notes++;
            break;
        case INF_SEVERITY_OFF:
            break;
        }
    }
}

/* What the threads rendering parts share; each touches only its own part. */
struct render_job {
    const struct inf_reporter *reporter;
    const struct inf_file_result *results;
    const struct inf_report_options *options;
    struct inf_buf *parts;
};

static void render_part(void *context, size_t index)
{
    struct render_job *job = context;
    job->reporter->write_file(&job->parts[index], &job->results[index], job->options);
}

void inf_report_write(const struct inf_reporter *reporter, struct inf_buf *out,
                      const struct inf_file_result *results, size_t count,
                      const struct inf_summary *summary, const struct inf_report_options *options,
                      int jobs)
{
    struct inf_report_options o = *options;
    o.parts = NULL;
    struct inf_buf *parts = NULL;
    if (reporter->write_file && jobs > 1 && count > 1) {
        parts = inf_xcalloc(count, sizeof *parts);
        struct render_job job = {reporter, results, &o, parts};
        inf_os_parallel(count, jobs, render_part, &job);
        o.parts = parts;
    }
    reporter->write(out, results, count, summary, &o);
    for (size_t i = 0; parts && i < count; i++)
        inf_buf_free(&parts[i]);
    free(parts);
}
