/*
 * report_lines.c - one line per finding, in the two shapes build tools parse:
 * gcc's "path:line:col: severity: message [CODE]" (editors, most CI log
 * parsers) and MSBuild's "path(line,col): error|warning CODE: message"
 * (Visual Studio; it knows no "note" level, so notes are warnings whose
 * message starts with "note: ").
 */
#include "inflint/report.h"

#include <string.h>

/* TEXT with control characters escaped: a file name or INF text cannot start a line. */
static void add_visible(struct inf_buf *out, const char *text)
{
    inf_buf_add_visible(out, text, strlen(text), 0);
}

/* LINE, SEPARATOR and COLUMN in decimal between OPEN and CLOSE: ":12:5" or "(12,5)". */
static void add_position(struct inf_buf *out, char open, const struct inf_finding *f,
                         char separator, const char *close)
{
    inf_buf_addc(out, open);
    inf_buf_add_uint(out, f->line);
    inf_buf_addc(out, separator);
    inf_buf_add_uint(out, f->column);
    inf_buf_adds(out, close);
}

/* (Both lines are appended piece by piece: printf's parse of a format would cost more than
 * the line.) */
static void gcc_line(struct inf_buf *out, const char *path, const struct inf_finding *f)
{
    add_visible(out, path);
    add_position(out, ':', f, ':', ": ");
    inf_buf_adds(out, inf_severity_name(f->severity));
    inf_buf_adds(out, ": ");
    add_visible(out, f->message);
    inf_buf_adds(out, " [");
    inf_buf_adds(out, f->rule->code);
    inf_buf_adds(out, "]\n");
}

static void msvc_line(struct inf_buf *out, const char *path, const struct inf_finding *f)
{
    add_visible(out, path);
    add_position(out, '(', f, ',', "): ");
    inf_buf_adds(out, f->severity == INF_SEVERITY_ERROR ? "error " : "warning ");
    inf_buf_adds(out, f->rule->code);
    inf_buf_adds(out, f->severity == INF_SEVERITY_NOTE ? ": note: " : ": ");
    add_visible(out, f->message);
    inf_buf_addc(out, '\n');
}

/* Every finding of every result, in order, as LINE writes it. */
static void write_lines(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                        void (*line)(struct inf_buf *, const char *, const struct inf_finding *))
{
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < results[r].count; i++)
            line(out, results[r].path, &results[r].findings[i]);
}

static void write_gcc(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                      const struct inf_summary *summary, const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    write_lines(out, results, count, gcc_line);
}

static void write_msvc(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                       const struct inf_summary *summary, const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    write_lines(out, results, count, msvc_line);
}

const struct inf_reporter inf_report_gcc = {"gcc", write_gcc, NULL};
const struct inf_reporter inf_report_msvc = {"msvc", write_msvc, NULL};
