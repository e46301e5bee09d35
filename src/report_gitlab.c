/*
 * report_gitlab.c - GitLab Code Quality JSON (artifacts:reports:codequality):
 * an array with one issue per finding, each with a description, the check
 * (rule) name, a fingerprint unique in the report and stable across runs, a
 * severity (info, minor, major) and the location as a path relative to the
 * project root (the current directory) with the line it begins on.
 */
#include "inflint/report.h"
#include "report_paths.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *gitlab_severity(enum inf_severity severity)
{
    return severity == INF_SEVERITY_ERROR     ? "major"
           : severity == INF_SEVERITY_WARNING ? "minor"
                                              : "info";
}

/* 64-bit FNV-1a of TEXT, as 16 hex digits into HEX (17 bytes). */
static void path_hash(const char *text, char *hex)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    static const char digits[] = "0123456789abcdef";
    for (int d = 0; d < 16; d++)
        hex[d] = digits[(h >> (60 - 4 * d)) & 15];
    hex[16] = '\0';
}

static void write_issue(struct inf_buf *out, const char *path, const struct inf_finding *f,
                        const char *path_digits, int first)
{
    inf_buf_adds(out, first ? "\n  {\"description\": " : ",\n  {\"description\": ");
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_printf(&text, "%s: %s", f->rule->code, f->message);
    inf_buf_add_json_string(out, text.data, text.len);
    inf_buf_free(&text);
    inf_buf_printf(out,
                   ", \"check_name\": \"%s\", \"fingerprint\": \"%s%s\", \"severity\": \"%s\", "
                   "\"location\": {\"path\": ",
                   f->rule->code, path_digits, f->fingerprint, gitlab_severity(f->severity));
    inf_buf_add_json_string(out, path, strlen(path));
    inf_buf_printf(out, ", \"lines\": {\"begin\": %u}}}", (unsigned)f->line);
}

static void write_gitlab(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                         const struct inf_summary *summary,
                         const struct inf_report_options *options)
{
    (void)summary;
    int first = 1;
    inf_buf_adds(out, "[");
    for (size_t r = 0; r < count; r++) {
        if (!results[r].count)
            continue;
        char *relative = inf_report_relative_path(results[r].path, options->base_dir);
        const char *path = relative ? relative : results[r].path;
        char digits[17];
        path_hash(path, digits);
        for (size_t i = 0; i < results[r].count; i++, first = 0)
            write_issue(out, path, &results[r].findings[i], digits, first);
        free(relative);
    }
    inf_buf_adds(out, first ? "]\n" : "\n]\n");
}

const struct inf_reporter inf_report_gitlab = {"gitlab", write_gitlab, NULL};
