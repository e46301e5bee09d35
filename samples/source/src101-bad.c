/* Reported as SRC101: the driver opens its tuning key by a global path.
 * See src101-fixed.c for the fix. */
#include <ntddk.h>

#define ACME_PARAMETERS                                                                            \
    L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\acme\\Parameters"

NTSTATUS AcmeReadTuning(_Out_ PULONG Level)
{
    UNICODE_STRING path = RTL_CONSTANT_STRING(ACME_PARAMETERS);
    OBJECT_ATTRIBUTES attributes;
    HANDLE key;
    NTSTATUS status;

    InitializeObjectAttributes(&attributes, &path, OBJ_KERNEL_HANDLE | OBJ_CASE_INSENSITIVE, NULL,
                               NULL);
    status = ZwOpenKey(&key, KEY_READ, &attributes);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *Level = 1;
    ZwClose(key);
    return STATUS_SUCCESS;
}
