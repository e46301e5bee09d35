/* SRC104 fixed: the trace file lives in the directory Windows gives the driver for its data,
 * opened relative to it. */
#include <ntddk.h>

NTSTATUS AcmeOpenTrace(_In_ PDRIVER_OBJECT DriverObject, _Out_ PHANDLE File)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"acme.trace");
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK io;
    HANDLE directory;
    NTSTATUS status;

    status = IoGetDriverDirectory(DriverObject, DriverDirectoryData, 0, &directory);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    InitializeObjectAttributes(&attributes, &name, OBJ_KERNEL_HANDLE | OBJ_CASE_INSENSITIVE,
                               directory, NULL);
    status = ZwCreateFile(File, FILE_APPEND_DATA | SYNCHRONIZE, &attributes, &io, NULL,
                          FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_OPEN_IF,
                          FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
    ZwClose(directory);
    return status;
}
