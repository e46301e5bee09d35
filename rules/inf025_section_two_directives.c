/*
 * INF025 section-two-directives (InfVerif 1205): one section named by two
 * different directives anywhere in the INF (CopyFiles and DelFiles, AddReg
 * and DelReg, ...). Reported once per section and directive, at the first
 * use of each directive after the first one in file order.
 */
#include "check.h"

/* The directives seen naming one section so far, and where the first was. */
struct section_uses {
    const struct inf_directive *first; /* the directive of the first use */
    uint32_t first_line;
    const struct inf_directive **others; /* later directives reported, in the arena */
    size_t other_count;
};

static int already_reported(const struct section_uses *seen, const struct inf_directive *directive)
{
    for (size_t i = 0; i < seen->other_count; i++)
        if (seen->others[i] == directive)
            return 1;
    return 0;
}

static void remember(struct inf_check *c, struct section_uses *seen,
                     const struct inf_directive *directive)
{
    seen->others = inf_check_grow(c, seen->others, seen->other_count, sizeof *seen->others);
    seen->others[seen->other_count++] = directive;
}

static void check(struct inf_check *c)
{
    size_t count;
    const struct inf_directive_use *uses = inf_check_directive_uses(c, &count);
    if (count < 2)
        return;
    struct section_uses *seen =
        inf_arena_array(c, c->graph->section_count + 1, sizeof *seen); /* per section */
    for (size_t i = 0; i < count; i++) {
        const struct inf_directive_use *u = &uses[i];
        if (u->section == INF_NO_INDEX)
            continue; /* a missing section is INF006's */
        struct section_uses *s = &seen[u->section];
        /* Directives are entries of the directive table: one pointer per directive. */
        if (!s->first) {
            s->first = u->directive;
            s->first_line = u->line->line;
            continue;
        }
        if (u->directive == s->first || already_reported(s, u->directive))
            continue;
        remember(c, s, u->directive);
        struct inf_text name = c->graph->sections[u->section].name;
        inf_report(c, u->span, 0,
                   "give each directive a section of its own (a file list for CopyFiles, "
                   "another for DelFiles), so that changing one cannot change the other",
                   "section [%.*s] is named by %s here and by %s on line %u", (int)name.len,
                   name.ptr, u->directive->name, s->first->name, s->first_line);
    }
}

const struct inf_rule inf_rule_inf025 = {
    .code = "INF025",
    .name = "section-two-directives",
    .severity = INF_SEVERITY_WARNING,
    .summary = "One section is named by two different directives.",
    .explanation =
        "Each directive reads the sections it names in its own way: a file list for CopyFiles "
        "is a list of files to delete for DelFiles, an AddReg section becomes keys to remove "
        "for DelReg. Sharing one section between two directives usually comes from a copy and "
        "paste, and an edit made for one silently changes the other; driver validation warns "
        "(InfVerif 1205), and sometimes the sharing is deliberate. Every directive that names "
        "sections counts, anywhere in the INF (the install section of AddService counts as "
        "AddService); each section and directive is reported once.",
    .bad_example = "[Acme_Install.NT]\nCopyFiles = Acme_Files\n[DefaultUninstall.NTamd64]\n"
                   "LegacyUninstall = 1\nDelFiles = Acme_Files\n",
    .good_example = "[Acme_Install.NT]\nCopyFiles = Acme_Files\n[DefaultUninstall.NTamd64]\n"
                    "LegacyUninstall = 1\nDelFiles = Acme_Files_Delete\n",
    .check = check,
    .infverif = {1205}};
