/*
 * report.h - output formats. Each reporter turns finished results into
 * text; none of them knows anything about INF syntax.
 */
#ifndef INFLINT_REPORT_H
#define INFLINT_REPORT_H

#include "inflint/buf.h"
#include "inflint/engine.h"

/* Parts of a report rendered by the lint workers (internal to the library; NULL for embedders). */
struct inf_report_parts;

struct inf_report_options {
    int color;                            /* ANSI colours (text format) */
    int quiet;                            /* no summary line */
    const struct inf_report_parts *parts; /* NULL: the reporter renders every result itself */
    const char *base_dir;  /* the absolute current directory ('/' separators) for SARIF's
                              %SRCROOT%, or NULL (then every location is an absolute URI) */
    const char *help_base; /* where rules/README.md is published (SARIF helpUri), or NULL for
                              the one inflint was built with (if any) */
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

/* The reporter called NAME (text, gcc, msvc, json, sarif, github, junit, checkstyle, gitlab),
 * or NULL. */
const struct inf_reporter *inf_reporter_find(const char *name);

/* Counts findings by severity. */
void inf_summary_add(struct inf_summary *summary, const struct inf_file_result *result);

extern const struct inf_reporter inf_report_text, inf_report_gcc, inf_report_msvc, inf_report_json,
    inf_report_sarif, inf_report_github, inf_report_junit, inf_report_checkstyle, inf_report_gitlab;

#endif
