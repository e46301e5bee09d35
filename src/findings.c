/*
 * findings.c - what a finding keeps and how findings are put in order.
 *
 * A finding keeps bounded texts: its message, hint and section name up to
 * INF_TEXT_MAX bytes, and an excerpt of its line (a window around it when
 * the line is long), so that what one file costs grows with its size and
 * its findings, not with their product. Fingerprints (conventions.md 5) are
 * computed once the findings are sorted, from the hash of each finding's
 * rule, section and normalized line text, taken when it was made (once per
 * line, rule and section).
 */
#include "engine_check.h"
#include "buf_cursor.h"
#include "graph_index.h"
#include "offset_search.h"
#include "arena.h"
#include "inflint/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void inf_finding_sink_init(struct inf_finding_sink *sink, struct inf_file_result *result,
                           const struct inf_source *source, const struct inf_model *model)
{
    memset(sink, 0, sizeof *sink);
    sink->result = result;
    sink->source = source;
    sink->model = model;
}

/*
 * The section holding source offset OFFSET (by its header), or INF_NO_INDEX. *RUN is the run
 * found last: a later offset's run is looked for forward from it first (findings come in file
 * order more often than not), before a search of every run, whose last steps, in a big file,
 * each wait for memory.
 */
static uint32_t section_at(const struct inf_model *m, uint32_t offset, uint32_t *run)
{
    if (m->run_count == 0 || m->runs[0].header_offset > offset)
        return INF_NO_INDEX;
    const void *keys = &m->runs[0].header_offset;
    size_t stride = sizeof *m->runs, found;
    if (*run >= m->run_count || m->runs[*run].header_offset > offset ||
        !inf_last_at_most_forward(keys, stride, m->run_count, *run, offset, &found))
        found = inf_last_at_most(keys, stride, 0, m->run_count, offset);
    *run = (uint32_t)found;
    return m->runs[found].section;
}

static int continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* LEN, or less so that TEXT[0, result) ends on a character and holds at most MAX bytes. */
static size_t bounded(const char *text, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t cut = max;
    while (cut > 0 && continuation(text[cut]))
        cut--;
    return cut;
}

/*
 * Chooses the excerpt of F's line (LINE_LEN bytes at LINE) around byte AT of
 * the line: the whole line when it has at most INF_EXCERPT_MAX code points,
 * else a window that starts up to a quarter of that before AT. Returns the
 * window's first byte and sets *LEN.
 */
static const char *excerpt_window(struct inf_finding *f, const char *line, size_t line_len,
                                  size_t at, size_t *len)
{
    f->excerpt_column = 1;
    if (line_len <= INF_EXCERPT_MAX) { /* no more code points than bytes: no count needed */
        *len = line_len;
        return line;
    }
    size_t points = 0, end = 0;
    while (end < line_len && points <= INF_EXCERPT_MAX)
        points += !continuation(line[end++]);
    if (points <= INF_EXCERPT_MAX) {
        *len = line_len;
        return line;
    }
    size_t start = at > line_len ? line_len : at, before = 0; /* code points shown before AT */
    while (start > 0 && before < INF_EXCERPT_MAX / 4)
        before += !continuation(line[--start]);
    f->excerpt_column = f->column > before ? f->column - (uint32_t)before : 1;
    end = start;
    for (points = 0; end < line_len && points < INF_EXCERPT_MAX;)
        points += !continuation(line[end++]);
    while (end < line_len && continuation(line[end]))
        end++;
    f->excerpt_cut_left = start > 0;
    f->excerpt_cut_right = end < line_len;
    *len = end - start;
    return line + start;
}

static int same_section(const char *a, const char *b);

void inf_finding_expect(struct inf_finding_sink *sink, size_t count)
{
    struct inf_file_result *r = sink->result;
    r->findings = inf_xgrow(r->findings, &r->cap, r->count + count, sizeof *r->findings);
}

void inf_finding_add(struct inf_finding_sink *sink, const struct inf_rule *rule,
                     struct inf_span span, enum inf_severity severity, const char *hint,
                     const char *message, size_t message_len)
{
    struct inf_file_result *r = sink->result;
    const struct inf_model *m = sink->model;
    const struct inf_source *src = sink->source;
    r->findings = inf_xgrow(r->findings, &r->cap, r->count + 1, sizeof *r->findings);
    struct inf_finding *f = &r->findings[r->count++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->severity = severity;
    inf_source_position_near(src, &sink->cursor, span.start, &f->line, &f->column);
    if (span.end > span.start) {
        inf_source_position_near(src, &sink->cursor, span.end, &f->end_line, &f->end_column);
    } else {
        f->end_line = f->line;
        f->end_column = f->column + 1;
    }
    size_t line_len, excerpt_len;
    const char *line_text = inf_source_line_text(src, f->line, &line_len);
    size_t line_start = src->line_starts[f->line - 1];
    const char *excerpt =
        excerpt_window(f, line_text, line_len, span.start - line_start, &excerpt_len);
    uint32_t section = m ? section_at(m, span.start, &sink->run) : INF_NO_INDEX;
    struct inf_text name = {NULL, 0};
    if (section != INF_NO_INDEX)
        name = inf_model_section_name(m, section);
    inf_finding_set_texts(r, f, message, message_len, hint, name.ptr, name.len, excerpt,
                          excerpt_len);
    /* The fingerprint's line hash now, while the line is in cache (a file's fingerprints are
     * worked out after all its rules ran, when its lines are long gone from it). */
    if (sink->hashed_line == f->line && sink->hashed_rule == rule &&
        same_section(sink->hashed_section, f->section)) {
        f->line_hash = sink->hashed;
    } else {
        inf_finding_hash_line(f, line_text, line_len);
        sink->hashed = f->line_hash;
        sink->hashed_line = f->line;
        sink->hashed_rule = rule;
        sink->hashed_section = f->section;
    }
    if (sink->pending) { /* the fix the rule described for this finding */
        if (inf_fix_locate(sink, sink->pending) == 0)
            f->fix = sink->pending;
        sink->pending = NULL;
    }
}

/*
 * The texts of a file's findings live in an arena of the result's own (it
 * outlives the file's lint arena, until the findings are reported): a file
 * with thousands of findings costs a few blocks, not an allocation each.
 */
struct inf_arena *inf_finding_texts(struct inf_file_result *result)
{
    if (!result->texts) {
        struct inf_arena empty = INF_ARENA_INIT;
        result->texts = inf_xmalloc(sizeof *result->texts);
        *result->texts = empty;
        inf_arena_expect(result->texts, 4096); /* most files have a few findings */
    }
    return result->texts;
}

size_t inf_finding_texts_block_count(const struct inf_file_result *result)
{
    return result->texts ? inf_arena_block_count(result->texts) : 0;
}

void inf_finding_texts_free(struct inf_file_result *result)
{
    if (result->texts)
        inf_arena_free(result->texts);
    free(result->texts);
    result->texts = NULL;
}

/* Copies TEXT (at most INF_TEXT_MAX bytes of it, then "...") and a terminator to *AT. */
static char *put_text(char **at, const char *text, size_t len)
{
    char *copy = *at;
    size_t kept = bounded(text, len, INF_TEXT_MAX);
    memcpy(copy, text, kept);
    if (kept < len) {
        memcpy(copy + kept, "...", 3);
        kept += 3;
    }
    copy[kept] = '\0';
    *at += kept + 1;
    return copy;
}

/* The room put_text needs for LEN bytes. */
static size_t text_room(size_t len)
{
    return (len > INF_TEXT_MAX ? INF_TEXT_MAX + 3 : len) + 1;
}

void inf_finding_set_texts(struct inf_file_result *result, struct inf_finding *f,
                           const char *message, size_t message_len, const char *hint,
                           const char *section, size_t section_len, const char *excerpt,
                           size_t excerpt_len)
{
    size_t hint_len = hint ? strlen(hint) : 0;
    char *at =
        inf_arena_alloc(inf_finding_texts(result), text_room(message_len) + text_room(hint_len) +
                                                       text_room(section_len) + excerpt_len + 1);
    f->message = put_text(&at, message, message_len);
    f->hint = hint ? put_text(&at, hint, hint_len) : NULL;
    f->section = section ? put_text(&at, section, section_len) : NULL;
    memcpy(at, excerpt, excerpt_len); /* already bounded by the excerpt window */
    at[excerpt_len] = '\0';
    f->excerpt = at;
}

/* ------------------------------------------------------------ ordering */

static int compare_findings(const struct inf_finding *x, const struct inf_finding *y)
{
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    int c = strcmp(x->rule->code, y->rule->code);
    if (c)
        return c;
    return strcmp(x->message, y->message);
}

/*
 * Merges the runs of ORDER (indexes in ITEMS) that start at STARTS[0..RUNS) (STARTS[RUNS] is
 * the end) into OUT, two neighbours at a time; the runs now start at STARTS[0..result).
 * Of two equal findings, the one from the earlier run comes first.
 */
static size_t merge_runs(const struct inf_finding *items, const size_t *order, size_t *out,
                         size_t *starts, size_t runs)
{
    size_t merged = 0;
    for (size_t k = 0; k < runs; k += 2, merged++) {
        size_t a = starts[k], a_end = starts[k + 1], o = a;
        size_t b = a_end, b_end = k + 1 < runs ? starts[k + 2] : a_end;
        while (a < a_end && b < b_end)
            out[o++] =
                compare_findings(&items[order[b]], &items[order[a]]) < 0 ? order[b++] : order[a++];
        while (a < a_end)
            out[o++] = order[a++];
        while (b < b_end)
            out[o++] = order[b++];
        starts[merged] = starts[k];
    }
    starts[merged] = starts[runs];
    return merged;
}

/* Findings a file's sort handles in room on the stack (most files have a few). */
#define SORT_ON_STACK 128

/* Moves the findings of F so that the one at ORDER[i] goes to i (ORDER is spent). */
static void permute(struct inf_finding *f, size_t *order, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (order[i] == i)
            continue;
        struct inf_finding first = f[i]; /* a cycle: each takes the next's place */
        size_t at = i;
        while (order[at] != i) {
            size_t next = order[at];
            f[at] = f[next];
            order[at] = at;
            at = next;
        }
        f[at] = first;
        order[at] = at;
    }
}

/*
 * Puts R's findings in order, keeping the order they were reported in among equal ones (on
 * every platform: not every C library's qsort keeps it, and the first of equal findings is
 * the one kept). Each rule reports mostly in file order, so the findings come as a few runs
 * already in order: they are merged, a pass over the findings per halving of the runs.
 */
static void sort_findings(struct inf_file_result *r)
{
    struct inf_finding *f = r->findings;
    size_t n = r->count, first = 1;
    while (first < n && compare_findings(&f[first - 1], &f[first]) <= 0)
        first++;
    if (first >= n)
        return; /* in order already (one rule's findings alone, most often) */
    /* The runs' starts (and the end), then the order twice: the merges go back and forth. */
    size_t small[3 * SORT_ON_STACK + 1];
    size_t *room = n <= SORT_ON_STACK ? small : inf_xmalloc((3 * n + 1) * sizeof *room);
    size_t *starts = room, *order = room + n + 1, *other = order + n, runs = 0;
    starts[runs++] = 0;
    starts[runs++] = first;
    for (size_t i = first + 1; i < n; i++)
        if (compare_findings(&f[i - 1], &f[i]) > 0)
            starts[runs++] = i;
    starts[runs] = n;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    while (runs > 1) {
        runs = merge_runs(f, order, other, starts, runs);
        size_t *swap = order;
        order = other, other = swap;
    }
    permute(f, order, n);
    if (room != small)
        free(room);
}

void inf_findings_sort(struct inf_file_result *r)
{
    sort_findings(r);
    size_t out = 0;
    for (size_t i = 0; i < r->count; i++) {
        struct inf_finding *f = &r->findings[i];
        if (out > 0) {
            struct inf_finding *prev = &r->findings[out - 1];
            if (prev->rule == f->rule && prev->line == f->line && prev->column == f->column &&
                strcmp(prev->message, f->message) == 0)
                continue;
        }
        if (out++ != i)
            r->findings[out - 1] = *f;
    }
    r->count = out;
}

/* --------------------------------------------------------- fingerprints */

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static uint64_t fnv1a(uint64_t h, const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* Each byte as the line hash takes it: ASCII letters folded to lower case; 0 for the bytes
 * it looks at (blank, tab, CR, '"' and ';', which may start a comment) and NUL. */
#define HASHED(c)                                                                                  \
    (unsigned char)((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '"' || (c) == ';' ||        \
                            (c) == 0                                                               \
                        ? 0                                                                        \
                    : (c) >= 'A' && (c) <= 'Z' ? (c) + 32                                          \
                                               : (c))
#define HASHED4(n) HASHED(n), HASHED(n + 1), HASHED(n + 2), HASHED(n + 3)
#define HASHED16(n) HASHED4(n), HASHED4(n + 4), HASHED4(n + 8), HASHED4(n + 12)
#define HASHED64(n) HASHED16(n), HASHED16(n + 16), HASHED16(n + 32), HASHED16(n + 48)
static const unsigned char hashed_byte[256] = {HASHED64(0), HASHED64(64), HASHED64(128),
                                               HASHED64(192)};
#undef HASHED64
#undef HASHED16
#undef HASHED4
#undef HASHED

static int is_line_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/*
 * Continues H over the line text as the fingerprint sees it, and its
 * terminator: no comment, runs of blanks as one space (none at the ends),
 * ASCII case folded.
 */
static uint64_t fnv1a_normalized_line(uint64_t h, const char *text, size_t len)
{
    int quoted = 0;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end && is_line_blank(*p))
        p++; /* none at the start */
    while (p < end) {
        unsigned char c = hashed_byte[*p];
        if (c) { /* (most bytes: one table look) */
            h = (h ^ c) * FNV_PRIME;
            p++;
            continue;
        }
        c = *p;
        if (is_line_blank(c)) { /* a run of blanks: one space, when a character follows */
            while (p < end && is_line_blank(*p))
                p++;
            if (p == end || (*p == ';' && !quoted))
                break;
            h = (h ^ ' ') * FNV_PRIME;
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        else if (c == ';' && !quoted)
            break; /* a comment */
        h = (h ^ c) * FNV_PRIME;
        p++;
    }
    return fnv1a(h, "", 1);
}

void inf_finding_hash_line(struct inf_finding *f, const char *text, size_t len)
{
    uint64_t h = fnv1a(FNV_OFFSET, f->rule->code, strlen(f->rule->code) + 1);
    if (f->section)
        for (const unsigned char *p = (const unsigned char *)f->section; *p; p++)
            h = (h ^ (unsigned char)inf_ascii_lower((char)*p)) * FNV_PRIME;
    h = fnv1a(h, "", 1);
    f->line_hash = fnv1a_normalized_line(h, text, len);
}

static int same_section(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

void inf_findings_fingerprint(struct inf_file_result *r)
{
    struct inf_key_map seen = {0}; /* hash before the index -> findings with it so far */
    for (size_t i = 0; i < r->count; i++) {
        struct inf_finding *f = &r->findings[i];
        if (f->fingerprint[0])
            continue;
        uint64_t h = f->line_hash;
        uint32_t index = inf_key_map_get(&seen, h);
        index = index == INF_NO_INDEX ? 0 : index;
        inf_key_map_put(&seen, h, index + 1);
        char digits[INF_UINT_ROOM]; /* the index in decimal, as "%u" writes it */
        h = fnv1a(h, digits, (size_t)(inf_uint_at(digits, index) - digits));
        static const char hex[] = "0123456789abcdef";
        for (int d = 0; d < 16; d++)
            f->fingerprint[d] = hex[(h >> (60 - 4 * d)) & 15];
        f->fingerprint[16] = '\0';
    }
    inf_key_map_free(&seen);
}

void inf_findings_finish(struct inf_file_result *r)
{
    inf_findings_sort(r);
    inf_findings_fingerprint(r);
}
