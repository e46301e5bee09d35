/*
 * SRC103 registry-path-argument-opened (source-rules.md): DriverEntry's
 * second parameter (whatever its name) used to open or query a key: through
 * InitializeObjectAttributes into Zw/NtOpenKey or CreateKey, or as the path
 * of an Rtl*Registry* call with RTL_REGISTRY_ABSOLUTE; in DriverEntry or in
 * a function of the file that DriverEntry passes it to (one level), where
 * the finding then is. A note when the function with the open, or its
 * caller, looks up IoOpenDriverRegistryKey with MmGetSystemRoutineAddress
 * (a fallback for Windows before 2004). Passing the path on to WdfDriverCreate
 * and friends, or saving it, opens nothing.
 */
#include "source_check.h"

/* Does FUNCTION look up IoOpenDriverRegistryKey with MmGetSystemRoutineAddress? */
static int probes_for_the_api(struct src_check *c, const struct src_function *function)
{
    for (size_t i = 0; i < function->call_count; i++) {
        const struct src_call *call = &c->calls[function->first_call + i];
        const char *name = strcmp(call->name, "MmGetSystemRoutineAddress") == 0
                               ? src_argument_literal(c, call, 0)
                               : NULL;
        if (name && strcmp(name, "IoOpenDriverRegistryKey") == 0)
            return 1;
    }
    return 0;
}

static int is(const char *variable, const char *name)
{
    return variable && name[0] && strcmp(variable, name) == 0;
}

/* The opens in FUNCTION of the key its parameter PATH names; CALLER passed it (or is it). */
static void opens_of(struct src_check *c, const struct src_function *function, const char *path,
                     const struct src_function *caller)
{
    int fallback = -1; /* worked out when a finding needs it */
    for (size_t i = 0; i < function->call_count; i++) {
        const struct src_call *call = &c->calls[function->first_call + i];
        int opens = (src_name_in(call->name, src_key_open_calls) &&
                     is(src_argument_variable(c, call, 2), path)) ||
                    (src_name_in(call->name, src_rtl_registry_calls) &&
                     src_argument_has(c, call, 0, "RTL_REGISTRY_ABSOLUTE") &&
                     is(src_argument_variable(c, call, 1), path));
        if (!opens)
            continue;
        if (fallback < 0)
            fallback = probes_for_the_api(c, function) || probes_for_the_api(c, caller);
        src_report(c, call, fallback ? INF_SEVERITY_NOTE : 0,
                   "open the service's key with IoOpenDriverRegistryKey(DriverObject, "
                   "DriverRegKeyParameters, ...) (Windows 10 2004 and later; look it up with "
                   "MmGetSystemRoutineAddress for older builds) or "
                   "WdfDriverOpenParametersRegistryKey",
                   "%s opens the registry path DriverEntry was given ('%s'%s%s)%s", call->name,
                   path, function != caller ? ", passed on by " : "",
                   function != caller ? caller->name : "",
                   fallback ? "; as a fallback where IoOpenDriverRegistryKey is missing, it is "
                              "fine"
                            : "; an isolated driver opens its service key through "
                              "IoOpenDriverRegistryKey");
    }
}

static void check(struct src_check *c)
{
    const struct src_function *entry = src_function(c, "DriverEntry");
    if (!entry || entry->param_count < 2)
        return;
    const char *path = entry->params[1];
    opens_of(c, entry, path, entry);
    /* One level: the functions of this file DriverEntry hands the path to. */
    for (size_t i = 0; i < entry->call_count; i++) {
        const struct src_call *call = &c->calls[entry->first_call + i];
        const struct src_function *callee = src_function(c, call->name);
        if (!callee || callee == entry)
            continue;
        for (size_t k = 0; k < call->arg_count && k < callee->param_count; k++)
            if (is(src_argument_variable(c, call, k), path))
                opens_of(c, callee, callee->params[k], entry);
    }
}

const struct inf_rule inf_rule_src103 = {
    "SRC103",
    "registry-path-argument-opened",
    INF_SEVERITY_ERROR,
    "DriverEntry's RegistryPath is used to open the service's registry key.",
    "DriverEntry's second parameter is the path of the service's registry key. Opening it "
    "(ZwOpenKey on it, or RtlQueryRegistryValues with RTL_REGISTRY_ABSOLUTE) reaches the "
    "key by a global path, which Driver Verifier's isolation checks report. "
    "IoOpenDriverRegistryKey hands the driver its Parameters (read-only) and PersistentState "
    "keys instead. A lookup of IoOpenDriverRegistryKey with MmGetSystemRoutineAddress marks "
    "the open as a fallback for older Windows: then it is a note.",
    "InitializeObjectAttributes(&oa, RegistryPath, OBJ_KERNEL_HANDLE, NULL, NULL);\n"
    "status = ZwOpenKey(&key, KEY_READ, &oa);\n",
    "status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ, 0, &key);\n",
    NULL,
    .lower_severity = INF_SEVERITY_NOTE,
    .source_check = check};
