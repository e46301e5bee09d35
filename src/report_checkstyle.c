/*
 * report_checkstyle.c - Checkstyle XML, as Jenkins' Warnings Next
 * Generation plugin, reviewdog and diff-quality read it: a <file> element
 * per linted file, an <error> per finding with line, column, severity
 * (error, warning, info), message and source (the rule).
 */
#include "inflint/report.h"
#include "report_xml.h"

static const char *checkstyle_severity(enum inf_severity severity)
{
    return severity == INF_SEVERITY_ERROR     ? "error"
           : severity == INF_SEVERITY_WARNING ? "warning"
                                              : "info";
}

static void write_checkstyle(struct inf_buf *out, const struct inf_file_result *results,
                             size_t count, const struct inf_summary *summary,
                             const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    inf_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (size_t r = 0; r < count; r++) {
        const struct inf_file_result *result = &results[r];
        inf_buf_adds(out, "  <file name=\"");
        inf_xml_add(out, result->path);
        inf_buf_adds(out, "\">\n");
        if (result->error) { /* a file that could not be read is an error of its own */
            inf_buf_adds(out, "    <error line=\"1\" severity=\"error\" message=\"");
            inf_xml_add(out, result->error);
            inf_buf_adds(out, "\" source=\"inflint.read\"/>\n");
        }
        for (size_t i = 0; i < result->count; i++) {
            const struct inf_finding *f = &result->findings[i];
            inf_buf_printf(out, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"",
                           (unsigned)f->line, (unsigned)f->column,
                           checkstyle_severity(f->severity));
            inf_xml_add(out, f->message);
            if (f->hint) {
                inf_buf_adds(out, " (fix: ");
                inf_xml_add(out, f->hint);
                inf_buf_adds(out, ")");
            }
            inf_buf_printf(out, "\" source=\"inflint.%s\"/>\n", f->rule->code);
        }
        inf_buf_adds(out, "  </file>\n");
    }
    inf_buf_adds(out, "</checkstyle>\n");
}

const struct inf_reporter inf_report_checkstyle = {"checkstyle", write_checkstyle, NULL};
