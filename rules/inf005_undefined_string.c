/*
 * INF005 undefined-string (InfVerif 1235): a %token% that is neither a
 * [Strings] key nor a number (a DIRID), outside the [Strings*] sections
 * (whose values Windows never substitutes).
 */
#include "rule_util.h"

/* Reports every undefined %name% in TOKEN, once per name and line. */
static void check_token(struct inf_check *c, const struct inf_token *token,
                        const struct inf_line *line, struct inf_key_map *seen)
{
    const struct inf_model *m = c->model;
    if (!token->percent)
        return;
    struct inf_text raw = inf_token_raw(m, token);
    const char *p = raw.ptr, *end = raw.ptr + raw.len;
    while (p < end) {
        const char *open = memchr(p, '%', (size_t)(end - p));
        if (!open)
            break;
        const char *close = memchr(open + 1, '%', (size_t)(end - open - 1));
        if (!close)
            break;
        size_t len = (size_t)(close - open - 1);
        const char *name = open + 1;
        int numeric = len > 0;
        for (size_t i = 0; i < len; i++)
            if (!((name[i] >= '0' && name[i] <= '9') || (i == 0 && name[i] == '-' && len > 1)))
                numeric = 0;
        if (len > 0 && !numeric && !inf_model_string(m, name, len) &&
            rule_once(seen, rule_line_id(m, line) << 32 ^ inf_hash_nocase(name, len))) {
            char hint[384];
            snprintf(hint, sizeof hint,
                     "define it in [Strings] (`%.*s = \"...\"`), or write %%%% for a literal "
                     "percent sign",
                     (int)(len > 200 ? 200 : len), name);
            inf_report(c, inf_span_token(m, token), 0, hint,
                       "'%%%.*s%%' is not defined in [Strings]; Windows leaves it as written",
                       (int)(len > 200 ? 200 : len), name);
        }
        p = close + 1;
    }
}

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    struct inf_key_map seen = {0};
    /* Only tokens holding '%' can name a string; [Strings*] values are never substituted. */
    uint32_t strings_checked = INF_NO_INDEX; /* the last section found to be no [Strings*] */
    for (size_t i = 0; i < m->percent_count; i++) {
        const struct inf_marked_token *mark = &m->percent_tokens[i];
        if (mark->section != strings_checked) {
            if (inf_model_is_strings_section(m, mark->section))
                continue;
            strings_checked = mark->section;
        }
        check_token(c, &m->tokens[mark->token], &m->lines[mark->line], &seen);
    }
    inf_key_map_free(&seen);
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
    check};
