/*
 * graph_reachable.c - sections reachable from any root, live or not, and the
 * section names they use that do not exist (INF006, rules.md revision 2).
 *
 * The live walk (graph.c) follows only what Windows would execute for the
 * architectures and OS ranges an INF targets. InfVerif checks more: every
 * Models section a [Manufacturer] line names (downlevel decorations too),
 * the install sections of their device lines with their companions, and
 * every DefaultInstall*, DefaultUninstall* and ClassInstall32* section.
 * From those, directives lead on: to sections holding more directives
 * (service install, Needs, add-interface, ...) or to data sections (file
 * lists, registry lines), which end the walk.
 */
#include "graph.h"
#include "arena.h"
#include "directives.h"
#include "graph_index.h"

#include <string.h>

enum { NOT_REACHED, REACHED_DATA, REACHED };

/* Sections grouped by a key section (CSR): the members of K are items[first[K]..first[K+1]). */
struct groups {
    uint32_t *first;
    uint32_t *items;
};

struct reach_walk {
    struct inf_graph *graph;
    unsigned char *state; /* per section: NOT_REACHED, REACHED_DATA, REACHED */
    uint32_t *queue;      /* sections to expand; each enters once */
    size_t queue_count;
    struct groups uses;             /* directive uses by the section holding them */
    struct groups companions;       /* companion sections by their base section */
    unsigned char *live_line;       /* per model line: walked by the live walk */
    struct inf_name_index installs; /* install names resolved: FOUND or MISSING */
    int has_include; /* an Include anywhere (Needs may name external sections); -1 unknown */
};

/* Groups COUNT items by KEYS[i] (INF_NO_INDEX: left out) over KEY_COUNT keys. */
static struct groups group_by(struct inf_arena *arena, const uint32_t *keys, size_t count,
                              size_t key_count)
{
    struct groups g;
    g.first = inf_arena_zalloc(arena, (key_count + 2) * sizeof *g.first);
    g.items = inf_arena_alloc(arena, (count + 1) * sizeof *g.items);
    for (size_t i = 0; i < count; i++)
        if (keys[i] != INF_NO_INDEX)
            g.first[keys[i] + 2]++;
    for (size_t k = 2; k < key_count + 2; k++)
        g.first[k] += g.first[k - 1];
    for (size_t i = 0; i < count; i++)
        if (keys[i] != INF_NO_INDEX)
            g.items[g.first[keys[i] + 1]++] = (uint32_t)i;
    return g; /* first[k]..first[k+1] now bounds key k */
}

static void add_missing(struct reach_walk *w, const struct inf_line *line, struct inf_text name)
{
    struct inf_graph *g = w->graph;
    if (g->reachable_missing_count) { /* the same name twice on one line: once */
        const struct inf_missing_target *last =
            &g->reachable_missing[g->reachable_missing_count - 1];
        if (last->directive == line && strlen(last->name) == name.len &&
            inf_text_equal_nocase2(last->name, name.len, name.ptr, name.len))
            return;
    }
    g->reachable_missing = inf_arena_grow(g->arena, g->reachable_missing,
                                          g->reachable_missing_count, sizeof *g->reachable_missing);
    struct inf_missing_target *t = &g->reachable_missing[g->reachable_missing_count++];
    t->directive = line;
    t->span = inf_span_line(g->model, line);
    t->name = inf_arena_strndup(g->arena, name.ptr, name.len);
}

static void reach(struct reach_walk *w, uint32_t section, int data)
{
    if (section == INF_NO_INDEX || w->state[section] == REACHED)
        return;
    if (data) {
        w->state[section] = REACHED_DATA;
        return;
    }
    w->state[section] = REACHED;
    w->queue[w->queue_count++] = section;
}

/* An install section (or a root) and, through them, its companions. */
static void reach_install(struct reach_walk *w, uint32_t section)
{
    if (section == INF_NO_INDEX || w->state[section] == REACHED)
        return;
    reach(w, section, 0);
    for (uint32_t k = w->companions.first[section]; k < w->companions.first[section + 1]; k++)
        reach_install(w, w->companions.items[k]);
}

/* What the installs index of a reach_walk remembers of an install name. */
static const struct inf_line FOUND, MISSING;

/* Reaches every architecture variant of install name BASE (X, X.NT, X.NT<arch>..., X.NT$ARCH$);
 * returns whether one exists. */
static int reach_install_variants(struct reach_walk *w, struct inf_text base, struct inf_buf *name)
{
    const struct inf_model *m = w->graph->model;
    int found = 0;
    for (int a = -2; a <= INF_ARCH_COUNT; a++) {
        inf_buf_clear(name);
        inf_buf_add(name, base.ptr, base.len);
        if (a > -2) {
            inf_buf_adds(name, ".NT");
            inf_buf_adds(name, a < 0                 ? ""
                               : a == INF_ARCH_COUNT ? "$ARCH$"
                                                     : inf_arch_name((enum inf_arch)a));
        }
        uint32_t s = inf_model_find_section(m, name->data, name->len);
        if (s != INF_NO_INDEX) {
            found = 1;
            reach_install(w, s);
        }
    }
    return found;
}

static void add_missing_device(void *context, const struct inf_line *line, struct inf_text spelled)
{
    add_missing(context, line, spelled);
}

/* A Models section: every architecture variant of each install section it names, once per
 * install name (vendor Models sections name one install section on thousands of lines). */
static void reach_models(struct reach_walk *w, uint32_t models, struct inf_buf *name)
{
    struct inf_graph *g = w->graph;
    if (w->state[models] != NOT_REACHED)
        return;
    w->state[models] = REACHED_DATA; /* a list of devices, not directives */
    int live = g->sections[models].reach.arches != 0;
    const struct inf_install_names *names = inf_graph_install_names(g, models);
    for (size_t i = 0; i < names->count; i++) {
        struct inf_text install = names->items[i].text;
        if (!install.len)
            continue;
        const struct inf_line *known = inf_name_index_find(&w->installs, install.ptr, install.len);
        if (!known) {
            known = reach_install_variants(w, install, name) ? &FOUND : &MISSING;
            inf_name_index_add(&w->installs, install.ptr, install.len, known);
        }
        if (known == &MISSING && !live) /* a live Models section's lines are the live walk's */
            inf_graph_each_device_named(g, models, install, add_missing_device, w);
    }
}

/* Every Models section of every [Manufacturer] line, decorated or not. */
static void reach_manufacturers(struct reach_walk *w)
{
    struct inf_buf name = INF_BUF_INIT;
    size_t count;
    const uint32_t *sections = inf_graph_models_sections(w->graph, &count);
    for (size_t k = 0; k < count; k++)
        reach_models(w, sections[k], &name);
    inf_buf_free(&name);
}

/* Is there an Include anywhere in the file? Looked up once, only when needed. */
static int has_include(struct reach_walk *w)
{
    if (w->has_include < 0) {
        const struct inf_model *m = w->graph->model;
        struct inf_buf scratch = INF_BUF_INIT;
        w->has_include = 0;
        for (size_t l = 0; l < m->line_count && !w->has_include; l++)
            w->has_include =
                m->lines[l].has_key &&
                inf_text_equal_nocase(
                    inf_token_value(m, inf_line_key(m, &m->lines[l]), &scratch, NULL), "Include");
        inf_buf_free(&scratch);
    }
    return w->has_include;
}

/* Follows the directives of one reached section. */
static void expand(struct reach_walk *w, uint32_t section)
{
    struct inf_graph *g = w->graph;
    const struct inf_model *m = g->model;
    for (uint32_t k = w->uses.first[section]; k < w->uses.first[section + 1]; k++) {
        const struct inf_directive_use *u = &g->directive_uses[w->uses.items[k]];
        const struct inf_directive *d = u->directive;
        int data = (d->walk == INF_WALK_COPY_FILES || d->walk == INF_WALK_REGISTRY);
        if (u->section != INF_NO_INDEX) {
            reach(w, u->section, data);
            continue;
        }
        if (w->live_line[u->line - m->lines])
            continue; /* the live walk judged this line (and knows its Include context) */
        if (d->walk == INF_WALK_NEEDS && has_include(w))
            continue;
        add_missing(w, u->line, (struct inf_text){u->target.text, u->target.len});
    }
}

const struct inf_missing_target *inf_graph_reachable_missing(struct inf_graph *g, size_t *count)
{
    if (!g->has_reachable_missing) {
        const struct inf_model *m = g->model;
        size_t n = m->section_count, use_count;
        const struct inf_directive_use *uses = inf_graph_directive_uses(g, &use_count);
        struct reach_walk w;
        memset(&w, 0, sizeof w);
        w.graph = g;
        /* The walk's tables live in the file's arena: a file of a few sections would spend
         * more on allocating and freeing them than on the walk. */
        w.state = inf_arena_zalloc(g->arena, n + 1);
        w.queue = inf_arena_alloc(g->arena, (n + 1) * sizeof *w.queue);
        w.live_line = inf_arena_zalloc(g->arena, m->line_count + 1);
        inf_name_index_init(&w.installs, g->arena, 8);
        for (size_t i = 0; i < g->live_line_count; i++)
            w.live_line[g->live_lines[i].line - m->lines] = 1;
        size_t key_room = (use_count > n ? use_count : n) + 1; /* the uses', then the sections' */
        uint32_t *keys = inf_arena_alloc(g->arena, key_room * sizeof *keys);
        for (size_t i = 0; i < use_count; i++)
            keys[i] = uses[i].from_section;
        w.uses = group_by(g->arena, keys, use_count, n);
        for (size_t s = 0; s < n; s++)
            keys[s] = inf_graph_companion_base(m, (uint32_t)s, 0);
        w.companions = group_by(g->arena, keys, n, n);
        w.has_include = -1; /* looked for when a Needs target is missing */

        reach_manufacturers(&w);
        for (size_t s = 0; s < n; s++) {
            struct inf_text name = inf_model_section_name(m, (uint32_t)s);
            if (inf_graph_has_prefix(name, "DefaultInstall") ||
                inf_graph_has_prefix(name, "DefaultUninstall") ||
                inf_graph_has_prefix(name, "ClassInstall32"))
                reach_install(&w, (uint32_t)s);
        }
        for (size_t i = 0; i < w.queue_count; i++)
            expand(&w, w.queue[i]);

        inf_name_index_free(&w.installs);
        g->has_reachable_missing = 1;
    }
    *count = g->reachable_missing_count;
    return g->reachable_missing;
}
