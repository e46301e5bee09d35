/*
 * ISO107 service-state-outside-parameters (InfVerif 1323): an HKR line in a
 * registry section reached from a service-install section whose subkey is
 * not Parameters or below it. Intrinsic service values get the directive of
 * the service-install section that sets them. Event-log sections are exempt.
 */
#include "rule_util.h"

#include <stdlib.h>

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
    struct inf_key_map seen = {0};
    for (size_t i = 0; i < g->registry_count; i++) {
        const struct inf_registry_line *r = &g->registry[i];
        if (r->context != INF_HKR_SERVICE || !inf_reach_enforced(&r->reach))
            continue;
        char *root = rule_field(c->model, r->line, 0, &c->scratch);
        int hkr = strcasecmp_ascii(root, "HKR") == 0;
        free(root);
        if (!hkr)
            continue;
        char *subkey_raw = rule_field(c->model, r->line, 1, &c->scratch);
        char *subkey = inf_path_normalize(subkey_raw);
        int under = strcmp(subkey, "parameters") == 0 || strncmp(subkey, "parameters\\", 11) == 0;
        if (!under && rule_once(&seen, rule_line_id(c->model, r->line))) {
            char *value = rule_field(c->model, r->line, 2, &c->scratch);
            char hint[384];
            const char *directive = NULL;
            if (!subkey[0])
                for (size_t k = 0; k < sizeof intrinsic / sizeof intrinsic[0]; k++)
                    if (strcasecmp_ascii(value, intrinsic[k][0]) == 0)
                        directive = intrinsic[k][1];
            if (directive)
                snprintf(hint, sizeof hint,
                         "set it with the `%s` entry of the service-install section, not AddReg",
                         directive);
            else if (strncmp(subkey, "triggerinfo", 11) == 0)
                snprintf(hint, sizeof hint,
                         "declare service triggers with AddTrigger in the "
                         "service-install section");
            else
                snprintf(hint, sizeof hint, "move it under Parameters: `HKR,Parameters%s%s,%s,...`",
                         subkey_raw[0] ? "\\" : "", subkey_raw, value);
            inf_report(c, inf_span_line(c->model, r->line), 0, hint,
                       "the service key is written outside its Parameters subkey (%s%s%s%s); a "
                       "driver package may only keep state under Parameters",
                       subkey_raw[0] ? subkey_raw : "the key itself", value[0] ? ", value '" : "",
                       value, value[0] ? "'" : "");
            free(value);
        }
        free(subkey);
        free(subkey_raw);
    }
    inf_key_map_free(&seen);
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
    check};
