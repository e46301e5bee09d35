/*
 * ISO109 hardcoded-path-in-registry (InfVerif 1257/1258): a live AddReg
 * value that, after substitution, points at a file this INF copies through
 * a global location (%10%, %11%, %12%, %SystemRoot%, \SystemRoot, C:\Windows).
 */
#include "rule_util.h"

#include <stdlib.h>

static const char *const global_prefixes[] = {"%10%\\",         "%11%\\",         "%12%\\",
                                              "%systemroot%\\", "\\systemroot\\", "c:\\windows\\"};

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s + 32);
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    if (g->copy_count == 0)
        return;
    struct inf_name_index copied; /* destination names of live copies */
    inf_name_index_init(&copied, g->copy_count);
    for (size_t i = 0; i < g->copy_count; i++)
        inf_name_index_add(&copied, g->copies[i].dest_name, strlen(g->copies[i].dest_name),
                           g->copies[i].file_line);
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_line *r = &g->registry[i];
        if (r->directive_kind != 0 || !inf_reach_enforced(&r->reach))
            continue;
        for (size_t f = 4; f < r->line->field_count; f++) {
            char *value = rule_field(c->model, r->line, f, &c->scratch);
            char *low = inf_xstrndup(value, strlen(value));
            lower(low);
            for (size_t k = 0; k < sizeof global_prefixes / sizeof global_prefixes[0]; k++) {
                const char *at = strstr(low, global_prefixes[k]);
                if (!at)
                    continue;
                /* The path runs to a quote, comma or blank; its last component is the file. */
                size_t end = strcspn(at, "\" ,");
                const char *file = at;
                for (size_t p = 0; p < end; p++)
                    if (at[p] == '\\')
                        file = at + p + 1;
                size_t file_len = (size_t)(at + end - file);
                if (file_len && inf_name_index_find(&copied, file, file_len) &&
                    rule_once(&seen, rule_line_id(c->model, r->line))) {
                    char hint[384];
                    snprintf(hint, sizeof hint,
                             "point at the driver-store copy instead: `%%13%%\\%.*s` (DIRID 13 is "
                             "where this package's files live)",
                             (int)file_len, value + (file - low));
                    inf_report(c, inf_span_line(c->model, r->line), 0, hint,
                               "registry value '%s' points at '%.*s', a file this INF installs, "
                               "through a global path",
                               value, (int)file_len, value + (file - low));
                }
                break;
            }
            free(low);
            free(value);
        }
    }
    inf_key_map_free(&seen);
    inf_name_index_free(&copied);
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
    check};
