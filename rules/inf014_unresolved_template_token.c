/*
 * INF014 unresolved-template-token (InfVerif 1274): a stampinf token such as
 * $ARCH$ or $KMDFVERSION$ in a .inf (never reported in an .inx). In a source
 * tree such a .inf is a template the WDK build stamps: a note, once. In a
 * built package (its catalog file beside it) it is an error per token.
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

/* A stampinf token found on a header or a line. */
struct token_hit {
    struct inf_span span;
    const char *token;
};

/* Every stampinf token of the file (one per header, one per line), into the arena. */
static struct token_hit *find_tokens(struct inf_check *c, size_t *count)
{
    const struct inf_model *m = c->model;
    const struct inf_graph *g = c->graph;
    struct token_hit *hits =
        inf_arena_array(c, g->header_count + m->dollar_count + 1, sizeof *hits);
    size_t n = 0;
    for (size_t h = 0; h < g->header_count; h++) {
        const char *token = find_token(g->sections[g->headers[h].section].name);
        if (token)
            hits[n++] = (struct token_hit){g->headers[h].span, token};
    }
    uint32_t last_line = 0; /* one finding per line */
    for (size_t i = 0; i < m->dollar_count; i++) {
        const struct inf_token *tok = &m->tokens[m->dollar_tokens[i].token];
        const char *token = find_token(inf_token_raw(m, tok));
        const struct inf_line *line = &m->lines[m->dollar_tokens[i].line];
        if (token && line->line != last_line) {
            hits[n++] = (struct token_hit){inf_span_token(m, tok), token};
            last_line = line->line;
        }
    }
    *count = n;
    return hits;
}

static void check(struct inf_check *c)
{
    if (c->model->is_template)
        return;
    size_t count;
    struct token_hit *hits = find_tokens(c, &count);
    if (count == 0)
        return;
    if (inf_check_built_package(c)) {
        for (size_t i = 0; i < count; i++)
            inf_report(c, hits[i].span, 0,
                       "stamp the INF before packaging it (stampinf, or build the WDK project): "
                       "InfVerif and Windows read the tokens literally",
                       "%s is a stampinf template token left in the .inf of a built package "
                       "(its catalog file is beside it)",
                       hits[i].token);
        return;
    }
    size_t first = 0; /* in file order */
    for (size_t i = 1; i < count; i++)
        if (hits[i].span.start < hits[first].span.start)
            first = i;
    inf_report(c, hits[first].span, INF_SEVERITY_NOTE,
               "nothing to do in a source tree: the WDK build stamps every Inf item; a .inx "
               "name says so plainly",
               "stampinf token %s (%zu line%s with tokens): this .inf is taken for a template "
               "and analysed as one (%s)",
               hits[first].token, count, count == 1 ? "" : "s",
               c->on_disk ? "no catalog file its CatalogFile names is beside it"
                          : "read from standard input, it is not part of a built package");
}

const struct inf_rule inf_rule_inf014 = {
    "INF014",
    "unresolved-template-token",
    INF_SEVERITY_ERROR,
    "A stampinf template token remains in a .inf file.",
    "Templates use $ARCH$, $KMDFVERSION$ and similar tokens that the WDK tool stampinf "
    "replaces when it builds the package. The WDK stamps every Inf item of a project, .inf "
    "files too, and InfVerif checks the stamped copy, so in a source tree a .inf holding "
    "tokens is a template: a note, once per file, and the file is analysed as a template "
    "($ARCH$ stands for every architecture). In a built package (the file its CatalogFile "
    "entry names exists beside the INF) the tokens were never stamped and Windows reads them "
    "literally: an error at each. Never reported for .inx files.",
    "[Manufacturer]\n%Acme% = Acme, NT$ARCH$.10.0...16299\n",
    "[Manufacturer]\n%Acme% = Acme, NTamd64.10.0...16299\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1274},
    .lower_severity = INF_SEVERITY_NOTE};
