/*
 * graph.c - live sections and what they do (rules.md "How sections become
 * live", inf-reference.md 12 and 15-19).
 *
 * Entry points are the Models sections of every [Manufacturer] line, one per
 * architecture and OS-range decoration, and the DefaultInstall variants.
 * Each (architecture, OS range, install section) is an install path; from
 * it the walk follows companion sections and directives, recording file
 * copies, registry lines (with the key HKR means there) and services.
 * Records reached by several paths are merged, so every line appears once
 * with the union of the architectures that reach it.
 */
#include "graph.h"
#include "inflint/alloc.h"
#include "arena.h"
#include "directives.h"
#include "graph_index.h"

/* Which sections anything references, or that are roots: a malloc'd byte per section (the
 * directive uses must be made first). */
unsigned char *inf_graph_mark_references(struct inf_graph *g); /* graph_references.c */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct inf_graph_private {
    struct inf_buf scratch;
    struct inf_buf install_name; /* resolve_install's candidate names */
    uint32_t *stamps;            /* per (section, context): id of the last path that entered it */
    uint32_t stamp;
    unsigned template_arches; /* what $ARCH$ stands for (INF_ARCH_BIT), 0: any */
    struct inf_key_map copy_keys, service_keys, path_keys, missing_keys, live_keys, list_keys,
        subject_keys;
    /* Registry writes are many, made and met in their sections' line order: a map over the
     * lines finds them (a hash table's scattered slots waited for memory). Services, live
     * lines and destinations stay in hash tables: a map over the lines costs a chunk
     * wherever their few lines are spread. */
    struct inf_line_map registry_of_line;
    struct inf_key_map companion_keys; /* section << 8 | companion -> that companion section */
    struct inf_name_index destination_dirs;
    struct inf_name_index disks_files[INF_ARCH_COUNT + 1]; /* [0] undecorated */
    struct inf_name_index disks_names[INF_ARCH_COUNT + 1];
    const struct inf_line *default_dest_dir;
    struct inf_key_map destination_keys; /* DestinationDirs line -> destination_list index */
    struct inf_destination **destination_list;
    size_t destination_used, destination_cap;
    struct remove_entry *removes; /* ".Remove*" sections by the hash of the name before it */
    size_t remove_count;
    unsigned char *subtree13;         /* per (section, context): its walk reached DIRID 13 */
    unsigned char *includes;          /* per section: has_include's answer (0: not asked yet) */
    uint64_t signature;               /* of the paths whose walks the stamp stands for */
    int has_arch_token;               /* some section name holds $ARCH$ */
    const struct inf_line *span_line; /* the line line_span answered last, and its span */
    struct inf_span span;
};

/* A section whose name holds ".Remove" after PREFIX_LEN bytes: a companion of that prefix. */
struct remove_entry {
    uint32_t hash; /* of the prefix */
    uint32_t prefix_len;
    uint32_t section;
};

/* The walk state of one install path. */
struct walk {
    struct inf_graph *graph;
    size_t path_index;
    struct inf_reach reach;
    unsigned depth; /* sections entered through Needs and directives, for the bound below */
    int uses13;     /* the sections walked since the enclosing one began reached DIRID 13 */
};

/*
 * Sections nest (Needs chains, services in services...) only a few levels in
 * real INFs; a deeper chain is cut here so that no file can exhaust the stack.
 */
#define MAX_WALK_DEPTH 256

/* ---------------------------------------------------------------- helpers */

static size_t line_index(const struct inf_graph *g, const struct inf_line *line)
{
    return (size_t)(line - g->model->lines);
}

/*
 * The span of LINE (inf_span_line), remembered for the last line asked: one
 * directive naming thousands of sections is asked for again and again, and
 * each answer costs a walk over all its fields.
 */
static struct inf_span line_span(struct inf_graph *g, const struct inf_line *line)
{
    struct inf_graph_private *p = g->priv;
    if (p->span_line != line) {
        p->span_line = line;
        p->span = inf_span_line(g->model, line);
    }
    return p->span;
}

/* A token as a fact field: substituted, copied into the arena, with its span. */
static struct inf_field token_field(struct inf_graph *g, const struct inf_token *t)
{
    struct inf_field f = {"", 0, {0, 0}};
    if (!t)
        return f;
    struct inf_text v = inf_token_value(g->model, t, &g->priv->scratch, NULL);
    f.text = inf_arena_strndup(g->arena, v.ptr, v.len);
    f.len = v.len;
    f.span.start = inf_token_offset(g->model, t);
    f.span.end = inf_token_end(g->model, t);
    return f;
}

/* Field INDEX of LINE as a fact field ("" when absent). */
static struct inf_field line_field(struct inf_graph *g, const struct inf_line *line, size_t index)
{
    return token_field(g, inf_line_field(g->model, line, index));
}

/* Substituted text of field INDEX of LINE, valid until the scratch buffer changes. */
static struct inf_text field_text(struct inf_graph *g, const struct inf_line *line, size_t index)
{
    const struct inf_token *t = inf_line_field(g->model, line, index);
    struct inf_text none = {"", 0};
    return t ? inf_token_value(g->model, t, &g->priv->scratch, NULL) : none;
}

/* The same, NUL-terminated in the arena, for texts that records keep. */
static char *arena_value(struct inf_graph *g, const struct inf_line *line, size_t index)
{
    struct inf_text v = field_text(g, line, index);
    return inf_arena_strndup(g->arena, v.ptr, v.len);
}

/* TEXT up to its first NUL, where a copy of it read as a C string would end. */
static struct inf_text up_to_nul(struct inf_text text)
{
    const char *nul = memchr(text.ptr, '\0', text.len);
    if (nul)
        text.len = (size_t)(nul - text.ptr);
    return text;
}

/* The same up to its first NUL: a section name the walk looks up, valid until the scratch
 * buffer changes (no copy is made for it). */
static struct inf_text field_name(struct inf_graph *g, const struct inf_line *line, size_t index)
{
    return up_to_nul(field_text(g, line, index));
}

/* Does LINE's key (substituted) equal NAME, ignoring case? */
static int key_is(struct inf_graph *g, const struct inf_line *line, const char *name)
{
    const struct inf_token *key = inf_line_key(g->model, line);
    if (!key || !line->has_key)
        return 0;
    struct inf_text k = inf_token_value(g->model, key, &g->priv->scratch, NULL);
    return inf_text_equal_nocase(k, name);
}

static uint32_t find_section(const struct inf_graph *g, const char *name)
{
    return inf_model_find_section(g->model, name, strlen(name));
}

static uint32_t find_section_text(const struct inf_graph *g, struct inf_text name)
{
    return inf_model_find_section(g->model, name.ptr, name.len);
}

static void reach_merge(struct inf_reach *into, const struct inf_reach *from)
{
    if (into->arches == 0 || from->min_start < into->min_start)
        into->min_start = from->min_start;
    into->arches |= from->arches;
    into->enforced_arches |= from->enforced_arches;
}

static struct inf_install_path *current_path(struct walk *w)
{
    return &w->graph->paths[w->path_index];
}

/* Parses a decimal or 0x-hex number; returns 0 when TEXT is not one. */
static int parse_number(const char *at, long *value)
{
    while (*at == ' ')
        at++;
    if (!*at)
        return 0;
    char *end;
    long v = strtol(at, &end, (at[0] == '0' && (at[1] == 'x' || at[1] == 'X')) ? 16 : 10);
    while (*end == ' ')
        end++;
    if (*end)
        return 0;
    *value = v;
    return 1;
}

char *inf_path_normalize(struct inf_arena *arena, const char *path)
{
    size_t n = strlen(path);
    char *out = inf_arena_alloc(arena, n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = path[i] == '/' ? '\\' : path[i];
        if (c == '\\' && (o == 0 || out[o - 1] == '\\'))
            continue;
        out[o++] = inf_ascii_lower(c);
    }
    while (o > 0 && out[o - 1] == '\\')
        o--;
    out[o] = '\0';
    return out;
}

const char *inf_dirid_meaning(long dirid)
{
    switch (dirid) {
    case -1:
    case 65535:
        return "an absolute path";
    case 1:
        return "the directory the INF was installed from";
    case 10:
        return "the Windows directory";
    case 11:
        return "System32";
    case 12:
        return "System32\\drivers";
    case 13:
        return "the driver store";
    case 17:
        return "the INF directory";
    case 18:
        return "the Help directory";
    case 20:
        return "the Fonts directory";
    case 21:
        return "the viewers directory";
    case 23:
        return "the Color directory";
    case 24:
        return "the system drive root";
    case 25:
        return "the shared directory";
    case 30:
        return "the boot drive root";
    case 50:
        return "%SystemRoot%\\system";
    case 51:
        return "the spool directory";
    case 52:
        return "the spool drivers directory";
    case 53:
        return "the user profile";
    case 54:
        return "the boot loader directory";
    case 55:
        return "the print processors directory";
    case 16406:
        return "All Users\\Start Menu";
    case 16407:
        return "All Users\\Start Menu\\Programs";
    case 16408:
        return "All Users\\Start Menu\\Programs\\Startup";
    case 16409:
        return "All Users\\Desktop";
    case 16415:
        return "All Users\\Favorites";
    case 16419:
        return "All Users\\Application Data";
    case 16422:
        return "Program Files";
    case 16425:
        return "SysWOW64";
    case 16426:
        return "Program Files (x86)";
    case 16427:
        return "Program Files\\Common Files";
    case 16428:
        return "Program Files (x86)\\Common Files";
    case 16429:
        return "All Users\\Templates";
    case 16430:
        return "All Users\\Documents";
    case 66000:
        return "the printer driver directory";
    case 66001:
        return "the print processor directory";
    case 66002:
        return "System32 (printer extras)";
    case 66003:
        return "the Color directory (printer)";
    case 66004:
        return "the ASP files directory";
    default:
        return NULL;
    }
}

/* ------------------------------------------------------ missing sections */

static void add_missing(struct inf_graph *g, const struct inf_line *directive, struct inf_text name)
{
    uint64_t key = (uint64_t)line_index(g, directive) << 32 | inf_hash_nocase(name.ptr, name.len);
    if (inf_key_map_get(&g->priv->missing_keys, key) != INF_NO_INDEX)
        return;
    inf_key_map_put(&g->priv->missing_keys, key, (uint32_t)g->missing_count);
    g->missing = inf_xgrow(g->missing, &g->missing_cap, g->missing_count + 1, sizeof *g->missing);
    struct inf_missing_target *m = &g->missing[g->missing_count++];
    m->directive = directive;
    m->span = line_span(g, directive);
    m->name = inf_arena_strndup(g->arena, name.ptr, name.len);
}

/* ---------------------------------------------------------------- copies */

/* Computes the source side of COPY for ARCH. */
static void resolve_source(struct inf_graph *g, struct inf_copy *copy, enum inf_arch arch)
{
    struct inf_graph_private *p = g->priv;
    struct inf_copy_source *src = &copy->sources[arch];
    if (src->subdir)
        return;
    size_t n = copy->source_name.len;
    const struct inf_line *files =
        inf_name_index_find(&p->disks_files[1 + arch], copy->source_name.text, n);
    if (!files)
        files = inf_name_index_find(&p->disks_files[0], copy->source_name.text, n);
    src->disks_files_line = files;
    const char *file_subdir = files ? arena_value(g, files, 1) : "";
    const char *disk_path = "";
    if (files) {
        struct inf_text disk = field_text(g, files, 0);
        const struct inf_line *names =
            inf_name_index_find(&p->disks_names[1 + arch], disk.ptr, disk.len);
        if (!names)
            names = inf_name_index_find(&p->disks_names[0], disk.ptr, disk.len);
        src->disks_names_line = names;
        if (names)
            disk_path = arena_value(g, names, 3);
    }
    src->subdir = inf_arena_join(g->arena, disk_path, "\\", file_subdir);
}

/* The DestinationDirs entry of a list (LIST_NAME NULL for @file): its own, else DefaultDestDir. */
static const struct inf_line *destination_line(struct inf_graph *g, struct inf_text list_name)
{
    const struct inf_line *dest = NULL;
    if (list_name.ptr)
        dest = inf_name_index_find(&g->priv->destination_dirs, list_name.ptr, list_name.len);
    return dest ? dest : g->priv->default_dest_dir;
}

/* The destination record of DestinationDirs entry LINE, made on first use. */
static struct inf_destination *destination_of(struct inf_graph *g, const struct inf_line *line)
{
    if (!line)
        return NULL;
    struct inf_graph_private *p = g->priv;
    uint32_t index = inf_key_map_get(&p->destination_keys, line_index(g, line));
    if (index != INF_NO_INDEX)
        return p->destination_list[index];
    struct inf_destination *d = inf_arena_zalloc(g->arena, sizeof *d);
    d->line = line;
    d->span = line_span(g, line);
    d->list = token_field(g, inf_line_key(g->model, line));
    d->subdir = line_field(g, line, 1);
    d->has_dirid = parse_number(arena_value(g, line, 0), &d->dirid);
    p->destination_list = inf_xgrow(p->destination_list, &p->destination_cap,
                                    p->destination_used + 1, sizeof *p->destination_list);
    inf_key_map_put(&p->destination_keys, line_index(g, line), (uint32_t)p->destination_used);
    p->destination_list[p->destination_used++] = d;
    return d;
}

/* Fills the destination of COPY. */
static void resolve_destination(struct inf_graph *g, struct inf_copy *copy,
                                struct inf_text list_name)
{
    const struct inf_destination *d = destination_of(g, destination_line(g, list_name));
    copy->destination = d;
    copy->dest_subdir = d ? d->subdir.text : "";
    copy->has_dirid = d ? d->has_dirid : 0;
    copy->dirid = d ? d->dirid : 0;
}

/* Records (or merges) one copy. FILE_LINE is the list line, or the directive for @file. */
static void add_copy(struct walk *w, const struct inf_line *directive,
                     const struct inf_line *file_line, uint32_t list_section, const char *at_file,
                     size_t field_index)
{
    struct inf_graph *g = w->graph;
    uint64_t key = (uint64_t)line_index(g, file_line) << 8 | (at_file ? 1u + field_index : 0u);
    uint32_t index = inf_key_map_get(&g->priv->copy_keys, key);
    if (index == INF_NO_INDEX) {
        index = (uint32_t)g->copy_count;
        inf_key_map_put(&g->priv->copy_keys, key, index);
        g->copies = inf_xgrow(g->copies, &g->copy_cap, g->copy_count + 1, sizeof *g->copies);
        struct inf_copy *c = &g->copies[g->copy_count++];
        memset(c, 0, sizeof *c);
        c->directive = directive;
        c->file_line = file_line;
        c->span = line_span(g, file_line);
        c->list_section = list_section;
        if (at_file) {
            c->dest_name = line_field(g, directive, field_index);
            c->dest_name.text = at_file; /* the name after '@' */
            c->dest_name.len = strlen(at_file);
            c->source_name = c->dest_name;
            struct inf_text no_list = {NULL, 0};
            resolve_destination(g, c, no_list);
        } else {
            c->dest_name = line_field(g, file_line, 0);
            c->source_name = line_field(g, file_line, 1);
            if (!c->source_name.len) { /* one-field line: the source has the same name */
                c->source_name.text = c->dest_name.text;
                c->source_name.len = c->dest_name.len;
            }
            long f;
            c->flags = parse_number(arena_value(g, file_line, 3), &f) ? (unsigned long)f : 0;
            resolve_destination(g, c, inf_model_section_name(g->model, list_section));
        }
    }
    struct inf_copy *c = &g->copies[index];
    reach_merge(&c->reach, &w->reach);
    resolve_source(g, c, current_path(w)->arch);
    if (c->has_dirid && c->dirid == 13)
        w->uses13 = 1;
}

static void mark_live(struct walk *w, uint32_t section)
{
    reach_merge(&w->graph->sections[section].reach, &w->reach);
}

/* Records (or finds) the use of LIST (INF_NO_INDEX: the @files) by DIRECTIVE. */
static struct inf_copy_list_use *use_copy_list(struct walk *w, const struct inf_line *directive,
                                               uint32_t list, size_t field)
{
    struct inf_graph *g = w->graph;
    uint64_t key = (uint64_t)line_index(g, directive) << 32 | list;
    uint32_t index = inf_key_map_get(&g->priv->list_keys, key);
    if (index == INF_NO_INDEX) {
        index = (uint32_t)g->copy_list_count;
        inf_key_map_put(&g->priv->list_keys, key, index);
        g->copy_lists = inf_xgrow(g->copy_lists, &g->copy_list_cap, g->copy_list_count + 1,
                                  sizeof *g->copy_lists);
        struct inf_copy_list_use *u = &g->copy_lists[g->copy_list_count++];
        memset(u, 0, sizeof *u);
        u->directive = directive;
        u->span = line_span(g, directive);
        u->list_section = list;
        u->target = line_field(g, directive, field);
        if (list == INF_NO_INDEX) { /* the name after '@' */
            u->target.text++;
            u->target.len--;
        }
        struct inf_text no_list = {NULL, 0};
        u->destination = destination_of(
            g, destination_line(g, list == INF_NO_INDEX ? no_list
                                                        : inf_model_section_name(g->model, list)));
    }
    return &g->copy_lists[index];
}

static void walk_copy_files(struct walk *w, const struct inf_line *directive)
{
    struct inf_graph *g = w->graph;
    for (size_t i = 0; i < directive->field_count; i++) {
        struct inf_text name = field_name(g, directive, i);
        if (name.len && name.ptr[0] == '@') {
            add_copy(w, directive, directive, INF_NO_INDEX,
                     inf_arena_strndup(g->arena, name.ptr + 1, name.len - 1), i);
            use_copy_list(w, directive, INF_NO_INDEX, i)->copies_files = 1;
        } else if (name.len) {
            uint32_t list = find_section_text(g, name);
            if (list == INF_NO_INDEX) {
                add_missing(g, directive, name);
            } else {
                mark_live(w, list);
                struct inf_line_iter it;
                inf_line_iter_init(&it, g->model, list);
                const struct inf_line *line;
                while ((line = inf_line_iter_next(&it)) != NULL)
                    if (line->field_count > 0) {
                        add_copy(w, directive, line, list, NULL, 0);
                        use_copy_list(w, directive, list, i)->copies_files = 1;
                    }
            }
        }
    }
}

/* -------------------------------------------------------------- registry */

/*
 * Does the substituted text of token T hold %13%? When no string brings a '%' or is named
 * "13", the text's pairs of '%' are the substituted text's and %13% is a DIRID: found
 * without a lookup. Otherwise the substituted text is read.
 */
static int token_has_dirid13(struct inf_graph *g, const struct inf_token *t)
{
    const struct inf_model *m = g->model;
    size_t pos = 0;
    struct inf_percent_ref ref;
    if (!m->strings_have_dirid_names && !m->string_values_have_percent) {
        struct inf_text raw = inf_token_raw(m, t);
        int escaped = 0; /* a %%, one '%' once substituted, which may pair anew */
        while (!escaped && inf_text_next_percent(raw, &pos, &ref)) {
            if (ref.name_len == 2 && ref.name[0] == '1' && ref.name[1] == '3')
                return 1;
            escaped = ref.kind == INF_PERCENT_ESCAPE;
        }
        if (!escaped)
            return 0;
        pos = 0;
    }
    struct inf_text v = inf_token_value(m, t, &g->priv->scratch, NULL);
    while (inf_model_next_percent(m, v, &pos, &ref))
        if (ref.kind == INF_PERCENT_DIRID && ref.dirid == 13 && ref.name_len == 2)
            return 1;
    return 0;
}

/* Does a field of LINE name DIRID 13 (%13%) once substituted? */
static int text_has_dirid13(struct inf_graph *g, const struct inf_line *line)
{
    for (size_t i = 0; i < line->field_count; i++) {
        const struct inf_token *t = inf_line_field(g->model, line, i);
        /* (under four bytes only a string's value can bring %13%) */
        if (t->percent && (t->len >= 4 || g->model->string_values_have_percent) &&
            token_has_dirid13(g, t))
            return 1;
    }
    return 0;
}

static void walk_registry_section(struct walk *w, const struct inf_line *directive,
                                  uint32_t section, enum inf_registry_op op,
                                  enum inf_hkr_context context, const struct inf_line *service)
{
    struct inf_graph *g = w->graph;
    mark_live(w, section);
    struct inf_line_iter it;
    inf_line_iter_init(&it, g->model, section);
    const struct inf_line *line;
    int enforced = w->reach.enforced_arches != 0;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        size_t key = line_index(g, line);
        uint32_t index = inf_line_map_get(&g->priv->registry_of_line, key);
        if (index == INF_NO_INDEX) {
            index = (uint32_t)g->registry_count;
            inf_line_map_put(&g->priv->registry_of_line, key, index);
            g->registry = inf_xgrow(g->registry, &g->registry_cap, g->registry_count + 1,
                                    sizeof *g->registry);
            struct inf_registry_write *r = &g->registry[g->registry_count++];
            memset(r, 0, sizeof *r);
            r->line = line;
            r->span = line_span(g, line);
            r->section = section;
            r->directive = directive;
            r->op = op;
            r->root = line_field(g, line, 0);
            r->subkey = line_field(g, line, 1);
            r->value_name = line_field(g, line, 2);
            r->flags = line_field(g, line, 3);
            if (line->field_count > 4) {
                r->data_count = line->field_count - 4;
                struct inf_field *data = inf_arena_alloc(g->arena, r->data_count * sizeof *data);
                for (size_t f = 0; f < r->data_count; f++)
                    data[f] = line_field(g, line, 4 + f);
                r->data = data;
            }
            r->context = context;
            r->service = service;
            r->names_dirid13 = text_has_dirid13(g, line);
        }
        struct inf_registry_write *r = &g->registry[index];
        if (enforced && !r->enforced_contexts) { /* the first enforced path decides */
            r->context = context;
            r->service = service;
        }
        r->contexts |= 1u << context;
        if (enforced)
            r->enforced_contexts |= 1u << context;
        reach_merge(&r->reach, &w->reach);
        if (r->names_dirid13)
            w->uses13 = 1;
    }
}

/* ----------------------------------------------------------------- walk */

static void walk_section(struct walk *w, uint32_t section, enum inf_hkr_context context,
                         const struct inf_line *service);

/* Has SECTION an Include directive (so Needs may name external sections)? Asked once each. */
static int has_include(struct inf_graph *g, uint32_t section)
{
    unsigned char *known = &g->priv->includes[section]; /* 0 unknown, 1 no, 2 yes */
    if (!*known) {
        *known = 1;
        struct inf_line_iter it;
        inf_line_iter_init(&it, g->model, section);
        const struct inf_line *line;
        while ((line = inf_line_iter_next(&it)) != NULL)
            if (key_is(g, line, "Include"))
                *known = 2;
    }
    return *known == 2;
}

/* Walks the section named by field INDEX of DIRECTIVE, if any; reports it missing when REQUIRED. */
static void walk_target(struct walk *w, const struct inf_line *directive, size_t index,
                        enum inf_hkr_context context, const struct inf_line *service)
{
    struct inf_graph *g = w->graph;
    struct inf_text name = field_name(g, directive, index);
    if (name.len && name.ptr[0] != '@') { /* DelFiles=@file names a file */
        uint32_t target = find_section_text(g, name);
        if (target == INF_NO_INDEX)
            add_missing(g, directive, name);
        else
            walk_section(w, target, context, service);
    }
}

static void add_service(struct walk *w, const struct inf_line *add_line, uint32_t install, int umdf)
{
    struct inf_graph *g = w->graph;
    uint64_t key = line_index(g, add_line);
    uint32_t index = inf_key_map_get(&g->priv->service_keys, key);
    if (index == INF_NO_INDEX) {
        index = (uint32_t)g->service_count;
        inf_key_map_put(&g->priv->service_keys, key, index);
        g->services =
            inf_xgrow(g->services, &g->service_cap, g->service_count + 1, sizeof *g->services);
        struct inf_service *s = &g->services[g->service_count++];
        memset(s, 0, sizeof *s);
        s->add_line = add_line;
        s->name = line_field(g, add_line, 0);
        s->install_section = install;
        s->is_umdf = umdf;
        if (install != INF_NO_INDEX) {
            struct inf_line_iter it;
            inf_line_iter_init(&it, g->model, install);
            const struct inf_line *line;
            while ((line = inf_line_iter_next(&it)) != NULL)
                if (!s->binary && key_is(g, line, "ServiceBinary"))
                    s->binary = line;
        }
        if (s->binary)
            s->binary_path = line_field(g, s->binary, 0);
    }
    struct inf_service *s = &g->services[index];
    reach_merge(&s->reach, &w->reach);
    if (s->binary && text_has_dirid13(g, s->binary))
        w->uses13 = 1;
}

/* AddService = name, flags, install-section[, event-log-section, ...] */
static void walk_add_service(struct walk *w, const struct inf_line *line)
{
    struct inf_graph *g = w->graph;
    struct inf_text install_name = field_name(g, line, 2);
    uint32_t install = INF_NO_INDEX;
    if (install_name.len) {
        install = find_section_text(g, install_name);
        if (install == INF_NO_INDEX)
            add_missing(g, line, install_name);
    }
    add_service(w, line, install, 0);
    if (install != INF_NO_INDEX)
        walk_section(w, install, INF_HKR_SERVICE, line);
    if (line->field_count > 3)
        walk_target(w, line, 3, INF_HKR_EVENTLOG, line);
}

/* UmdfService = name, section */
static void walk_umdf_service(struct walk *w, const struct inf_line *line)
{
    struct inf_graph *g = w->graph;
    struct inf_text name = field_name(g, line, 1);
    if (name.len) {
        uint32_t section = find_section_text(g, name);
        if (section == INF_NO_INDEX) {
            add_missing(g, line, name);
        } else {
            add_service(w, line, section, 1);
            walk_section(w, section, INF_HKR_OTHER, NULL);
        }
    }
}

/* Needs = section[, section...]: local sections, or external ones when Include is present. */
static void walk_needs(struct walk *w, uint32_t from, const struct inf_line *line,
                       enum inf_hkr_context context, const struct inf_line *service)
{
    struct inf_graph *g = w->graph;
    int include = -1;
    for (size_t i = 0; i < line->field_count; i++) {
        struct inf_text name = field_name(g, line, i);
        if (name.len) {
            uint32_t target = find_section_text(g, name);
            if (target != INF_NO_INDEX) {
                walk_section(w, target, context, service);
            } else {
                if (include < 0) {
                    include = has_include(g, from) ||
                              has_include(g, g->paths[w->path_index].install_section);
                    name = field_name(g, line, i); /* (has_include read into the scratch buffer) */
                }
                if (!include)
                    add_missing(g, line, name);
            }
        }
    }
}

/* Remembers (or merges the reach of) a keyed line of a live section; returns its record,
 * valid until the next one is added. */
static const struct inf_live_line *record_live_line(struct walk *w, const struct inf_line *line,
                                                    uint32_t section)
{
    struct inf_graph *g = w->graph;
    uint64_t key = line_index(g, line);
    uint32_t index = inf_key_map_get(&g->priv->live_keys, key);
    if (index == INF_NO_INDEX) {
        index = (uint32_t)g->live_line_count;
        inf_key_map_put(&g->priv->live_keys, key, index);
        g->live_lines = inf_xgrow(g->live_lines, &g->live_line_cap, g->live_line_count + 1,
                                  sizeof *g->live_lines);
        struct inf_live_line *l = &g->live_lines[g->live_line_count++];
        memset(l, 0, sizeof *l);
        l->line = line;
        l->span = line_span(g, line);
        l->key = token_field(g, inf_line_key(g->model, line));
        l->section = section;
    }
    reach_merge(&g->live_lines[index].reach, &w->reach);
    return &g->live_lines[index];
}

/* Follows one directive of a live section, as the directive table says. */
static void walk_directive(struct walk *w, uint32_t section, const struct inf_line *line,
                           const struct inf_directive *d, enum inf_hkr_context context,
                           const struct inf_line *service)
{
    struct inf_graph *g = w->graph;
    switch (d->walk) {
    case INF_WALK_COPY_FILES:
        walk_copy_files(w, line);
        break;
    case INF_WALK_REGISTRY:
        for (size_t i = 0; i < line->field_count; i++) {
            struct inf_text name = field_text(g, line, i);
            if (!name.len)
                continue;
            uint32_t target = find_section_text(g, name);
            if (target == INF_NO_INDEX) {
                add_missing(g, line, up_to_nul(name)); /* (named as the other walks name it) */
            } else {
                walk_registry_section(w, line, target, d->op, context, service);
            }
        }
        break;
    case INF_WALK_ADD_SERVICE:
        walk_add_service(w, line);
        break;
    case INF_WALK_UMDF_SERVICE:
        walk_umdf_service(w, line);
        break;
    case INF_WALK_NEEDS:
        walk_needs(w, section, line, context, service);
        break;
    case INF_WALK_SECTIONS:
        for (size_t i = 0; i < line->field_count; i++)
            if (inf_directive_targets(d, i)) {
                if (d->inherits_context)
                    walk_target(w, line, i, context, service);
                else
                    walk_target(w, line, i, d->context, NULL);
            }
        break;
    }
}

/* Processes the directives of one live section. */
static void walk_directives(struct walk *w, uint32_t section, enum inf_hkr_context context,
                            const struct inf_line *service)
{
    struct inf_graph *g = w->graph;
    struct inf_line_iter it;
    inf_line_iter_init(&it, g->model, section);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        if (!line->has_key)
            continue;
        struct inf_field key = record_live_line(w, line, section)->key;
        struct inf_text name = {key.text, key.len};
        const struct inf_directive *d = inf_directive_find(name);
        if (d)
            walk_directive(w, section, line, d, context, service);
    }
}

static void walk_section(struct walk *w, uint32_t section, enum inf_hkr_context context,
                         const struct inf_line *service)
{
    struct inf_graph_private *p = w->graph->priv;
    size_t slot = (size_t)section * INF_HKR_CONTEXT_COUNT + context;
    if (p->stamps[slot] == p->stamp) {
        /* Walked already in this context, by this path or an earlier one of the same
         * architecture, enforcement and OS build: that walk recorded all it reaches, with
         * this very reach (this also ends Needs cycles). */
        w->uses13 |= p->subtree13[slot];
        return;
    }
    if (w->depth >= MAX_WALK_DEPTH)
        return;
    p->stamps[slot] = p->stamp;
    p->subtree13[slot] = 0;
    int outer = w->uses13;
    w->uses13 = 0;
    mark_live(w, section);
    w->depth++;
    walk_directives(w, section, context, service);
    w->depth--;
    p->subtree13[slot] = (unsigned char)w->uses13;
    w->uses13 |= outer;
}

static void walk_install(struct inf_graph *g, size_t path_index)
{
    struct inf_graph_private *p = g->priv;
    struct inf_install_path *path = &g->paths[path_index];
    struct walk w = {g,
                     path_index,
                     {INF_ARCH_BIT(path->arch), path->enforced ? INF_ARCH_BIT(path->arch) : 0,
                      path->start_build},
                     0,
                     0};
    uint32_t install = path->install_section;
    /* Paths that reach alike (architecture, enforcement, first build) record the same facts
     * from a section: one after another they share the stamp, so that a section many install
     * sections name (Needs=Common) is walked once, not once per path. A path whose install
     * section has an Include decides missing Needs targets differently: a stamp of its own. */
    uint64_t signature = (uint64_t)path->start_build << 8 | (uint64_t)path->arch << 1 |
                         (uint64_t)(path->enforced != 0);
    if (has_include(g, install))
        signature = ~(uint64_t)path_index;
    if (signature != p->signature || p->stamp == 0) {
        p->stamp++;
        p->signature = signature;
    }
    walk_section(&w, install, path->is_default_install ? INF_HKR_NONE : INF_HKR_SOFTWARE, NULL);
    struct inf_text base = inf_model_section_name(g->model, install);
    for (size_t i = 0; i < inf_companion_count; i++) {
        uint32_t s = inf_key_map_get(&p->companion_keys, (uint64_t)install << 8 | i);
        if (s != INF_NO_INDEX)
            walk_section(&w, s, inf_companions[i].context, NULL);
    }
    /* Its ".Remove*" sections, in section order: found by the hash of the name before. */
    uint32_t hash = inf_hash_nocase(base.ptr, base.len);
    size_t lo = 0, hi = p->remove_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->removes[mid].hash < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < p->remove_count && p->removes[i].hash == hash; i++) {
        struct inf_text rn = inf_model_section_name(g->model, p->removes[i].section);
        if (p->removes[i].prefix_len == base.len &&
            inf_text_equal_nocase2(rn.ptr, base.len, base.ptr, base.len))
            walk_section(&w, p->removes[i].section, INF_HKR_SOFTWARE, NULL);
    }
    path->uses_dirid13 = w.uses13;
}

/* ------------------------------------------------------- entry points */

static int compare_builds(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts the COUNT first builds of STARTS, for range_end. */
static void sort_starts(uint32_t *starts, size_t count)
{
    if (count > 1)
        qsort(starts, count, sizeof *starts, compare_builds);
}

/* The end of the OS range starting at START among sorted STARTS (next higher start, else max). */
static uint32_t range_end(const uint32_t *starts, size_t count, uint32_t start)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts[mid] <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < count ? starts[lo] : INF_BUILD_MAX;
}

/* Resolves install name NAME for ARCH: NAME.NT<arch>, NAME.NT$ARCH$, NAME.NT, NAME. */
static uint32_t resolve_install(struct inf_graph *g, const char *name, enum inf_arch arch)
{
    struct inf_buf *b = &g->priv->install_name;
    uint32_t found = INF_NO_INDEX;
    const char *suffixes[4] = {inf_arch_name(arch), "$ARCH$", "", NULL};
    for (int i = 0; i < 3 && found == INF_NO_INDEX; i++) {
        if (i == 1 && !g->priv->has_arch_token)
            continue;
        inf_buf_clear(b); /* NAME.NT<suffix> */
        inf_buf_adds(b, name);
        inf_buf_add(b, ".NT", 3);
        inf_buf_adds(b, suffixes[i]);
        found = inf_model_find_section(g->model, b->data, b->len);
    }
    if (found == INF_NO_INDEX)
        found = find_section(g, name);
    return found;
}

static void add_path(struct inf_graph *g, enum inf_arch arch, uint32_t start, uint32_t end,
                     uint32_t install, const struct inf_line *origin, int is_default)
{
    uint64_t key = (uint64_t)install << 32 ^ (uint64_t)arch << 60 ^ (uint64_t)start << 16 ^ end;
    if (inf_key_map_get(&g->priv->path_keys, key) != INF_NO_INDEX)
        return;
    inf_key_map_put(&g->priv->path_keys, key, (uint32_t)g->path_count);
    g->paths = inf_xgrow(g->paths, &g->path_cap, g->path_count + 1, sizeof *g->paths);
    struct inf_install_path *p = &g->paths[g->path_count++];
    memset(p, 0, sizeof *p);
    p->arch = arch;
    p->start_build = start;
    p->end_build = end;
    p->install_section = install;
    p->origin = origin;
    uint64_t subject = origin ? line_index(g, origin) : (uint64_t)1 << 63 | install;
    p->subject = inf_key_map_get(&g->priv->subject_keys, subject);
    if (p->subject == INF_NO_INDEX) {
        p->subject = (uint32_t)(g->path_count - 1);
        inf_key_map_put(&g->priv->subject_keys, subject, p->subject);
    }
    if (origin)
        p->models = line_field(g, origin, 0);
    p->is_default_install = is_default;
    p->enforced = end > g->min_build;
    g->all_arches |= INF_ARCH_BIT(arch);
}

/* add_missing for each device line that names a missing install section. */
static void add_missing_device(void *context, const struct inf_line *line, struct inf_text spelled)
{
    struct inf_graph *g = context;
    add_missing(g, line, up_to_nul(spelled));
}

/* The install paths of one Models section for one architecture and OS range. */
static void add_models_paths(struct inf_graph *g, const struct inf_line *manufacturer,
                             uint32_t models, enum inf_arch arch, uint32_t start, uint32_t end)
{
    const struct inf_install_names *names = inf_graph_install_names(g, models);
    for (size_t i = 0; i < names->count; i++) {
        const struct inf_install_name *n = &names->items[i];
        if (!n->text.len)
            continue;
        uint32_t install = resolve_install(g, n->text.ptr, arch);
        if (install != INF_NO_INDEX)
            add_path(g, arch, start, end, install, manufacturer, 0);
        else
            inf_graph_each_device_named(g, models, n->text, add_missing_device, g);
    }
}

/* Does DECORATION apply to ARCH? NT$ARCH$ only for the architectures the template is
 * stamped for, when the project says which. */
static int decoration_applies(const struct inf_graph *g, const struct inf_decoration *decoration,
                              enum inf_arch arch)
{
    if (decoration->arch == INF_DECORATION_ANY_ARCH && g->priv->template_arches &&
        !(g->priv->template_arches & INF_ARCH_BIT(arch)))
        return 0;
    return inf_decoration_applies(decoration, arch);
}

static void add_manufacturer_paths(struct inf_graph *g, const struct inf_line *line,
                                   unsigned arches)
{
    /* (The line's texts and working arrays are the file arena's: a few bytes a line.) */
    const char *models = arena_value(g, line, 0);
    if (!models[0])
        return;
    size_t count = line->field_count > 1 ? line->field_count - 1 : 0;
    struct inf_decoration *decorations =
        inf_arena_zalloc(g->arena, (count + 1) * sizeof *decorations);
    char **texts = inf_arena_zalloc(g->arena, (count + 1) * sizeof *texts);
    int *valid = inf_arena_zalloc(g->arena, (count + 1) * sizeof *valid);
    struct inf_name_index seen; /* a decoration repeated on the line adds nothing (on the heap:
                                 * a [Manufacturer] section may have thousands of lines) */
    inf_name_index_init(&seen, NULL, count);
    for (size_t i = 0; i < count; i++) {
        texts[i] = arena_value(g, line, i + 1);
        valid[i] = inf_decoration_parse(texts[i], strlen(texts[i]), &decorations[i]);
        size_t before = seen.count;
        inf_name_index_add(&seen, texts[i], strlen(texts[i]), line);
        if (seen.count == before)
            valid[i] = 0;
    }
    inf_name_index_free(&seen);
    uint32_t *starts = inf_arena_zalloc(g->arena, (count + 1) * sizeof *starts);
    unsigned *missing_all = inf_arena_zalloc(g->arena, (count + 1) * sizeof *missing_all);
    struct inf_buf name = INF_BUF_INIT;
    for (int arch = 0; arch < INF_ARCH_COUNT; arch++) {
        if (!(arches & INF_ARCH_BIT(arch)))
            continue;
        size_t n = 0;
        for (size_t i = 0; i < count; i++)
            if (valid[i] && decoration_applies(g, &decorations[i], (enum inf_arch)arch))
                starts[n++] = decorations[i].start;
        sort_starts(starts, n);
        if (n == 0) {
            /* No decoration for this architecture: only x86 uses the plain Models section. */
            if (arch == INF_ARCH_X86) {
                uint32_t s = find_section(g, models);
                if (s != INF_NO_INDEX)
                    add_models_paths(g, line, s, INF_ARCH_X86, 0, INF_BUILD_MAX);
                else if (count == 0)
                    add_missing(g, line, (struct inf_text){models, strlen(models)});
            }
            continue;
        }
        for (size_t i = 0; i < count; i++) {
            if (!valid[i] || !decoration_applies(g, &decorations[i], (enum inf_arch)arch))
                continue;
            inf_buf_clear(&name);
            inf_buf_printf(&name, "%s.%s", models, texts[i]);
            uint32_t s = inf_model_find_section(g->model, name.data, name.len);
            if (s == INF_NO_INDEX && decorations[i].arch == INF_DECORATION_ANY_ARCH) {
                /* A stamped file may keep NT$ARCH$ here but name its section NTamd64. */
                char *stamped = inf_decoration_stamp(texts[i], (enum inf_arch)arch);
                inf_buf_clear(&name);
                inf_buf_printf(&name, "%s.%s", models, stamped);
                free(stamped);
                s = inf_model_find_section(g->model, name.data, name.len);
                if (s == INF_NO_INDEX) {
                    missing_all[i] |= INF_ARCH_BIT(arch);
                    continue;
                }
            }
            if (s == INF_NO_INDEX) {
                add_missing(g, line, (struct inf_text){name.data, name.len});
                continue;
            }
            add_models_paths(g, line, s, (enum inf_arch)arch, decorations[i].start,
                             range_end(starts, n, decorations[i].start));
        }
    }
    /* An NT$ARCH$ decoration is missing only when no architecture found its section. */
    unsigned stamped = g->priv->template_arches ? arches & g->priv->template_arches : arches;
    for (size_t i = 0; i < count; i++)
        if (valid[i] && decorations[i].arch == INF_DECORATION_ANY_ARCH && stamped &&
            (missing_all[i] & stamped) == stamped) {
            inf_buf_clear(&name);
            inf_buf_printf(&name, "%s.%s", models, texts[i]);
            add_missing(g, line, (struct inf_text){name.data, name.len});
        }
    inf_buf_free(&name);
}

/* DefaultInstall.NT<arch>[.version] variants, else DefaultInstall.NT, else DefaultInstall. */
static void add_default_install_paths(struct inf_graph *g, unsigned arches)
{
    const struct inf_model *m = g->model;
    uint32_t *candidates = NULL;
    struct inf_decoration *decorations = NULL;
    size_t count = 0, cap = 0, dcap = 0;
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        if (name.len <= 15 || !inf_text_equal_nocase2(name.ptr, 15, "DefaultInstall.", 15))
            continue;
        struct inf_decoration d;
        if (!inf_decoration_parse(name.ptr + 15, name.len - 15, &d) ||
            d.arch == INF_DECORATION_NO_ARCH)
            continue;
        candidates = inf_xgrow(candidates, &cap, count + 1, sizeof *candidates);
        decorations = inf_xgrow(decorations, &dcap, count + 1, sizeof *decorations);
        candidates[count] = (uint32_t)s;
        decorations[count++] = d;
    }
    uint32_t *starts = inf_xcalloc(count + 1, sizeof *starts);
    uint32_t fallback = find_section(g, "DefaultInstall.NT");
    if (fallback == INF_NO_INDEX)
        fallback = find_section(g, "DefaultInstall");
    for (int arch = 0; arch < INF_ARCH_COUNT; arch++) {
        if (!(arches & INF_ARCH_BIT(arch)))
            continue;
        size_t n = 0;
        for (size_t i = 0; i < count; i++)
            if (inf_decoration_applies(&decorations[i], (enum inf_arch)arch))
                starts[n++] = decorations[i].start;
        sort_starts(starts, n);
        if (n == 0) {
            if (fallback != INF_NO_INDEX)
                add_path(g, (enum inf_arch)arch, 0, INF_BUILD_MAX, fallback, NULL, 1);
            continue;
        }
        for (size_t i = 0; i < count; i++)
            if (inf_decoration_applies(&decorations[i], (enum inf_arch)arch))
                add_path(g, (enum inf_arch)arch, decorations[i].start,
                         range_end(starts, n, decorations[i].start), candidates[i], NULL, 1);
    }
    free(starts);
    free(candidates);
    free(decorations);
}

/* ----------------------------------------------------------------- build */

/* By hash, then section: the companions of one name are walked in section order. */
static int compare_removes(const void *a, const void *b)
{
    const struct remove_entry *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->section < y->section ? -1 : x->section > y->section;
}

/*
 * Section S (named N, its last '.' at DOT) as a companion: X.Services, X.HW...
 * (inf_companions), by X's index and the companion's, found in the one pass
 * over the section names - every suffix is one '.' and a word - instead of a
 * lookup per companion for each install path.
 */
static void index_companion(struct inf_graph *g, uint32_t s, struct inf_text n, size_t dot)
{
    const struct inf_model *m = g->model;
    int k = inf_companion_find((struct inf_text){n.ptr + dot + 1, n.len - dot - 1});
    if (k < 0)
        return;
    uint32_t base = inf_model_find_section(m, n.ptr, dot);
    if (base != INF_NO_INDEX)
        inf_key_map_put(&g->priv->companion_keys, (uint64_t)base << 8 | (unsigned)k, s);
}

static void build_indexes(struct inf_graph *g)
{
    struct inf_graph_private *p = g->priv;
    const struct inf_model *m = g->model;
    inf_name_index_build(&p->destination_dirs, g->arena, m, find_section(g, "DestinationDirs"));
    p->default_dest_dir = inf_name_index_find(&p->destination_dirs, "DefaultDestDir", 14);
    inf_name_index_build(&p->disks_files[0], g->arena, m, find_section(g, "SourceDisksFiles"));
    inf_name_index_build(&p->disks_names[0], g->arena, m, find_section(g, "SourceDisksNames"));
    /* In templates, [SourceDisks*.$ARCH$] serves every architecture without its own section. */
    uint32_t files_any = find_section(g, "SourceDisksFiles.$ARCH$");
    uint32_t names_any = find_section(g, "SourceDisksNames.$ARCH$");
    /* "SourceDisksFiles.<arch>", then "SourceDisksNames.<arch>" (arch names are short). */
    char name[64];
    const size_t base = sizeof "SourceDisksFiles." - 1;
    for (int a = 0; a < INF_ARCH_COUNT; a++) {
        const char *arch = inf_arch_name((enum inf_arch)a);
        size_t arch_len = strlen(arch);
        memcpy(name, "SourceDisksFiles.", base);
        memcpy(name + base, arch, arch_len + 1);
        uint32_t files = find_section(g, name);
        inf_name_index_build(&p->disks_files[1 + a], g->arena, m,
                             files != INF_NO_INDEX ? files : files_any);
        memcpy(name, "SourceDisksNames.", base);
        uint32_t names = find_section(g, name);
        inf_name_index_build(&p->disks_names[1 + a], g->arena, m,
                             names != INF_NO_INDEX ? names : names_any);
    }
    size_t cap = 0;
    /* Each name is looked at its '$'s and '.'s (memchr): most have no '$' and a dot or two. */
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text n = inf_model_section_name(m, (uint32_t)s);
        const char *text = n.ptr, *end = n.ptr + n.len, *last_dot = NULL;
        if (!p->has_arch_token)
            p->has_arch_token = inf_text_contains_nocase(text, n.len, "$ARCH$");
        /* "X.Remove..." (with something after) is a companion of X, at every ".Remove". */
        for (const char *d = text; (d = memchr(d, '.', (size_t)(end - d))) != NULL; d++) {
            size_t i = (size_t)(d - text);
            last_dot = d;
            if (n.len > i + 7 && inf_text_equal_nocase2(d, 7, ".Remove", 7)) {
                p->removes = inf_xgrow(p->removes, &cap, p->remove_count + 1, sizeof *p->removes);
                struct remove_entry *e = &p->removes[p->remove_count++];
                e->hash = inf_hash_nocase(text, i);
                e->prefix_len = (uint32_t)i;
                e->section = (uint32_t)s;
            }
        }
        if (last_dot) /* X.Services, X.HW...: the suffix after the last '.' */
            index_companion(g, (uint32_t)s, n, (size_t)(last_dot - text));
    }
    if (p->remove_count > 1)
        qsort(p->removes, p->remove_count, sizeof *p->removes, compare_removes);
}

/* Architectures to consider: the four current ones, plus ia64 when the INF names it. */
static unsigned considered_arches(struct inf_graph *g)
{
    unsigned arches = INF_ARCH_BIT(INF_ARCH_X86) | INF_ARCH_BIT(INF_ARCH_AMD64) |
                      INF_ARCH_BIT(INF_ARCH_ARM) | INF_ARCH_BIT(INF_ARCH_ARM64);
    const struct inf_model *m = g->model;
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_text name = inf_model_section_name(m, (uint32_t)s);
        if (inf_text_contains_nocase(name.ptr, name.len, "ia64")) {
            arches |= INF_ARCH_BIT(INF_ARCH_IA64);
            break;
        }
    }
    return arches;
}

/* What the graph tells of every section before the walk fills in reach and references. */
static void describe_sections(struct inf_graph *g)
{
    const struct inf_model *m = g->model;
    g->section_count = m->section_count;
    g->sections = inf_arena_zalloc(g->arena, (m->section_count + 1) * sizeof *g->sections);
    for (size_t s = 0; s < m->section_count; s++) {
        struct inf_section_fact *f = &g->sections[s];
        f->name = inf_model_section_name(m, (uint32_t)s);
        f->header = inf_span_header(m, m->sections[s].first_run);
        f->header_line = m->runs[m->sections[s].first_run].header_line;
        f->header_count = m->sections[s].run_count;
        f->line_count = m->sections[s].line_count;
        f->is_strings = inf_model_is_strings_section(m, (uint32_t)s);
    }
    g->header_count = m->run_count;
    g->headers = inf_arena_zalloc(g->arena, (m->run_count + 1) * sizeof *g->headers);
    for (size_t r = 0; r < m->run_count; r++) {
        g->headers[r].section = m->runs[r].section;
        g->headers[r].span = inf_span_header(m, (uint32_t)r);
        g->headers[r].first = m->sections[m->runs[r].section].first_run == r;
        g->headers[r].first_line = m->runs[r].first_line;
        g->headers[r].line_count = m->runs[r].line_count;
    }
}

/* Each destination gets the reach of the copies that use it and its example copy. */
static void collect_destinations(struct inf_graph *g)
{
    struct inf_graph_private *p = g->priv;
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        struct inf_destination *d = (struct inf_destination *)copy->destination;
        if (!d)
            continue;
        if (!d->example ||
            (!inf_reach_enforced(&d->example->reach) && inf_reach_enforced(&copy->reach)))
            d->example = copy;
        reach_merge(&d->reach, &copy->reach);
    }
    g->destinations = (const struct inf_destination *const *)p->destination_list;
    g->destination_count = p->destination_used;
}

/*
 * Room for every registry write the walk can find: the lines of each section a registry
 * directive names, live or not (each section once). A big file has a hundred thousand
 * writes and more, and its array would otherwise be copied at every doubling.
 */
static void reserve_registry(struct inf_graph *g)
{
    size_t count;
    const struct inf_directive_use *uses = inf_graph_directive_uses(g, &count);
    unsigned char *counted = inf_arena_zalloc(g->arena, g->model->section_count + 1);
    size_t lines = 0;
    for (size_t i = 0; i < count; i++) {
        uint32_t s = uses[i].section;
        if (s == INF_NO_INDEX || counted[s] || uses[i].directive->walk != INF_WALK_REGISTRY)
            continue;
        counted[s] = 1;
        lines += g->model->sections[s].line_count;
    }
    if (lines)
        g->registry = inf_xgrow(g->registry, &g->registry_cap, lines, sizeof *g->registry);
}

void inf_graph_build(struct inf_graph *g, const struct inf_model *model, uint32_t min_build,
                     unsigned template_arches, struct inf_arena *arena)
{
    memset(g, 0, sizeof *g);
    g->model = model;
    g->min_build = min_build;
    g->arena = arena;
    struct inf_graph_private *p = inf_arena_zalloc(arena, sizeof *g->priv);
    g->priv = p;
    struct inf_key_map *maps[] = {&p->copy_keys,    &p->service_keys,   &p->path_keys,
                                  &p->missing_keys, &p->live_keys,      &p->list_keys,
                                  &p->subject_keys, &p->companion_keys, &p->destination_keys};
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        maps[i]->arena = arena; /* (their first tables: see inf_key_map) */
    inf_line_map_init(&p->registry_of_line, model->line_count);
    describe_sections(g);
    /* (calloc: a big file's tables come as fresh pages, zero without a memset) */
    size_t per_context = (model->section_count + 1) * INF_HKR_CONTEXT_COUNT;
    p->stamps = inf_xcalloc(per_context, sizeof *p->stamps);
    p->subtree13 = inf_xcalloc(per_context, 1);
    p->includes = inf_xcalloc(model->section_count + 1, 1);
    build_indexes(g);
    unsigned arches = considered_arches(g);
    g->priv->template_arches = template_arches;
    /* The directive uses (every rule set asks for them: INF006, INF016, INF025) are made here,
     * once, before the walk: they size its array of registry writes. */
    reserve_registry(g);

    uint32_t manufacturer = find_section(g, "Manufacturer");
    if (manufacturer != INF_NO_INDEX) {
        g->has_entry_points = 1;
        struct inf_line_iter it;
        inf_line_iter_init(&it, model, manufacturer);
        const struct inf_line *line;
        while ((line = inf_line_iter_next(&it)) != NULL)
            add_manufacturer_paths(g, line, arches);
    }
    size_t before = g->path_count;
    add_default_install_paths(g, arches);
    if (g->path_count > before || find_section(g, "DefaultInstall") != INF_NO_INDEX)
        g->has_entry_points = 1;
    for (size_t i = 0; i < g->path_count; i++)
        walk_install(g, i);
    collect_destinations(g);
    unsigned char *referenced = inf_graph_mark_references(g);
    for (size_t s = 0; s < model->section_count; s++)
        g->sections[s].referenced = referenced[s];
    free(referenced);
}

void inf_graph_free(struct inf_graph *g)
{
    struct inf_graph_private *p = g->priv;
    free(g->paths);
    free(g->copies);
    free(g->copy_lists);
    free(g->registry);
    free(g->services);
    free(g->missing);
    free(g->live_lines);
    free(g->directive_uses);
    free(g->models_sections);
    if (g->install_names)
        for (size_t s = 0; s < g->model->section_count; s++)
            free(g->install_names[s].items);
    free(g->install_names);
    if (p) {
        free(p->destination_list);
        inf_key_map_free(&p->destination_keys);
        inf_key_map_free(&p->list_keys);
        inf_key_map_free(&p->subject_keys);
        inf_buf_free(&p->scratch);
        inf_buf_free(&p->install_name);
        inf_key_map_free(&p->copy_keys);
        inf_line_map_free(&p->registry_of_line);
        inf_key_map_free(&p->service_keys);
        inf_key_map_free(&p->path_keys);
        inf_key_map_free(&p->companion_keys);
        inf_key_map_free(&p->missing_keys);
        inf_key_map_free(&p->live_keys);
        inf_name_index_free(&p->destination_dirs);
        for (int a = 0; a <= INF_ARCH_COUNT; a++) {
            inf_name_index_free(&p->disks_files[a]);
            inf_name_index_free(&p->disks_names[a]);
        }
        free(p->removes);
        free(p->stamps);
        free(p->subtree13);
        free(p->includes);
    }
    memset(g, 0, sizeof *g);
}
