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
 * The message and hint are written by hand through a cursor (buf_cursor.h), not printf: a file
 * that repeats thousands of headers gets as many, and parsing their formats was a quarter of
 * such a finding's cost. The section name goes in cut at INF_TEXT_MAX bytes: a text that long
 * is cut there by inf_report anyway, and its first bytes are the same.
 */
#define TEXT_ROOM (160 + NAMES_ROOM + 2 * INF_UINT_ROOM + INF_TEXT_MAX)

static char *name_at(char *at, const struct inf_section_fact *section)
{
    size_t len = section->name.len < INF_TEXT_MAX ? section->name.len : INF_TEXT_MAX;
    return inf_bytes_at(at, section->name.ptr, len);
}

/* "[Name] is defined again; ... line N" at MESSAGE (TEXT_ROOM bytes); returns its length. */
static size_t message_of(const struct inf_section_fact *section, char *message)
{
    char *at = name_at(INF_LITERAL_AT(message, "["), section);
    at = INF_LITERAL_AT(at, "] is defined again; Windows appends these entries to the section "
                            "first defined on line ");
    at = inf_uint_at(at, section->header_line);
    *at = '\0';
    return (size_t)(at - message);
}

/*
 * The hint: move "the 2 entries `Device`, `Service`" (NAMES) under the first header, at HINT
 * (TEXT_ROOM bytes), or, for an empty header, delete it.
 */
static const char *hint_of(const struct inf_header_fact *header,
                           const struct inf_section_fact *section, const char *names, char *hint)
{
    if (header->line_count == 0)
        return "this header holds no entries: delete it";
    char *at = hint;
    if (header->line_count == 1) {
        at = INF_LITERAL_AT(at, "move the entry ");
    } else {
        at = inf_uint_at(INF_LITERAL_AT(at, "move the "), header->line_count);
        at = INF_LITERAL_AT(at, " entries ");
    }
    at = inf_bytes_at(at, names, strlen(names));
    if (header->line_count > 3)
        at = INF_LITERAL_AT(at, ", ...");
    at = name_at(INF_LITERAL_AT(at, " under the first ["), section);
    at = inf_uint_at(INF_LITERAL_AT(at, "] header (line "), section->header_line);
    at = INF_LITERAL_AT(at, ") and delete this header");
    *at = '\0';
    return hint;
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
    char message[TEXT_ROOM], hint[TEXT_ROOM];
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
            size_t message_len = message_of(section, message);
            inf_report(c, g->headers[h].span, 0,
                       hint_of(&g->headers[h], section, names[h - from], hint), "%.*s",
                       (int)message_len, message);
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
