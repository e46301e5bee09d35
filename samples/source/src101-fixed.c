/* SRC101 fixed: the service's Parameters key comes from IoOpenDriverRegistryKey. */
#include <ntddk.h>

NTSTATUS AcmeReadTuning(_In_ PDRIVER_OBJECT DriverObject, _Out_ PULONG Level)
{
    HANDLE key;
    NTSTATUS status;

    status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ, 0, &key);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *Level = 1;
    ZwClose(key);
    return STATUS_SUCCESS;
}
