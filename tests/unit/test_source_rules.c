/*
 * test_source_rules.c - the SRC rules of source-rules.md, each trigger and
 * each "not on" of the contract, on small driver sources.
 */
#include "helpers.h"
#include "source_scan.h"

#include <string.h>

static struct inf_file_result lint(const char *name, const char *text)
{
    size_t len = strlen(text);
    unsigned char *bytes = inf_xmalloc(len + 1);
    memcpy(bytes, text, len + 1);
    struct inf_input input = {bytes, len, 0, 0};
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    struct inf_file_result result;
    assert_int_equal(inf_lint_source_input(name, input, &options, &result), 0);
    inf_lint_options_free(&options);
    return result;
}

/* The findings of CODE at LINE (0: any line). */
static size_t count(const struct inf_file_result *r, const char *code, uint32_t line)
{
    size_t n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += strcmp(r->findings[i].rule->code, code) == 0 && (!line || r->findings[i].line == line);
    return n;
}

static enum inf_severity severity_of(const struct inf_file_result *r, const char *code)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->findings[i].rule->code, code) == 0)
            return r->findings[i].severity;
    return INF_SEVERITY_OFF;
}

#define EXPECT(text, code, line, n)                                                                \
    do {                                                                                           \
        struct inf_file_result r_ = lint("t.c", text);                                             \
        if (count(&r_, code, line) != (n))                                                         \
            fail_msg("%s at line %d: %zu findings, expected %d in:\n%s", code, (int)(line),        \
                     count(&r_, code, line), (int)(n), text);                                      \
        inf_file_result_free(&r_);                                                                 \
    } while (0)

static void src101_hardcoded_registry_path(void **state)
{
    (void)state;
    /* Through every way a literal reaches the open. */
    EXPECT(
        "void f(void) {\n RtlInitUnicodeString(&n, "
        "L\"\\\\Registry\\\\Machine\\\\Software\\\\x\");\n"
        " InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);\n ZwOpenKey(&h, KEY_READ, &oa);\n}\n",
        "SRC101", 4, 1);
    EXPECT(
        "#define K L\"\\\\REGISTRY\\\\MACHINE\\\\System\\\\x\"\n"
        "void f(void) {\n UNICODE_STRING n = RTL_CONSTANT_STRING(K);\n OBJECT_ATTRIBUTES oa;\n"
        " InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);\n ZwCreateKey(&h, KEY_ALL_ACCESS,\n"
        "     &oa, 0, NULL, 0, NULL);\n}\n",
        "SRC101", 6, 1);
    EXPECT("static UNICODE_STRING g = "
           "RTL_CONSTANT_STRING(L\"\\\\Registry\\\\Machine\\\\System\\\\a\");\n"
           "void f(void) {\n InitializeObjectAttributes(&oa, &g, 0, NULL, NULL);\n"
           " NtOpenKey(&h, KEY_READ, &oa);\n}\n",
           "SRC101", 4, 1);
    EXPECT("DECLARE_CONST_UNICODE_STRING(g, L\"\\\\Registry\\\\Machine\\\\System\\\\b\");\n"
           "void f(void) {\n InitializeObjectAttributes(&oa, (PUNICODE_STRING)&g, 0, NULL, NULL);\n"
           " ZwOpenKeyEx(&h, KEY_READ, &oa, 0);\n}\n",
           "SRC101", 4, 1);
    EXPECT("void f(void) {\n RtlQueryRegistryValues(RTL_REGISTRY_ABSOLUTE,\n"
           "   L\"\\\\Registry\\\\Machine\\\\System\\\\\" L\"DISK\", t, NULL, NULL);\n}\n",
           "SRC101", 2, 1);
    EXPECT("void f(void) {\n DECLARE_CONST_UNICODE_STRING(n, "
           "L\"\\\\Registry\\\\Machine\\\\System\\\\c\");\n"
           " WdfRegistryOpenKey(NULL, &n, KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &key);\n}\n",
           "SRC101", 3, 1);
    /* Not on: the hardware description, a WDF key opened under a parent, literals only
     * compared or logged, an Rtl call relative to a handle. */
    EXPECT(
        "void f(void) {\n RtlInitUnicodeString(&n, "
        "L\"\\\\Registry\\\\Machine\\\\Hardware\\\\Description\");\n"
        " InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);\n ZwOpenKey(&h, KEY_READ, &oa);\n}\n",
        "SRC101", 0, 0);
    EXPECT("void f(void) {\n DECLARE_CONST_UNICODE_STRING(n, "
           "L\"\\\\Registry\\\\Machine\\\\System\\\\c\");\n"
           " WdfRegistryOpenKey(parent, &n, KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &key);\n}\n",
           "SRC101", 0, 0);
    EXPECT("void f(PUNICODE_STRING p) {\n RtlInitUnicodeString(&n, "
           "L\"\\\\Registry\\\\Machine\\\\System\");\n"
           " if (RtlCompareUnicodeString(p, &n, TRUE) == 0) DbgPrint(\"%wZ\", &n);\n}\n",
           "SRC101", 0, 0);
    EXPECT("void f(void) {\n RtlQueryRegistryValues(RTL_REGISTRY_HANDLE, (PWSTR)key, t, NULL, "
           "NULL);\n}\n",
           "SRC101", 0, 0);
}

static void src102_global_rtl_registry_root(void **state)
{
    (void)state;
    static const char *const roots[] = {"RTL_REGISTRY_SERVICES", "RTL_REGISTRY_CONTROL",
                                        "RTL_REGISTRY_WINDOWS_NT", "RTL_REGISTRY_USER",
                                        "RTL_REGISTRY_ABSOLUTE"};
    static const char *const calls[] = {"RtlQueryRegistryValues", "RtlQueryRegistryValuesEx",
                                        "RtlWriteRegistryValue",  "RtlCheckRegistryKey",
                                        "RtlCreateRegistryKey",   "RtlDeleteRegistryValue"};
    char text[256];
    for (size_t i = 0; i < 5; i++)
        for (size_t k = 0; k < 6; k++) {
            snprintf(text, sizeof text,
                     "void f(void) {\n  %s(%s | RTL_REGISTRY_OPTIONAL, p, t);\n}\n", calls[k],
                     roots[i]);
            EXPECT(text, "SRC102", 2, 1);
        }
    EXPECT("void f(void) {\n RtlQueryRegistryValues(RTL_REGISTRY_HANDLE, (PCWSTR)h, t, 0, 0);\n"
           " RtlQueryRegistryValues(RTL_REGISTRY_DEVICEMAP, L\"SERIALCOMM\", t, 0, 0);\n}\n",
           "SRC102", 0, 0);
    /* One call, two rules: an absolute literal path with RTL_REGISTRY_ABSOLUTE. */
    struct inf_file_result r = lint(
        "t.c", "void f(void) {\n RtlWriteRegistryValue(RTL_REGISTRY_ABSOLUTE,\n"
               "  L\"\\\\Registry\\\\Machine\\\\System\\\\x\", L\"v\", REG_DWORD, &d, 4);\n}\n");
    assert_int_equal(count(&r, "SRC101", 2), 1);
    assert_int_equal(count(&r, "SRC102", 2), 1);
    inf_file_result_free(&r);
}

static void src103_registry_path_argument_opened(void **state)
{
    (void)state;
    /* DriverEntry's second parameter, whatever its name, opened by ZwOpenKey or an Rtl call. */
    EXPECT("NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING Path)\n{\n"
           "    InitializeObjectAttributes(&oa, Path, OBJ_KERNEL_HANDLE, NULL, NULL);\n"
           "    return ZwOpenKey(&key, KEY_READ, &oa);\n}\n",
           "SRC103", 4, 1);
    EXPECT("NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT d, _In_ PUNICODE_STRING RegistryPath)\n{\n"
           "    return RtlQueryRegistryValues(RTL_REGISTRY_ABSOLUTE, RegistryPath->Buffer, t, 0, "
           "0);\n}\n",
           "SRC103", 3, 1);
    /* One level down: the finding is in the callee. */
    EXPECT("static NTSTATUS Read(PUNICODE_STRING KeyPath) {\n"
           "    InitializeObjectAttributes(&oa, KeyPath, 0, NULL, NULL);\n"
           "    return ZwOpenKey(&key, KEY_READ, &oa);\n}\n"
           "NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { return Read(r); }\n",
           "SRC103", 3, 1);
    /* A note beside a lookup of IoOpenDriverRegistryKey (the fallback for older builds). */
    struct inf_file_result r =
        lint("t.c", "NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) {\n"
                    "    UNICODE_STRING name = RTL_CONSTANT_STRING(L\"IoOpenDriverRegistryKey\");\n"
                    "    if (MmGetSystemRoutineAddress(&name) == NULL) {\n"
                    "        InitializeObjectAttributes(&oa, r, 0, NULL, NULL);\n"
                    "        ZwOpenKey(&key, KEY_READ, &oa);\n    }\n}\n");
    assert_int_equal(count(&r, "SRC103", 5), 1);
    assert_int_equal(severity_of(&r, "SRC103"), INF_SEVERITY_NOTE);
    inf_file_result_free(&r);
    /* Not on: handing it to WDF, StorPort, NDIS or WPP, saving a copy, or two levels down. */
    EXPECT("NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) {\n"
           "    WPP_INIT_TRACING(d, r);\n    StorPortInitialize(d, r, &init, NULL);\n"
           "    NdisMRegisterMiniportDriver(d, r, NULL, &chars, &h);\n"
           "    RtlCopyUnicodeString(&g_path, r);\n"
           "    InitializeObjectAttributes(&oa, &g_path, 0, NULL, NULL);\n"
           "    ZwOpenKey(&key, KEY_READ, &oa);\n"
           "    return WdfDriverCreate(d, r, WDF_NO_OBJECT_ATTRIBUTES, &config, NULL);\n}\n",
           "SRC103", 0, 0);
    EXPECT("static void Deep(PUNICODE_STRING p) {\n InitializeObjectAttributes(&oa, p, 0, 0, 0);\n"
           " ZwOpenKey(&k, KEY_READ, &oa);\n}\nstatic void Mid(PUNICODE_STRING p) { Deep(p); }\n"
           "NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { Mid(r); return 0; }\n",
           "SRC103", 0, 0);
}

static void src104_hardcoded_file_path(void **state)
{
    (void)state;
    static const char *const paths[] = {"\\\\SystemRoot\\\\x.log", "\\\\??\\\\C:\\\\x.log",
                                        "\\\\DosDevices\\\\d:\\\\x", "\\\\GLOBAL??\\\\Z:\\\\x",
                                        "C:\\\\Windows\\\\x.dat"};
    char text[512];
    for (size_t i = 0; i < 5; i++) {
        snprintf(text, sizeof text,
                 "void f(void) {\n RtlInitUnicodeString(&n, L\"%s\");\n"
                 " InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);\n"
                 " ZwCreateFile(&h, GENERIC_READ, &oa, &io, NULL, 0, 0, FILE_OPEN, 0, NULL, 0);\n"
                 " FltCreateFile(filter, instance, &h, GENERIC_READ, &oa, &io, 0, 0, 0, 0, 0, 0, "
                 "0, 0);\n"
                 " ZwDeleteFile(&oa);\n}\n",
                 paths[i]);
        EXPECT(text, "SRC104", 0, 3);
    }
    EXPECT("void f(void) {\n RtlInitUnicodeString(&n, L\"\\\\DriverData\\\\state.bin\");\n"
           " InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);\n ZwOpenFile(&h, 0, &oa, &io, 0, "
           "0);\n"
           " RtlInitUnicodeString(&d, L\"\\\\Device\\\\HarddiskVolume1\\\\x\");\n"
           " InitializeObjectAttributes(&ob, &d, 0, NULL, NULL);\n ZwOpenFile(&h, 0, &ob, &io, 0, "
           "0);\n}\n",
           "SRC104", 0, 0);
}

static void src106_parameters_key_written(void **state)
{
    (void)state;
    EXPECT("void f(PDRIVER_OBJECT d) {\n IoOpenDriverRegistryKey(d, DriverRegKeyParameters,\n"
           "   KEY_READ | KEY_SET_VALUE, 0, &k);\n}\n",
           "SRC106", 2, 1);
    EXPECT("void f(WDFDRIVER d) {\n WdfDriverOpenParametersRegistryKey(d, GENERIC_ALL, "
           "WDF_NO_OBJECT_ATTRIBUTES, &k);\n}\n",
           "SRC106", 2, 1);
    EXPECT("void f(PDRIVER_OBJECT d) {\n IoOpenDriverRegistryKey(d, DriverRegKeyParameters, "
           "KEY_READ, 0, &k);\n"
           " IoOpenDriverRegistryKey(d, DriverRegKeyPersistentState, KEY_WRITE, 0, &k);\n"
           " WdfDriverOpenParametersRegistryKey(w, KEY_READ, WDF_NO_OBJECT_ATTRIBUTES, &k);\n}\n",
           "SRC106", 0, 0);
}

static void suppressions_and_if_zero(void **state)
{
    (void)state;
    const char *text =
        "void f(void) {\n"
        " RtlQueryRegistryValues(RTL_REGISTRY_SERVICES, L\"a\", t, 0, 0); // inflint: "
        "disable=SRC102\n"
        " /* inflint: disable=global-rtl-registry-root -- read-only tuning */\n"
        " RtlQueryRegistryValues(RTL_REGISTRY_CONTROL, L\"b\", t, 0, 0);\n"
        "#if 0\n RtlQueryRegistryValues(RTL_REGISTRY_USER, L\"c\", t, 0, 0);\n#endif\n"
        " RtlQueryRegistryValues(RTL_REGISTRY_WINDOWS_NT, L\"d\", t, 0, 0);\n}\n";
    EXPECT(text, "SRC102", 0, 1);
    EXPECT(text, "SRC102", 8, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(src101_hardcoded_registry_path),
        cmocka_unit_test(src102_global_rtl_registry_root),
        cmocka_unit_test(src103_registry_path_argument_opened),
        cmocka_unit_test(src104_hardcoded_file_path),
        cmocka_unit_test(src106_parameters_key_written),
        cmocka_unit_test(suppressions_and_if_zero),
    };
    return cmocka_run_group_tests_name("source_rules", tests, NULL, NULL);
}
