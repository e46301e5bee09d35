/*
 * INF004 duplicate-section (InfVerif 1209): the same section header twice
 * (case-insensitive). Windows merges them, and so does the model; reported
 * at every header after the first.
 */
#include "rule_util.h"

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    for (size_t s = 0; s < m->section_count; s++) {
        const struct inf_section *section = &m->sections[s];
        if (section->run_count < 2)
            continue;
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        uint32_t first_line = m->runs[section->first_run].header_line;
        for (uint32_t r = m->runs[section->first_run].next; r != INF_NO_INDEX; r = m->runs[r].next)
            inf_report(c, inf_span_header(m, r), 0,
                       "merge the entries into the first [section] so the file reads the way "
                       "Windows reads it",
                       "[%.*s] is defined again; Windows appends these entries to the section "
                       "first defined on line %u",
                       (int)name.len, name.ptr, (unsigned)first_line);
    }
}

const struct inf_rule inf_rule_inf004 = {
    "INF004",
    "duplicate-section",
    INF_SEVERITY_WARNING,
    "A section is defined more than once.",
    "Section names are compared without case, and a repeated header re-opens the first "
    "section: its entries are appended there. That is legal but easy to misread, and "
    "InfVerif reports it.",
    "[Strings]\nVendor = \"Acme\"\n...\n[strings]\nDevice = \"Probe\"\n",
    "[Strings]\nVendor = \"Acme\"\nDevice = \"Probe\"\n",
    check};
