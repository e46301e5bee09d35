/*
 * INF004 duplicate-section (InfVerif 1209): the same section header twice
 * (case-insensitive). Windows merges them, and so does the model; reported
 * at every header after the first.
 */
#include "check.h"

/* Room for the names a hint quotes: three of at most 60 bytes, quoted and separated. */
#define NAMES_ROOM (3 * 68 + 8)

/*
 * Writes the names a hint quotes for HEADER to NAMES: its first entries' keys (else first
 * fields), three at most, as "`Device`, `Service`".
 */
static void names_of(const struct inf_model *m, const struct inf_header_fact *header, char *names)
{
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
}

/*
 * The hint: move "the 2 entries `Device`, `Service`" (NAMES) under the first header, or, for
 * an empty header, delete it. In the check's hint buffer, not the arena: a file that repeats
 * thousands of headers gets as many hints.
 */
static const char *hint_of(struct inf_check *c, const struct inf_header_fact *header,
                           const struct inf_section_fact *section, const char *names)
{
    if (header->line_count == 0)
        return "this header holds no entries: delete it";
    if (header->line_count == 1)
        return inf_check_hint(c,
                              "move the entry %s under the first [%.*s] header (line %u) and "
                              "delete this header",
                              names, (int)section->name.len, section->name.ptr,
                              (unsigned)section->header_line);
    return inf_check_hint(c,
                          "move the %u entries %s%s under the first [%.*s] header (line %u) "
                          "and delete this header",
                          (unsigned)header->line_count, names,
                          header->line_count > 3 ? ", ..." : "", (int)section->name.len,
                          section->name.ptr, (unsigned)section->header_line);
}

/*
 * Headers are taken a batch at a time: first the names of every repeated one (in a big file
 * its lines, tokens and text are long out of the cache, and reading them for many headers in
 * one tight loop lets those waits overlap), then their findings.
 */
#define BATCH 32

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    char names[BATCH][NAMES_ROOM];
    if (g->header_count > g->section_count) /* a finding for each header after a section's first */
        inf_report_expect(c, g->header_count - g->section_count);
    for (size_t from = 0; from < g->header_count; from += BATCH) {
        size_t to = from + BATCH < g->header_count ? from + BATCH : g->header_count;
        for (size_t h = from; h < to; h++)
            if (!g->headers[h].first)
                names_of(c->model, &g->headers[h], names[h - from]);
        for (size_t h = from; h < to; h++) {
            const struct inf_section_fact *section = &g->sections[g->headers[h].section];
            if (g->headers[h].first)
                continue;
            inf_report(c, g->headers[h].span, 0,
                       hint_of(c, &g->headers[h], section, names[h - from]),
                       "[%.*s] is defined again; Windows appends these entries to the section "
                       "first defined on line %u",
                       (int)section->name.len, section->name.ptr, (unsigned)section->header_line);
        }
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
