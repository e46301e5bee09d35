/*
 * report_junit.c - JUnit XML, for the test tabs of Azure Pipelines
 * (PublishTestResults, testResultsFormat JUnit), Jenkins (junit step) and
 * GitLab (artifacts:reports:junit): a <testsuite> per linted file, and in
 * it a <testcase> per rule with findings, which fails with every finding of
 * that rule in its text. A file without findings is one passing test case;
 * one that could not be read is a test case in error.
 */
#include "inflint/report.h"
#include "inflint/alloc.h"
#include "report_xml.h"

#include <stdlib.h>
#include <string.h>

/* The findings of R sorted by rule (then by place): the order of the test cases. */
static int by_rule(const void *a, const void *b)
{
    const struct inf_finding *x = *(const struct inf_finding *const *)a;
    const struct inf_finding *y = *(const struct inf_finding *const *)b;
    int c = strcmp(x->rule->code, y->rule->code);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->column < y->column ? -1 : x->column > y->column;
}

/* How many rules have findings in R: a few dozen at most, so a short list serves. */
static size_t distinct_rules(const struct inf_file_result *r)
{
    const struct inf_rule **seen = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; i < r->count; i++) {
        size_t k = 0;
        while (k < count && seen[k] != r->findings[i].rule)
            k++;
        if (k == count) {
            seen = inf_xgrow(seen, &cap, count + 1, sizeof *seen);
            seen[count++] = r->findings[i].rule;
        }
    }
    free(seen);
    return count;
}

static void add_finding_line(struct inf_buf *out, const char *path, const struct inf_finding *f)
{
    inf_xml_add(out, path);
    inf_buf_printf(out, ":%u:%u: %s: ", (unsigned)f->line, (unsigned)f->column,
                   inf_severity_name(f->severity));
    inf_xml_add(out, f->message);
    inf_buf_printf(out, " [%s]\n", f->rule->code);
    if (f->hint) {
        inf_buf_adds(out, "  help: ");
        inf_xml_add(out, f->hint);
        inf_buf_addc(out, '\n');
    }
}

static void write_suite(struct inf_buf *out, const struct inf_file_result *result)
{
    const struct inf_finding **sorted = inf_xcalloc(result->count + 1, sizeof *sorted);
    for (size_t i = 0; i < result->count; i++)
        sorted[i] = &result->findings[i];
    qsort(sorted, result->count, sizeof *sorted, by_rule);
    size_t failing = distinct_rules(result);
    size_t tests = result->error || failing ? failing + (result->error != NULL) : 1;
    inf_buf_adds(out, "  <testsuite name=\"");
    inf_xml_add(out, result->path);
    inf_buf_printf(out,
                   "\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\" skipped=\"0\" time=\"0\">\n",
                   tests, failing, result->error != NULL);
    if (result->error) {
        inf_buf_adds(out, "    <testcase classname=\"");
        inf_xml_add(out, result->path);
        inf_buf_adds(out, "\" name=\"read\" time=\"0\">\n      <error message=\"");
        inf_xml_add(out, result->error);
        inf_buf_adds(out, "\" type=\"io\"/>\n    </testcase>\n");
    } else if (!failing) {
        inf_buf_adds(out, "    <testcase classname=\"");
        inf_xml_add(out, result->path);
        inf_buf_adds(out, "\" name=\"inflint\" time=\"0\"/>\n");
    }
    for (size_t i = 0; i < result->count;) {
        size_t end = i;
        enum inf_severity worst = sorted[i]->severity;
        while (end < result->count && sorted[end]->rule == sorted[i]->rule) {
            if (sorted[end]->severity > worst)
                worst = sorted[end]->severity;
            end++;
        }
        const struct inf_rule *rule = sorted[i]->rule;
        inf_buf_adds(out, "    <testcase classname=\"");
        inf_xml_add(out, result->path);
        inf_buf_printf(out, "\" name=\"%s %s\" time=\"0\">\n      <failure message=\"", rule->code,
                       rule->name);
        inf_xml_add(out, sorted[i]->message);
        if (end - i > 1)
            inf_buf_printf(out, " (and %zu more)", end - i - 1);
        inf_buf_printf(out, "\" type=\"%s\">", inf_severity_name(worst));
        for (size_t k = i; k < end; k++)
            add_finding_line(out, result->path, sorted[k]);
        inf_buf_adds(out, "</failure>\n    </testcase>\n");
        i = end;
    }
    inf_buf_adds(out, "  </testsuite>\n");
    free(sorted);
}

static void write_junit(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                        const struct inf_summary *summary, const struct inf_report_options *options)
{
    (void)summary;
    (void)options;
    size_t tests = 0, failures = 0, errors = 0;
    for (size_t r = 0; r < count; r++) { /* the totals first: they are attributes of the root */
        size_t rules = distinct_rules(&results[r]);
        failures += rules;
        errors += results[r].error != NULL;
        tests += results[r].error || rules ? rules + (results[r].error != NULL) : 1;
    }
    inf_buf_printf(out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<testsuites name=\"inflint\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
                   "time=\"0\">\n",
                   tests, failures, errors);
    for (size_t r = 0; r < count; r++)
        write_suite(out, &results[r]);
    inf_buf_adds(out, "</testsuites>\n");
}

const struct inf_reporter inf_report_junit = {"junit", write_junit, NULL};
