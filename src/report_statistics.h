/*
 * report_statistics.h - the --statistics report (report_statistics.c).
 */
#ifndef INFLINT_REPORT_STATISTICS_H
#define INFLINT_REPORT_STATISTICS_H

#include "inflint/engine.h"
#include "inflint/buf.h"

/*
 * Appends to OUT one line per rule and severity with the number of its
 * findings in RESULTS, most first; JSON: an array of {rule, name, severity,
 * count} objects.
 */
void inf_write_statistics(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                          int json);

#endif
