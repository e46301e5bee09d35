/* SRC103 fixed: the Parameters key comes from WdfDriverOpenParametersRegistryKey once the
 * framework driver object exists; RegistryPath only goes to WdfDriverCreate. */
#include <ntddk.h>
#include <wdf.h>

static NTSTATUS AcmeLoadSettings(_In_ WDFDRIVER Driver)
{
    WDFKEY key;
    NTSTATUS status;

    status = WdfDriverOpenParametersRegistryKey(Driver, KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &key);
    if (NT_SUCCESS(status)) {
        WdfRegistryClose(key);
    }
    return status;
}

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDFDRIVER driver;
    NTSTATUS status;

    WDF_DRIVER_CONFIG_INIT(&config, WDF_NO_EVENT_CALLBACK);
    status =
        WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, &driver);
    if (NT_SUCCESS(status)) {
        (void)AcmeLoadSettings(driver);
    }
    return status;
}
