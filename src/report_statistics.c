/*
 * report_statistics.c - --statistics: how many findings each rule has, at
 * each severity, instead of the findings (as ruff's --statistics).
 */
#include "report_statistics.h"
#include "inflint/alloc.h"

#include <stdlib.h>
#include <string.h>

struct rule_count {
    const struct inf_rule *rule;
    enum inf_severity severity;
    size_t count;
};

/* Most findings first, then by code and severity (errors first). */
static int by_count(const void *a, const void *b)
{
    const struct rule_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    int c = strcmp(x->rule->code, y->rule->code);
    if (c)
        return c;
    return (int)y->severity - (int)x->severity;
}

void inf_write_statistics(struct inf_buf *out, const struct inf_file_result *results, size_t count,
                          int json)
{
    struct rule_count *counts = NULL;
    size_t used = 0, cap = 0;
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < results[r].count; i++) {
            const struct inf_finding *f = &results[r].findings[i];
            size_t k = 0;
            while (k < used && !(counts[k].rule == f->rule && counts[k].severity == f->severity))
                k++;
            if (k == used) {
                counts = inf_xgrow(counts, &cap, used + 1, sizeof *counts);
                counts[used++] = (struct rule_count){f->rule, f->severity, 0};
            }
            counts[k].count++;
        }
    if (used > 1)
        qsort(counts, used, sizeof *counts, by_count);
    if (json)
        inf_buf_adds(out, "[");
    for (size_t k = 0; k < used; k++) {
        const struct rule_count *c = &counts[k];
        if (json) {
            inf_buf_printf(out,
                           "%s\n  {\"rule\": \"%s\", \"name\": \"%s\", \"severity\": \"%s\", "
                           "\"count\": %zu}",
                           k ? "," : "", c->rule->code, c->rule->name,
                           inf_severity_name(c->severity), c->count);
        } else {
            inf_buf_printf(out, "%7zu  %-7s %-33s %s\n", c->count, c->rule->code, c->rule->name,
                           inf_severity_name(c->severity));
        }
    }
    if (json)
        inf_buf_adds(out, used ? "\n]\n" : "]\n");
    free(counts);
}
