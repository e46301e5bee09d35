/* Reported as SRC104: the trace file is opened by a global path.
 * See src104-fixed.c for the fix. */
#include <ntddk.h>

NTSTATUS AcmeOpenTrace(_Out_ PHANDLE File)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK io;

    RtlInitUnicodeString(&name, L"\\SystemRoot\\System32\\LogFiles\\acme.trace");
    InitializeObjectAttributes(&attributes, &name, OBJ_KERNEL_HANDLE | OBJ_CASE_INSENSITIVE, NULL,
                               NULL);
    return ZwCreateFile(File, FILE_APPEND_DATA | SYNCHRONIZE, &attributes, &io, NULL,
                        FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_OPEN_IF,
                        FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
}
