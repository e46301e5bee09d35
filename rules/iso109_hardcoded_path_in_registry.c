/*
 * ISO109 hardcoded-path-in-registry (InfVerif 1257/1258): a live AddReg
 * value that, after substitution, points at a file this INF copies through
 * a global location (%10%, %11%, %12%, %SystemRoot%, \SystemRoot, C:\Windows).
 * A value holding several paths (';'-separated, as EventMessageFile) is judged
 * element by element (rules.md revision 2). Fix: the driver-store move of
 * the file's destination, or the value pointed at DIRID 13 when the file is
 * there already.
 */
#include "check.h"

/*
 * Does ELEMENT (LEN bytes, lower case in LOW) reach a file this INF copies through a global
 * path? Sets *FILE and *FILE_LEN (in LOW) to its name.
 */
static int global_copy(const char *low, size_t len, const struct inf_name_set *copied,
                       const char **file, size_t *file_len)
{
    size_t start, end, file_start;
    if (!inf_check_global_path(low, len, &start, &end, &file_start))
        return 0;
    *file = low + file_start;
    *file_len = end - file_start;
    return inf_name_set_find(copied, *file, *file_len) != NULL;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    if (g->copy_count == 0)
        return;
    struct inf_name_set *copied = inf_name_set_new(c, g->copy_count); /* live destinations */
    for (size_t i = 0; i < g->copy_count; i++)
        inf_name_set_add(copied, g->copies[i].dest_name.text, g->copies[i].dest_name.len,
                         g->copies[i].file_line);
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (r->op != INF_REGISTRY_ADD || !inf_reach_enforced(&r->reach))
            continue;
        int reported = 0; /* one finding per registry line */
        for (size_t f = 0; f < r->data_count && !reported; f++) {
            const char *value = r->data[f].text;
            if (!strchr(value, '\\'))
                continue; /* no path at all: nothing to look for */
            const char *low = inf_check_lower(c, value, r->data[f].len);
            /* Each ';'-separated element on its own (EventMessageFile lists several). */
            for (size_t start = 0; start <= r->data[f].len && !reported;) {
                size_t len = strcspn(low + start, ";");
                const char *file;
                size_t file_len;
                if (global_copy(low + start, len, copied, &file, &file_len)) {
                    const char *name = value + (file - low);
                    inf_fix_move_reference(c, r->line, name, file_len);
                    inf_report(c, r->span, 0,
                               inf_check_printf(c,
                                                "point at the driver-store copy instead: "
                                                "`%%13%%\\%.*s` (DIRID 13 is where this "
                                                "package's files live)",
                                                (int)file_len, name),
                               "registry value '%.*s' points at '%.*s', a file this INF "
                               "installs, through a global path",
                               (int)len, value + start, (int)file_len, name);
                    reported = 1;
                }
                start += len + 1;
            }
        }
    }
}

const struct inf_rule inf_rule_iso109 = {
    "ISO109",
    "hardcoded-path-in-registry",
    INF_SEVERITY_ERROR,
    "A registry value reaches a file of this package through a global path.",
    "When a registry value names one of the package's own files through %SystemRoot%, "
    "C:\\Windows or a DIRID such as 11 or 12, it assumes the file lives in a global "
    "directory. In an isolated package the file lives in the driver store, which the value "
    "names as %13%\\<file>. A global path to a file the INF does not ship (a system DLL, "
    "say) is fine.",
    "[Acme_AddReg]\nHKR,,EventMessageFile,0x00020000,\"%%SystemRoot%%\\System32\\drivers\\acme."
    "sys\"\n",
    "[Acme_AddReg]\nHKR,,EventMessageFile,0x00020000,\"%13%\\acme.sys\"\n",
    check,
    .profiles[INF_PROFILE_UNIVERSAL] = {1, INF_SEVERITY_WARNING},
    .infverif = {1257, 1258}};
