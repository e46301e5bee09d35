/*
 * graph_references.c - which sections anything refers to, live or not
 * (for INF016): directives anywhere in the file, [Manufacturer] lines with
 * their decorations, Models lines with every architecture variant of their
 * install section; plus the roots of rules.md (Version, Strings*, ...) and
 * the companions and .security sections of referenced sections.
 */
#include "inflint/alloc.h"
#include "graph.h"
#include "arena.h"
#include "directives.h"
#include "graph_index.h"

#include <stdlib.h>
#include <string.h>

static const char *const root_prefixes[] = {
    "Strings",          "SourceDisksNames", "SourceDisksFiles",   "DefaultInstall",
    "DefaultUninstall", "ClassInstall32",   "SignatureAttributes"};
static const char *const root_names[] = {"Version", "Manufacturer", "DestinationDirs",
                                         "ControlFlags"};

/*
 * Sections to mark as referenced, looked up a few names behind: each name's
 * table slot is prefetched when it is queued, so that in a big file (whose
 * section table has left the cache) the lookups do not wait for memory one
 * after another.
 */
#define MARK_AHEAD 8
#define MARK_NAME_ROOM 128 /* a longer name is looked up at once (the marks have no order) */

struct mark_queue {
    const struct inf_model *model;
    unsigned char *referenced;
    /* Copies (a substituted name lives in a scratch buffer), each LENS long. */
    char names[MARK_AHEAD][MARK_NAME_ROOM];
    size_t lens[MARK_AHEAD];
    uint32_t hashes[MARK_AHEAD];
    size_t head, count;
};

static void mark_queue_init(struct mark_queue *q, const struct inf_model *m,
                            unsigned char *referenced)
{
    memset(q, 0, sizeof *q);
    q->model = m;
    q->referenced = referenced;
}

/* Marks section S, if it exists. */
static void mark_found(struct mark_queue *q, uint32_t s)
{
    if (s != INF_NO_INDEX)
        q->referenced[s] = 1;
}

/* Looks up the oldest queued name and marks its section. */
static void mark_queue_pop(struct mark_queue *q)
{
    mark_found(q, inf_model_find_section_hashed(q->model, q->names[q->head], q->lens[q->head],
                                                q->hashes[q->head]));
    q->head = (q->head + 1) % MARK_AHEAD;
    q->count--;
}

static void mark(struct mark_queue *q, const char *name, size_t len)
{
    if (len >= MARK_NAME_ROOM) {
        mark_found(q, inf_model_find_section(q->model, name, len));
        return;
    }
    if (q->count == MARK_AHEAD)
        mark_queue_pop(q);
    size_t at = (q->head + q->count) % MARK_AHEAD;
    memcpy(q->names[at], name, len);
    q->lens[at] = len;
    q->hashes[at] = inf_hash_nocase(name, len);
    inf_model_prefetch_section(q->model, q->hashes[at]);
    q->count++;
}

/* Marks what is still queued. */
static void mark_queue_finish(struct mark_queue *q)
{
    while (q->count)
        mark_queue_pop(q);
}

/* Models line: the install section and every architecture variant of it. */
static void mark_install_variants(struct mark_queue *q, struct inf_text install, struct inf_buf *b)
{
    mark(q, install.ptr, install.len);
    for (int a = -1; a <= INF_ARCH_COUNT; a++) { /* .NT, .NT<arch>..., .NT$ARCH$ */
        inf_buf_clear(b);
        inf_buf_add(b, install.ptr, install.len);
        inf_buf_adds(b, ".NT");
        inf_buf_adds(b, a < 0                 ? ""
                        : a == INF_ARCH_COUNT ? "$ARCH$"
                                              : inf_arch_name((enum inf_arch)a));
        mark(q, b->data, b->len);
    }
}

uint32_t inf_graph_companion_base(const struct inf_model *m, uint32_t section, int security_too)
{
    struct inf_text name = inf_model_section_name(m, section);
    for (size_t dot = name.len; dot-- > 0;) {
        if (name.ptr[dot] != '.')
            continue;
        struct inf_text suffix = {name.ptr + dot + 1, name.len - dot - 1};
        int companion = (suffix.len >= 6 && inf_text_equal_nocase2(suffix.ptr, 6, "Remove", 6)) ||
                        (security_too && inf_text_equal_nocase(suffix, "security")) ||
                        inf_companion_find(suffix) >= 0;
        if (!companion)
            return INF_NO_INDEX;
        uint32_t base = inf_model_find_section(m, name.ptr, dot);
        if (base != INF_NO_INDEX)
            return base;
        /* "X.NT.Remove.Services" without "X.NT.Remove": try the shorter base */
    }
    return INF_NO_INDEX;
}

/* A key looked up and the directive it names (or none). */
struct key_seen {
    struct inf_text raw;
    const struct inf_directive *directive;
};

/* Keys looked up before: the last one, and %strkey% keys by a hash of their text. Models
 * sections key thousands of lines with a few dozen %strkey% keys, and substituting one to
 * see whether it names a directive costs more than the rest of the line. */
#define KEYS_SEEN 64
struct key_memo {
    struct key_seen last;
    struct key_seen substituted[KEYS_SEEN];
};

static int key_seen_is(const struct key_seen *seen, struct inf_text raw)
{
    return seen->raw.ptr && raw.len == seen->raw.len &&
           inf_bytes_equal(raw.ptr, seen->raw.ptr, raw.len);
}

/* The directive LINE's (substituted) key names, or NULL. */
static const struct inf_directive *line_directive(const struct inf_model *m,
                                                  const struct inf_line *line,
                                                  struct inf_buf *scratch, struct key_memo *memo)
{
    const struct inf_token *key = inf_line_key(m, line);
    struct inf_text raw = inf_token_raw(m, key);
    if (key_seen_is(&memo->last, raw))
        return memo->last.directive;
    struct key_seen *slot = NULL;
    if (key->percent) {
        slot = &memo->substituted[inf_hash_nocase(raw.ptr, raw.len) % KEYS_SEEN];
        if (key_seen_is(slot, raw)) {
            memo->last = *slot;
            return slot->directive;
        }
    }
    memo->last.raw = raw;
    memo->last.directive = inf_directive_find(inf_token_value(m, key, scratch, NULL));
    if (slot)
        *slot = memo->last;
    return memo->last.directive;
}

/* Sections named by the fields of directives in every section: the directive uses, made
 * before (inf_graph_directive_uses). */
static void mark_directive_targets(const struct inf_graph *g, unsigned char *referenced)
{
    for (size_t i = 0; i < g->directive_use_count; i++)
        if (g->directive_uses[i].section != INF_NO_INDEX)
            referenced[g->directive_uses[i].section] = 1;
}

/*
 * The Models sections LINE names, existing or not (see inf_graph_models_sections), in the
 * arena; SCRATCH and NAME are the caller's buffers, kept from line to line.
 */
static uint32_t *models_of(struct inf_graph *g, const struct inf_line *line, size_t *count,
                           struct inf_buf *scratch, struct inf_buf *name)
{
    const struct inf_model *m = g->model;
    struct inf_text mv = inf_token_value(m, inf_line_field(m, line, 0), scratch, NULL);
    const char *models = inf_arena_strndup(g->arena, mv.ptr, mv.len);
    uint32_t *sections = inf_arena_alloc(g->arena, (line->field_count * (INF_ARCH_COUNT + 1) + 1) *
                                                       sizeof *sections);
    size_t n = 0;
    sections[n++] = inf_model_find_section(m, models, strlen(models));
    for (size_t f = 1; f < line->field_count; f++) {
        struct inf_text d = inf_token_value(m, inf_line_field(m, line, f), scratch, NULL);
        const char *decoration = inf_arena_strndup(g->arena, d.ptr, d.len);
        /* As written, then (a stamped file may keep NT$ARCH$ here but name its sections per
         * architecture) stamped for each architecture. */
        for (int a = -1; a < INF_ARCH_COUNT; a++) {
            if (a >= 0 && !strstr(decoration, "$ARCH$"))
                break;
            char *stamped = a < 0 ? NULL : inf_decoration_stamp(decoration, (enum inf_arch)a);
            inf_buf_clear(name);
            inf_buf_adds(name, models);
            inf_buf_addc(name, '.');
            inf_buf_adds(name, stamped ? stamped : decoration);
            free(stamped);
            sections[n++] = inf_model_find_section(m, name->data, name->len);
        }
    }
    *count = n;
    return sections;
}

const uint32_t *inf_graph_models_sections(struct inf_graph *g, size_t *count)
{
    const struct inf_model *m = g->model;
    if (g->has_models_sections) {
        *count = g->models_section_count;
        return g->models_sections;
    }
    unsigned char *seen = inf_xcalloc(m->section_count + 1, 1);
    uint32_t *all = NULL;
    size_t n = 0, cap = 0;
    struct inf_buf scratch = INF_BUF_INIT, name = INF_BUF_INIT;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, inf_model_find_section(m, "Manufacturer", 12));
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        if (line->field_count == 0)
            continue;
        size_t named;
        const uint32_t *sections = models_of(g, line, &named, &scratch, &name);
        for (size_t k = 0; k < named; k++) {
            if (sections[k] == INF_NO_INDEX || seen[sections[k]])
                continue; /* a Models section named again adds nothing */
            seen[sections[k]] = 1;
            all = inf_xgrow(all, &cap, n + 1, sizeof *all);
            all[n++] = sections[k];
        }
    }
    inf_buf_free(&scratch);
    inf_buf_free(&name);
    free(seen);
    g->models_sections = all;
    g->models_section_count = n;
    g->has_models_sections = 1;
    *count = n;
    return all;
}

/* The next device line of a Models section (a line with fields), its install name's token (the
 * first field) in *INSTALL; NULL after the last. */
static const struct inf_line *next_device(const struct inf_model *m, struct inf_line_iter *it,
                                          const struct inf_token **install)
{
    const struct inf_line *device;
    while ((device = inf_line_iter_next(it)) != NULL)
        if (device->field_count > 0) {
            *install = inf_line_field(m, device, 0);
            return device;
        }
    return NULL;
}

const struct inf_install_names *inf_graph_install_names(struct inf_graph *g, uint32_t models)
{
    const struct inf_model *m = g->model;
    if (!g->install_names)
        g->install_names = inf_xcalloc(m->section_count + 1, sizeof *g->install_names);
    struct inf_install_names *names = &g->install_names[models];
    if (names->read)
        return names;
    names->read = 1;
    struct inf_buf scratch = INF_BUF_INIT;
    struct inf_name_index seen; /* (on the heap: a file may have thousands of Models sections) */
    inf_name_index_init(&seen, NULL, 16);
    size_t cap = 0;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, models);
    const struct inf_line *device;
    const struct inf_token *install;
    struct inf_text previous = {NULL, 0}; /* the line before's install name, as written */
    while ((device = next_device(m, &it, &install)) != NULL) {
        /* Written as on the line before: named already (the same text has the same value; one
         * without '%' is its own). Vendor Models sections name one install section on hundreds
         * of lines in a row. */
        struct inf_text raw = inf_token_raw(m, install);
        if (previous.ptr && raw.len == previous.len &&
            inf_bytes_equal(raw.ptr, previous.ptr, raw.len))
            continue;
        previous = raw;
        struct inf_text v = inf_token_value(m, install, &scratch, NULL);
        if (inf_name_index_add(&seen, v.ptr, v.len, device) != device)
            continue; /* named before */
        names->items = inf_xgrow(names->items, &cap, names->count + 1, sizeof *names->items);
        struct inf_install_name *n = &names->items[names->count++];
        n->text.ptr = inf_arena_strndup(g->arena, v.ptr, v.len);
        n->text.len = v.len;
        n->first = device;
    }
    inf_name_index_free(&seen);
    inf_buf_free(&scratch);
    return names;
}

void inf_graph_each_device_named(struct inf_graph *g, uint32_t models, struct inf_text name,
                                 void (*seen)(void *context, const struct inf_line *line,
                                              struct inf_text spelled),
                                 void *context)
{
    const struct inf_model *m = g->model;
    struct inf_buf scratch = INF_BUF_INIT;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, models);
    const struct inf_line *device;
    const struct inf_token *install;
    while ((device = next_device(m, &it, &install)) != NULL) {
        struct inf_text v = inf_token_value(m, install, &scratch, NULL);
        if (inf_text_equal_nocase2(v.ptr, v.len, name.ptr, name.len))
            seen(context, device, v);
    }
    inf_buf_free(&scratch);
}

/* [Manufacturer] lines and the install sections of their Models sections. */
static void mark_manufacturer(struct inf_graph *g, struct mark_queue *q)
{
    struct inf_buf name = INF_BUF_INIT;
    struct inf_name_index installs; /* marked already (Models sections share install names) */
    inf_name_index_init(&installs, g->arena, 8);
    size_t count;
    const uint32_t *sections = inf_graph_models_sections(g, &count);
    for (size_t k = 0; k < count; k++) {
        q->referenced[sections[k]] = 1;
        const struct inf_install_names *names = inf_graph_install_names(g, sections[k]);
        for (size_t i = 0; i < names->count; i++) {
            const struct inf_install_name *n = &names->items[i];
            size_t before = installs.count;
            inf_name_index_add(&installs, n->text.ptr, n->text.len, n->first);
            if (installs.count != before)
                mark_install_variants(q, n->text, &name);
        }
    }
    inf_name_index_free(&installs);
    inf_buf_free(&name);
}

unsigned char *inf_graph_mark_references(struct inf_graph *g)
{
    const struct inf_model *m = g->model;
    unsigned char *referenced = inf_xcalloc(m->section_count + 1, 1);
    struct mark_queue queue;
    mark_queue_init(&queue, m, referenced);
    mark_directive_targets(g, referenced);
    mark_manufacturer(g, &queue);
    mark_queue_finish(&queue); /* the companions below read the marks */
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        for (size_t k = 0; k < sizeof root_names / sizeof root_names[0]; k++)
            if (inf_text_equal_nocase(name, root_names[k]))
                referenced[s] = 1;
        for (size_t k = 0; k < sizeof root_prefixes / sizeof root_prefixes[0]; k++)
            if (inf_graph_has_prefix(name, root_prefixes[k]))
                referenced[s] = 1;
    }
    /* Companions (and .security) of referenced sections. */
    for (size_t s = 0; s < m->section_count; s++) {
        uint32_t base = referenced[s] ? INF_NO_INDEX : inf_graph_companion_base(m, (uint32_t)s, 1);
        if (base != INF_NO_INDEX && referenced[base])
            referenced[s] = 1;
    }
    return referenced;
}

/*
 * Gives use INDEX its section, whose name hashes to HASH. Uses are resolved
 * RESOLVE_BEHIND after they are made, their table slots prefetched then: in a
 * big file the lookups do not wait for memory one after another.
 */
#define RESOLVE_BEHIND 8

static void resolve_use(struct inf_graph *g, size_t index, uint32_t hash)
{
    struct inf_directive_use *u = &g->directive_uses[index];
    u->section = inf_model_find_section_hashed(g->model, u->target.text, u->target.len, hash);
}

const struct inf_directive_use *inf_graph_directive_uses(struct inf_graph *g, size_t *count)
{
    const struct inf_model *m = g->model;
    if (!g->has_directive_uses) {
        struct inf_buf scratch = INF_BUF_INIT;
        struct key_memo memo;
        memset(&memo, 0, sizeof memo);
        uint32_t hashes[RESOLVE_BEHIND]; /* of the uses not yet resolved, by index */
        for (size_t r = 0; r < m->run_count; r++) {
            const struct inf_run *run = &m->runs[r];
            for (uint32_t l = run->first_line; l < run->first_line + run->line_count; l++) {
                const struct inf_line *line = &m->lines[l];
                if (!line->has_key)
                    continue;
                const struct inf_directive *d = line_directive(m, line, &scratch, &memo);
                struct inf_span span = {0, 0}; /* the line's, worked out at its first use */
                for (size_t f = 0; d && f < line->field_count; f++) {
                    const struct inf_token *t = inf_line_field(m, line, f);
                    struct inf_text v = inf_token_value(m, t, &scratch, NULL);
                    /* '@name' names a file (CopyFiles, DelFiles), not a section */
                    if (!inf_directive_targets(d, f) || v.len == 0 || v.ptr[0] == '@')
                        continue;
                    /* on the heap, not the arena: a large array grows in place there, where
                     * the arena would keep every smaller copy */
                    g->directive_uses =
                        inf_xgrow(g->directive_uses, &g->directive_use_cap,
                                  g->directive_use_count + 1, sizeof *g->directive_uses);
                    struct inf_directive_use *u = &g->directive_uses[g->directive_use_count++];
                    u->directive = d;
                    u->line = line;
                    if (span.end == 0)
                        span = inf_span_line(m, line);
                    u->span = span;
                    u->from_section = run->section;
                    u->target.text = inf_arena_strndup(g->arena, v.ptr, v.len);
                    u->target.len = v.len;
                    u->target.span.start = inf_token_offset(m, t);
                    u->target.span.end = inf_token_end(m, t);
                    u->section = INF_NO_INDEX;
                    size_t k = g->directive_use_count - 1;
                    if (k >= RESOLVE_BEHIND)
                        resolve_use(g, k - RESOLVE_BEHIND, hashes[k % RESOLVE_BEHIND]);
                    hashes[k % RESOLVE_BEHIND] = inf_hash_nocase(v.ptr, v.len);
                    inf_model_prefetch_section(m, hashes[k % RESOLVE_BEHIND]);
                }
            }
        }
        size_t n = g->directive_use_count;
        for (size_t k = n > RESOLVE_BEHIND ? n - RESOLVE_BEHIND : 0; k < n; k++)
            resolve_use(g, k, hashes[k % RESOLVE_BEHIND]);
        inf_buf_free(&scratch);
        g->has_directive_uses = 1;
    }
    *count = g->directive_use_count;
    return g->directive_uses;
}
