/*
 * infverif_doc.c - `inflint --list-infverif`: every InfVerif code with its
 * level under /k, /u and /w and the inflint rules that cover it (from the
 * registry), or why none does (from infverif_codes.c). Its markdown form is
 * the source of the README's conformance table (scripts/update-docs.sh).
 */
#include "infverif_codes.h"
#include "inflint/rule.h"

#include <stdio.h>

/* "ISO106, ISO109" for the rules covering CODE, or "" (markdown: links into rules/README.md). */
static void covering_rules(struct inf_buf *out, unsigned code, int markdown)
{
    size_t found = 0;
    for (size_t i = 0; i < inf_rule_count; i++)
        for (size_t k = 0; inf_rules[i]->infverif[k]; k++)
            if (inf_rules[i]->infverif[k] == code) {
                if (found++)
                    inf_buf_adds(out, ", ");
                if (markdown)
                    inf_buf_printf(out, "[%s](rules/README.md#%s)", inf_rules[i]->code,
                                   inf_rules[i]->code);
                else
                    inf_buf_adds(out, inf_rules[i]->code);
            }
}

void inf_infverif_list(struct inf_buf *out, int markdown)
{
    size_t count;
    const struct inf_infverif_code *codes = inf_infverif_codes(&count);
    if (markdown)
        inf_buf_adds(out, "| InfVerif | /k | /u | /w | Reports | inflint |\n"
                          "|---|---|---|---|---|---|\n");
    else
        inf_buf_printf(out, "%-8s %-7s %-7s %-7s %-14s %s\n", "CODE", "/k", "/u", "/w", "INFLINT",
                       "REPORTS");
    struct inf_buf rules = INF_BUF_INIT;
    for (size_t i = 0; i < count; i++) {
        const struct inf_infverif_code *c = &codes[i];
        inf_buf_clear(&rules);
        covering_rules(&rules, c->code, markdown);
        const char *k = inf_infverif_level_name(c->kmdf),
                   *u = inf_infverif_level_name(c->universal),
                   *w = inf_infverif_level_name(c->windows_driver);
        if (markdown) {
            inf_buf_printf(out, "| %u | %s | %s | %s | %s | ", c->code, k, u, w, c->about);
            if (rules.len)
                inf_buf_add(out, rules.data, rules.len);
            else
                inf_buf_printf(out, "not covered: %s", c->not_covered ? c->not_covered : "");
            inf_buf_adds(out, " |\n");
        } else {
            inf_buf_printf(out, "%-8u %-7s %-7s %-7s %-14s %s\n", c->code, k, u, w,
                           rules.len ? rules.data : "-", c->about);
        }
    }
    inf_buf_free(&rules);
}
