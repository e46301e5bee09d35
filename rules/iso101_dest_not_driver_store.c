/*
 * ISO101 dest-not-driver-store (InfVerif 1322): a live CopyFiles whose
 * DestinationDirs target is not DIRID 13. Reported once per DestinationDirs
 * entry that a live, enforced copy uses. Fix: the driver-store move
 * (check_move.c), safe when nothing else needs to change.
 */
#include "check.h"

/* /w: only 13. /u: also System32, drivers, and the Windows directory below a subdirectory.
 * /h: the published DIRIDs are allowed for now (warning). OFF: not reported. */
static enum inf_severity allowed_under(enum inf_profile profile, long dirid, const char *subdir)
{
    static const long whql_dirids[] = {10,    11,    12,    23,    51,    52,
                                       55,    16422, 16425, 16426, 16427, 16428,
                                       66000, 66001, 66002, 66003, 66004};
    if (profile == INF_PROFILE_UNIVERSAL) {
        if (dirid == 11 || dirid == 12 || dirid == 13)
            return INF_SEVERITY_OFF;
        if (dirid == 10 && subdir[strspn(subdir, "\\ ")] != '\0')
            return INF_SEVERITY_OFF;
    } else if (profile == INF_PROFILE_WHQL) {
        for (size_t i = 0; i < sizeof whql_dirids / sizeof whql_dirids[0]; i++)
            if (whql_dirids[i] == dirid)
                return INF_SEVERITY_WARNING;
    }
    return INF_SEVERITY_ERROR;
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->destination_count; i++) {
        const struct inf_destination *d = g->destinations[i];
        if (!inf_reach_enforced(&d->reach) || !d->has_dirid || d->dirid == 13)
            continue;
        enum inf_severity allowed = allowed_under(c->options->profile, d->dirid, d->subdir.text);
        if (allowed == INF_SEVERITY_OFF)
            continue;
        const char *meaning = inf_dirid_meaning(d->dirid);
        inf_fix_move_destination(c, d);
        inf_report(c, d->span, allowed == INF_SEVERITY_WARNING ? INF_SEVERITY_WARNING : 0,
                   inf_check_printf(c,
                                    "write `%s = 13` so the files stay in the driver store and run "
                                    "from there; code finds them with IoGetDriverDirectory or "
                                    "GetModuleFileName",
                                    d->list.text),
                   "'%s' copies files (such as '%s') to DIRID %ld%s%s%s instead of the driver "
                   "store (DIRID 13)%s",
                   d->list.text, d->example->dest_name.text, d->dirid, meaning ? " (" : "",
                   meaning ? meaning : "", meaning ? ")" : "",
                   inf_check_arch_note(c, d->reach.enforced_arches));
    }
}

const struct inf_rule inf_rule_iso101 = {
    "ISO101",
    "dest-not-driver-store",
    INF_SEVERITY_ERROR,
    "Files are copied somewhere other than the driver store (DIRID 13).",
    "An isolated driver package keeps every file it installs in its own driver store "
    "directory (DIRID 13) and runs it from there. Copying into System32, drivers or "
    "Program Files puts files where other packages and servicing can overwrite them, and "
    "Windows Driver (InfVerif /w) validation rejects it. The finding is on the "
    "[DestinationDirs] entry that a live CopyFiles uses; entries that nothing uses are "
    "not reported, and neither are install paths that only reach builds below --min-build.",
    "[DestinationDirs]\nAcme_Files = 12        ; System32\\drivers\n",
    "[DestinationDirs]\nAcme_Files = 13        ; the driver store\n\n[Acme_Service]\n"
    "ServiceBinary = %13%\\acme.sys\n",
    check,
    .allowances = 1u << INF_PROFILE_UNIVERSAL | 1u << INF_PROFILE_WHQL,
    .infverif = {1322}};
