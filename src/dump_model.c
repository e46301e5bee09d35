/*
 * dump_model.c - writes the parsed model as JSON for --dump-model.
 *
 * Sections in first-definition order with every header line; lines of merged
 * sections in file order; "key"/"fields" as tokenized, "key_value"/"values"
 * after %strkey% substitution with DIRID tokens kept as written. Values of
 * [Strings] sections are never substituted, as on Windows.
 */
#include "dump.h"

#include <string.h>

static void add_text(struct inf_buf *out, struct inf_text text)
{
    inf_buf_add_json_string(out, text.ptr, text.len);
}

static void dump_line(struct inf_buf *out, const struct inf_model *m, const struct inf_line *line,
                      int substitute, struct inf_buf *scratch)
{
    inf_buf_printf(out, "{\"line\":%u,\"key\":", (unsigned)line->line);
    const struct inf_token *key = inf_line_key(m, line);
    if (key) {
        add_text(out, inf_token_raw(m, key));
        inf_buf_adds(out, ",\"key_value\":");
        add_text(out, substitute ? inf_token_value(m, key, scratch, NULL) : inf_token_raw(m, key));
    } else {
        inf_buf_adds(out, "null,\"key_value\":null");
    }
    inf_buf_adds(out, ",\"fields\":[");
    for (size_t i = 0; i < line->field_count; i++) {
        if (i)
            inf_buf_addc(out, ',');
        add_text(out, inf_token_raw(m, inf_line_field(m, line, i)));
    }
    inf_buf_adds(out, "],\"values\":[");
    for (size_t i = 0; i < line->field_count; i++) {
        const struct inf_token *field = inf_line_field(m, line, i);
        if (i)
            inf_buf_addc(out, ',');
        add_text(out,
                 substitute ? inf_token_value(m, field, scratch, NULL) : inf_token_raw(m, field));
    }
    inf_buf_adds(out, "]}");
}

#define FLUSH_THRESHOLD (1u << 16)

static void maybe_flush(struct inf_buf *out, FILE *stream)
{
    if (stream && out->len >= FLUSH_THRESHOLD) {
        fwrite(out->data, 1, out->len, stream);
        inf_buf_clear(out);
    }
}

void inf_dump_model(struct inf_buf *out, const struct inf_model *m, FILE *stream)
{
    struct inf_buf scratch = INF_BUF_INIT;
    inf_buf_adds(out, "{\"path\":");
    inf_buf_add_json_string(out, m->path, strlen(m->path));
    inf_buf_printf(out, ",\"encoding\":\"%s\",\"sections\":[",
                   inf_encoding_name(m->source.encoding));
    for (size_t s = 0; s < m->section_count; s++) {
        const struct inf_section *section = &m->sections[s];
        if (s)
            inf_buf_addc(out, ',');
        inf_buf_adds(out, "{\"name\":");
        add_text(out, inf_model_section_name(m, (uint32_t)s));
        inf_buf_printf(out, ",\"line\":%u,\"header_lines\":[",
                       (unsigned)m->runs[section->first_run].header_line);
        int first = 1;
        for (uint32_t r = section->first_run; r != INF_NO_INDEX; r = m->runs[r].next) {
            inf_buf_printf(out, first ? "%u" : ",%u", (unsigned)m->runs[r].header_line);
            first = 0;
        }
        inf_buf_adds(out, "],\"lines\":[");
        int substitute = !inf_model_is_strings_section(m, (uint32_t)s);
        struct inf_line_iter it;
        inf_line_iter_init(&it, m, (uint32_t)s);
        const struct inf_line *line;
        first = 1;
        while ((line = inf_line_iter_next(&it)) != NULL) {
            if (!first)
                inf_buf_addc(out, ',');
            first = 0;
            dump_line(out, m, line, substitute, &scratch);
            maybe_flush(out, stream);
        }
        inf_buf_adds(out, "]}");
    }
    inf_buf_adds(out, "]}");
    inf_buf_free(&scratch);
}
