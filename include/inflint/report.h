/*
 * report.h - output formats. Each reporter turns finished results into
 * text; none of them knows anything about INF syntax.
 */
#ifndef INFLINT_REPORT_H
#define INFLINT_REPORT_H

#include "inflint/buf.h"
#include "inflint/engine.h"

/* Parts of a report rendered ahead, in parallel (see inf_report_part). */
struct inf_report_parts;

struct inf_report_options {
    int color;                      /* ANSI colours (text format) */
    int quiet;                      /* no summary line */
    struct inf_report_parts *parts; /* set by inf_report_write; NULL otherwise */
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
 * Appends REPORTER's report of COUNT results to OUT, rendering the parts of
 * the files on up to JOBS threads when the reporter has write_file.
 */
void inf_report_write(const struct inf_reporter *reporter, struct inf_buf *out,
                      const struct inf_file_result *results, size_t count,
                      const struct inf_summary *summary, const struct inf_report_options *options,
                      int jobs);

/*
 * The part write_file gives for result INDEX, rendered ahead with the next
 * results in a parallel batch; NULL when OPTIONS has no parts (the reporter
 * renders it itself). Ask in increasing order; a part stays valid until the
 * next part outside its batch is asked for.
 */
const struct inf_buf *inf_report_part(const struct inf_report_options *options, size_t index);

/* The reporter called NAME (text, gcc, msvc, json), or NULL. */
const struct inf_reporter *inf_reporter_find(const char *name);

/* Counts findings by severity. */
void inf_summary_add(struct inf_summary *summary, const struct inf_file_result *result);

extern const struct inf_reporter inf_report_text, inf_report_gcc, inf_report_msvc, inf_report_json,
    inf_report_sarif, inf_report_github;

#endif
