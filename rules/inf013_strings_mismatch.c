/*
 * INF013 strings-mismatch (InfVerif 1295): a [Strings.LLLL] section whose
 * key set differs from [Strings]. Reported at its header, naming the
 * missing and the extra keys.
 */
#include "check.h"

#define MAX_LISTED 5

/* Keys one side has and the other lacks: how many, and the first MAX_LISTED of them listed. */
struct key_list {
    size_t count;
    const char *list;
};

static void list_key(struct inf_check *c, struct key_list *keys, struct inf_text key)
{
    if (keys->count < MAX_LISTED)
        keys->list = inf_check_printf(c, "%s%s%.*s", keys->list, keys->count ? ", " : "",
                                      (int)(key.len > 60 ? 60 : key.len), key.ptr);
    keys->count++;
}

static void end_list(struct inf_check *c, struct key_list *keys)
{
    if (keys->count > MAX_LISTED)
        keys->list = inf_check_printf(c, "%s and %zu more", keys->list, keys->count - MAX_LISTED);
}

/*
 * The keyed lines of [Strings] in order, each with its key and the model
 * index of the first line holding that key; STAMPS, per model line, which
 * localized section last found that key (a localized section is read once,
 * marking what it has, instead of each side being looked up in the other).
 */
struct base_keys {
    struct inf_name_set *set;
    const struct inf_line **lines;
    struct inf_text *keys;
    uint32_t *first;
    size_t count;
    uint32_t *stamps;
};

static void read_base(struct inf_check *c, uint32_t base, struct base_keys *b)
{
    const struct inf_model *m = c->model;
    size_t lines = c->graph->sections[base].line_count; /* keyed ones at most */
    b->set = inf_name_set_new(c, lines);
    b->lines = inf_arena_array(c, lines + 1, sizeof *b->lines);
    b->keys = inf_arena_array(c, lines + 1, sizeof *b->keys);
    b->first = inf_arena_array(c, lines + 1, sizeof *b->first);
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, base);
    const struct inf_line *line;
    struct inf_text k;
    while ((line = inf_check_next_keyed(c, &it, &k)) != NULL) {
        const char *key = inf_check_copy(c, k.ptr, k.len); /* (K may be the scratch's) */
        const struct inf_line *first = inf_name_set_add(b->set, key, k.len, line);
        b->lines[b->count] = line;
        b->keys[b->count] = (struct inf_text){key, k.len};
        b->first[b->count++] = (uint32_t)(first - m->lines);
    }
    b->stamps = inf_arena_array(c, m->line_count + 1, sizeof *b->stamps);
    memset(b->stamps, 0, (m->line_count + 1) * sizeof *b->stamps);
}

/* The index in B after the keyed line FIRST of [Strings] (its lines are in file order). */
static size_t after(const struct base_keys *b, const struct inf_line *first)
{
    size_t low = 0, high = b->count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (b->lines[mid] < first)
            low = mid + 1;
        else
            high = mid;
    }
    return low + 1;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    const struct inf_model *m = c->model;
    uint32_t base = inf_check_section(c, "Strings");
    if (base == INF_NO_INDEX)
        return;
    struct base_keys b; /* read at the first localized section */
    memset(&b, 0, sizeof b);
    for (size_t s = 0; s < g->section_count; s++) {
        if (s == base || !g->sections[s].is_strings)
            continue;
        if (!b.set)
            read_base(c, base, &b);
        uint32_t stamp = (uint32_t)s + 1;
        struct key_list missing = {0, ""}, extra = {0, ""};
        struct inf_line_iter it;
        inf_line_iter_init(&it, m, (uint32_t)s);
        struct inf_text k;
        size_t next = 0; /* the [Strings] key expected next, were the keys in the same order */
        while (inf_check_next_keyed(c, &it, &k) != NULL) {
            if (next < b.count &&
                inf_text_equal_nocase2(k.ptr, k.len, b.keys[next].ptr, b.keys[next].len)) {
                b.stamps[b.first[next++]] = stamp; /* (the usual case: no lookup) */
                continue;
            }
            const struct inf_line *first = inf_name_set_find(b.set, k.ptr, k.len);
            if (first) {
                b.stamps[first - m->lines] = stamp;
                next = after(&b, first);
            } else {
                list_key(c, &extra, k);
            }
        }
        for (size_t i = 0; i < b.count; i++)
            if (b.stamps[b.first[i]] != stamp)
                list_key(c, &missing, b.keys[i]);
        end_list(c, &missing);
        end_list(c, &extra);
        if (missing.count || extra.count) {
            struct inf_text name = g->sections[s].name;
            inf_report(c, g->sections[s].header, 0,
                       "give every [Strings.LLLL] section exactly the keys of [Strings]",
                       "[%.*s] differs from [Strings]:%s%s%s%s%s", (int)name.len, name.ptr,
                       missing.count ? " missing " : "", missing.list,
                       missing.count && extra.count ? ";" : "", extra.count ? " extra " : "",
                       extra.list);
        }
    }
}

const struct inf_rule inf_rule_inf013 = {
    "INF013",
    "strings-mismatch",
    INF_SEVERITY_WARNING,
    "A localized [Strings.LLLL] section does not have the keys of [Strings].",
    "Windows uses one Strings section per installation, chosen by the machine's locale. A "
    "localized section that lacks a key leaves that %token% unresolved on machines of that "
    "language; every localized section must repeat every key, constants included.",
    "[Strings]\nVendor = \"Acme\"\nDevice = \"Probe\"\n[Strings.0407]\nVendor = \"Acme\"\n",
    "[Strings]\nVendor = \"Acme\"\nDevice = \"Probe\"\n[Strings.0407]\nVendor = \"Acme\"\n"
    "Device = \"Sonde\"\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1295}};
