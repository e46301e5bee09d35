/*
 * SRC106 parameters-key-written (source-rules.md): IoOpenDriverRegistryKey
 * with DriverRegKeyParameters, or WdfDriverOpenParametersRegistryKey, asked
 * for write access. Read access is fine.
 */
#include "source_check.h"

static const char *const write_access[] = {"KEY_WRITE",
                                           "KEY_SET_VALUE",
                                           "KEY_CREATE_SUB_KEY",
                                           "KEY_ALL_ACCESS",
                                           "GENERIC_WRITE",
                                           "GENERIC_ALL",
                                           "STANDARD_RIGHTS_WRITE",
                                           "STANDARD_RIGHTS_ALL",
                                           NULL};

/* The write access right ARG asks for, or NULL. */
static const char *writes(const struct src_check *c, const struct src_call *call, size_t arg)
{
    for (const char *const *right = write_access; *right; right++)
        if (src_argument_has(c, call, arg, *right))
            return *right;
    return NULL;
}

static void check(struct src_check *c)
{
    for (size_t i = 0; i < c->call_count; i++) {
        const struct src_call *call = &c->calls[i];
        const char *right = NULL;
        if (strcmp(call->name, "IoOpenDriverRegistryKey") == 0 &&
            src_argument_has(c, call, 1, "DriverRegKeyParameters"))
            right = writes(c, call, 2);
        else if (strcmp(call->name, "WdfDriverOpenParametersRegistryKey") == 0)
            right = writes(c, call, 1);
        if (right)
            src_report(c, call, 0,
                       "open Parameters for reading; keep state the driver changes under "
                       "DriverRegKeyPersistentState (WdfDriverOpenPersistentStateRegistryKey)",
                       "%s opens the service's Parameters key with %s; Parameters is "
                       "provisioned by the INF and read-only at run time",
                       call->name, right);
    }
}

const struct inf_rule inf_rule_src106 = {
    "SRC106",
    "parameters-key-written",
    INF_SEVERITY_WARNING,
    "The service's Parameters key is opened for writing.",
    "The INF provisions a service's Parameters key, and at run time it is read-only: "
    "Windows may refuse writes to it. State that the driver changes belongs under the "
    "PersistentState key (DriverRegKeyPersistentState).",
    "status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_WRITE, 0, "
    "&key);\n",
    "status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyPersistentState, KEY_WRITE, 0, "
    "&key);\n",
    NULL,
    .source_check = check};
