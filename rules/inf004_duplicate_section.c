/*
 * INF004 duplicate-section (InfVerif 1209): the same section header twice
 * (case-insensitive). Windows merges them, and so does the model; reported
 * at every header after the first.
 */
#include "check.h"

/*
 * The hint: move "the 2 entries `Device`, `Service`" (keys, else first
 * fields; three at most) under the first header, or, for an empty header,
 * delete it. Formatted once: a file that repeats thousands of headers gets
 * as many hints.
 */
static const char *hint_of(struct inf_check *c, const struct inf_header_fact *header,
                           const struct inf_section_fact *section)
{
    const struct inf_model *m = c->model;
    if (header->line_count == 0)
        return "this header holds no entries: delete it";
    char names[3 * 68 + 8];
    size_t used = 0;
    for (uint32_t k = 0; k < header->line_count && k < 3; k++) {
        const struct inf_line *line = &m->lines[header->first_line + k];
        const struct inf_token *t =
            line->has_key ? inf_line_key(m, line) : inf_line_field(m, line, 0);
        struct inf_text name = t ? inf_token_raw(m, t) : (struct inf_text){"", 0};
        size_t len = name.len > 60 ? 60 : name.len;
        if (k) {
            memcpy(names + used, ", ", 2);
            used += 2;
        }
        names[used++] = '`';
        memcpy(names + used, name.ptr, len);
        used += len;
        names[used++] = '`';
    }
    names[used] = '\0';
    if (header->line_count == 1)
        return inf_check_printf(c,
                                "move the entry %s under the first [%.*s] header (line %u) and "
                                "delete this header",
                                names, (int)section->name.len, section->name.ptr,
                                (unsigned)section->header_line);
    return inf_check_printf(c,
                            "move the %u entries %s%s under the first [%.*s] header (line %u) "
                            "and delete this header",
                            (unsigned)header->line_count, names,
                            header->line_count > 3 ? ", ..." : "", (int)section->name.len,
                            section->name.ptr, (unsigned)section->header_line);
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t h = 0; h < g->header_count; h++) {
        const struct inf_section_fact *section = &g->sections[g->headers[h].section];
        if (g->headers[h].first)
            continue;
        inf_report(c, g->headers[h].span, 0, hint_of(c, &g->headers[h], section),
                   "[%.*s] is defined again; Windows appends these entries to the section first "
                   "defined on line %u",
                   (int)section->name.len, section->name.ptr, (unsigned)section->header_line);
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
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1209}};
