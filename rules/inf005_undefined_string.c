/*
 * INF005 undefined-string (InfVerif 1235): a %token% that is neither a
 * [Strings] key nor a number (a DIRID), outside the [Strings*] sections
 * (whose values Windows never substitutes).
 */
#include "check.h"

/* The names already reported on the current line (a line holds a handful at most). */
struct line_names {
    uint32_t line;
    struct inf_text names[16];
    size_t count;
};

/* Is NAME new on LINE? Remembers it. */
static int first_on_line(struct line_names *seen, uint32_t line, const char *name, size_t len)
{
    if (seen->line != line)
        seen->line = line, seen->count = 0;
    for (size_t i = 0; i < seen->count; i++)
        if (inf_text_equal_nocase2(seen->names[i].ptr, seen->names[i].len, name, len))
            return 0;
    if (seen->count < sizeof seen->names / sizeof seen->names[0])
        seen->names[seen->count++] = (struct inf_text){name, len};
    return 1;
}

/* Reports every undefined %name% in TOKEN, once per name and line. Returns whether TOKEN
 * names only defined strings and DIRIDs. */
static int check_token(struct inf_check *c, const struct inf_token *token, uint32_t line,
                       struct line_names *seen)
{
    const struct inf_model *m = c->model;
    struct inf_text raw = inf_token_raw(m, token);
    size_t pos = 0;
    struct inf_percent_ref ref;
    int all_defined = 1;
    while (inf_model_next_percent(m, raw, &pos, &ref)) {
        if (ref.kind == INF_PERCENT_UNKNOWN)
            all_defined = 0;
        if (ref.kind != INF_PERCENT_UNKNOWN || !first_on_line(seen, line, ref.name, ref.name_len))
            continue;
        int shown = (int)(ref.name_len > 200 ? 200 : ref.name_len);
        inf_report(c, inf_span_token(m, token), 0,
                   inf_check_printf(c,
                                    "define it in [Strings] (`%.*s = \"...\"`), or write %%%% for "
                                    "a literal percent sign",
                                    shown, ref.name),
                   "'%%%.*s%%' is not defined in [Strings]; Windows leaves it as written", shown,
                   ref.name);
    }
    return all_defined;
}

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    struct line_names seen = {INF_NO_INDEX, {{NULL, 0}}, 0};
    /* The last token found clean: Models sections repeat one %strkey% on thousands of lines. */
    struct inf_text clean = {NULL, 0};
    /* Only tokens holding '%' can name a string; [Strings*] values are never substituted. */
    for (size_t i = 0; i < m->percent_count; i++) {
        const struct inf_marked_token *mark = &m->percent_tokens[i];
        if (mark->section != INF_NO_INDEX && c->graph->sections[mark->section].is_strings)
            continue;
        const struct inf_token *token = &m->tokens[mark->token];
        struct inf_text raw = inf_token_raw(m, token);
        if (clean.ptr && raw.len == clean.len && memcmp(raw.ptr, clean.ptr, raw.len) == 0)
            continue;
        clean = check_token(c, token, mark->line, &seen) ? raw : (struct inf_text){NULL, 0};
    }
}

const struct inf_rule inf_rule_inf005 = {
    "INF005",
    "undefined-string",
    INF_SEVERITY_ERROR,
    "A %token% is not defined in [Strings].",
    "Windows replaces %name% with the value of `name` in [Strings] and %number% with a "
    "directory (a DIRID). A name that is neither stays in the text as written, percent "
    "signs included, which is almost never intended: a missing string, a typo, or a literal "
    "percent sign that should have been doubled.",
    "[Acme_AddReg]\nHKR,,Path,,%SystemRoot%\\acme\n",
    "[Acme_AddReg]\nHKR,,Path,,%%SystemRoot%%\\acme\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1235}};
