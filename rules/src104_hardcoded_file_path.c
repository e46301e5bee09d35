/*
 * SRC104 hardcoded-file-path (source-rules.md): a literal starting
 * \SystemRoot\, \??\X:, \DosDevices\X:, \GLOBAL??\X: or X:\ reaching a
 * file-opening call through its OBJECT_ATTRIBUTES. \DriverData\ paths and
 * device object names (\Device\...) are fine.
 */
#include "source_check.h"

/* The calls that open or query a file by name, and their OBJECT_ATTRIBUTES argument. */
static const struct {
    const char *name;
    size_t object_attributes;
} file_calls[] = {{"ZwCreateFile", 2},
                  {"ZwOpenFile", 2},
                  {"NtCreateFile", 2},
                  {"NtOpenFile", 2},
                  {"IoCreateFile", 2},
                  {"IoCreateFileEx", 2},
                  {"IoCreateFileSpecifyDeviceObjectHint", 2},
                  {"FltCreateFile", 4},
                  {"FltCreateFileEx", 5},
                  {"FltCreateFileEx2", 5},
                  {"ZwQueryAttributesFile", 0},
                  {"ZwDeleteFile", 0}};

/* Does PATH start with a drive letter and a colon, after PREFIX? */
static int drive_after(const char *path, const char *prefix)
{
    if (!src_starts_with(path, prefix))
        return 0;
    const char *p = path + strlen(prefix);
    return ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')) && p[1] == ':';
}

static int global_file_path(const char *path)
{
    return src_starts_with(path, "\\SystemRoot\\") || drive_after(path, "\\??\\") ||
           drive_after(path, "\\DosDevices\\") || drive_after(path, "\\GLOBAL??\\") ||
           (drive_after(path, "") && path[2] == '\\');
}

static void check(struct src_check *c)
{
    for (size_t i = 0; i < c->call_count; i++) {
        const struct src_call *call = &c->calls[i];
        for (size_t k = 0; k < sizeof file_calls / sizeof file_calls[0]; k++) {
            if (strcmp(call->name, file_calls[k].name) != 0)
                continue;
            const char *path = src_argument_literal(c, call, file_calls[k].object_attributes);
            if (path && global_file_path(path))
                src_report(c, call, 0,
                           "find the package's own files with IoGetDriverDirectory or "
                           "IoQueryFullDriverPath, and keep device state under "
                           "IoGetDeviceDirectory",
                           "%s opens '%s', a global file path; an isolated driver reaches files "
                           "only through the directories Windows gives it",
                           call->name, path);
        }
    }
}

const struct inf_rule inf_rule_src104 = {
    "SRC104",
    "hardcoded-file-path",
    INF_SEVERITY_ERROR,
    "Driver code opens a file by a global path (\\SystemRoot, a drive letter).",
    "An isolated driver's files live in the driver store, and its state in directories "
    "Windows gives it: IoGetDriverDirectory for the driver's own data and image directory, "
    "IoGetDeviceDirectory for a device's. A hard-coded \\SystemRoot\\... or C:\\... path "
    "assumes where files are, reaches beyond the package, and fails Driver Verifier's "
    "isolation checks.",
    "RtlInitUnicodeString(&name, L\"\\\\SystemRoot\\\\System32\\\\acme.dat\");\n"
    "InitializeObjectAttributes(&oa, &name, OBJ_KERNEL_HANDLE, NULL, NULL);\n"
    "status = ZwCreateFile(&file, GENERIC_READ, &oa, &iosb, NULL, 0, 0, FILE_OPEN, 0, NULL, 0);\n",
    "status = IoGetDriverDirectory(DriverObject, DriverDirectoryData, 0, &directory);\n"
    "InitializeObjectAttributes(&oa, &name, OBJ_KERNEL_HANDLE, directory, NULL);\n",
    NULL,
    .source_check = check};
