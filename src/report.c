/*
 * report.c - the table of output formats and the summary counts.
 */
#include "report_parts.h"
#include "inflint/alloc.h"

#include <stdlib.h>
#include <string.h>

const struct inf_reporter *inf_reporter_find(const char *name)
{
    const struct inf_reporter *all[] = {
        &inf_report_text,  &inf_report_gcc,        &inf_report_msvc,
        &inf_report_json,  &inf_report_sarif,      &inf_report_github,
        &inf_report_junit, &inf_report_checkstyle, &inf_report_gitlab};
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

struct part_place {
    int worker;
    size_t offset, len;
};

struct inf_report_parts {
    const struct inf_reporter *reporter;
    struct inf_report_options options; /* what write_file renders with (no parts) */
    size_t count;
    int workers;
    struct inf_buf *areas;     /* per worker: its parts one after another */
    struct part_place *places; /* per result */
};

struct inf_report_parts *inf_report_parts_new(const struct inf_reporter *reporter,
                                              const struct inf_report_options *options, int workers)
{
    if (!reporter->write_file)
        return NULL;
    struct inf_report_parts *p = inf_xcalloc(1, sizeof *p);
    p->reporter = reporter;
    p->options = *options;
    p->options.parts = NULL;
    p->workers = workers < 1 ? 1 : workers;
    p->areas = inf_xcalloc((size_t)p->workers, sizeof *p->areas);
    return p;
}

void inf_report_parts_reserve(struct inf_report_parts *p, size_t count)
{
    if (count <= p->count)
        return;
    p->places = inf_xrealloc(p->places, count * sizeof *p->places);
    memset(p->places + p->count, 0, (count - p->count) * sizeof *p->places);
    p->count = count;
}

void inf_report_parts_reorder(struct inf_report_parts *p, const size_t *order, size_t count)
{
    struct part_place *sorted = inf_xcalloc(count + 1, sizeof *sorted);
    for (size_t k = 0; k < count; k++)
        sorted[k] = p->places[order[k]];
    free(p->places);
    p->places = sorted;
    p->count = count;
}

void inf_report_parts_render(struct inf_report_parts *p, size_t index, int worker,
                             const struct inf_file_result *result)
{
    /* Rendered into a copy: the workers' buffers share cache lines, and every append to
     * one in place would take the line from the other worker. */
    struct inf_buf area = p->areas[worker];
    struct part_place place = {worker, area.len, 0};
    p->reporter->write_file(&area, result, &p->options);
    place.len = area.len - place.offset;
    p->areas[worker] = area;
    p->places[index] = place;
}

void inf_report_parts_free(struct inf_report_parts *p)
{
    if (!p)
        return;
    for (int w = 0; w < p->workers; w++)
        inf_buf_free(&p->areas[w]);
    free(p->areas);
    free(p->places);
    free(p);
}

struct inf_text inf_report_part(const struct inf_report_options *options, size_t index)
{
    struct inf_text part = {NULL, 0};
    const struct inf_report_parts *p = options->parts;
    if (!p || index >= p->count)
        return part;
    const struct part_place *place = &p->places[index];
    const struct inf_buf *area = &p->areas[place->worker];
    part.ptr = place->len ? area->data + place->offset : "";
    part.len = place->len;
    return part;
}
