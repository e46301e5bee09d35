/*
 * model.c - sections merged case-insensitively, the [Strings] table and
 * lazy %strkey% substitution (inf-reference.md 4.2 and 10).
 *
 * Lookups use open-addressing hash tables over ASCII-folded names, so a
 * file with tens of thousands of distinct sections costs no more per header
 * than one that repeats a few names.
 */
#include "model.h"
#include "bits.h"
#include "inflint/alloc.h"
#include "lexer.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Rebuilds the section table at twice the size. */
static void grow_section_table(struct inf_model *m)
{
    size_t size = m->section_table_size ? m->section_table_size * 2 : 64;
    struct inf_hash_slot *table = inf_xcalloc(size, sizeof *table);
    for (size_t i = 0; i < m->section_count; i++) {
        size_t slot = m->sections[i].hash & (size - 1);
        while (table[slot].index)
            slot = (slot + 1) & (size - 1);
        table[slot].hash = m->sections[i].hash;
        table[slot].index = (uint32_t)i + 1;
    }
    free(m->section_table);
    m->section_table = table;
    m->section_table_size = size;
}

void inf_model_prefetch_section(const struct inf_model *m, uint32_t hash)
{
    if (m->section_table_size)
        inf_prefetch(&m->section_table[hash & (m->section_table_size - 1)]);
}

uint32_t inf_model_find_section_hashed(const struct inf_model *m, const char *name, size_t len,
                                       uint32_t hash)
{
    if (!m->section_table_size)
        return INF_NO_INDEX;
    size_t mask = m->section_table_size - 1;
    for (size_t slot = hash & mask; m->section_table[slot].index; slot = (slot + 1) & mask) {
        if (m->section_table[slot].hash != hash)
            continue;
        uint32_t index = m->section_table[slot].index - 1;
        const struct inf_section *s = &m->sections[index];
        if (inf_text_equal_nocase2(m->names + s->name_offset, s->name_len, name, len))
            return index;
    }
    return INF_NO_INDEX;
}

uint32_t inf_model_find_section(const struct inf_model *model, const char *name, size_t len)
{
    return inf_model_find_section_hashed(model, name, len, inf_hash_nocase(name, len));
}

/* The section named by NAME_LEN bytes of source at NAME_OFFSET (whose hash is HASH), made
 * when new. */
static uint32_t open_section(struct inf_model *m, uint32_t name_offset, uint32_t name_len,
                             uint32_t hash)
{
    const char *name = m->source.text + name_offset;
    uint32_t found = inf_model_find_section_hashed(m, name, name_len, hash);
    if (found != INF_NO_INDEX)
        return found;
    if ((m->section_count + 1) * 2 > m->section_table_size)
        grow_section_table(m);
    m->sections =
        inf_xgrow(m->sections, &m->section_cap, m->section_count + 1, sizeof *m->sections);
    uint32_t index = (uint32_t)m->section_count++;
    struct inf_section *s = &m->sections[index];
    memset(s, 0, sizeof *s);
    m->names = inf_xgrow(m->names, &m->names_cap, m->names_len + name_len + 1, 1);
    memcpy(m->names + m->names_len, name, name_len);
    m->names[m->names_len + name_len] = '\0';
    s->name_offset = (uint32_t)m->names_len;
    m->names_len += name_len + 1;
    s->name_len = name_len;
    s->hash = hash;
    s->first_run = s->last_run = INF_NO_INDEX;
    size_t mask = m->section_table_size - 1;
    size_t slot = hash & mask;
    while (m->section_table[slot].index)
        slot = (slot + 1) & mask;
    m->section_table[slot].hash = hash;
    m->section_table[slot].index = index + 1;
    return index;
}

/*
 * Merges the lexer's runs into sections (inf-reference.md 4.2: repeated
 * headers, in any case, add to the first), in file order, and gives the
 * marked tokens the section of their run.
 */
static void merge_runs(struct inf_model *m)
{
    /* In a big file the headers and their table slots have left the cache: those of the run
     * MERGE_AHEAD on are fetched while this one is merged. */
    enum { MERGE_AHEAD = 8 };
    for (size_t r = 0; r < m->run_count; r++) {
        if (r + MERGE_AHEAD < m->run_count) {
            const struct inf_run *ahead = &m->runs[r + MERGE_AHEAD];
            inf_prefetch(m->source.text + ahead->header_offset);
            inf_model_prefetch_section(m, ahead->hash);
        }
        struct inf_run *run = &m->runs[r];
        uint32_t section = open_section(m, run->header_offset + 1, run->name_len, run->hash);
        struct inf_section *s = &m->sections[section];
        run->section = section;
        if (s->run_count++ == 0)
            s->first_run = (uint32_t)r;
        else
            m->runs[s->last_run].next = (uint32_t)r;
        s->last_run = (uint32_t)r;
        s->line_count += run->line_count;
    }
    struct inf_marked_token *marks[2] = {m->percent_tokens, m->dollar_tokens};
    size_t counts[2] = {m->percent_count, m->dollar_count};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++)
            marks[k][i].section =
                marks[k][i].run == INF_NO_INDEX ? INF_NO_INDEX : m->runs[marks[k][i].run].section;
}

void inf_line_iter_init(struct inf_line_iter *it, const struct inf_model *model, uint32_t section)
{
    it->model = model;
    it->run = section == INF_NO_INDEX ? INF_NO_INDEX : model->sections[section].first_run;
    it->next_line = it->end_line = 0;
    if (it->run != INF_NO_INDEX) {
        it->next_line = model->runs[it->run].first_line;
        it->end_line = it->next_line + model->runs[it->run].line_count;
    }
}

const struct inf_line *inf_line_iter_next_run(struct inf_line_iter *it)
{
    while (it->run != INF_NO_INDEX) {
        if (it->next_line < it->end_line)
            return &it->model->lines[it->next_line++];
        it->run = it->model->runs[it->run].next;
        if (it->run != INF_NO_INDEX) {
            it->next_line = it->model->runs[it->run].first_line;
            it->end_line = it->next_line + it->model->runs[it->run].line_count;
        }
    }
    return NULL;
}

int inf_model_is_strings_section(const struct inf_model *model, uint32_t section)
{
    struct inf_text name = inf_model_section_name(model, section);
    if (name.len < 7)
        return inf_text_equal_nocase(name, "Strings");
    return inf_text_equal_nocase2(name.ptr, 7, "Strings", 7) &&
           (name.len == 7 || name.ptr[7] == '.');
}

static int parse_dirid(const char *text, size_t len, long *value);

/*
 * Chooses the table used for substitution: [Strings], else the first
 * [Strings.xxxx] (a file with only localized tables), and indexes its keys.
 */
static void build_strings_table(struct inf_model *m)
{
    m->strings_section = inf_model_find_section(m, "Strings", 7);
    for (size_t i = 0; m->strings_section == INF_NO_INDEX && i < m->section_count; i++)
        if (inf_model_is_strings_section(m, (uint32_t)i))
            m->strings_section = (uint32_t)i;
    if (m->strings_section == INF_NO_INDEX)
        return;
    size_t size = 16;
    while (size < (size_t)m->sections[m->strings_section].line_count * 2)
        size *= 2;
    m->strings_table = inf_xcalloc(size, sizeof *m->strings_table);
    m->strings_table_size = size;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, m->strings_section);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        const struct inf_token *key = inf_line_key(m, line);
        if (!key)
            continue;
        struct inf_text k = inf_token_raw(m, key);
        long dirid;
        m->strings_have_dirid_names |= parse_dirid(k.ptr, k.len, &dirid);
        const struct inf_token *value = inf_line_field(m, line, 0);
        m->string_values_have_percent |= value && value->percent;
        uint32_t hash = inf_hash_nocase(k.ptr, k.len);
        size_t slot = hash & (size - 1);
        int duplicate = 0;
        for (; m->strings_table[slot].index; slot = (slot + 1) & (size - 1)) {
            const struct inf_string_slot *other = &m->strings_table[slot];
            if (other->hash == hash &&
                inf_text_equal_nocase2(other->key, other->key_len, k.ptr, k.len)) {
                duplicate = 1; /* the first definition wins */
                break;
            }
        }
        if (!duplicate) {
            m->strings_table[slot].hash = hash;
            m->strings_table[slot].index = (uint32_t)(line - m->lines) + 1;
            m->strings_table[slot].key = k.ptr;
            m->strings_table[slot].key_len = k.len;
        }
    }
}

const struct inf_token *inf_model_string(const struct inf_model *model, const char *name,
                                         size_t len)
{
    if (!model->strings_table_size)
        return NULL;
    size_t mask = model->strings_table_size - 1;
    uint32_t hash = inf_hash_nocase(name, len);
    for (size_t slot = hash & mask; model->strings_table[slot].index; slot = (slot + 1) & mask) {
        const struct inf_string_slot *s = &model->strings_table[slot];
        if (s->hash == hash && inf_text_equal_nocase2(s->key, s->key_len, name, len)) {
            /* The value is the first field; an entry without '=' is its own value. */
            return inf_line_field(model, &model->lines[s->index - 1], 0);
        }
    }
    return NULL;
}

/* Parses a whole base-10 integer (optionally negative, as DIRID -1). */
/*
 * A DIRID token's name: digits with an optional leading '-'. Values of more
 * than nine digits are still DIRIDs (Windows keeps them as written); *VALUE
 * is then LONG_MAX or LONG_MIN.
 */
static int parse_dirid(const char *text, size_t len, long *value)
{
    size_t i = 0;
    int negative = 0;
    if (len > 0 && text[0] == '-')
        negative = 1, i = 1;
    if (i == len)
        return 0;
    long v = 0;
    for (size_t k = i; k < len; k++) {
        if (text[k] < '0' || text[k] > '9')
            return 0;
        v = len - i > 9 ? LONG_MAX : v * 10 + (text[k] - '0');
    }
    *value = negative ? (v == LONG_MAX ? LONG_MIN : -v) : v;
    return 1;
}

int inf_text_next_percent(struct inf_text text, size_t *pos, struct inf_percent_ref *ref)
{
    if (*pos >= text.len)
        return 0;
    const char *end = text.ptr + text.len;
    const char *open = memchr(text.ptr + *pos, '%', (size_t)(end - text.ptr - *pos));
    if (!open) {
        *pos = text.len;
        return 0;
    }
    memset(ref, 0, sizeof *ref);
    ref->offset = (size_t)(open - text.ptr);
    const char *close = memchr(open + 1, '%', (size_t)(end - open - 1));
    if (!close) { /* a '%' that never closes stays as it is, to the end */
        ref->kind = INF_PERCENT_UNCLOSED;
        ref->len = (size_t)(end - open);
        *pos = text.len;
        return 1;
    }
    ref->name = open + 1;
    ref->name_len = (size_t)(close - open - 1);
    ref->len = ref->name_len + 2;
    *pos = (size_t)(close + 1 - text.ptr);
    ref->kind = ref->name_len == 0 ? INF_PERCENT_ESCAPE : INF_PERCENT_UNKNOWN;
    return 1;
}

int inf_model_next_percent(const struct inf_model *model, struct inf_text text, size_t *pos,
                           struct inf_percent_ref *ref)
{
    if (!inf_text_next_percent(text, pos, ref))
        return 0;
    if (ref->kind != INF_PERCENT_UNKNOWN)
        return 1;
    /* A string of the name wins over a DIRID; when no string key reads as one, a DIRID
     * needs no lookup. */
    long value = 0;
    int dirid = parse_dirid(ref->name, ref->name_len, &value);
    if (dirid && !model->strings_have_dirid_names)
        ref->kind = INF_PERCENT_DIRID, ref->dirid = value;
    else if ((ref->value = inf_model_string(model, ref->name, ref->name_len)) != NULL)
        ref->kind = INF_PERCENT_STRING;
    else if (dirid)
        ref->kind = INF_PERCENT_DIRID, ref->dirid = value;
    return 1;
}

int inf_text_dirid_prefix(struct inf_text text, long *dirid, struct inf_text *rest)
{
    if (text.len < 3 || text.ptr[0] != '%')
        return 0;
    const char *close = memchr(text.ptr + 1, '%', text.len - 1);
    if (!close || !parse_dirid(text.ptr + 1, (size_t)(close - text.ptr - 1), dirid))
        return 0;
    if (rest) {
        rest->ptr = close + 1;
        rest->len = text.len - (size_t)(close + 1 - text.ptr);
    }
    return 1;
}

struct inf_text inf_model_substitute(const struct inf_model *model, struct inf_text text,
                                     struct inf_buf *scratch,
                                     const struct inf_dirid_resolver *resolver, unsigned *flags)
{
    const char *p = text.len ? memchr(text.ptr, '%', text.len) : NULL;
    if (!p)
        return text;
    if (p == text.ptr && text.len >= 3 && text.ptr[text.len - 1] == '%' &&
        !memchr(text.ptr + 1, '%', text.len - 2)) {
        /* The whole text is one %name% (the usual case): a string key's value as it is. */
        const struct inf_token *value = inf_model_string(model, text.ptr + 1, text.len - 2);
        if (value)
            return inf_token_raw(model, value);
    }
    inf_buf_clear(scratch);
    size_t pos = 0, copied = 0;
    struct inf_percent_ref ref;
    while (inf_model_next_percent(model, text, &pos, &ref)) {
        inf_buf_add(scratch, text.ptr + copied, ref.offset - copied);
        copied = ref.offset + ref.len;
        const char *as_written = text.ptr + ref.offset;
        switch (ref.kind) {
        case INF_PERCENT_ESCAPE:
            inf_buf_addc(scratch, '%');
            break;
        case INF_PERCENT_STRING: {
            struct inf_text v = inf_token_raw(model, ref.value);
            inf_buf_add(scratch, v.ptr, v.len);
            break;
        }
        case INF_PERCENT_DIRID: {
            if (flags)
                *flags |= INF_SUBST_DIRID;
            const char *dir =
                resolver && resolver->text ? resolver->text(resolver->context, ref.dirid) : NULL;
            if (!dir) {
                inf_buf_add(scratch, as_written, ref.len);
            } else {
                size_t dlen = strlen(dir);
                /* A directory ending in '\' loses it before a following '\'. */
                if (dlen && dir[dlen - 1] == '\\' && copied < text.len && text.ptr[copied] == '\\')
                    dlen--;
                inf_buf_add(scratch, dir, dlen);
            }
            break;
        }
        case INF_PERCENT_UNKNOWN:
        case INF_PERCENT_UNCLOSED:
            if (flags)
                *flags |= ref.kind == INF_PERCENT_UNKNOWN ? INF_SUBST_UNKNOWN : INF_SUBST_UNCLOSED;
            inf_buf_add(scratch, as_written, ref.len);
            break;
        }
    }
    inf_buf_add(scratch, text.ptr + copied, text.len - copied);
    struct inf_text out = {scratch->data ? scratch->data : "", scratch->len};
    return out;
}

static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n >= e && inf_text_equal_nocase2(path + n - e, e, ext, e);
}

/* N, but at most MAX. */
static size_t at_most(size_t n, size_t max)
{
    return n < max ? n : max;
}

/*
 * Sizes the lexer's arrays from the text length (typical INF density), so
 * that a file costs one allocation per array instead of a chain of regrowths;
 * they still grow when a file is denser. The arrays of sections, their names
 * and the '%' tokens are sized so for the small files most INFs are (capped
 * below the size of a big file's huge-page blocks: a big file grows them).
 */
static void reserve_arrays(struct inf_model *m)
{
    size_t len = m->source.len;
    m->tokens = inf_xgrow(m->tokens, &m->token_cap, len / 12 + 16, sizeof *m->tokens);
    m->lines = inf_xgrow(m->lines, &m->line_cap, len / 48 + 16, sizeof *m->lines);
    size_t line_cap = m->source.line_cap;
    m->source.line_starts =
        inf_xgrow(m->source.line_starts, &line_cap, len / 40 + 16, sizeof *m->source.line_starts);
    m->source.line_cap = (uint32_t)line_cap;
    size_t sections = at_most(len / 256 + 16, 4096);
    m->sections = inf_xgrow(m->sections, &m->section_cap, sections, sizeof *m->sections);
    m->runs = inf_xgrow(m->runs, &m->run_cap, sections, sizeof *m->runs);
    m->names = inf_xgrow(m->names, &m->names_cap, at_most(len / 8 + 64, 65536), 1);
    m->percent_tokens = inf_xgrow(m->percent_tokens, &m->percent_cap, at_most(len / 32 + 16, 16384),
                                  sizeof *m->percent_tokens);
}

int inf_model_parse_input(struct inf_model *model, const char *path, struct inf_input input)
{
    memset(model, 0, sizeof *model);
    model->path = inf_xstrndup(path, strlen(path));
    model->is_template = has_extension(path, ".inx");
    model->strings_section = INF_NO_INDEX;
    if (inf_source_decode_input(&model->source, input) != 0)
        return -1;
    reserve_arrays(model);
    inf_lexer_run(model);
    merge_runs(model);
    build_strings_table(model);
    return 0;
}

int inf_model_parse(struct inf_model *model, const char *path, unsigned char *bytes, size_t len)
{
    struct inf_input input = {bytes, len, 0, 0};
    return inf_model_parse_input(model, path, input);
}

void inf_model_free(struct inf_model *model)
{
    inf_source_free(&model->source);
    free(model->path);
    free(model->tokens);
    free(model->lines);
    free(model->runs);
    free(model->sections);
    free(model->issues);
    free(model->comments);
    free(model->pool);
    free(model->names);
    free(model->percent_tokens);
    free(model->dollar_tokens);
    free(model->section_table);
    free(model->strings_table);
    memset(model, 0, sizeof *model);
}

/* ------------------------------------------------------------- spans */

struct inf_span inf_span_file_start(void)
{
    struct inf_span span = {0, 0};
    return span;
}

struct inf_span inf_span_line(const struct inf_model *model, const struct inf_line *line)
{
    const struct inf_token *tokens = &model->tokens[line->first_token];
    size_t count = line->field_count + (line->has_key ? 1u : 0u);
    /* The entry's extent on its first physical line: up to the end of the last token that
     * starts on it (tokens are in source order; a binary search, as an entry may have
     * tens of thousands of fields). */
    const struct inf_source *src = &model->source;
    struct inf_span span = inf_span_token(model, &tokens[0]);
    uint32_t line_end =
        line->line < src->line_count ? src->line_starts[line->line] - 1 : (uint32_t)src->len;
    size_t lo = 0, hi = count; /* the last token starting at or before line_end is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (inf_token_offset(model, &tokens[mid]) <= line_end)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t end = inf_token_end(model, &tokens[lo]);
    if (end > span.end)
        span.end = end <= line_end ? end : line_end;
    return span;
}

struct inf_span inf_span_header(const struct inf_model *model, uint32_t run)
{
    const struct inf_run *r = &model->runs[run];
    struct inf_span span = {r->header_offset, r->header_offset + r->name_len + 2};
    return span;
}
