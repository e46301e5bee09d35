/*
 * report_github.c - GitHub Actions workflow commands, one annotation per
 * finding: ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message
 * Data escapes %, CR and LF; properties also escape ':' and ','.
 */
#include "inflint/report.h"
#include "report_paths.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What escape() does with each byte: 0 copied, ESCAPED always escaped (%, CR, LF, other
 * controls), PROPERTY_SEPARATOR escaped in a property only (':' and ','). */
enum { ESCAPED = 1, PROPERTY_SEPARATOR = 2 };
#define CONTROLS_4(n) [n] = ESCAPED, [n + 1] = ESCAPED, [n + 2] = ESCAPED, [n + 3] = ESCAPED
/* clang-format off */
static const unsigned char escape_class[256] = {
    CONTROLS_4(0x00), CONTROLS_4(0x04), CONTROLS_4(0x08), CONTROLS_4(0x0C),
    CONTROLS_4(0x10), CONTROLS_4(0x14), CONTROLS_4(0x18), CONTROLS_4(0x1C),
    [0x7F] = ESCAPED, ['%'] = ESCAPED, [':'] = PROPERTY_SEPARATOR, [','] = PROPERTY_SEPARATOR};
/* clang-format on */
#undef CONTROLS_4

static void escape(struct inf_buf *out, const char *text, int property)
{
    unsigned escaped = property ? ESCAPED | PROPERTY_SEPARATOR : ESCAPED;
    for (const char *p = text; *p;) {
        const char *plain = p; /* a run of bytes copied as they are, appended at once */
        while (*p && !(escape_class[(unsigned char)*p] & escaped))
            p++;
        inf_buf_add(out, plain, (size_t)(p - plain));
        if (!*p)
            break;
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
            inf_buf_adds(out, "%3A");
            break;
        case ',':
            inf_buf_adds(out, "%2C");
            break;
        default: /* other controls: shown, not sent */
            inf_buf_printf(out, "\\x%02x", (unsigned)(unsigned char)*p);
        }
        p++;
    }
}

/* NAME (",line=" and the like) and VALUE in decimal. */
static void add_number(struct inf_buf *out, const char *name, uint32_t value)
{
    inf_buf_adds(out, name);
    inf_buf_add_uint(out, value);
}

static void write_github(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                         const struct inf_summary *summary,
                         const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    struct inf_buf file = INF_BUF_INIT; /* the result's path as a property, escaped once */
    for (size_t r = 0; r < count; r++) {
        if (!results[r].count)
            continue;
        char *path = inf_report_slash_path(results[r].path);
        inf_buf_clear(&file);
        escape(&file, path, 1);
        free(path);
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            const char *command = f->severity == INF_SEVERITY_ERROR     ? "::error file="
                                  : f->severity == INF_SEVERITY_WARNING ? "::warning file="
                                                                        : "::notice file=";
            inf_buf_adds(out, command);
            inf_buf_add(out, file.data, file.len);
            add_number(out, ",line=", f->line);
            add_number(out, ",col=", f->column);
            add_number(out, ",endLine=", f->end_line);
            add_number(out, ",endColumn=", f->end_column);
            inf_buf_adds(out, ",title="); /* "CODE name" */
            escape(out, f->rule->code, 1);
            inf_buf_addc(out, ' ');
            escape(out, f->rule->name, 1);
            inf_buf_adds(out, "::");
            escape(out, f->message, 0);
            if (f->hint) {
                inf_buf_adds(out, "%0A%0Ahelp: ");
                escape(out, f->hint, 0);
            }
            inf_buf_addc(out, '\n');
        }
    }
    inf_buf_free(&file);
}

const struct inf_reporter inf_report_github = {"github", write_github, NULL};
