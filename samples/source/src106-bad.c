/* Reported as SRC106: the service's Parameters key is opened to write a counter.
 * See src106-fixed.c for the fix. */
#include <ntddk.h>

NTSTATUS AcmeCountStart(_In_ PDRIVER_OBJECT DriverObject)
{
    HANDLE key;
    NTSTATUS status;

    status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyParameters, KEY_READ | KEY_SET_VALUE,
                                     0, &key);
    if (NT_SUCCESS(status)) {
        ZwClose(key);
    }
    return status;
}
