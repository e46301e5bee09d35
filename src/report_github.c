/*
 * report_github.c - GitHub Actions workflow commands, one annotation per
 * finding: ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message
 * Data escapes %, CR and LF; properties also escape ':' and ','.
 */
#include "inflint/report.h"
#include "report_paths.h"

#include <stdlib.h>

#include <string.h>

static void escape(struct inf_buf *out, const char *text, int property)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '%':
            inf_buf_adds(out, "%25");
            break;
        case '\r':
            inf_buf_adds(out, "%0D");
            break;
        case '\n':
            inf_buf_adds(out, "%0A");
            break;
        case ':':
            inf_buf_adds(out, property ? "%3A" : ":");
            break;
        case ',':
            inf_buf_adds(out, property ? "%2C" : ",");
            break;
        default:
            if ((unsigned char)*p < 0x20 || *p == 0x7f) /* other controls: shown, not sent */
                inf_buf_printf(out, "\\x%02x", (unsigned)(unsigned char)*p);
            else
                inf_buf_addc(out, *p);
        }
    }
}

static void write_github(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                         const struct inf_summary *summary,
                         const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            const char *command = f->severity == INF_SEVERITY_ERROR     ? "error"
                                  : f->severity == INF_SEVERITY_WARNING ? "warning"
                                                                        : "notice";
            char *path = inf_report_slash_path(results[r].path);
            inf_buf_printf(out, "::%s file=", command);
            escape(out, path, 1);
            free(path);
            inf_buf_printf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", (unsigned)f->line,
                           (unsigned)f->column, (unsigned)f->end_line, (unsigned)f->end_column);
            struct inf_buf title = INF_BUF_INIT;
            inf_buf_printf(&title, "%s %s", f->rule->code, f->rule->name);
            escape(out, title.data, 1);
            inf_buf_free(&title);
            inf_buf_adds(out, "::");
            escape(out, f->message, 0);
            if (f->hint) {
                inf_buf_adds(out, "%0A%0Ahelp: ");
                escape(out, f->hint, 0);
            }
            inf_buf_addc(out, '\n');
        }
}

const struct inf_reporter inf_report_github = {"github", write_github, NULL};
