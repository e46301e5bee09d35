/*
 * INF006 missing-section (InfVerif 1203): a directive, Models line or
 * Manufacturer decoration names a section that does not exist, anywhere
 * reachable from a root: the live walk's findings, then those of the
 * sections only InfVerif's wider reach covers (downlevel Models
 * decorations, DefaultUninstall*, ClassInstall32*). Needs may name sections
 * of an Included INF.
 */
#include "check.h"

static void report_missing(struct inf_check *c, const struct inf_missing_target *t)
{
    inf_report(c, t->span, 0,
               "add the section, or correct the name (names are matched without case, after "
               "quotes and %strkey% are resolved)",
               "section [%s] is referenced here but does not exist", t->name);
}

/*
 * The names of headers without ']' (INF003): the section is there but broken, so a reference
 * to it is not reported again with advice to add it (one root cause, one finding).
 */
static struct inf_name_set *broken_headers(struct inf_check *c)
{
    const struct inf_model *m = c->model;
    struct inf_name_set *names = NULL;
    for (size_t i = 0; i < m->issue_count; i++) {
        const struct inf_parse_issue *issue = &m->issues[i];
        if (issue->kind != INF_ISSUE_UNTERMINATED_HEADER)
            continue;
        const char *text = m->source.text + issue->offset + 1; /* after '[' */
        size_t len = issue->end - issue->offset - 1;
        const char *semicolon = memchr(text, ';', len);
        if (semicolon)
            len = (size_t)(semicolon - text);
        while (len && (text[0] == ' ' || text[0] == '\t'))
            text++, len--;
        while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r'))
            len--;
        if (!names)
            names = inf_name_set_new(c, 4);
        static const struct inf_line marker; /* the set maps names to lines; any non-NULL */
        inf_name_set_add(names, text, len, &marker);
    }
    return names;
}

static void report_unless_broken(struct inf_check *c, const struct inf_name_set *broken,
                                 const struct inf_missing_target *t)
{
    if (!broken || !inf_name_set_find(broken, t->name, strlen(t->name)))
        report_missing(c, t);
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    struct inf_name_set *broken = broken_headers(c);
    for (size_t i = 0; i < g->missing_count; i++)
        report_unless_broken(c, broken, &g->missing[i]);
    size_t count;
    const struct inf_missing_target *more = inf_check_reachable_missing(c, &count);
    for (size_t i = 0; i < count; i++)
        report_unless_broken(c, broken, &more[i]);
}

const struct inf_rule inf_rule_inf006 = {
    "INF006",
    "missing-section",
    INF_SEVERITY_ERROR,
    "A referenced section does not exist.",
    "Directives such as CopyFiles, AddReg and AddService, Models lines and [Manufacturer] "
    "decorations name other sections. When the named section is missing, Windows fails the "
    "installation or silently skips the work, depending on the directive. Like InfVerif, every "
    "section reachable from a root is checked, not only those that execute on current "
    "Windows: all Models decorations (downlevel ones too), DefaultInstall*, DefaultUninstall* "
    "and ClassInstall32* sections, their companions and what their directives name. Needs may "
    "name sections of an INF pulled in with Include.",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg      ; no [Acme_AddReg] in the file\n",
    "[Acme_Install.NT]\nAddReg = Acme_AddReg\n[Acme_AddReg]\nHKR,,Level,0x00010001,1\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1203}};
