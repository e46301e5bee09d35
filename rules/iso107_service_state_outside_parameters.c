/*
 * ISO107 service-state-outside-parameters (InfVerif 1323): an HKR line in a
 * registry section reached from a service-install section whose subkey is
 * not Parameters or below it. Intrinsic service values get the directive of
 * the service-install section that sets them. Event-log sections are exempt.
 * Fix (unsafe: the driver must read the value from its new place): the
 * subkey put under Parameters, or an intrinsic value moved from AddReg to
 * its entry of the service-install section.
 */
#include "check.h"

/* Service values that the service-install section sets with its own entries. */
static const char *const intrinsic[][2] = {
    {"Start", "StartType"},
    {"Type", "ServiceType"},
    {"ErrorControl", "ErrorControl"},
    {"ImagePath", "ServiceBinary"},
    {"Group", "LoadOrderGroup"},
    {"DependOnService", "Dependencies"},
    {"ObjectName", "StartName"},
    {"DisplayName", "DisplayName"},
    {"Description", "Description"},
    {"ServiceSidType", "ServiceSidType"},
    {"DelayedAutoStart", "DelayedAutoStart"},
    {"FailureActions", "FailureActions"},
    {"RequiredPrivileges", "RequiredPrivileges"},
    {"BootFlags", "BootFlags"},
};

/* The fix: ENTRY (the service-install entry for an intrinsic value) set from R, or R's subkey
 * put under Parameters. */
static void begin_fix(struct inf_check *c, const struct inf_registry_write *r, const char *entry)
{
    const struct inf_model *m = c->model;
    if (entry) {
        const char *value = r->data_count ? r->data[0].text : "";
        uint32_t service = inf_check_section_of(c, r->directive);
        if (!r->data_count || service == INF_NO_INDEX) {
            return;
        }
        inf_fix_begin(c, INF_FIX_SAFE,
                      inf_check_printf(c,
                                       "set `%s = %s` in the service-install section and drop "
                                       "the AddReg line",
                                       entry, value));
        struct inf_entries existing;
        inf_entries_init(&existing, c, service, entry);
        const struct inf_line *line = inf_entries_next(&existing), *set = NULL;
        for (; line; line = inf_entries_next(&existing))
            set = line;
        const struct inf_token *token = set ? inf_line_field(m, set, 0) : NULL;
        if (token)
            inf_fix_replace(c, inf_span_token(m, token), value);
        else
            inf_fix_add_entry(c, service, entry, value);
        struct inf_span whole = {m->source.line_starts[r->line->line - 1],
                                 inf_check_after_entry(c, r->line)};
        inf_fix_replace(c, whole, "");
    } else {
        const struct inf_token *subkey = inf_line_field(m, r->line, 1);
        if (!subkey)
            return;
        const char *moved =
            r->subkey.len ? inf_check_printf(c, "Parameters\\%s", r->subkey.text) : "Parameters";
        inf_fix_begin(c, INF_FIX_SAFE,
                      inf_check_printf(c, "write the value under the service's %s key", moved));
        inf_fix_replace(c, inf_span_token(m, subkey), moved);
    }
    inf_fix_unsafe(c, "the driver must then read the value from there (IoOpenDriverRegistryKey, "
                      "or the service-install entry)");
}

static void check(struct inf_check *c)
{
    const struct inf_graph *g = c->graph;
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_write *r = &g->registry[i];
        if (!(r->enforced_contexts & 1u << INF_HKR_SERVICE) || !inf_field_is(r->root, "HKR"))
            continue;
        const char *subkey = inf_check_normalize_path(c, r->subkey.text);
        if (strcmp(subkey, "parameters") == 0 || strncmp(subkey, "parameters\\", 11) == 0)
            continue;
        const char *value = r->value_name.text, *hint = NULL, *entry = NULL;
        if (!subkey[0])
            for (size_t k = 0; k < sizeof intrinsic / sizeof intrinsic[0]; k++)
                if (inf_field_is(r->value_name, intrinsic[k][0])) {
                    entry = intrinsic[k][1];
                    hint = inf_check_printf(
                        c, "set it with the `%s` entry of the service-install section, not AddReg",
                        entry);
                }
        int trigger = !hint && strncmp(subkey, "triggerinfo", 11) == 0;
        if (trigger)
            hint = "declare service triggers with AddTrigger in the service-install section";
        if (!hint)
            hint = inf_check_printf(c, "move it under Parameters: `HKR,Parameters%s%s,%s,...`",
                                    r->subkey.len ? "\\" : "", r->subkey.text, value);
        if (!trigger && r->op == INF_REGISTRY_ADD)
            begin_fix(c, r, entry);
        inf_report(c, r->span, 0, hint,
                   "the service key is written outside its Parameters subkey (%s%s%s%s); a "
                   "driver package may only keep state under Parameters",
                   r->subkey.len ? r->subkey.text : "the key itself", value[0] ? ", value '" : "",
                   value, value[0] ? "'" : "");
    }
}

const struct inf_rule inf_rule_iso107 = {
    "ISO107",
    "service-state-outside-parameters",
    INF_SEVERITY_ERROR,
    "A service-install AddReg writes outside the service's Parameters key.",
    "From a service-install section, HKR is the service's own key. Windows owns everything "
    "there except the Parameters subkey, which is the driver's place for state (read with "
    "IoOpenDriverRegistryKey). Values such as Start, Type or ImagePath have dedicated entries "
    "in the service-install section; the hint names them. Event-log install sections are not "
    "checked.",
    "[Acme_Service]\nServiceBinary = %13%\\acme.sys\nAddReg = Acme_Service_AddReg\n"
    "[Acme_Service_AddReg]\nHKR,,TraceLevel,0x00010001,2\nHKR,,Start,0x00010001,3\n",
    "[Acme_Service]\nServiceBinary = %13%\\acme.sys\nStartType = 3\nAddReg = Acme_Service_AddReg\n"
    "[Acme_Service_AddReg]\nHKR,Parameters,TraceLevel,0x00010001,2\n",
    check,
    .profiles[INF_PROFILE_UNIVERSAL] = {1, INF_SEVERITY_OFF},
    .infverif = {1323}};
