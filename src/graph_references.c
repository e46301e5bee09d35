/*
 * graph_references.c - which sections anything refers to, live or not
 * (for INF016): directives anywhere in the file, [Manufacturer] lines with
 * their decorations, Models lines with every architecture variant of their
 * install section; plus the roots of rules.md (Version, Strings*, ...) and
 * the companions and .security sections of referenced sections.
 */
#include "inflint/alloc.h"
#include "inflint/graph.h"

#include <stdlib.h>
#include <string.h>

/* Directives that name sections, and which fields do (bit i = field i). */
static const struct {
    const char *name;
    unsigned fields;
} section_directives[] = {
    {"CopyFiles", ~0u},
    {"AddReg", ~0u},
    {"DelReg", ~0u},
    {"BitReg", ~0u},
    {"AddProperty", ~0u},
    {"DelProperty", ~0u},
    {"AddTrigger", ~0u},
    {"DelFiles", ~0u},
    {"RenFiles", ~0u},
    {"Needs", ~0u},
    {"AddService", 1u << 2 | 1u << 3},
    {"AddInterface", 1u << 2},
    {"AddFilter", 1u << 2},
    {"AddComponent", 1u << 2},
    {"AddSoftware", 1u << 2},
    {"AddComServer", 1u << 2},
    {"AddComClass", 1u << 2},
    {"AddAutoLogger", 1u << 2},
    {"AddChannel", 1u << 2},
    {"KmdfService", 1u << 1},
    {"UmdfService", 1u << 1},
    {"UpdateAutoLogger", 1u << 1},
    {"AddEventProvider", 1u << 1},
    {"AddAutoLoggerProvider", 1u << 1},
};

#define DIRECTIVE_COUNT (sizeof section_directives / sizeof section_directives[0])

/* Directives by hash of (length, folded first and last letter); DIRECTIVE_COUNT = none. */
struct directive_table {
    unsigned char slot[64];
};

static size_t directive_hash(const char *name, size_t len)
{
    return (len * 7 + (unsigned char)(name[0] | 0x20) * 3 + (unsigned char)(name[len - 1] | 0x20)) &
           63;
}

static void build_directive_table(struct directive_table *t)
{
    memset(t->slot, DIRECTIVE_COUNT, sizeof t->slot);
    for (size_t d = 0; d < DIRECTIVE_COUNT; d++) {
        size_t h = directive_hash(section_directives[d].name, strlen(section_directives[d].name));
        while (t->slot[h] != DIRECTIVE_COUNT)
            h = (h + 1) & 63;
        t->slot[h] = (unsigned char)d;
    }
}

/* Index of the directive named KEY, or DIRECTIVE_COUNT. */
static size_t directive_slot(const struct directive_table *t, struct inf_text key)
{
    for (size_t h = directive_hash(key.ptr, key.len); t->slot[h] != DIRECTIVE_COUNT;
         h = (h + 1) & 63)
        if (inf_text_equal_nocase(key, section_directives[t->slot[h]].name))
            return t->slot[h];
    return DIRECTIVE_COUNT;
}

static const char *const companion_suffixes[] = {
    "HW",      "Services",          "Interfaces", "CoInstallers", "Events",
    "Filters", "Components",        "Software",   "Wdf",          "COM",
    "FactDef", "LogConfigOverride", "security"};

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

struct mark_queue {
    const struct inf_model *model;
    unsigned char *referenced;
    struct inf_buf names[MARK_AHEAD]; /* copies: a substituted name lives in a scratch buffer */
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

/* Looks up the oldest queued name and marks its section. */
static void mark_queue_pop(struct mark_queue *q)
{
    const struct inf_buf *name = &q->names[q->head];
    uint32_t s = inf_model_find_section_hashed(q->model, name->data ? name->data : "", name->len,
                                               q->hashes[q->head]);
    if (s != INF_NO_INDEX)
        q->referenced[s] = 1;
    q->head = (q->head + 1) % MARK_AHEAD;
    q->count--;
}

static void mark(struct mark_queue *q, const char *name, size_t len)
{
    if (q->count == MARK_AHEAD)
        mark_queue_pop(q);
    size_t at = (q->head + q->count) % MARK_AHEAD;
    inf_buf_clear(&q->names[at]);
    inf_buf_add(&q->names[at], name, len);
    q->hashes[at] = inf_hash_nocase(name, len);
    inf_model_prefetch_section(q->model, q->hashes[at]);
    q->count++;
}

/* Marks what is still queued. */
static void mark_queue_finish(struct mark_queue *q)
{
    while (q->count)
        mark_queue_pop(q);
    for (size_t k = 0; k < MARK_AHEAD; k++)
        inf_buf_free(&q->names[k]);
}

/* Models line: the install section and every architecture variant of it. */
static void mark_install_variants(struct mark_queue *q, const char *install, struct inf_buf *b)
{
    static const char *const arches[] = {"", "x86", "amd64", "arm", "arm64", "ia64", "$ARCH$"};
    mark(q, install, strlen(install));
    for (size_t a = 0; a < sizeof arches / sizeof arches[0]; a++) {
        inf_buf_clear(b);
        inf_buf_printf(b, "%s.NT%s", install, arches[a]);
        mark(q, b->data, b->len);
    }
}

static int has_prefix_nocase(struct inf_text name, const char *prefix)
{
    size_t n = strlen(prefix);
    return name.len >= n && inf_text_equal_nocase2(name.ptr, n, prefix, n) &&
           (name.len == n || name.ptr[n] == '.');
}

/* Sections named by the fields of directives in every section. */
static void mark_directive_targets(struct mark_queue *q, struct inf_buf *scratch)
{
    const struct inf_model *m = q->model;
    struct directive_table table;
    build_directive_table(&table);
    for (size_t l = 0; l < m->line_count; l++) {
        const struct inf_line *line = &m->lines[l];
        if (!line->has_key)
            continue;
        struct inf_text key = inf_token_value(m, inf_line_key(m, line), scratch, NULL);
        if (key.len < 5 || key.len > 21)
            continue; /* no directive name is shorter or longer */
        size_t d = directive_slot(&table, key);
        if (d == DIRECTIVE_COUNT)
            continue;
        unsigned fields = section_directives[d].fields;
        for (size_t f = 0; f < line->field_count; f++) {
            /* ~0u: every field, however many (CopyFiles may list more than 32 sections). */
            if (fields != ~0u && (f >= 32 || !(fields & (1u << f))))
                continue;
            struct inf_text v = inf_token_value(m, inf_line_field(m, line, f), scratch, NULL);
            mark(q, v.ptr, v.len);
        }
    }
}

/* [Manufacturer] lines and the install sections of their Models sections. */
static void mark_manufacturer(struct mark_queue *q)
{
    const struct inf_model *m = q->model;
    struct inf_buf scratch = INF_BUF_INIT, name = INF_BUF_INIT;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, inf_model_find_section(m, "Manufacturer", 12));
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        if (line->field_count == 0)
            continue;
        struct inf_text mv = inf_token_value(m, inf_line_field(m, line, 0), &scratch, NULL);
        char *models = inf_xstrndup(mv.ptr, mv.len);
        uint32_t *sections = inf_xcalloc(line->field_count * 8 + 1, sizeof *sections);
        size_t count = 0;
        sections[count++] = inf_model_find_section(m, models, strlen(models));
        for (size_t f = 1; f < line->field_count; f++) {
            struct inf_text d = inf_token_value(m, inf_line_field(m, line, f), &scratch, NULL);
            char *decoration = inf_xstrndup(d.ptr, d.len);
            inf_buf_clear(&name);
            inf_buf_printf(&name, "%s.%s", models, decoration);
            sections[count++] = inf_model_find_section(m, name.data, name.len);
            /* A stamped file may keep NT$ARCH$ here but name its sections per architecture. */
            char *token = strstr(decoration, "$ARCH$");
            if (token) {
                static const char *const arches[] = {"x86", "amd64", "arm", "arm64", "ia64"};
                for (size_t a = 0; a < 5; a++) {
                    inf_buf_clear(&name);
                    inf_buf_printf(&name, "%s.%.*s%s%s", models, (int)(token - decoration),
                                   decoration, arches[a], token + 6);
                    sections[count++] = inf_model_find_section(m, name.data, name.len);
                }
            }
            free(decoration);
        }
        for (size_t k = 0; k < count; k++) {
            if (sections[k] == INF_NO_INDEX)
                continue;
            q->referenced[sections[k]] = 1;
            struct inf_line_iter models_it;
            inf_line_iter_init(&models_it, m, sections[k]);
            const struct inf_line *device;
            while ((device = inf_line_iter_next(&models_it)) != NULL) {
                if (device->field_count == 0)
                    continue;
                struct inf_text iv =
                    inf_token_value(m, inf_line_field(m, device, 0), &scratch, NULL);
                char *install = inf_xstrndup(iv.ptr, iv.len);
                mark_install_variants(q, install, &name);
                free(install);
            }
        }
        free(sections);
        free(models);
    }
    inf_buf_free(&scratch);
    inf_buf_free(&name);
}

unsigned char *inf_graph_mark_references(const struct inf_graph *g)
{
    const struct inf_model *m = g->model;
    unsigned char *referenced = inf_xcalloc(m->section_count + 1, 1);
    struct inf_buf scratch = INF_BUF_INIT;
    struct mark_queue queue;
    mark_queue_init(&queue, m, referenced);
    mark_directive_targets(&queue, &scratch);
    mark_manufacturer(&queue);
    mark_queue_finish(&queue); /* the companions below read the marks */
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        for (size_t k = 0; k < sizeof root_names / sizeof root_names[0]; k++)
            if (inf_text_equal_nocase(name, root_names[k]))
                referenced[s] = 1;
        for (size_t k = 0; k < sizeof root_prefixes / sizeof root_prefixes[0]; k++)
            if (has_prefix_nocase(name, root_prefixes[k]))
                referenced[s] = 1;
    }
    /* Companions (and .security) of referenced sections, found by their last suffix. */
    for (size_t s = 0; s < m->section_count; s++) {
        if (referenced[s])
            continue;
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        for (size_t dot = name.len; dot-- > 0;) {
            if (name.ptr[dot] != '.')
                continue;
            struct inf_text suffix = {name.ptr + dot + 1, name.len - dot - 1};
            int companion = suffix.len >= 6 && inf_text_equal_nocase2(suffix.ptr, 6, "Remove", 6);
            for (size_t k = 0; k < sizeof companion_suffixes / sizeof companion_suffixes[0]; k++)
                companion |= inf_text_equal_nocase(suffix, companion_suffixes[k]);
            uint32_t base = companion ? inf_model_find_section(m, name.ptr, dot) : INF_NO_INDEX;
            if (base != INF_NO_INDEX && referenced[base])
                referenced[s] = 1;
            else if (companion && base == INF_NO_INDEX)
                continue; /* "X.NT.Remove.Services": try the shorter base */
            break;
        }
    }
    inf_buf_free(&scratch);
    return referenced;
}
