/*
 * SRC101 hardcoded-registry-path (source-rules.md): a literal starting
 * \Registry\Machine\ reaching a key-opening call: Zw/NtOpenKey(Ex),
 * Zw/NtCreateKey(Ex) through their OBJECT_ATTRIBUTES, the Rtl*Registry*
 * calls with RTL_REGISTRY_ABSOLUTE, WdfRegistryOpenKey/CreateKey with a NULL
 * parent. \Registry\Machine\Hardware (read-only hardware description) is
 * fine, and so is a literal only compared, logged or never passed on.
 */
#include "source_check.h"

static const char *const wdf_opens[] = {"WdfRegistryOpenKey", "WdfRegistryCreateKey", NULL};

/* The API that hands out the key PATH reaches. */
static const char *hint_for(struct src_check *c, const char *path)
{
    if (src_contains(path, "\\Services\\") && src_contains(path, "\\Parameters"))
        return "open the service's Parameters key with IoOpenDriverRegistryKey(DriverObject, "
               "DriverRegKeyParameters, ...) or WdfDriverOpenParametersRegistryKey";
    if (src_contains(path, "\\Enum\\"))
        return "open the device's key with IoOpenDeviceRegistryKey (or "
               "WdfDeviceOpenRegistryKey), or read a device property";
    if (src_contains(path, "\\Control\\DeviceClasses"))
        return "open the interface's key with IoOpenDeviceInterfaceRegistryKey";
    if (src_contains(path, "\\Services\\"))
        return "another driver's key is its own: talk to it through a device interface it "
               "exposes";
    return src_printf(c, "reach state through the keys Windows gives the driver "
                         "(IoOpenDriverRegistryKey, IoOpenDeviceRegistryKey), not a global path");
}

static void report(struct src_check *c, const struct src_call *call, const char *path)
{
    if (!path || !src_starts_with(path, "\\Registry\\Machine\\") ||
        src_starts_with(path, "\\Registry\\Machine\\Hardware\\"))
        return;
    src_report(c, call, 0, hint_for(c, path),
               "%s opens '%s', a global registry path; an isolated driver reaches registry "
               "state only through handles Windows gives it",
               call->name, path);
}

static void check(struct src_check *c)
{
    for (size_t i = 0; i < c->call_count; i++) {
        const struct src_call *call = &c->calls[i];
        if (src_name_in(call->name, src_key_open_calls))
            report(c, call, src_argument_literal(c, call, 2));
        else if (src_name_in(call->name, src_rtl_registry_calls) &&
                 src_argument_has(c, call, 0, "RTL_REGISTRY_ABSOLUTE"))
            report(c, call, src_argument_literal(c, call, 1));
        else if (src_name_in(call->name, wdf_opens) && src_argument_is_null(c, call, 0))
            report(c, call, src_argument_literal(c, call, 1));
    }
}

const struct inf_rule inf_rule_src101 = {
    "SRC101",
    "hardcoded-registry-path",
    INF_SEVERITY_ERROR,
    "Driver code opens a registry key by a global \\Registry\\Machine path.",
    "An isolated driver reaches registry state only through the keys Windows hands it: the "
    "service's Parameters and PersistentState keys (IoOpenDriverRegistryKey), the device's "
    "keys (IoOpenDeviceRegistryKey) and device interface keys. A hard-coded "
    "\\Registry\\Machine\\... path reaches into state that belongs to Windows or to another "
    "driver, breaks when the layout changes, and fails Driver Verifier's isolation checks.",
    "UNICODE_STRING name = RTL_CONSTANT_STRING(\n"
    "    "
    "L\"\\\\Registry\\\\Machine\\\\System\\\\CurrentControlSet\\\\Services\\\\acme\\\\Parameters\")"
    ";\n"
    "InitializeObjectAttributes(&oa, &name, OBJ_KERNEL_HANDLE, NULL, NULL);\n"
    "status = ZwOpenKey(&key, KEY_READ, &oa);\n",
    "status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ, 0, &key);\n",
    NULL,
    .source_check = check};
