/*
 * ISO107 service-state-outside-parameters (InfVerif 1323): an HKR line in a
 * registry section reached from a service-install section whose subkey is
 * not Parameters or below it. Intrinsic service values get the directive of
 * the service-install section that sets them. Event-log sections are exempt.
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
        const char *value = r->value_name.text, *hint = NULL;
        if (!subkey[0])
            for (size_t k = 0; k < sizeof intrinsic / sizeof intrinsic[0]; k++)
                if (inf_field_is(r->value_name, intrinsic[k][0]))
                    hint = inf_check_printf(
                        c, "set it with the `%s` entry of the service-install section, not AddReg",
                        intrinsic[k][1]);
        if (!hint && strncmp(subkey, "triggerinfo", 11) == 0)
            hint = "declare service triggers with AddTrigger in the service-install section";
        if (!hint)
            hint = inf_check_printf(c, "move it under Parameters: `HKR,Parameters%s%s,%s,...`",
                                    r->subkey.len ? "\\" : "", r->subkey.text, value);
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
