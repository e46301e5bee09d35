/*
 * check_move.c - the driver-store move, the one fix ISO101, ISO108 and
 * ISO109 share: a [DestinationDirs] entry's DIRID becomes 13 (its
 * subdirectory kept), and every reference to the files it places is
 * rewritten to %13%\<subdir>\<file>: ServiceBinary paths and registry values
 * that reach them through a global path (%10%, %11%, %12%, %SystemRoot%,
 * \SystemRoot, C:\Windows). Worked out once per file for every destination.
 *
 * The move is safe when every reference is rewritten and the move itself
 * brings no new finding; it is unsafe, saying why, when a path that uses the
 * files reaches Windows before 1709 (ISO115 would report DIRID 13 there),
 * when the files sit in another subdirectory of the package (ISO102), or
 * when a reference names one of the files in a form the move cannot rewrite.
 */
#include "check.h"
#include "arena.h"
#include "inflint/buf.h"
#include "graph_index.h"
#include "string_map.h"

#define BUILD_1709 16299u

/*
 * Each finding the move fixes carries it whole (a part of it would leave references to files
 * that moved). A move of more edits than this is carried by the first finding that asks for it
 * (its destination's ISO101, when that rule runs) alone: a file whose thousands of values name
 * one file would otherwise repeat the move in each of their findings, its report growing with
 * the square of the values. --fix makes the move all the same, and the others go with it.
 */
#define MOVE_EDITS_SHARED_MAX 64

/* The global locations, in the order they are looked for (the first that occurs wins). */
#define GLOBAL_PREFIX(text)                                                                        \
    {                                                                                              \
        text, sizeof text - 1                                                                      \
    }
static const struct {
    const char *text;
    size_t len;
} global_prefixes[] = {GLOBAL_PREFIX("%10%\\"),         GLOBAL_PREFIX("%11%\\"),
                       GLOBAL_PREFIX("%12%\\"),         GLOBAL_PREFIX("%systemroot%\\"),
                       GLOBAL_PREFIX("\\systemroot\\"), GLOBAL_PREFIX("c:\\windows\\")};
#define GLOBAL_PREFIX_COUNT (sizeof global_prefixes / sizeof global_prefixes[0])
/* The first four (the DIRIDs and %SystemRoot%) start with '%'. */
#define PERCENT_PREFIX_COUNT 4

/* The global prefix (an index in global_prefixes) that starts at LOW + I, or -1. */
static int global_prefix_at(const char *low, size_t len, size_t i)
{
    if (i + 1 >= len)
        return -1;
    char next = low[i + 1];
    int k;
    switch (low[i]) { /* only '%', '\\' and 'c' start one; the next byte tells which */
    case '%':         /* %10%, %11%, %12% or %systemroot% */
        if (next != '1')
            k = 3;
        else
            k = i + 2 < len && low[i + 2] >= '0' && low[i + 2] <= '2' ? low[i + 2] - '0' : -1;
        break;
    case '\\':
        k = next == 's' ? 4 : -1;
        break;
    case 'c':
        k = next == ':' ? 5 : -1;
        break;
    default:
        return -1;
    }
    if (k < 0)
        return -1;
    size_t n = global_prefixes[k].len;
    return n <= len - i && inf_bytes_equal(low + i, global_prefixes[k].text, n) ? k : -1;
}

/* The bytes a global prefix may start with, and the bytes that end a path. */
static const unsigned char starts_prefix[256] = {['%'] = 1, ['\\'] = 1, ['c'] = 1};
static const unsigned char ends_path[256] = {['"'] = 1, [' '] = 1, [','] = 1};

int inf_check_global_path(const char *low, size_t len, size_t *start, size_t *end,
                          size_t *file_start)
{
    /* The prefix earliest in the list wins, at its first place in the text. */
    int best = (int)GLOBAL_PREFIX_COUNT;
    size_t i = 0;
    for (size_t at = 0; at < len && best > 0; at++) {
        if (best <= PERCENT_PREFIX_COUNT) { /* only one starting with '%' can beat it */
            const char *percent = memchr(low + at, '%', len - at);
            if (!percent)
                break;
            at = (size_t)(percent - low);
        } else if (!starts_prefix[(unsigned char)low[at]]) {
            continue; /* (most bytes: one table look) */
        }
        int k = global_prefix_at(low, len, at);
        if (k >= 0 && k < best)
            best = k, i = at;
    }
    if (best == (int)GLOBAL_PREFIX_COUNT)
        return 0;
    /* The path runs to a quote, comma or blank; its last component is the file, found
     * backwards (it is short, the path is not). */
    size_t e = i;
    while (e < len && !ends_path[(unsigned char)low[e]])
        e++;
    size_t f = e;
    while (f > i && low[f - 1] != '\\')
        f--;
    *start = i, *end = e, *file_start = f;
    return e > f;
}

/* An edit of the move. */
struct move_edit {
    struct inf_span span;
    const char *replacement;
};

/* The move of one destination, or (destination NULL) the rewrites of references to files
 * already in DIRID 13, one group per line. */
struct move_group {
    const struct inf_destination *destination;
    const struct inf_line *line; /* for a reference group: the line rewritten */
    struct move_edit *edits;
    size_t count;
    const char *unsafe_why; /* NULL: safe */
    int carried;            /* a finding carries the move already */
};

/* Where a file the INF copies ends up: its destination (or none) and its new path. */
struct placed_file {
    const struct inf_destination *destination; /* NULL: copied by several, or unknown */
    const char *store_path;                    /* "%13%\subdir\name" */
};

struct inf_move_plan {
    struct move_group *groups;
    size_t count;
    struct inf_key_map
        group_of_line;            /* model line index -> its reference group (few lines have one) */
    uint32_t *destination_groups; /* the groups that move a destination (indexes) */
    size_t destination_group_count;
    struct inf_string_map files; /* lower-case file name -> index in placed */
    struct placed_file *placed;
    size_t placed_count;
};

/* The group of destination D's move, or (D NULL) of LINE's references; made when new. */
static struct move_group *group_of(struct inf_check *c, struct inf_move_plan *plan,
                                   const struct inf_destination *d, const struct inf_line *line)
{
    size_t line_index = line ? (size_t)(line - c->model->lines) : 0;
    if (d) {
        for (size_t i = 0; i < plan->destination_group_count; i++)
            if (plan->groups[plan->destination_groups[i]].destination == d)
                return &plan->groups[plan->destination_groups[i]];
    } else {
        uint32_t known = inf_key_map_get(&plan->group_of_line, line_index);
        if (known != INF_NO_INDEX)
            return &plan->groups[known];
    }
    plan->groups = inf_check_grow(c, plan->groups, plan->count, sizeof *plan->groups);
    struct move_group *g = &plan->groups[plan->count++];
    memset(g, 0, sizeof *g);
    g->destination = d;
    g->line = line;
    if (d) {
        plan->destination_groups =
            inf_check_grow(c, plan->destination_groups, plan->destination_group_count,
                           sizeof *plan->destination_groups);
        plan->destination_groups[plan->destination_group_count++] = (uint32_t)(plan->count - 1);
    } else
        inf_key_map_put(&plan->group_of_line, line_index, (uint32_t)(plan->count - 1));
    return g;
}

static void add_edit(struct inf_check *c, struct move_group *g, struct inf_span span,
                     const char *replacement)
{
    for (size_t i = 0; i < g->count; i++)
        if (g->edits[i].span.start == span.start && g->edits[i].span.end == span.end)
            return; /* (a token rewritten once, whatever the references in it) */
    g->edits = inf_check_grow(c, g->edits, g->count, sizeof *g->edits);
    g->edits[g->count++] = (struct move_edit){span, replacement};
}

static void unsafe(struct move_group *g, const char *why)
{
    if (!g->unsafe_why)
        g->unsafe_why = why;
}

/* The placed file named LOW (lower case), or NULL. */
static const struct placed_file *placed(const struct inf_move_plan *plan, const char *low)
{
    size_t index;
    return inf_string_map_get(&plan->files, low, &index) ? &plan->placed[index] : NULL;
}

/* The group that a reference to P goes into: its destination's move, or LINE's own. */
static struct move_group *reference_group(struct inf_check *c, struct inf_move_plan *plan,
                                          const struct placed_file *p, const struct inf_line *line)
{
    int in_store = p->destination && p->destination->dirid == 13;
    return group_of(c, plan, in_store ? NULL : p->destination, in_store ? line : NULL);
}

/* 1. Where each copied file goes, and the destinations that move. */
static void place_files(struct inf_check *c, struct inf_move_plan *plan)
{
    const struct inf_graph *g = c->graph;
    plan->placed = inf_arena_array(c, g->copy_count + 1, sizeof *plan->placed);
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        const char *low = inf_check_lower(c, copy->dest_name.text, copy->dest_name.len);
        const struct placed_file *known = placed(plan, low);
        if (known) {
            if (known->destination != copy->destination)
                plan->placed[known - plan->placed].destination = NULL; /* copied twice */
            continue;
        }
        struct placed_file *p = &plan->placed[plan->placed_count++];
        p->destination = copy->has_dirid ? copy->destination : NULL;
        /* "%13%\subdir\name", joined (not printed: a file may place hundreds) */
        const char *name = copy->dest_name.text;
        p->store_path = inf_arena_join(
            c->arena, "%13%", "\\",
            copy->dest_subdir[0] ? inf_arena_join(c->arena, copy->dest_subdir, "\\", name) : name);
        inf_string_map_put(&plan->files, low, plan->placed_count - 1);
    }
    for (size_t i = 0; i < g->destination_count; i++) {
        const struct inf_destination *d = g->destinations[i];
        if (!d->has_dirid || d->dirid == 13 || !inf_reach_enforced(&d->reach))
            continue;
        struct move_group *group = group_of(c, plan, d, NULL);
        const struct inf_token *dirid = inf_line_field(c->model, d->line, 0);
        if (!dirid) {
            unsafe(group, "its DIRID is not written where the fix can change it");
            continue;
        }
        add_edit(c, group, inf_span_token(c->model, dirid), "13");
        if (d->reach.min_start < BUILD_1709)
            unsafe(group, "the files are also installed on builds before Windows 10 1709, "
                          "where DIRID 13 does not exist (ISO115 would report it): decorate "
                          "the install sections for 10.0...16299 first");
        /* Files copied to 13 are used where the package sits: the package's layout must
         * match the destination subdirectory (ISO102). */
        const char *dest = inf_check_normalize_path(c, d->subdir.text ? d->subdir.text : "");
        for (size_t k = 0; k < g->copy_count; k++) {
            const struct inf_copy *copy = &g->copies[k];
            if (copy->destination != d)
                continue;
            for (int a = 0; a < INF_ARCH_COUNT; a++) {
                const struct inf_copy_source *src = &copy->sources[a];
                if (!(copy->reach.enforced_arches & INF_ARCH_BIT(a)) || !src->disks_files_line)
                    continue;
                if (strcmp(inf_check_normalize_path(c, src->subdir), dest) != 0)
                    unsafe(group, inf_check_printf(
                                      c,
                                      "'%s' sits in %s of the package, not in %s: in the driver "
                                      "store the two must match (ISO102 would report it)",
                                      copy->source_name.text,
                                      inf_check_place(c, inf_check_normalize_path(c, src->subdir)),
                                      inf_check_place(c, dest)));
            }
        }
    }
}

/* A token quoted when it needs quotes. */
static const char *token_text(struct inf_check *c, const char *path)
{
    return strpbrk(path, " ,;\"") ? inf_check_printf(c, "\"%s\"", path) : path;
}

/* 2. ServiceBinary lines naming a placed file through a DIRID or a global path. */
static void move_services(struct inf_check *c, struct inf_move_plan *plan)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->service_count; i++) {
        const struct inf_service *s = &g->services[i];
        if (!s->binary || s->install_section == INF_NO_INDEX)
            continue;
        const char *path = s->binary_path.text;
        size_t len = s->binary_path.len;
        if (len >= 2 && path[0] == '"' && path[len - 1] == '"')
            path++, len -= 2;
        const char *low = inf_check_lower(c, path, len);
        const char *slash = strrchr(low, '\\');
        const char *name = slash ? slash + 1 : low;
        const struct placed_file *p = placed(plan, name);
        if (!p)
            continue; /* not a file of this INF (an inbox binary): no move for it */
        if (!p->destination) {
            /* copied by several destinations: which one the service runs is not known */
            continue;
        }
        struct move_group *group = reference_group(c, plan, p, s->binary);
        long dirid;
        struct inf_text rest, whole = {low, strlen(low)};
        size_t start, end, file;
        int dirid_form = inf_text_dirid_prefix(whole, &dirid, &rest);
        int global = inf_check_global_path(low, strlen(low), &start, &end, &file) && start == 0;
        if (dirid_form && dirid == 13 &&
            inf_text_equal_nocase2(low, strlen(low), p->store_path, strlen(p->store_path)))
            continue; /* already right */
        const struct inf_token *token = inf_line_field(c->model, s->binary, 0);
        if (!token || (!dirid_form && !global)) {
            unsafe(group, inf_check_printf(c,
                                           "ServiceBinary '%.*s' names '%s' in a form this fix "
                                           "does not rewrite",
                                           (int)len, path, name));
            continue;
        }
        add_edit(c, group, inf_span_token(c->model, token), token_text(c, p->store_path));
    }
}

/* Appends TEXT to OUT as an INF token's raw text: '%' and '"' doubled (inside quotes). */
static void add_escaped(struct inf_buf *out, const char *text, size_t len)
{
    size_t plain = 0; /* bytes before I not yet appended */
    for (size_t i = 0; i < len; i++)
        if (text[i] == '%' || text[i] == '"') {
            inf_buf_add(out, text + plain, i + 1 - plain);
            plain = i; /* (the byte again: doubled) */
        }
    inf_buf_add(out, text + plain, len - plain);
}

/* 3. Registry values reaching a placed file through a global path, element by element. */
static void move_registry(struct inf_check *c, struct inf_move_plan *plan)
{
    const struct inf_graph *g = c->graph;
    struct inf_buf raw = INF_BUF_INIT; /* a new value, quoted: one buffer for all */
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op != INF_REGISTRY_ADD)
            continue;
        for (size_t f = 0; f < r->data_count; f++) {
            const char *value = r->data[f].text;
            size_t len = r->data[f].len;
            if (!strchr(value, '\\'))
                continue;
            const char *low = inf_check_lower(c, value, len);
            /* The new value, and the group(s) its references belong to. */
            inf_buf_clear(&raw);
            inf_buf_addc(&raw, '"');
            struct move_group *group = NULL;
            int mixed = 0, changed = 0;
            size_t copied_to = 0;
            for (size_t at = 0; at <= len;) {
                size_t element = strcspn(low + at, ";"), start, end, file;
                const struct placed_file *p = NULL;
                if (inf_check_global_path(low + at, element, &start, &end, &file))
                    p = placed(plan, inf_check_copy(c, low + at + file, end - file));
                if (p && p->destination) {
                    struct move_group *mine = reference_group(c, plan, p, r->line);
                    mixed |= group && group != mine;
                    group = mine;
                    add_escaped(&raw, value + copied_to, at + start - copied_to);
                    inf_buf_adds(&raw, p->store_path);
                    copied_to = at + end;
                    changed = 1;
                }
                at += element + 1;
            }
            if (changed) {
                add_escaped(&raw, value + copied_to, len - copied_to);
                inf_buf_addc(&raw, '"');
                const struct inf_token *token = inf_line_field(c->model, r->line, 4 + f);
                if (token) {
                    add_edit(c, group, inf_span_token(c->model, token),
                             inf_check_copy(c, raw.data, raw.len));
                    if (mixed)
                        unsafe(group, "a registry value names files of several destinations");
                } else {
                    unsafe(group, "a registry value is not written where the fix can change it");
                }
            }
        }
    }
    inf_buf_free(&raw);
}

void inf_check_move_plan_free(struct inf_check *c)
{
    if (c->move_plan) {
        inf_string_map_free(&c->move_plan->files);
        inf_key_map_free(&c->move_plan->group_of_line);
    }
    c->move_plan = NULL;
}

/* The file's move plan, made when first asked for. */
static struct inf_move_plan *move_plan(struct inf_check *c)
{
    if (c->move_plan)
        return c->move_plan;
    struct inf_move_plan *plan = inf_arena_array(c, 1, sizeof *plan);
    memset(plan, 0, sizeof *plan);
    place_files(c, plan);
    move_services(c, plan);
    move_registry(c, plan);
    c->move_plan = plan;
    return plan;
}

static void begin(struct inf_check *c, const struct move_group *g, const char *what)
{
    inf_fix_begin(c, INF_FIX_SAFE, what);
    for (size_t i = 0; i < g->count; i++)
        inf_fix_replace(c, g->edits[i].span, g->edits[i].replacement);
    if (g->unsafe_why)
        inf_fix_unsafe(c, g->unsafe_why);
}

int inf_fix_move_destination(struct inf_check *c, const struct inf_destination *d)
{
    struct inf_move_plan *plan = move_plan(c);
    for (size_t k = 0; k < plan->destination_group_count; k++) {
        struct move_group *g = &plan->groups[plan->destination_groups[k]];
        if (g->destination == d && g->count) {
            if (g->count > MOVE_EDITS_SHARED_MAX && g->carried)
                return 0;
            g->carried = 1;
            begin(c, g,
                  inf_check_printf(c,
                                   "copy '%s' to DIRID 13 (its subdirectory kept) and point every "
                                   "reference to its files at %%13%%",
                                   d->list.text));
            return 1;
        }
    }
    return 0;
}

int inf_fix_move_reference(struct inf_check *c, const struct inf_line *line, const char *file,
                           size_t file_len)
{
    const struct inf_move_plan *plan = move_plan(c);
    const struct placed_file *p = placed(plan, inf_check_lower(c, file, file_len));
    if (!p || !p->destination)
        return 0;
    if (p->destination->dirid != 13)
        return inf_fix_move_destination(c, p->destination);
    uint32_t index = inf_key_map_get(&plan->group_of_line, (uint64_t)(line - c->model->lines));
    if (index == INF_NO_INDEX || !plan->groups[index].count)
        return 0;
    begin(c, &plan->groups[index],
          inf_check_printf(c, "point at the driver-store copy, %s", p->store_path));
    return 1;
}
