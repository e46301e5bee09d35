/* Reported as SRC102: the query is relative to the global Services key.
 * See src102-fixed.c for the fix. */
#include <ntddk.h>

NTSTATUS AcmeQueryTimeout(_Out_ PULONG Timeout)
{
    RTL_QUERY_REGISTRY_TABLE table[2];

    RtlZeroMemory(table, sizeof(table));
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[0].Name = L"Timeout";
    table[0].EntryContext = Timeout;
    return RtlQueryRegistryValues(RTL_REGISTRY_SERVICES | RTL_REGISTRY_OPTIONAL,
                                  L"acme\\Parameters", table, NULL, NULL);
}
