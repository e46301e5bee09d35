/*
 * report_parts.h - rendering each file's part of a report on the worker that
 * linted it, so that the report of many files is written without holding
 * every finding (run.c renders, the reporters read the parts back).
 */
#ifndef INFLINT_REPORT_PARTS_H
#define INFLINT_REPORT_PARTS_H

#include "inflint/report.h"
#include "model.h"

/*
 * Parts rendered ahead: while files are linted on WORKERS threads, each
 * worker appends the write_file part of every result it finishes to a buffer
 * of its own, so that the result's findings can be freed at once (the
 * report then needs only paths, encodings and errors). Returns NULL when
 * REPORTER has no write_file. Set OPTIONS->parts to the result before the
 * report is written; free with inf_report_parts_free after it.
 */
struct inf_report_parts *inf_report_parts_new(const struct inf_reporter *reporter,
                                              const struct inf_report_options *options,
                                              int workers);

/* Makes room for the parts of results [0, COUNT) (not while rendering). */
void inf_report_parts_reserve(struct inf_report_parts *parts, size_t count);

/* Puts the parts in a new order: result k's part is the one of result ORDER[k]. */
void inf_report_parts_reorder(struct inf_report_parts *parts, const size_t *order, size_t count);

/* Renders the part of RESULT, result INDEX of the report, on thread WORKER. */
void inf_report_parts_render(struct inf_report_parts *parts, size_t index, int worker,
                             const struct inf_file_result *result);
void inf_report_parts_free(struct inf_report_parts *parts);

/*
 * The part rendered ahead for result INDEX; ptr is NULL when OPTIONS has no
 * parts (the reporter renders the result itself).
 */
struct inf_text inf_report_part(const struct inf_report_options *options, size_t index);

#endif
