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

/* Results rendered per batch: enough to keep the threads busy, few enough to reuse memory. */
#define PART_BATCH 1024

struct inf_report_parts {
    const struct inf_reporter *reporter;
    const struct inf_file_result *results;
    size_t count;
    const struct inf_report_options *options;
    int jobs;
    struct inf_buf buffers[PART_BATCH]; /* results first .. first + filled */
    size_t first, filled;
};

/* Renders result FIRST + I of the batch (each thread touches only its own buffer). */
static void render_part(void *context, size_t i)
{
    struct inf_report_parts *p = context;
    inf_buf_clear(&p->buffers[i]);
    p->reporter->write_file(&p->buffers[i], &p->results[p->first + i], p->options);
}

const struct inf_buf *inf_report_part(const struct inf_report_options *options, size_t index)
{
    struct inf_report_parts *p = options->parts;
    if (!p || index >= p->count)
        return NULL;
    if (index < p->first || index >= p->first + p->filled) {
        p->first = index;
        p->filled = p->count - index < PART_BATCH ? p->count - index : PART_BATCH;
        inf_os_parallel(p->filled, p->jobs, render_part, p);
    }
    return &p->buffers[index - p->first];
}

void inf_report_write(const struct inf_reporter *reporter, struct inf_buf *out,
                      const struct inf_file_result *results, size_t count,
                      const struct inf_summary *summary, const struct inf_report_options *options,
                      int jobs)
{
    struct inf_report_options o = *options;
    o.parts = NULL;
    if (reporter->write_file && jobs > 1 && count > 1) {
        o.parts = inf_xcalloc(1, sizeof *o.parts);
        o.parts->reporter = reporter;
        o.parts->results = results;
        o.parts->count = count;
        o.parts->options = &o;
        o.parts->jobs = jobs;
    }
    reporter->write(out, results, count, summary, &o);
    if (o.parts) {
        for (size_t i = 0; i < PART_BATCH; i++)
            inf_buf_free(&o.parts->buffers[i]);
        free(o.parts);
    }
}
