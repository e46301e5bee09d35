/*
 * INF013 strings-mismatch (InfVerif 1295): a [Strings.LLLL] section whose
 * key set differs from [Strings]. Reported at its header, naming the
 * missing and the extra keys.
 */
#include "rule_util.h"

#define MAX_LISTED 5

/* Appends to OUT (up to MAX_LISTED names) the keys of A that B lacks; returns how many. */
static size_t missing_keys(const struct inf_model *m, uint32_t a, const struct inf_name_index *b,
                           struct inf_buf *out, struct inf_buf *scratch)
{
    size_t n = 0;
    struct inf_line_iter it;
    inf_line_iter_init(&it, m, a);
    const struct inf_line *line;
    while ((line = inf_line_iter_next(&it)) != NULL) {
        const struct inf_token *key = inf_line_key(m, line);
        if (!key)
            continue;
        struct inf_text k = inf_token_value(m, key, scratch, NULL);
        if (inf_name_index_find(b, k.ptr, k.len))
            continue;
        if (n < MAX_LISTED)
            inf_buf_printf(out, "%s%.*s", n ? ", " : "", (int)(k.len > 60 ? 60 : k.len), k.ptr);
        n++;
    }
    if (n > MAX_LISTED)
        inf_buf_printf(out, " and %zu more", n - MAX_LISTED);
    return n;
}

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    uint32_t base = inf_model_find_section(m, "Strings", 7);
    if (base == INF_NO_INDEX)
        return;
    struct inf_name_index base_keys = {0}; /* built at the first localized section */
    for (size_t s = 0; s < m->section_count; s++) {
        if (s == base || !inf_model_is_strings_section(m, (uint32_t)s))
            continue;
        if (!base_keys.slots)
            inf_name_index_build(&base_keys, m, base);
        struct inf_name_index keys;
        inf_name_index_build(&keys, m, (uint32_t)s);
        struct inf_buf missing = INF_BUF_INIT, extra = INF_BUF_INIT;
        size_t n_missing = missing_keys(m, base, &keys, &missing, &c->scratch);
        size_t n_extra = missing_keys(m, (uint32_t)s, &base_keys, &extra, &c->scratch);
        if (n_missing || n_extra) {
            struct inf_text name = inf_model_section_name(m, (uint32_t)s);
            inf_report(c, inf_span_header(m, m->sections[s].first_run), 0,
                       "give every [Strings.LLLL] section exactly the keys of [Strings]",
                       "[%.*s] differs from [Strings]:%s%s%s%s%s", (int)name.len, name.ptr,
                       n_missing ? " missing " : "", n_missing ? missing.data : "",
                       n_missing && n_extra ? ";" : "", n_extra ? " extra " : "",
                       n_extra ? extra.data : "");
        }
        inf_buf_free(&missing);
        inf_buf_free(&extra);
        inf_name_index_free(&keys);
    }
    inf_name_index_free(&base_keys);
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
    check};
