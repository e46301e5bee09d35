/*
 * INF013 strings-mismatch (InfVerif 1295): a [Strings.LLLL] section whose
 * key set differs from [Strings]. Reported at its header, naming the
 * missing and the extra keys.
 */
#include "check.h"

#define MAX_LISTED 5

/* Appends to OUT (up to MAX_LISTED names) the keys of A that B lacks; returns how many. */
/* The keys of section A that set B lacks, listed (at most MAX_LISTED) into *LIST. */
static size_t missing_keys(struct inf_check *c, uint32_t a, const struct inf_name_set *b,
                           const char **list)
{
    const struct inf_model *m = c->model;
    size_t n = 0;
    *list = "";
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, a);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        const struct inf_token *key = inf_line_key(m, line);
        if (!key)
            continue;
        struct inf_text k = inf_token_value(m, key, &c->scratch, NULL);
        if (inf_name_set_find(b, k.ptr, k.len))
            continue;
        if (n < MAX_LISTED)
            *list = inf_check_printf(c, "%s%s%.*s", *list, n ? ", " : "",
                                     (int)(k.len > 60 ? 60 : k.len), k.ptr);
        n++;
    }
    if (n > MAX_LISTED)
        *list = inf_check_printf(c, "%s and %zu more", *list, n - MAX_LISTED);
    return n;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    uint32_t base = inf_check_section(c, "Strings");
    if (base == INF_NO_INDEX)
        return;
    struct inf_name_set *base_keys = NULL; /* built at the first localized section */
    for (size_t s = 0; s < g->section_count; s++) {
        if (s == base || !g->sections[s].is_strings)
            continue;
        if (!base_keys)
            base_keys = inf_section_keys(c, base);
        const char *missing, *extra;
        size_t n_missing = missing_keys(c, base, inf_section_keys(c, (uint32_t)s), &missing);
        size_t n_extra = missing_keys(c, (uint32_t)s, base_keys, &extra);
        if (n_missing || n_extra) {
            struct inf_text name = g->sections[s].name;
            inf_report(c, g->sections[s].header, 0,
                       "give every [Strings.LLLL] section exactly the keys of [Strings]",
                       "[%.*s] differs from [Strings]:%s%s%s%s%s", (int)name.len, name.ptr,
                       n_missing ? " missing " : "", missing, n_missing && n_extra ? ";" : "",
                       n_extra ? " extra " : "", extra);
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
