/* SRC102 fixed: the key is opened with IoOpenDriverRegistryKey and queried by handle. */
#include <ntddk.h>

NTSTATUS AcmeQueryTimeout(_In_ PDRIVER_OBJECT DriverObject, _Out_ PULONG Timeout)
{
    RTL_QUERY_REGISTRY_TABLE table[2];
    HANDLE key;
    NTSTATUS status;

    status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ, 0, &key);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlZeroMemory(table, sizeof(table));
    table[0].Flags = RTL_QUERY_REGISTRY_DIRECT;
    table[0].Name = L"Timeout";
    table[0].EntryContext = Timeout;
    status = RtlQueryRegistryValues(RTL_REGISTRY_HANDLE, (PCWSTR)key, table, NULL, NULL);
    ZwClose(key);
    return status;
}
