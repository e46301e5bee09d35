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
 * The message and hint are put together by hand, not printf: a file that repeats thousands of
 * headers gets as many, and parsing their formats was a quarter of such a finding's cost. A text
 * longer than a finding keeps (INF_TEXT_MAX) is cut past that length here, and inf_report
 * cuts it as it would the whole.
 */
#define TEXT_ROOM (INF_TEXT_MAX + 64)

struct text {
    size_t len;
    char data[TEXT_ROOM + 1];
};

static void add(struct text *t, const char *s, size_t len)
{
    if (len > TEXT_ROOM - t->len)
        len = TEXT_ROOM - t->len;
    memcpy(t->data + t->len, s, len);
    t->len += len;
}

#define ADD_LITERAL(t, s) add((t), (s), sizeof(s) - 1)

static void add_uint(struct text *t, unsigned value)
{
    char digits[16];
    size_t n = 0;
    do
        digits[sizeof digits - 1 - n++] = (char)('0' + value % 10);
    while ((value /= 10) != 0);
    add(t, digits + sizeof digits - n, n);
}

/* "[Name]" ... "line N": the message, in MESSAGE. */
static void message_of(const struct inf_section_fact *section, struct text *message)
{
    message->len = 0;
    ADD_LITERAL(message, "[");
    add(message, section->name.ptr, section->name.len);
    ADD_LITERAL(message, "] is defined again; Windows appends these entries to the section "
                         "first defined on line ");
    add_uint(message, (unsigned)section->header_line);
    message->data[message->len] = '\0';
}

/*
 * The hint: move "the 2 entries `Device`, `Service`" (NAMES) under the first header, or, for
 * an empty header, delete it. In HINT, or a static text.
 */
static const char *hint_of(const struct inf_header_fact *header,
                           const struct inf_section_fact *section, const char *names,
                           struct text *hint)
{
    if (header->line_count == 0)
        return "this header holds no entries: delete it";
    hint->len = 0;
    if (header->line_count == 1) {
        ADD_LITERAL(hint, "move the entry ");
    } else {
        ADD_LITERAL(hint, "move the ");
        add_uint(hint, (unsigned)header->line_count);
        ADD_LITERAL(hint, " entries ");
    }
    add(hint, names, strlen(names));
    if (header->line_count > 3)
        ADD_LITERAL(hint, ", ...");
    ADD_LITERAL(hint, " under the first [");
    add(hint, section->name.ptr, section->name.len);
    ADD_LITERAL(hint, "] header (line ");
    add_uint(hint, (unsigned)section->header_line);
    ADD_LITERAL(hint, ") and delete this header");
    hint->data[hint->len] = '\0';
    return hint->data;
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
    struct text message, hint;
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
            message_of(section, &message);
            inf_report(c, g->headers[h].span, 0,
                       hint_of(&g->headers[h], section, names[h - from], &hint), "%.*s",
                       (int)message.len, message.data);
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
