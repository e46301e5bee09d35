/*
 * ISO113 driver-store-incompatible (InfVerif 1101/1102/1103): for a file
 * list copied to DIRID 13, a <list>.security section, DelFiles or RenFiles
 * on it, or a copy flag that presumes a replaceable file in place
 * (0x4000 IN_USE_RENAME, 0x1000 REPLACE_BOOT_FILE, 0x400 REPLACEONLY, 0x10 NO_OVERWRITE).
 */
#include "check.h"

static const struct {
    unsigned long bit;
    const char *name;
} store_flags[] = {{0x4000, "COPYFLG_IN_USE_RENAME"},
                   {0x1000, "COPYFLG_REPLACE_BOOT_FILE"},
                   {0x400, "COPYFLG_REPLACEONLY"},
                   {0x10, "COPYFLG_NO_OVERWRITE"}};

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    unsigned char *in_store = inf_arena_array(c, g->section_count + 1, 1); /* lists copied to 13 */
    for (size_t i = 0; i < g->copy_count; i++) {
        const struct inf_copy *copy = &g->copies[i];
        if (!inf_reach_enforced(&copy->reach) || !copy->has_dirid || copy->dirid != 13)
            continue;
        if (copy->list_section != INF_NO_INDEX)
            in_store[copy->list_section] = 1;
        for (size_t k = 0; k < sizeof store_flags / sizeof store_flags[0]; k++)
            if (copy->flags & store_flags[k].bit)
                inf_report(c, copy->span, 0,
                           "drop the flag: files in the driver store are never replaced in place",
                           "copy flag 0x%lx (%s) presumes a file that is replaced in place, which "
                           "cannot happen in the driver store (DIRID 13)",
                           store_flags[k].bit, store_flags[k].name);
    }
    for (size_t s = 0; s < g->section_count; s++) {
        if (!in_store[s])
            continue;
        const char *name = inf_check_printf(c, "%.*s.security", (int)g->sections[s].name.len,
                                            g->sections[s].name.ptr);
        uint32_t security = inf_check_section(c, name);
        if (security != INF_NO_INDEX)
            inf_report(c, g->sections[security].header, 0,
                       "remove the section: the driver store sets the security of its files",
                       "[%s] sets a security descriptor on files that run from the driver store",
                       name);
    }
    /* DelFiles / RenFiles naming a list that is copied to the store. */
    const struct inf_live_line *live;
    for (size_t i = 0; (live = inf_next_enforced_line(c, &i)) != NULL;) {
        int del = inf_field_is(live->key, "DelFiles");
        if (!del && !inf_field_is(live->key, "RenFiles"))
            continue;
        for (size_t f = 0; f < live->line->field_count; f++) {
            const char *target = inf_check_field(c, live->line, f).text;
            uint32_t t = inf_check_section(c, target);
            if (t != INF_NO_INDEX && in_store[t])
                inf_report(c, live->span, 0,
                           "remove it: files in the driver store are never deleted or renamed "
                           "by an INF",
                           "%s acts on [%s], whose files run from the driver store",
                           del ? "DelFiles" : "RenFiles", target);
        }
    }
}

const struct inf_rule inf_rule_iso113 = {
    "ISO113",
    "driver-store-incompatible",
    INF_SEVERITY_ERROR,
    "A DIRID 13 file list uses security, DelFiles/RenFiles or an in-place copy flag.",
    "Files that run from the driver store are used where the package was imported: nothing "
    "is copied, replaced, renamed or deleted. A .security section on the file list, "
    "DelFiles or RenFiles on it, and copy flags that presume replacing a file in place "
    "(IN_USE_RENAME, REPLACE_BOOT_FILE, REPLACEONLY, NO_OVERWRITE) make no sense there.",
    "[DestinationDirs]\nAcme_Files = 13\n[Acme_Files]\nacme.sys,,,0x00004000\n",
    "[DestinationDirs]\nAcme_Files = 13\n[Acme_Files]\nacme.sys\n",
    check,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {1101, 1102, 1103}};
