/*
 * report.c - the table of output formats and the summary counts.
 */
#include "inflint/report.h"

#include <string.h>

const struct inf_reporter *inf_reporter_find(const char *name)
{
    const struct inf_reporter *all[] = {&inf_report_text, &inf_report_gcc,   &inf_report_msvc,
                                        &inf_report_json, &inf_report_sarif, &inf_report_github};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

void inf_summary_add(struct inf_summary *summary, const struct inf_file_result *result)
{
    summary->files++;
    for (size_t i = 0; i < result->count; i++) {
        switch (result->findings[i].severity) {
        case INF_SEVERITY_ERROR:
            summary->errors++;
            break;
        case INF_SEVERITY_WARNING:
            summary->warnings++;
            break;
        case INF_SEVERITY_NOTE:
            summary->notes++;
            break;
        case INF_SEVERITY_OFF:
            break;
        }
    }
}
