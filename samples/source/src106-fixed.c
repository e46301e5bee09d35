/* SRC106 fixed: state the driver changes goes under its PersistentState key. */
#include <ntddk.h>

NTSTATUS AcmeCountStart(_In_ PDRIVER_OBJECT DriverObject)
{
    HANDLE key;
    NTSTATUS status;

    status = IoOpenDriverRegistryKey(DriverObject, DriverRegKeyPersistentState,
                                     KEY_READ | KEY_SET_VALUE, 0, &key);
    if (NT_SUCCESS(status)) {
        ZwClose(key);
    }
    return status;
}
