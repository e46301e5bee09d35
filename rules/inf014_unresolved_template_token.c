/*
 * INF014 unresolved-template-token (InfVerif 1274): a stampinf token such as
 * $ARCH$ or $KMDFVERSION$ left in a .inf (fine in an .inx template).
 */
#include "check.h"

static const char *const tokens[] = {"$ARCH$", "$KMDFVERSION$", "$UMDFVERSION$",
                                     "$KMDFCOINSTALLERVERSION$", "$UMDFCOINSTALLERVERSION$"};

/* The stampinf token in TEXT, or NULL. Matching is case-sensitive, as stampinf's. */
static const char *find_token(struct inf_text text)
{
    const char *end = text.ptr + text.len, *p = text.ptr;
    while ((p = memchr(p, '$', (size_t)(end - p))) != NULL) {
        size_t i = (size_t)(p++ - text.ptr);
        for (size_t k = 0; k < sizeof tokens / sizeof tokens[0]; k++) {
            size_t n = strlen(tokens[k]);
            if (i + n <= text.len && memcmp(text.ptr + i, tokens[k], n) == 0)
                return tokens[k];
        }
    }
    return NULL;
}

static void report(struct inf_check *c, struct inf_span span, const char *token)
{
    inf_report(c, span, 0,
               "run stampinf on the .inx template, or rename the file to .inx if it is one",
               "%s is a stampinf template token left in a .inf", token);
}

static void check(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    if (m->is_template)
        return;
    const struct inf_graph *g = c->graph;
    for (size_t h = 0; h < g->header_count; h++) {
        const char *token = find_token(g->sections[g->headers[h].section].name);
        if (token)
            report(c, g->headers[h].span, token);
    }
    uint32_t last_line = 0; /* one finding per line */
    for (size_t i = 0; i < m->dollar_count; i++) {
        const struct inf_token *tok = &m->tokens[m->dollar_tokens[i].token];
        const char *token = find_token(inf_token_raw(m, tok));
        const struct inf_line *line = &m->lines[m->dollar_tokens[i].line];
        if (token && line->line != last_line) {
            report(c, inf_span_token(m, tok), token);
            last_line = line->line;
        }
    }
}

const struct inf_rule inf_rule_inf014 = {
    "INF014",
    "unresolved-template-token",
    INF_SEVERITY_ERROR,
    "A stampinf template token remains in a .inf file.",
    "An .inx template uses $ARCH$, $KMDFVERSION$ and similar tokens that the WDK tool "
    "stampinf replaces when it produces the .inf. A .inf that still holds them was not "
    "stamped, and Windows reads the tokens literally. In a .inf inflint still analyses the "
    "file as a template, with $ARCH$ standing for every architecture.",
    "[Manufacturer]\n%Acme% = Acme, NT$ARCH$.10.0...16299\n",
    "[Manufacturer]\n%Acme% = Acme, NTamd64.10.0...16299\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1274}};
