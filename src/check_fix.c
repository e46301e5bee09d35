/*
 * check_fix.c - what rules use to write fixes in the file's own style:
 * where an entry ends, and a new entry added to a section spaced like its
 * neighbours ("Key=Value", "Key = Value", or aligned on a column).
 */
#include "check.h"
#include "inflint/buf.h"

uint32_t inf_check_after_entry(const struct inf_check *c, const struct inf_line *line)
{
    const struct inf_model *m = c->model;
    size_t count = line->field_count + (line->has_key ? 1u : 0u);
    uint32_t end = count ? inf_token_end(m, &m->tokens[line->first_token + count - 1])
                         : m->source.line_starts[line->line - 1];
    const char *text = m->source.text;
    const char *nl = memchr(text + end, '\n', m->source.len - end);
    return nl ? (uint32_t)(nl - text) + 1 : (uint32_t)m->source.len;
}

/* The last entry of SECTION (its last run's last line), or NULL. */
static const struct inf_line *last_entry(const struct inf_check *c, uint32_t section)
{
    struct inf_line_iter it;
    inf_line_iter_init(&it, c->model, section);
    const struct inf_line *line, *last = NULL;
    while ((line = inf_line_iter_next(&it)) != NULL)
        last = line;
    return last;
}

/* "KEY<sep>=<sep>VALUE" spaced like LIKE (an entry of the section), or "KEY = VALUE". */
static void styled_entry(const struct inf_check *c, const struct inf_line *like, const char *key,
                         const char *value, struct inf_buf *out)
{
    size_t indent = 0, key_column = 0, after_equals = 1;
    int found = 0;
    if (like && like->has_key) {
        size_t len;
        const char *text = inf_source_line_text(&c->model->source, like->line, &len);
        const char *eq = memchr(text, '=', len);
        if (eq) {
            while (indent < len && (text[indent] == ' ' || text[indent] == '\t'))
                indent++;
            key_column = (size_t)(eq - text) - indent; /* key and its padding */
            after_equals = 0;
            while (eq + 1 + after_equals < text + len && eq[1 + after_equals] == ' ')
                after_equals++;
            found = 1;
            inf_buf_add(out, text, indent);
        }
    }
    size_t key_len = strlen(key);
    inf_buf_adds(out, key);
    if (!found)
        inf_buf_adds(out, " ");
    else if (key_column > key_len) /* aligned, or one blank: pad to the same column */
        for (size_t i = key_len; i < key_column; i++)
            inf_buf_addc(out, ' ');
    else if (key_column > 0 && after_equals > 0)
        inf_buf_addc(out, ' ');
    inf_buf_addc(out, '=');
    for (size_t i = 0; i < after_equals; i++)
        inf_buf_addc(out, ' ');
    inf_buf_adds(out, value);
}

void inf_fix_add_entry(struct inf_check *c, uint32_t section, const char *key, const char *value)
{
    const struct inf_model *m = c->model;
    const struct inf_line *last = last_entry(c, section);
    uint32_t at;
    if (last) {
        at = inf_check_after_entry(c, last);
    } else { /* an empty section: right after its (last) header */
        uint32_t run = m->sections[section].first_run;
        while (m->runs[run].next != INF_NO_INDEX)
            run = m->runs[run].next;
        struct inf_span header = inf_span_header(m, run);
        const char *nl = memchr(m->source.text + header.end, '\n', m->source.len - header.end);
        at = nl ? (uint32_t)(nl - m->source.text) + 1 : (uint32_t)m->source.len;
    }
    struct inf_buf entry = INF_BUF_INIT;
    if (at == m->source.len && at > 0 && m->source.text[at - 1] != '\n')
        inf_buf_addc(&entry, '\n'); /* the file ends without a line end */
    styled_entry(c, last, key, value, &entry);
    inf_buf_addc(&entry, '\n');
    inf_fix_insert(c, at, entry.data);
    inf_buf_free(&entry);
}

void inf_fix_add_sections(struct inf_check *c, const char *text)
{
    const struct inf_model *m = c->model;
    uint32_t strings = inf_check_section(c, "Strings");
    uint32_t at = strings != INF_NO_INDEX ? inf_span_header(m, m->sections[strings].first_run).start
                                          : (uint32_t)m->source.len;
    if (at == m->source.len && at && m->source.text[at - 1] != '\n')
        inf_fix_insert(c, at, inf_check_printf(c, "\n%s", text));
    else
        inf_fix_insert(c, at, text);
}

const char *const *inf_check_string_keys(struct inf_check *c, size_t *count)
{
    const struct inf_model *m = c->model;
    *count = 0;
    if (m->strings_section == INF_NO_INDEX)
        return NULL;
    const char **keys =
        inf_arena_array(c, m->sections[m->strings_section].line_count + 1, sizeof *keys);
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, m->strings_section);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        const struct inf_token *key = inf_line_key(m, line);
        if (key) {
            struct inf_text k = inf_token_raw(m, key);
            keys[(*count)++] = inf_check_copy(c, k.ptr, k.len);
        }
    }
    return keys;
}
