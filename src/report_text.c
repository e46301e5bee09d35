/*
 * report_text.c - the default human format:
 *
 *   path:line:col: severity[CODE name]: message
 *      12 | the source line
 *         | ^^^^^^^^^
 *     help: how to fix it
 *
 * followed by a summary line. Colour only when asked for (a terminal
 * without NO_COLOR, or --color always).
 */
#include "inflint/report.h"
#include "model.h"
#include "buf_cursor.h"

#include <stdio.h>
#include <string.h>

#define RESET "\033[0m"
#define BOLD "\033[1m"

static const char *severity_color(enum inf_severity severity)
{
    switch (severity) {
    case INF_SEVERITY_ERROR:
        return "\033[1;31m";
    case INF_SEVERITY_WARNING:
        return "\033[1;33m";
    default:
        return "\033[1;36m";
    }
}

/* The excerpt of F's line and carets under the finding; a window of a long line shows "...". */
static void write_excerpt(struct inf_buf *out, const struct inf_finding *f, int color)
{
    char number[INF_UINT_ROOM];
    size_t width = (size_t)(inf_uint_at(number, f->line) - number);
    inf_buf_addc(out, ' ');
    inf_buf_add(out, number, width);
    inf_buf_adds(out, f->excerpt_cut_left ? " | ..." : " | ");
    /* Tabs become one space and other control characters U+FFFD, so carets line up with
     * code-point columns and the excerpt cannot steer the terminal. add_visible does both as
     * it writes: OUT may be flushed on the way, so nothing in it is changed afterwards. */
    size_t len = strlen(f->excerpt);
    inf_buf_add_visible(out, f->excerpt, len, 1);
    inf_buf_adds(out, f->excerpt_cut_right ? "...\n " : "\n ");
    inf_buf_add_repeated(out, ' ', width);
    inf_buf_adds(out, " | ");
    size_t chars = inf_utf8_length(f->excerpt, len);
    size_t first = f->excerpt_column > 0 ? f->excerpt_column - 1 : 0; /* the line's columns */
    size_t start = f->column > first + 1 ? f->column - 1 - first : 0;
    size_t end = f->end_line != f->line      ? chars
                 : f->end_column > first + 1 ? f->end_column - 1 - first
                                             : 0;
    if (end > chars)
        end = chars;
    if (end <= start)
        end = start + 1;
    size_t shift = f->excerpt_cut_left ? 3 : 0;
    inf_buf_add_repeated(out, ' ', shift + start);
    if (color)
        inf_buf_adds(out, severity_color(f->severity));
    inf_buf_add_repeated(out, '^', end - start);
    if (color)
        inf_buf_adds(out, RESET);
    inf_buf_addc(out, '\n');
}

static void write_text(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                       const struct inf_summary *summary, const struct inf_report_options *options)
{
    int color = options->color;
    size_t fixable = 0, unsafe = 0;
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            int safe_fix = f->fix && f->fix->applicability == INF_FIX_SAFE;
            fixable += safe_fix;
            unsafe += f->fix && !safe_fix;
            if (color)
                inf_buf_adds(out, BOLD);
            /* "path:line:col: severity[CODE name]", appended piece by piece (printf's parse of
             * its format would cost more than the line) */
            inf_buf_add_visible(out, results[r].path, strlen(results[r].path), 0);
            inf_buf_addc(out, ':');
            inf_buf_add_uint(out, f->line);
            inf_buf_addc(out, ':');
            inf_buf_add_uint(out, f->column);
            inf_buf_adds(out, ": ");
            if (color) {
                inf_buf_adds(out, RESET);
                inf_buf_adds(out, severity_color(f->severity));
            }
            inf_buf_adds(out, inf_severity_name(f->severity));
            inf_buf_addc(out, '[');
            inf_buf_adds(out, f->rule->code);
            inf_buf_addc(out, ' ');
            inf_buf_adds(out, f->rule->name);
            inf_buf_addc(out, ']');
            if (safe_fix) /* as ruff marks what --fix fixes */
                inf_buf_adds(out, " [*]");
            if (color)
                inf_buf_adds(out, RESET BOLD);
            inf_buf_adds(out, ": ");
            inf_buf_add_visible(out, f->message, strlen(f->message), 0);
            inf_buf_addc(out, '\n');
            if (color)
                inf_buf_adds(out, RESET);
            write_excerpt(out, f, color);
            if (f->hint) {
                inf_buf_adds(out, color ? "  " BOLD "help:" RESET " " : "  help: ");
                inf_buf_add_visible(out, f->hint, strlen(f->hint), 0);
                inf_buf_addc(out, '\n');
            }
            inf_buf_addc(out, '\n');
        }
    }
    if (options->quiet)
        return;
    size_t total = summary->errors + summary->warnings + summary->notes, unreadable = 0;
    for (size_t r = 0; r < count; r++)
        unreadable += results[r].error != NULL;
    if (unreadable) { /* never "no problems" when some input went unchecked */
        inf_buf_printf(out, "%zu path%s could not be read (see above); ", unreadable,
                       unreadable == 1 ? "" : "s");
    }
    if (total == 0 && unreadable) { /* "no problems" would pass over the unread ones */
        inf_buf_printf(out, "no findings in the %zu file%s read\n", summary->files,
                       summary->files == 1 ? "" : "s");
        return;
    }
    if (summary->files == 0 && !unreadable) { /* stderr has said why */
        inf_buf_adds(out, "no INF files checked\n");
        return;
    }
    if (total == 0) {
        inf_buf_printf(out, "no problems found in %zu file%s\n", summary->files,
                       summary->files == 1 ? "" : "s");
        return;
    }
    inf_buf_printf(out, "%zu error%s, %zu warning%s, %zu note%s in %zu file%s\n", summary->errors,
                   summary->errors == 1 ? "" : "s", summary->warnings,
                   summary->warnings == 1 ? "" : "s", summary->notes,
                   summary->notes == 1 ? "" : "s", summary->files, summary->files == 1 ? "" : "s");
    if (fixable || unsafe) {
        inf_buf_printf(out, "[*] %zu fixable with --fix", fixable);
        if (unsafe)
            inf_buf_printf(out, " (%zu more with --unsafe-fixes)", unsafe);
        inf_buf_addc(out, '\n');
    }
}

const struct inf_reporter inf_report_text = {"text", write_text, NULL};
