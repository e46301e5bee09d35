/*
 * report.h - output formats. Each reporter turns finished results into
 * text; none of them knows anything about INF syntax.
 */
#ifndef INFLINT_REPORT_H
#define INFLINT_REPORT_H

#include "inflint/buf.h"
#include "inflint/engine.h"

/* Parts of a report rendered while the files are linted (see inf_report_parts_new). */
struct inf_report_parts;

struct inf_report_options {
    int color;                            /* ANSI colours (text format) */
    int quiet;                            /* no summary line */
    const struct inf_report_parts *parts; /* rendered ahead, or NULL: see inf_report_part */
};

struct inf_summary {
    size_t files, errors, warnings, notes;
};

struct inf_reporter {
    const char *name;
    /* Appends the report of COUNT results to OUT. */
    void (*write)(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                  const struct inf_summary *summary, const struct inf_report_options *options);
    /* Optional: appends the part of the report that concerns RESULT alone, so that the
     * parts of many files can be rendered side by side (write gets them from
     * inf_report_part). */
    void (*write_file)(struct inf_buf *part, const struct inf_file_result *result,
                       const struct inf_report_options *options);
};

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

/* The reporter called NAME (text, gcc, msvc, json), or NULL. */
const struct inf_reporter *inf_reporter_find(const char *name);

/* Counts findings by severity. */
void inf_summary_add(struct inf_summary *summary, const struct inf_file_result *result);

extern const struct inf_reporter inf_report_text, inf_report_gcc, inf_report_msvc, inf_report_json,
    inf_report_sarif, inf_report_github;

#endif
