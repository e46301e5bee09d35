/*
 * SRC102 global-rtl-registry-root (source-rules.md): an Rtl*Registry* call
 * whose RelativeTo is RTL_REGISTRY_SERVICES, _CONTROL, _WINDOWS_NT, _USER or
 * _ABSOLUTE (also OR-ed with RTL_REGISTRY_OPTIONAL). RTL_REGISTRY_HANDLE and
 * RTL_REGISTRY_DEVICEMAP are fine.
 */
#include "source_check.h"

static const char *const global_roots[] = {"RTL_REGISTRY_SERVICES",   "RTL_REGISTRY_CONTROL",
                                           "RTL_REGISTRY_WINDOWS_NT", "RTL_REGISTRY_USER",
                                           "RTL_REGISTRY_ABSOLUTE",   NULL};

static void check(struct src_check *c)
{
    for (size_t i = 0; i < c->call_count; i++) {
        const struct src_call *call = &c->calls[i];
        if (!src_name_in(call->name, src_rtl_registry_calls))
            continue;
        for (const char *const *root = global_roots; *root; root++)
            if (src_argument_has(c, call, 0, *root)) {
                src_report(c, call, 0,
                           "open the key with IoOpenDriverRegistryKey or IoOpenDeviceRegistryKey "
                           "and pass its handle with RTL_REGISTRY_HANDLE",
                           "%s is relative to %s, a global registry root; an isolated driver "
                           "reaches registry state only through handles Windows gives it",
                           call->name, *root);
                break;
            }
    }
}

const struct inf_rule inf_rule_src102 = {
    "SRC102",
    "global-rtl-registry-root",
    INF_SEVERITY_ERROR,
    "An Rtl*Registry* call works relative to a global registry root.",
    "RtlQueryRegistryValues and its relatives take a RelativeTo that names where the path "
    "starts. RTL_REGISTRY_SERVICES, _CONTROL, _WINDOWS_NT, _USER and _ABSOLUTE all start at "
    "global keys that an isolated driver must not reach directly. Open the key the OS gives "
    "the driver and pass the handle with RTL_REGISTRY_HANDLE.",
    "status = RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, L\"acme\\\\Parameters\", table,\n"
    "                                NULL, NULL);\n",
    "status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ, 0, &key);\n"
    "status = RtlQueryRegistryValues(RTL_REGISTRY_HANDLE, (PCWSTR)key, table, NULL, NULL);\n",
    NULL,
    .source_check = check};
