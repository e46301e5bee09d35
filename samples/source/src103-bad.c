/* Reported as SRC103: a KMDF-style DriverEntry hands its RegistryPath to a helper that opens
 * it. See src103-fixed.c for the fix. */
#include <ntddk.h>
#include <wdf.h>

static NTSTATUS AcmeLoadSettings(_In_ PUNICODE_STRING ServiceKey)
{
    OBJECT_ATTRIBUTES attributes;
    HANDLE key;
    NTSTATUS status;

    InitializeObjectAttributes(&attributes, ServiceKey, OBJ_KERNEL_HANDLE | OBJ_CASE_INSENSITIVE,
                               NULL, NULL);
    status = ZwOpenKey(&key, KEY_READ, &attributes);
    if (NT_SUCCESS(status)) {
        ZwClose(key);
    }
    return status;
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, WDF_NO_EVENT_CALLBACK);
    (void)AcmeLoadSettings(RegistryPath);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config,
                           WDF_NO_HANDLE);
}
