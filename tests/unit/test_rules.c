/*
 * test_rules.c - each rule with cases that must fire and cases that must
 * not (the non-triggers of rules.md: dead sections, downlevel paths, @file,
 * decorated versus undecorated SourceDisksFiles, ...).
 */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include "helpers.h"
#include "text.h"
#include "temp_files.h"
#include "check.h"
#include "engine_check.h"
#include "infverif_codes.h"
#include "json_reader.h"

#include <stdio.h>

/* A small isolated package; tests append sections or replace lines. */
#define HEAD                                                                                       \
    "[Version]\nSignature=\"$Windows NT$\"\nPnpLockdown=1\n"                                       \
    "[Manufacturer]\n%M%=Models,NTamd64.10.0...16299\n"                                            \
    "[Models.NTamd64.10.0...16299]\n%D%=Inst,ACPI\\X\n"                                            \
    "[SourceDisksNames]\n1=%Disk%\n"
#define STRINGS "[Strings]\nM=m\nD=d\nDisk=disk\n"

/* Lints LEN bytes at BYTES (copied) as t.inf with default options, and the COUNT rules of
 * RULES beside the registry's. */
static void lint_bytes(struct inf_file_result *r, const void *bytes, size_t len,
                       const struct inf_rule *const *rules, size_t count)
{
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    unsigned char *copy = inf_xmalloc(len + 1); /* (the lint takes it) */
    memcpy(copy, bytes, len);
    struct inf_input input = {copy, len, 0, 0};
    assert_int_equal(inf_lint_input_rules("t.inf", input, &options, rules, count, r), 0);
    inf_lint_options_free(&options);
}

static size_t lint_count(const char *text, const char *code)
{
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    size_t n = count_code(&r, code);
    inf_file_result_free(&r);
    return n;
}

static void iso101_fires_once_per_used_entry(void **state)
{
    (void)state;
    const char *text = HEAD "[SourceDisksFiles]\na.sys=1\nb.sys=1\n"
                            "[DestinationDirs]\nDefaultDestDir=12\nFiles=12\nUnused=11\n"
                            "[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\nb.sys\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO101"), 1); /* Files=12; DefaultDestDir and Unused unused */
    const struct inf_finding *f = finding_of(&r, "ISO101");
    assert_int_equal(f->line, 15);
    assert_non_null(strstr(f->message, "System32\\drivers"));
    assert_non_null(f->hint);
    inf_file_result_free(&r);
    assert_int_equal(lint_count(HEAD "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nFiles=13\n"
                                     "[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS,
                                "ISO101"),
                     0);
}

static void iso101_not_in_dead_sections_or_downlevel_paths(void **state)
{
    (void)state;
    /* Dead: [Other] is named by nothing. */
    assert_int_equal(lint_count(HEAD
                                "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nFiles=12\n"
                                "[Inst.NT]\n[Other]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS,
                                "ISO101"),
                     0);
    /* Downlevel: NTamd64 covers builds below 16299 only, under --min-build 17763. */
    const char *downlevel =
        "[Version]\nSignature=\"$Windows NT$\"\n[Manufacturer]\nM=Models,NTamd64,"
        "NTamd64.10.0...16299\n[Models.NTamd64]\nD=Old,HW\n[Models.NTamd64.10.0...16299]\nD=New,"
        "HW\n"
        "[SourceDisksNames]\n1=d\n[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nOldFiles=12\n"
        "NewFiles=13\n[Old]\nCopyFiles=OldFiles\n[New]\nCopyFiles=NewFiles\n[OldFiles]\na.sys\n"
        "[NewFiles]\na.sys\n";
    assert_int_equal(lint_count(downlevel, "ISO101"), 0);
    /* DefaultUninstall is not an entry point. */
    assert_int_equal(
        lint_count(HEAD "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nFiles=12\n"
                        "[Inst.NT]\n[DefaultUninstall]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS,
                   "ISO101"),
        0);
}

static void iso101_respects_min_build(void **state)
{
    (void)state;
    const char *text =
        "[Version]\nSignature=\"$Windows NT$\"\n[Manufacturer]\nM=Models,NTamd64,"
        "NTamd64.10.0...16299\n[Models.NTamd64]\nD=Old,HW\n[Models.NTamd64.10.0...16299]\nD=New,"
        "HW\n"
        "[SourceDisksNames]\n1=d\n[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nOldFiles=12\n"
        "NewFiles=13\n[Old]\nCopyFiles=OldFiles\n[New]\nCopyFiles=NewFiles\n[OldFiles]\na.sys\n"
        "[NewFiles]\na.sys\n";
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    options.rule.min_build = 10240; /* the NTamd64 path now reaches the enforcement build */
    struct inf_file_result r;
    unsigned char *bytes = (unsigned char *)inf_xstrndup(text, strlen(text));
    assert_int_equal(inf_lint_buffer("t.inf", bytes, strlen(text), &options, &r), 0);
    assert_int_equal(count_code(&r, "ISO101"), 1);
    inf_file_result_free(&r);
    inf_lint_options_free(&options);
}

static void iso102_compares_package_and_store_subdirectories(void **state)
{
    (void)state;
    const char *bad =
        HEAD "[SourceDisksNames.amd64]\n1=d,,,\\amd64\n[SourceDisksFiles]\na.sys=1\n"
             "[DestinationDirs]\nFiles=13\n[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS;
    assert_int_equal(lint_count(bad, "ISO102"), 1);
    const char *good = HEAD
        "[SourceDisksNames.amd64]\n1=d,,,\\amd64\n[SourceDisksFiles]\na.sys=1\n"
        "[DestinationDirs]\nFiles=13,AMD64\\\n[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS;
    assert_int_equal(lint_count(good, "ISO102"), 0); /* case and edge backslashes do not matter */
    /* Decorated SourceDisksFiles wins over the undecorated one on amd64. */
    const char *decorated =
        HEAD "[SourceDisksFiles]\na.sys=1,x86\n[SourceDisksFiles.amd64]\na.sys=1\n"
             "[DestinationDirs]\nFiles=13\n[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS;
    assert_int_equal(lint_count(decorated, "ISO102"), 0);
    /* Only DIRID 13 copies are compared. */
    const char *dirid12 = HEAD "[SourceDisksFiles]\na.sys=1,x\n[DestinationDirs]\nFiles=12\n"
                               "[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS;
    assert_int_equal(lint_count(dirid12, "ISO102"), 0);
}

static void iso103_renames_only(void **state)
{
    (void)state;
    const char *body = "[SourceDisksFiles]\na.sys=1\nb.sys=1\n[DestinationDirs]\nFiles=13\n"
                       "DefaultDestDir=13\n[Inst.NT]\nCopyFiles=Files,@b.sys\n[Files]\n";
    struct inf_buf t = INF_BUF_INIT;
    inf_buf_printf(&t, "%s%s%s%s", HEAD, body, "a.sys, b.sys\n", STRINGS);
    assert_int_equal(lint_count(t.data, "ISO103"), 1);
    inf_buf_clear(&t);
    inf_buf_printf(&t, "%s%s%s%s", HEAD, body, "A.SYS, a.sys\nb.sys,\na.sys,,,0x2\n", STRINGS);
    assert_int_equal(lint_count(t.data, "ISO103"), 0); /* case, empty source, one field, @file */
    inf_buf_free(&t);
}

static void iso104_duplicates(void **state)
{
    (void)state;
    assert_int_equal(lint_count(HEAD "[SourceDisksFiles]\na.sys=1\n[SourceDisksFiles]\nA.SYS=1\n"
                                     "[Inst.NT]\n" STRINGS,
                                "ISO104"),
                     1); /* repeated headers merge */
    assert_int_equal(lint_count(HEAD
                                "[SourceDisksFiles]\na.sys=1\n[SourceDisksFiles.amd64]\na.sys=1\n"
                                "[Inst.NT]\n" STRINGS,
                                "ISO104"),
                     0);
    const char *two_dirs = HEAD "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nF1=13\nF2=13,sub\n"
                                "[Inst.NT]\nCopyFiles=F1,F2\n[F1]\na.sys\n[F2]\na.sys\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", two_dirs);
    assert_int_equal(count_code(&r, "ISO104"), 1);
    assert_int_equal(finding_of(&r, "ISO104")->line, 20); /* the later file-list line */
    inf_file_result_free(&r);
}

static void iso105_two_sources_one_destination(void **state)
{
    (void)state;
    const char *bad =
        HEAD "[SourceDisksFiles]\nx.sys=1\ny.sys=1\n[DestinationDirs]\nDefaultDestDir=12\n"
             "[Inst.NT]\nCopyFiles=F1,F2\n[F1]\na.sys,x.sys\n[F2]\na.sys,y.sys\n" STRINGS;
    assert_int_equal(lint_count(bad, "ISO105"), 1);
    const char *same = HEAD "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nDefaultDestDir=13\n"
                            "[Inst.NT]\nCopyFiles=F1,F2\n[F1]\na.sys\n[F2]\na.sys\n" STRINGS;
    assert_int_equal(lint_count(same, "ISO105"), 0);
}

static void iso106_roots_and_hints(void **state)
{
    (void)state;
    const char *text = HEAD
        "[Inst.NT]\nAddReg=R\n[Inst.NT.Services]\nAddService=acme,2,Svc\n[Svc]\n"
        "ServiceBinary=%13%\\a.sys\n[R]\nHKR,,Fine\nhklm,SOFTWARE\\X,V\n"
        "HKLM,SYSTEM\\CurrentControlSet\\Services\\acme\\Parameters,V\n"
        "HKLM,SYSTEM\\CurrentControlSet\\Services\\other,V\n"
        "HKCR,CLSID\\{1},,,x\nHKLM,SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run,V\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO106"), 5);
    const char *hints[] = {"DDInstall", "service-install section of 'acme'", "must not configure",
                           "Classes\\CLSID", "AddSoftware"};
    size_t k = 0;
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "ISO106") == 0)
            assert_non_null(strstr(r.findings[i].hint, hints[k++]));
    inf_file_result_free(&r);
}

#define SERVICE(binary, reg)                                                                       \
    HEAD "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nFiles=13\n[Inst.NT]\nCopyFiles=Files\n"  \
         "[Files]\na.sys\n[Inst.NT.Services]\nAddService=acme,2,Svc,Log\n[Svc]"                    \
         "\nServiceBinary=" binary "\nAddReg=SvcReg\n[SvcReg]\n" reg                               \
         "[Log]\nAddReg=LogReg\n[LogReg]\n"                                                        \
         "HKR,,EventMessageFile,0x20000,\"%%SystemRoot%%\\System32\\IoLogMsg.dll\"\n" STRINGS

static void iso107_service_key_outside_parameters(void **state)
{
    (void)state;
    struct inf_file_result r;
    lint_named(&r, "t.inf",
               SERVICE("%13%\\a.sys", "HKR,Parameters\\Sub,A\nHKR,,Start,0x10001,3\n"
                                      "HKR,TriggerInfo\\0,Type\n"));
    assert_int_equal(count_code(&r, "ISO107"), 2); /* not Parameters\Sub, not the event-log key */
    assert_non_null(strstr(finding_of(&r, "ISO107")->hint, "StartType"));
    assert_non_null(strstr(r.findings[r.count - 1].hint, "AddTrigger"));
    inf_file_result_free(&r);
}

static void iso108_service_binary(void **state)
{
    (void)state;
    assert_int_equal(lint_count(SERVICE("%13%\\a.sys", ""), "ISO108"), 0);
    assert_int_equal(lint_count(SERVICE("\"\"\"%13%\\a.sys\"\"\"", ""), "ISO108"), 0);
    assert_int_equal(lint_count(SERVICE("%13%\\sub\\a.sys", ""), "ISO108"),
                     1); /* not copied there */
    struct inf_file_result r;
    lint_named(&r, "t.inf", SERVICE("%12%\\WUDFRd.sys", ""));
    assert_non_null(strstr(finding_of(&r, "ISO108")->hint, "Include and Needs"));
    inf_file_result_free(&r);
    /* The null service has no binary. */
    assert_int_equal(
        lint_count(HEAD "[Inst.NT]\n[Inst.NT.Services]\nAddService=,2\n" STRINGS, "ISO108"), 0);
}

static void iso109_global_path_to_own_file(void **state)
{
    (void)state;
    /* IoLogMsg.dll in the event-log section is not this package's file: fine. */
    assert_int_equal(lint_count(SERVICE("%13%\\a.sys", ""), "ISO109"), 0);
    assert_int_equal(
        lint_count(SERVICE("%13%\\a.sys", "HKR,Parameters,P,,%12%\\a.sys\n"), "ISO109"), 1);
    assert_int_equal(
        lint_count(SERVICE("%13%\\a.sys", "HKR,Parameters,P,,\"C:\\Windows\\a.sys\"\n"), "ISO109"),
        1);
    assert_int_equal(
        lint_count(SERVICE("%13%\\a.sys", "HKR,Parameters,P,,%13%\\a.sys\n"), "ISO109"), 0);
}

/* The path finder ISO109 and the driver-store move share: where the path and its file name
 * lie, which global location wins when a value names several, and what is no such path. */
static void global_path_finder(void **state)
{
    (void)state;
    size_t start, end, file;
    const char *low = "\"c:\\windows\\system32\\a.sys\",1";
    assert_true(inf_check_global_path(low, strlen(low), &start, &end, &file));
    assert_int_equal(start, 1);
    assert_int_equal(end, 26); /* the closing quote */
    assert_string_equal(low + file, "a.sys\",1");
    low = "x %12%\\drivers\\b.sys y"; /* a blank ends it */
    assert_true(inf_check_global_path(low, strlen(low), &start, &end, &file));
    assert_int_equal(start, 2);
    assert_int_equal(end - file, 5);
    /* Every location is found wherever it sits; the earlier in the list wins over the earlier
     * in the text. */
    low = "c:\\windows\\a.dll;%systemroot%\\b.dll;\\systemroot\\c.dll;%11%\\d.dll";
    assert_true(inf_check_global_path(low, strlen(low), &start, &end, &file));
    assert_int_equal(start, (size_t)(strstr(low, "%11%") - low));
    low = "%systemroot%\\x\\e.sys";
    assert_true(inf_check_global_path(low, strlen(low), &start, &end, &file));
    assert_string_equal(low + file, "e.sys");
    /* A location with no file name after it, a location cut off by LEN, none at all. */
    assert_false(inf_check_global_path("%11%\\", 5, &start, &end, &file));
    assert_false(inf_check_global_path("%11%\\a.sys", 4, &start, &end, &file));
    assert_false(inf_check_global_path("%13%\\a.sys", 9, &start, &end, &file));
    assert_false(inf_check_global_path("c:\\window\\a.sys", 16, &start, &end, &file));
}

/* The path finder's answer worked out the slow way: each location in list order, searched
 * for in the whole text, the first found wins. */
static int global_path_slowly(const char *low, size_t len, size_t *start, size_t *end, size_t *file)
{
    static const char *const locations[] = {"%10%\\",         "%11%\\",         "%12%\\",
                                            "%systemroot%\\", "\\systemroot\\", "c:\\windows\\"};
    for (size_t k = 0; k < sizeof locations / sizeof locations[0]; k++) {
        size_t n = strlen(locations[k]);
        for (size_t i = 0; i + n <= len; i++) {
            if (memcmp(low + i, locations[k], n) != 0)
                continue;
            size_t e = i, f = i;
            for (; e < len && low[e] != '"' && low[e] != ' ' && low[e] != ','; e++)
                if (low[e] == '\\')
                    f = e + 1;
            *start = i, *end = e, *file = f;
            return e > f;
        }
    }
    return 0;
}

/* Random texts built from pieces of the locations agree with the slow answer, cut anywhere. */
static void global_path_finder_agrees_with_slow_search(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "%1", "0%\\", "1%\\",          "2%\\",           "3%\\",           "%",     "\\",
        "c",  ":",    "c:\\windows\\", "\\systemroot\\", "%systemroot%\\", "a.sys", "\"",
        " ",  ",",    "%12%\\"};
    unsigned seed = 12345;
    char text[64];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        while (len < 40) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t n = strlen(piece);
            memcpy(text + len, piece, n);
            len += n;
        }
        seed = seed * 1103515245u + 12345u;
        len = (seed >> 16) % (len + 1); /* cut anywhere: nothing past LEN counts */
        size_t s1 = 0, e1 = 0, f1 = 0, s2 = 0, e2 = 0, f2 = 0;
        int fast = inf_check_global_path(text, len, &s1, &e1, &f1);
        int slow = global_path_slowly(text, len, &s2, &e2, &f2);
        assert_int_equal(fast, slow);
        if (slow) {
            assert_int_equal(s1, s2);
            assert_int_equal(e1, e2);
            assert_int_equal(f1, f2);
        }
    }
}

static void iso110_iso111_registry_values(void **state)
{
    (void)state;
    const char *text =
        HEAD "[Inst.NT]\n[Inst.NT.HW]\nAddReg=Hw\n[Hw]\nHKR,,UpperFilters,0x10000,f\n"
             "HKR,,Other,0x10000,f\n[Inst.NT.CoInstallers]\nAddReg=Co\n[Co]\n"
             "HKR,,CoInstallers32,0x10000,\"x.dll,Entry\"\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO110"), 1);
    assert_int_equal(count_code(&r, "ISO111"), 2); /* the section header and the value */
    inf_file_result_free(&r);
}

static void iso112_legacy_directives(void **state)
{
    (void)state;
    const char *text =
        HEAD "[Inst.NT]\nDelReg=R\nRegisterDlls=D\n[R]\n[D]\n[Inst.NT.Remove.Services]\n"
             "DelService=acme\n[DefaultUninstall]\nDelFiles=F\n[ClassInstall32]\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    /* DelReg, RegisterDlls; not DelService in .Remove*, not DefaultUninstall, and not
     * ClassInstall32 (rules.md revision 2: INF021's, for system-defined classes only). */
    assert_int_equal(count_code(&r, "ISO112"), 2);
    inf_file_result_free(&r);
}

static void iso113_store_incompatible_lists(void **state)
{
    (void)state;
    const char *text =
        HEAD "[SourceDisksFiles]\na.sys=1\nb.sys=1\n[DestinationDirs]\nFiles=13\nOld=12\n"
             "[Inst.NT]\nCopyFiles=Files,Old\nDelFiles=Files\n[Files]\na.sys,,,0x4000\n"
             "[Files.security]\n\"D:P\"\n[Old]\nb.sys,,,0x10\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO113"),
                     3); /* flag, .security, DelFiles; not Old (DIRID 12) */
    inf_file_result_free(&r);
}

static void iso114_pnplockdown(void **state)
{
    (void)state;
    assert_int_equal(lint_count(HEAD "[Inst.NT]\n" STRINGS, "ISO114"), 0);
    const char *missing =
        "[Version]\nSignature=\"$Windows NT$\"\n[Manufacturer]\nM=Models\n[Models]\n";
    assert_int_equal(lint_count(missing, "ISO114"), 1);
    assert_int_equal(
        lint_count("[Version]\nSignature=\"$Windows NT$\"\nPnpLockdown=0\n[DefaultInstall]\n",
                   "ISO114"),
        1);
    /* No entry point (a data INF), or no [Version] at all: not reported. */
    assert_int_equal(lint_count("[Version]\nSignature=\"$Windows NT$\"\n[Data]\n", "ISO114"), 0);
    assert_int_equal(lint_count("[Manufacturer]\nM=Models\n", "ISO114"), 0);
}

static void iso115_dirid13_before_1709(void **state)
{
    (void)state;
    const char *old =
        "[Version]\nSignature=\"$Windows NT$\"\n[Manufacturer]\nM=Models,NTamd64,"
        "NTamd64.10.0...16299\n[Models.NTamd64]\nD=Inst,HW\n[Models.NTamd64.10.0...16299]\n"
        "D=Inst,HW\n[SourceDisksNames]\n1=d\n[SourceDisksFiles]\na.sys=1\n"
        "[DestinationDirs]\nFiles=13\n[Inst]\nCopyFiles=Files\n[Files]\na.sys\n";
    /* The downlevel NTamd64 path also uses DIRID 13: ISO115 ignores the exemption. */
    struct inf_file_result r;
    lint_named(&r, "t.inf", old);
    assert_int_equal(count_code(&r, "ISO115"), 1);
    assert_int_equal(finding_of(&r, "ISO115")->severity, INF_SEVERITY_ERROR); /* rules.md rev. 2 */
    assert_int_equal(finding_of(&r, "ISO115")->line, 4);
    inf_file_result_free(&r);
    assert_int_equal(lint_count(HEAD "[Inst.NT]\n" STRINGS, "ISO115"), 0);
}

static void iso116_umdf_versions(void **state)
{
    (void)state;
    const char *text =
        HEAD "[Inst.NT]\n[Inst.NT.Wdf]\nUmdfService=u1,U1\nUmdfService=u2,U2\n"
             "[U1]\nUmdfLibraryVersion=1.11.0\n[U2]\nUmdfLibraryVersion=$UMDFVERSION$\n" STRINGS;
    assert_int_equal(lint_count(text, "ISO116"), 1);
}

static void inf005_undefined_strings(void **state)
{
    (void)state;
    const char *text =
        "[Version]\nSignature=\"$Windows NT$\"\n[S]\nk=%known%,%13%\\x,%%,%unknown%\n"
        "[Strings]\nknown=1\nself=%alsoUnknown%\n";
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "INF005"), 1);
    const struct inf_finding *f = finding_of(&r, "INF005");
    assert_non_null(strstr(f->message, "%unknown%"));
    assert_int_equal(f->column, 21);
    inf_file_result_free(&r);

    /* The fix (doubled '%') only where no key can have been meant: the answer is the same for
     * every use of a name, in any case (it is worked out once per name). */
    lint_named(&r, "t.inf",
               "[Version]\nSignature=\"$Windows NT$\"\n[S]\nk1=%SystemRoot%\\a\n"
               "k2=%ProgramData%\\b\nk3=%systemroot%\\c\nk4=%PROGRAMDATA%\\d\n"
               "[Strings]\nknown=1\nSystemRot=2\n");
    assert_int_equal(count_code(&r, "INF005"), 4);
    for (size_t i = 0; i < r.count; i++) {
        const struct inf_finding *x = &r.findings[i];
        if (strcmp(x->rule->code, "INF005") != 0)
            continue;
        int program_data = inf_text_contains_nocase(x->message, strlen(x->message), "ProgramData");
        assert_int_equal(x->fix != NULL, program_data); /* SystemRot may be meant: no fix */
    }
    inf_file_result_free(&r);

    /* Many tokens, defined and not, repeated on many lines (more than the rule remembers as
     * clean): every line with an undefined name has its finding, no other line has one. */
    struct inf_buf many = INF_BUF_INIT;
    inf_buf_adds(&many, "[Version]\nSignature=\"$Windows NT$\"\n[S]\n");
    size_t undefined = 0;
    for (unsigned i = 0; i < 3000; i++) {
        if (i % 7 == 3) {
            inf_buf_printf(&many, "k%u=%%U%u%%\n", i, i % 40);
            undefined++;
        } else {
            inf_buf_printf(&many, "k%u=%%D%u%%,%%D%u%%\\x\n", i, (i * 37) % 600, i % 11);
        }
    }
    inf_buf_adds(&many, "[Strings]\n");
    for (unsigned k = 0; k < 600; k++)
        inf_buf_printf(&many, "D%u=%u\n", k, k);
    lint_named(&r, "t.inf", many.data);
    assert_int_equal(count_code(&r, "INF005"), undefined);
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "INF005") == 0)
            assert_int_equal((r.findings[i].line - 4) % 7, 3);
    inf_file_result_free(&r);
    inf_buf_free(&many);
}

static void inf006_missing_sections(void **state)
{
    (void)state;
    assert_int_equal(
        lint_count(HEAD "[Inst.NT]\nAddReg=Gone\nCopyFiles=@a.sys\n" STRINGS, "INF006"), 1);
    /* Needs may name sections of an included INF; dead sections are not checked. */
    assert_int_equal(lint_count(HEAD "[Inst.NT]\nInclude=machine.inf\nNeeds=PCI_DRV_ROOT\n"
                                     "[Dead]\nAddReg=Gone\n" STRINGS,
                                "INF006"),
                     0);
}

/* INF006 reaches what InfVerif reaches, not only what executes (rules.md revision 2). */
static void inf006_every_reachable_section(void **state)
{
    (void)state;
    static const struct {
        const char *sections;
        size_t inf006;
    } cases[] = {
        /* reported: DefaultUninstall, ClassInstall32, their directive targets' directives */
        {"[DefaultUninstall.NTamd64]\nLegacyUninstall=1\nDelReg=Gone\n", 1},
        {"[ClassInstall32.NT]\nAddReg=Gone\n", 1},
        {"[ClassInstall32]\nAddService=S,2,Svc\n[Svc]\nAddReg=Gone\n", 1},
        /* a dead plain Models section (every architecture is decorated) with a lost install */
        {"[Models]\n%D%=Lost,HW\n", 1},
        /* its install section, found undecorated, names a missing section */
        {"[Models]\n%D%=Old,HW\n[Old]\nCopyFiles=Gone\n", 1},
        {"[Models]\n%D%=Old,HW\n[Old.NTx86]\n[Old.NTx86.Services]\nAddService=S,2,Gone\n", 1},
        /* not reported: files named with '@', Needs beside an Include, unreachable sections */
        {"[DefaultUninstall.NTamd64]\nLegacyUninstall=1\nDelFiles=@a.sys\n", 0},
        {"[ClassInstall32]\nInclude=x.inf\nNeeds=Elsewhere\n", 0},
        {"[Dead]\nAddReg=Gone\n[DefaultInstallation]\nAddReg=Gone\n", 0},
        {"[DefaultUninstall.NTamd64]\nLegacyUninstall=1\nDelReg=R\n[R]\nHKR,,AddReg\n", 0},
    };
    char text[1024];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s[Inst.NT]\n%s%s", HEAD, cases[i].sections, STRINGS);
        assert_int_equal(lint_count(text, "INF006"), cases[i].inf006);
    }
    /* A Manufacturer decoration below --min-build is still reached. */
    const char *downlevel = "[Version]\nSignature=\"$Windows NT$\"\n[Manufacturer]\nM=Models,"
                            "NTamd64,NTamd64.10.0...16299\n[Models.NTamd64]\nD=Old,HW\n"
                            "[Models.NTamd64.10.0...16299]\nD=New,HW\n[Old]\nAddReg=Gone\n"
                            "[New]\n";
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    options.rule.min_build = 17763;
    struct inf_file_result r;
    unsigned char *bytes = (unsigned char *)inf_xstrndup(downlevel, strlen(downlevel));
    assert_int_equal(inf_lint_buffer("t.inf", bytes, strlen(downlevel), &options, &r), 0);
    assert_int_equal(count_code(&r, "INF006"), 1);
    inf_file_result_free(&r);
    inf_lint_options_free(&options);
}

static void inf007_inf008_inf009(void **state)
{
    (void)state;
    const char *text = HEAD "[SourceDisksFiles]\na.sys=1\nc.sys=7\n[DestinationDirs]\nF1=13\n"
                            "[Inst.NT]\nCopyFiles=F1,F2\n[F1]\na.sys\nb.sys\n[F2]\na.sys\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "INF007"), 1); /* b.sys */
    assert_int_equal(count_code(&r, "INF008"), 1); /* F2 has no destination */
    assert_int_equal(count_code(&r, "INF009"), 1); /* disk 7 */
    assert_int_equal(finding_of(&r, "INF008")->line, 16);
    inf_file_result_free(&r);
    /* A decorated SourceDisksFiles entry may use a disk of the same architecture. */
    assert_int_equal(lint_count(HEAD
                                "[SourceDisksNames.amd64]\n2=d\n[SourceDisksFiles.amd64]\na.sys=2\n"
                                "[Inst.NT]\n" STRINGS,
                                "INF009"),
                     0);
}

static void inf010_version(void **state)
{
    (void)state;
    struct inf_file_result r;
    lint_named(&r, "t.inf", "[Strings]\n");
    assert_int_equal(finding_of(&r, "INF010")->line, 1);
    inf_file_result_free(&r);
    lint_named(&r, "t.inf", "[Version]\nSignature=\"$CHICAGO$\"\n");
    assert_int_equal(finding_of(&r, "INF010")->severity, INF_SEVERITY_WARNING);
    inf_file_result_free(&r);
    lint_named(&r, "t.inf", "[Version]\nSignature=\"$Other$\"\n");
    assert_int_equal(finding_of(&r, "INF010")->severity, INF_SEVERITY_ERROR);
    inf_file_result_free(&r);
    assert_int_equal(lint_count("[version]\nsignature=$windows nt$\n", "INF010"), 0);
}

static void inf001_encodings(void **state)
{
    (void)state;
    struct inf_file_result r;
    struct inf_lint_options o;
    inf_lint_options_init(&o);
    static const char bom8[] = "\xef\xbb\xbf[Version]\nSignature=\"$Windows NT$\"\n";
    unsigned char *bytes = (unsigned char *)inf_xstrndup(bom8, sizeof bom8 - 1);
    assert_int_equal(inf_lint_buffer("t.inf", bytes, sizeof bom8 - 1, &o, &r), 0);
    assert_int_equal(finding_of(&r, "INF001")->severity, INF_SEVERITY_ERROR);
    inf_file_result_free(&r);
    lint_named(&r, "t.inf", "[Version]\nSignature=\"$Windows NT$\"\n[Strings]\nA=\"caf\xe9\"\n");
    assert_int_equal(finding_of(&r, "INF001")->severity, INF_SEVERITY_WARNING);
    assert_int_equal(finding_of(&r, "INF001")->line, 4);
    assert_int_equal(finding_of(&r, "INF001")->column, 7); /* at the first high byte */
    inf_file_result_free(&r);
    /* the first high byte at every column of a line longer than the eight-byte steps */
    for (int at = 1; at <= 20; at++) {
        char text[96];
        snprintf(text, sizeof text, "[Version]\nSignature=\"$Windows NT$\"\n; %.*s\xe9 \xe8\n",
                 at - 1, "abcdefghijklmnopqrstuvwxyz");
        lint_named(&r, "t.inf", text);
        assert_int_equal(finding_of(&r, "INF001")->line, 3);
        assert_int_equal(finding_of(&r, "INF001")->column, at + 2);
        inf_file_result_free(&r);
    }
    static const char odd[] = "\xff\xfe[\0V\0]\0x";
    bytes = (unsigned char *)inf_xmalloc(sizeof odd);
    memcpy(bytes, odd, sizeof odd - 1);
    assert_int_equal(inf_lint_buffer("t.inf", bytes, sizeof odd - 1, &o, &r), 0);
    assert_int_equal(count_code(&r, "INF001"), 1);
    inf_file_result_free(&r);
    inf_lint_options_free(&o);
    assert_int_equal(lint_count("[Version]\nSignature=\"$Windows NT$\"\n", "INF001"), 0);
}

static void inf002_inf003_parse_problems(void **state)
{
    (void)state;
    struct inf_file_result r;
    lint_named(&r, "t.inf", "/* banner */\n[Version]\nSignature=\"$Windows NT$\"\n[Strings]\n");
    assert_int_equal(finding_of(&r, "INF002")->severity, INF_SEVERITY_WARNING); /* has [Strings] */
    inf_file_result_free(&r);
    lint_named(&r, "t.inf", "[Version]\nSignature=\"$Windows NT$\"\n[Broken\nk=v\n");
    assert_int_equal(finding_of(&r, "INF003")->line, 3);
    inf_file_result_free(&r);
}

static void inf004_duplicates_after_the_first(void **state)
{
    (void)state;
    struct inf_file_result r;
    lint_named(&r, "t.inf", "[Version]\nSignature=\"$Windows NT$\"\n[A]\n[a]\n[A]\n");
    assert_int_equal(count_code(&r, "INF004"), 2);
    assert_int_equal(finding_of(&r, "INF004")->line, 4);
    inf_file_result_free(&r);
}

static void inf011_inf012_inf015(void **state)
{
    (void)state;
    assert_int_equal(lint_count("[Version]\nSignature=\"$Windows NT$\"\n[S]\na=\"open\n", "INF011"),
                     1);
    assert_int_equal(
        lint_count("[Version]\nSignature=\"$Windows NT$\"\n[S]\na=C:\\x\\\nb=1\n", "INF012"), 1);
    assert_int_equal(
        lint_count("[Version]\nSignature=\"$Windows NT$\"\n[S]\na=x,\\\n  y\n", "INF012"), 0);
    struct inf_buf t = INF_BUF_INIT;
    inf_buf_adds(&t, "[Version]\nSignature=\"$Windows NT$\"\n[S]\nk=%big%%big%\n[Strings]\nbig=\"");
    for (int i = 0; i < 3000; i++)
        inf_buf_addc(&t, 'x');
    inf_buf_adds(&t, "\"\n");
    assert_int_equal(lint_count(t.data, "INF015"), 1); /* after substitution */
    inf_buf_free(&t);
}

static void inf013_localized_keys(void **state)
{
    (void)state;
    struct inf_file_result r;
    lint_named(&r, "t.inf",
               "[Version]\nSignature=\"$Windows NT$\"\n[Strings]\na=1\nb=2\n"
               "[Strings.0407]\na=1\nc=3\n[Strings.040C]\nA=1\nB=2\n");
    assert_int_equal(count_code(&r, "INF013"), 1); /* 040C matches without case */
    const struct inf_finding *f = finding_of(&r, "INF013");
    assert_non_null(strstr(f->message, "missing b"));
    assert_non_null(strstr(f->message, "extra c"));
    inf_file_result_free(&r);

    /* Each localized section on its own (one finding a missing key in another does not
     * hide), keys repeated on either side, and the list cut after five. */
    lint_named(&r, "t.inf",
               "[Version]\nSignature=\"$Windows NT$\"\n[Strings]\na=1\nb=2\na=3\nc=4\n"
               "[Strings.0407]\na=1\nA=1\nb=2\n"
               "[Strings.0409]\nc=1\nb=1\n"
               "[Strings.040C]\na=1\nb=2\nc=3\nd=4\ne=5\nf=6\ng=7\nh=8\nd=9\n");
    assert_int_equal(count_code(&r, "INF013"), 3);
    const char *expected[] = {
        "[Strings.0407] differs from [Strings]: missing c",
        "[Strings.0409] differs from [Strings]: missing a, a", /* each line of the base */
        "[Strings.040C] differs from [Strings]: extra d, e, f, g, h and 1 more"};
    size_t k = 0;
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "INF013") == 0)
            assert_string_equal(r.findings[i].message, expected[k++]);
    inf_file_result_free(&r);

    /* Keys in the order of [Strings] (read side by side) until one is missing or extra, and
     * in order again after it. */
    lint_named(&r, "t.inf",
               "[Version]\nSignature=\"$Windows NT$\"\n[Strings]\na=1\nb=2\nc=3\nd=4\ne=5\n"
               "[Strings.0407]\nA=1\nc=3\nx=0\nD=4\ne=5\n"
               "[Strings.0409]\na=1\nb=2\nc=3\nd=4\ne=5\n"
               "[Strings.040C]\na=1\nb=2\nc=3\nd=4\n");
    assert_int_equal(count_code(&r, "INF013"), 2);
    const char *in_order[] = {"[Strings.0407] differs from [Strings]: missing b; extra x",
                              "[Strings.040C] differs from [Strings]: missing e"};
    k = 0;
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "INF013") == 0)
            assert_string_equal(r.findings[i].message, in_order[k++]);
    inf_file_result_free(&r);
}

static void inf014_template_tokens(void **state)
{
    (void)state;
    const char *text = "[Version]\nSignature=\"$Windows NT$\"\nCatalogFile.NTamd64=Acme.cat\n"
                       "[Manufacturer]\nM=Models,NT$ARCH$\n[Models.NT$ARCH$]\n";
    /* In a source tree (no Acme.cat beside it): a template, one note at the first token. */
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "INF014"), 1);
    assert_int_equal(finding_of(&r, "INF014")->severity, INF_SEVERITY_NOTE);
    assert_int_equal(finding_of(&r, "INF014")->line, 5);
    inf_file_result_free(&r);
    lint_named(&r, "t.inx", text);
    assert_int_equal(count_code(&r, "INF014"), 0);
    inf_file_result_free(&r);

    /* In a built package (its catalog beside it, any case): an error per token. */
    char *dir = test_temp_dir("inflint-package"), path[256];
    assert_non_null(dir);
    snprintf(path, sizeof path, "%s/ACME.CAT", dir);
    FILE *catalog = fopen(path, "w");
    assert_non_null(catalog);
    fclose(catalog);
    char inf[256];
    snprintf(inf, sizeof inf, "%s/t.inf", dir);
    lint_named(&r, inf, text);
    assert_int_equal(count_code(&r, "INF014"), 2); /* the decoration line and the header */
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "INF014") == 0)
            assert_int_equal(r.findings[i].severity, INF_SEVERITY_ERROR);
    inf_file_result_free(&r);

    /* The same bytes from standard input are never a built package. */
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    struct inf_input input = {(unsigned char *)inf_xstrndup(text, strlen(text)), strlen(text), 0,
                              1};
    assert_int_equal(inf_lint_input(inf, input, &options, &r), 0);
    assert_int_equal(count_code(&r, "INF014"), 1);
    inf_file_result_free(&r);
    inf_lint_options_free(&options);
    remove(path);
    test_rmdir(dir);
    free(dir);
}

static void inf016_unused_sections(void **state)
{
    (void)state;
    const char *text =
        HEAD "[Inst.NT]\nAddReg=Used\n[Inst.NT.HW]\n[Used]\n[Orphan]\n[Used.security]\n"
             "[DestinationDirs]\n[SignatureAttributes]\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "INF016"), 1);
    assert_non_null(strstr(finding_of(&r, "INF016")->message, "[Orphan]"));
    assert_int_equal(finding_of(&r, "INF016")->severity, INF_SEVERITY_NOTE);
    inf_file_result_free(&r);
    /* A referenced section that is not live is not unused; a hive INF is not checked. */
    assert_int_equal(
        lint_count(HEAD "[Inst.NT]\n[DefaultUninstall]\nDelReg=Old\n[Old]\n" STRINGS, "INF016"), 0);
    assert_int_equal(lint_count("[Version]\nSignature=\"$Windows NT$\"\n[AddReg]\n", "INF016"), 0);
    /* A Models line refers to every architecture variant of its install section, installed or
     * not (here .NTarm64), a name of any length (a long one is not queued for its lookup). */
    for (size_t len = 4; len <= 150; len += 146) {
        char install[151], inf[1024];
        memset(install, 'I', len);
        install[len] = '\0';
        snprintf(inf, sizeof inf,
                 "[Version]\nSignature=\"$Windows NT$\"\n[Manufacturer]\n%%M%%=Models,NTamd64\n"
                 "[Models.NTamd64]\n%%D%%=%s,ACPI\\X\n[%s.NT]\n[%s.NTarm64]\n[Orphan]\n" STRINGS,
                 install, install, install);
        struct inf_file_result lr;
        lint_named(&lr, "t.inf", inf);
        assert_int_equal(count_code(&lr, "INF016"), 1);
        assert_non_null(strstr(finding_of(&lr, "INF016")->message, "[Orphan]"));
        inf_file_result_free(&lr);
    }
}

/* Lints TEXT under PROFILE and counts CODE findings of SEVERITY. */
static size_t profile_count(const char *text, enum inf_profile profile, const char *code,
                            enum inf_severity severity)
{
    struct inf_lint_options o;
    inf_lint_options_init(&o);
    o.rule.profile = profile;
    struct inf_file_result r;
    unsigned char *bytes = (unsigned char *)inf_xstrndup(text, strlen(text));
    assert_int_equal(inf_lint_buffer("t.inf", bytes, strlen(text), &o, &r), 0);
    size_t n = 0;
    for (size_t i = 0; i < r.count; i++)
        n += strcmp(r.findings[i].rule->code, code) == 0 && r.findings[i].severity == severity;
    inf_file_result_free(&r);
    inf_lint_options_free(&o);
    return n;
}

static void profiles_change_severities_and_allowances(void **state)
{
    (void)state;
    const char *dest = HEAD "[SourceDisksFiles]\na.sys=1\nb.sys=1\nc.sys=1\n[DestinationDirs]\n"
                            "F11=11\nF10=10,Vendor\nF24=24\n[Inst.NT]\nCopyFiles=F11,F10,F24\n"
                            "[F11]\na.sys\n[F10]\nb.sys\n[F24]\nc.sys\n" STRINGS;
    assert_int_equal(profile_count(dest, INF_PROFILE_ISOLATION, "ISO101", INF_SEVERITY_ERROR), 3);
    assert_int_equal(profile_count(dest, INF_PROFILE_UNIVERSAL, "ISO101", INF_SEVERITY_ERROR), 1);
    assert_int_equal(profile_count(dest, INF_PROFILE_WHQL, "ISO101", INF_SEVERITY_WARNING), 2);
    assert_int_equal(profile_count(dest, INF_PROFILE_WHQL, "ISO101", INF_SEVERITY_ERROR), 1);
    const char *reg = HEAD
        "[Inst.NT]\nAddReg=R\n[R]\nHKCR,CLSID\\{1},,,x\n"
        "HKLM,SOFTWARE\\Microsoft\\Windows Media Foundation\\X,V\n"
        "HKLM,SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run,V\nHKLM,SOFTWARE\\Acme,V\n" STRINGS;
    assert_int_equal(profile_count(reg, INF_PROFILE_ISOLATION, "ISO106", INF_SEVERITY_ERROR), 4);
    assert_int_equal(profile_count(reg, INF_PROFILE_UNIVERSAL, "ISO106", INF_SEVERITY_ERROR), 2);
    assert_int_equal(profile_count(reg, INF_PROFILE_WHQL, "ISO106", INF_SEVERITY_WARNING), 3);
    const char *svc =
        HEAD "[Inst.NT]\n[Inst.NT.Services]\nAddService=a,2,Svc\n[Svc]\n"
             "ServiceBinary=%12%\\a.sys\nAddReg=SR\n[SR]\nHKR,,Start,0x10001,3\n" STRINGS;
    assert_int_equal(profile_count(svc, INF_PROFILE_UNIVERSAL, "ISO108", INF_SEVERITY_ERROR), 0);
    assert_int_equal(profile_count(svc, INF_PROFILE_UNIVERSAL, "ISO107", INF_SEVERITY_ERROR), 0);
    assert_int_equal(profile_count(svc, INF_PROFILE_WHQL, "ISO107", INF_SEVERITY_ERROR), 1);
    const char *lockdown = "[Version]\nSignature=\"$Windows NT$\"\n[DefaultInstall]\n";
    assert_int_equal(profile_count(lockdown, INF_PROFILE_UNIVERSAL, "ISO114", INF_SEVERITY_WARNING),
                     1);
}

static void options_select_ignore_and_severity(void **state)
{
    (void)state;
    struct inf_lint_options o;
    inf_lint_options_init(&o);
    char bad[64];
    assert_int_equal(inf_lint_options_filter(&o, "ISO", "copyfiles-rename", bad, sizeof bad), 0);
    assert_true(o.enabled[inf_rule_index(inf_rule_find("ISO101"))]);
    assert_false(o.enabled[inf_rule_index(inf_rule_find("ISO103"))]);
    assert_false(o.enabled[inf_rule_index(inf_rule_find("INF005"))]);
    assert_int_equal(inf_lint_options_filter(&o, "ISO999", NULL, bad, sizeof bad), -1);
    assert_string_equal(bad, "ISO999");
    assert_int_equal(inf_lint_options_set_severity(&o, "dest-not-driver-store", INF_SEVERITY_NOTE),
                     0);
    assert_int_equal(o.severity[inf_rule_index(inf_rule_find("ISO101"))], INF_SEVERITY_NOTE);
    inf_lint_options_free(&o);
}

/* Thousands of findings share a few text blocks, and each keeps its own texts intact. */
static void many_findings_share_few_text_blocks(void **state)
{
    (void)state;
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_adds(&text, HEAD STRINGS);
    for (int i = 0; i < 9000; i++) /* texts past 1 MiB: blocks of huge pages */
        inf_buf_printf(&text, "[Repeated]\nKey%d=%d\n", i, i);
    struct inf_file_result r;
    lint_named(&r, "t.inf", text.data);
    assert_int_equal(count_code(&r, "INF004"), 8999);
    size_t blocks = inf_finding_texts_block_count(&r);
    assert_true(blocks >= 2 && blocks <= 16);
    size_t seen = 0;
    for (size_t i = 0; i < r.count; i++) {
        const struct inf_finding *f = &r.findings[i];
        if (strcmp(f->rule->code, "INF004") != 0)
            continue;
        assert_string_equal(f->section, "Repeated");
        assert_non_null(strstr(f->message, "[Repeated] is defined again"));
        /* each hint its own (they are formatted in one buffer in turn): the header's one entry */
        unsigned first_line = 0;
        assert_int_equal(sscanf(strstr(f->message, "on line ") + 8, "%u", &first_line), 1);
        char want[160];
        snprintf(want, sizeof want,
                 "move the entry `Key%zu` under the first [Repeated] header (line %u) and delete "
                 "this header",
                 seen + 1, first_line);
        assert_string_equal(f->hint, want);
        seen++;
    }
    assert_int_equal(seen, 8999);
    inf_file_result_free(&r);
    assert_null(r.texts);
    inf_buf_free(&text);
}

/* INF004 puts its texts together by hand: a section name longer than a finding keeps is cut
 * as inf_report cuts any text (INF_TEXT_MAX bytes, then "..."). */
static void inf004_texts_of_a_long_name_are_cut_as_any(void **state)
{
    (void)state;
    char name[1501];
    memset(name, 'N', 1500);
    name[1500] = '\0';
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_printf(&text, "[Version]\nSignature=\"$Windows NT$\"\n[%s]\nk=1\n[%s]\nk=2\n", name,
                   name);
    struct inf_file_result r;
    lint_named(&r, "t.inf", text.data);
    const struct inf_finding *f = finding_of(&r, "INF004");
    assert_non_null(f);
    char want[INF_TEXT_MAX + 4];
    want[0] = '[';
    memset(want + 1, 'N', INF_TEXT_MAX - 1);
    memcpy(want + INF_TEXT_MAX, "...", 4);
    assert_string_equal(f->message, want);
    static const char start[] = "move the entry `k` under the first [";
    memcpy(want, start, sizeof start - 1);
    memset(want + sizeof start - 1, 'N', INF_TEXT_MAX - (sizeof start - 1));
    assert_string_equal(f->hint, want);
    inf_file_result_free(&r);
    inf_buf_free(&text);
}

/* Room for the findings a rule says will follow is made at once: adding them moves nothing
 * (20,000 records are past 1 MiB, where growing would move them to a new block). */
static void expected_findings_are_added_in_place(void **state)
{
    (void)state;
    struct inf_model m;
    parse_text(&m, "[S]\nk=v\n");
    struct inf_file_result r;
    memset(&r, 0, sizeof r);
    struct inf_finding_sink sink;
    inf_finding_sink_init(&sink, &r, &m.source, &m);
    const struct inf_rule *rule = inf_rule_find("INF004");
    struct inf_span span = {4, 7};
    inf_finding_add(&sink, rule, span, INF_SEVERITY_WARNING, NULL, "first", 5);
    inf_finding_expect(&sink, 20000);
    const struct inf_finding *room = r.findings;
    assert_true(r.cap >= 20001);
    for (int i = 0; i < 20000; i++)
        inf_finding_add(&sink, rule, span, INF_SEVERITY_WARNING, "hint", "again", 5);
    assert_ptr_equal(r.findings, room);
    assert_int_equal(r.count, 20001);
    assert_int_equal(r.findings[20000].line, 2);
    assert_string_equal(r.findings[20000].message, "again");
    inf_file_result_free(&r);
    inf_model_free(&m);
}

/* Each finding names the section it is in, whatever the order rules report in: INF004 goes
 * through the file once, ISO106 through the registry lines once more, from the start. */
static void findings_name_their_sections_in_any_order(void **state)
{
    (void)state;
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_adds(&text, HEAD STRINGS "[Inst.NT]\n");
    for (int k = 0; k < 40; k++)
        inf_buf_printf(&text, "AddReg=Sec%d\n", k);
    for (int i = 0; i < 2000; i++) /* 40 names, each repeated 50 times, some runs far apart */
        inf_buf_printf(&text, "[Sec%d]\nHKLM,Software\\X,V%d,,1\n", (i * 7) % 40, i);
    struct inf_file_result r;
    lint_named(&r, "t.inf", text.data);
    size_t checked = 0;
    for (size_t i = 0; i < r.count; i++) {
        const struct inf_finding *f = &r.findings[i];
        if (strcmp(f->rule->code, "INF004") != 0 && strcmp(f->rule->code, "ISO106") != 0)
            continue;
        /* the header: INF004's own line, the line before ISO106's */
        uint32_t header_line = strcmp(f->rule->code, "INF004") == 0 ? f->line : f->line - 1;
        const char *header = text.data;
        for (uint32_t l = 1; l < header_line; l++)
            header = strchr(header, '\n') + 1;
        size_t len = (size_t)(strchr(header, ']') - header - 1);
        assert_int_equal(strlen(f->section), len);
        assert_memory_equal(f->section, header + 1, len);
        checked++;
    }
    assert_true(checked > 3000);
    inf_file_result_free(&r);
    inf_buf_free(&text);
}

/* A package with findings of several rules (ISO101, ISO106, ISO109, INF004, INF005, INF006),
 * some of them on one line. */
#define SEVERAL_RULES                                                                              \
    HEAD "[SourceDisksFiles]\na.sys=1\nb.sys=1\n[DestinationDirs]\n"                               \
         "Files=12\nMore=11\n[Inst.NT]\nCopyFiles=Files,More\n"                                    \
         "AddReg=Reg\nAddReg=Gone\n[Files]\na.sys\n[More]\nb.sys\n[Reg]\n"                         \
         "HKLM,Software\\X,A,,%undefined%\nHKLM,Software\\X,B,,\"%11%\\a.sys\"\n"                  \
         "[Files]\nb.sys\n[files]\na.sys\n" STRINGS

/* The fingerprints worked out from the line hashes taken as findings are made equal those
 * worked out afterwards from the lines themselves: several rules and sections share lines. */
static void fingerprints_from_kept_line_hashes_match_the_lines(void **state)
{
    (void)state;
    const char *text = SEVERAL_RULES;
    struct inf_lint_options options;
    inf_lint_options_init(&options);
    size_t len = strlen(text);
    struct inf_input input = {inf_xmalloc(len), len, 0, 0};
    memcpy(input.bytes, text, len);
    struct inf_file_result r;
    struct inf_model model;
    assert_int_equal(inf_engine_check("t.inf", input, &options, NULL, 0, &r, &model), 0);
    inf_findings_finish(&r);
    assert_true(r.count >= 6);
    /* the first HKLM line has two rules' findings (ISO106, INF005), the second two too */
    size_t shared = 0;
    for (size_t i = 1; i < r.count; i++)
        shared += r.findings[i].line == r.findings[i - 1].line &&
                  r.findings[i].rule != r.findings[i - 1].rule;
    assert_true(shared >= 2);
    char(*kept)[17] = malloc(r.count * sizeof *kept);
    for (size_t i = 0; i < r.count; i++) {
        struct inf_finding *f = &r.findings[i];
        memcpy(kept[i], f->fingerprint, 17);
        f->fingerprint[0] = '\0';
        size_t line_len; /* each finding's hash worked out again, from its own line */
        const char *line = inf_source_line_text(&model.source, f->line, &line_len);
        inf_finding_hash_line(f, line, line_len);
    }
    inf_findings_fingerprint(&r);
    for (size_t i = 0; i < r.count; i++)
        assert_string_equal(r.findings[i].fingerprint, kept[i]);
    free(kept);
    inf_file_result_free(&r);
    inf_model_free(&model);
    inf_lint_options_free(&options);
}

/* FNV-1a, 64 bits, over LEN bytes, continuing H. */
static uint64_t reference_fnv1a(uint64_t h, const void *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ ((const unsigned char *)data)[i]) * 0x100000001b3ull;
    return h;
}

/* The line hash as the fingerprint defines it, written plainly: the rule's code, the
 * section's name in lower case and the line with its comment cut (a ';' outside quotes),
 * every run of blanks one space, none at the ends and ASCII in lower case, each ended by a
 * NUL, hashed with FNV-1a. */
static uint64_t reference_line_hash(const char *code, const char *section, const char *line,
                                    size_t len)
{
    char normal[128];
    size_t n = 0;
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        char c = line[i];
        if (c == ';' && !quoted)
            break;
        if (c == '"')
            quoted = !quoted;
        int blank = c == ' ' || c == '\t' || c == '\r';
        if (blank && (n == 0 || normal[n - 1] == ' '))
            continue;
        normal[n++] = blank ? ' ' : c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    while (n > 0 && normal[n - 1] == ' ')
        n--;
    uint64_t h = reference_fnv1a(0xcbf29ce484222325ull, code, strlen(code) + 1);
    for (const char *p = section; *p; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
        h = reference_fnv1a(h, &c, 1);
    }
    h = reference_fnv1a(h, "", 1);
    h = reference_fnv1a(h, normal, n);
    return reference_fnv1a(h, "", 1);
}

/* The line hash a fingerprint starts from agrees with its plain definition on random lines of
 * blanks, quotes, comments, both cases and non-ASCII bytes. */
static void line_hash_reads_the_line_as_defined(void **state)
{
    (void)state;
    static const char alphabet[] = " \t\r\";;AzQ,%\\\xc3\xa9";
    uint32_t seed = 12345;
    char line[64];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 40);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            line[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        struct inf_finding f;
        memset(&f, 0, sizeof f);
        f.rule = inf_rule_find("ISO109");
        f.section = round % 3 ? "Dev.NT.Reg" : NULL;
        inf_finding_hash_line(&f, line, len);
        assert_true(f.line_hash ==
                    reference_line_hash("ISO109", f.section ? f.section : "", line, len));
    }
}

/* Every JSON diagnostic names its own finding's rule, severity and InfVerif codes, also when a
 * file's findings come from more rules and severities than the writer keeps written. */
static void json_diagnostics_name_their_findings_rules(void **state)
{
    (void)state;
    struct inf_file_result r;
    lint_named(&r, "t.inf", SEVERAL_RULES);
    inf_findings_finish(&r);
    static const enum inf_severity severities[] = {INF_SEVERITY_ERROR, INF_SEVERITY_WARNING,
                                                   INF_SEVERITY_NOTE};
    size_t pairs = 0; /* (rule, severity) pairs, each new one counted once */
    for (size_t i = 0; i < r.count; i++) {
        r.findings[i].severity = severities[i % 3];
        int seen = 0;
        for (size_t k = 0; k < i; k++)
            seen |= r.findings[k].rule == r.findings[i].rule &&
                    r.findings[k].severity == r.findings[i].severity;
        pairs += !seen;
    }
    assert_true(pairs > 8);
    struct inf_buf out = INF_BUF_INIT;
    struct inf_summary summary = {1, 0, 0, 0};
    struct inf_report_options report;
    memset(&report, 0, sizeof report);
    inf_report_json.write(&out, &r, 1, &summary, &report);
    struct inf_json doc;
    char error[128];
    assert_int_equal(inf_json_parse(out.data, out.len, &doc, error, sizeof error), 0);
    const struct inf_json *diagnostics = inf_json_get(&doc, "diagnostics");
    assert_non_null(diagnostics);
    assert_int_equal(diagnostics->count, r.count);
    for (size_t i = 0; i < r.count; i++) {
        const struct inf_json *d = &diagnostics->items[i];
        const struct inf_rule *rule = r.findings[i].rule;
        assert_string_equal(inf_json_get(d, "rule")->string, rule->code);
        assert_string_equal(inf_json_get(d, "name")->string, rule->name);
        assert_string_equal(inf_json_get(d, "severity")->string,
                            inf_severity_name(r.findings[i].severity));
        const struct inf_json *codes = inf_json_get(d, "infverif");
        size_t k = 0;
        for (; rule->infverif[k]; k++)
            assert_true(k < codes->count && codes->items[k].number == rule->infverif[k]);
        assert_int_equal(codes->count, k);
        assert_string_equal(inf_json_get(d, "message")->string, r.findings[i].message);
    }
    inf_json_free(&doc);
    inf_buf_free(&out);
    inf_file_result_free(&r);
}

/* The order findings must come in: by line, column, code and message, those equal in all four
 * in the order reported, of which only the first stays (a stable insertion sort, then the
 * duplicates dropped). IDS[i] is finding i's place in the report order. */
static size_t expected_order(const struct inf_finding *f, size_t n, size_t *ids)
{
    for (size_t i = 0; i < n; i++) {
        size_t id = i, k = i;
        for (; k > 0; k--) {
            const struct inf_finding *x = &f[ids[k - 1]], *y = &f[id];
            int c = x->line != y->line       ? (x->line < y->line ? -1 : 1)
                    : x->column != y->column ? (x->column < y->column ? -1 : 1)
                                             : strcmp(x->rule->code, y->rule->code);
            if (!c)
                c = strcmp(x->message, y->message);
            if (c <= 0)
                break;
            ids[k] = ids[k - 1];
        }
        ids[k] = id;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const struct inf_finding *x = kept ? &f[ids[kept - 1]] : NULL, *y = &f[ids[i]];
        if (x && x->rule == y->rule && x->line == y->line && x->column == y->column &&
            strcmp(x->message, y->message) == 0)
            continue;
        ids[kept++] = ids[i];
    }
    return kept;
}

static void findings_sort_is_stable_and_keeps_the_first(void **state)
{
    (void)state;
    static char a[] = "a", b[] = "b";
    char *messages[] = {a, b};
    const struct inf_rule *rules[] = {inf_rules[0], inf_rules[1]};
    /* Counts on both sides of the sort's room on the stack; orders: random, reversed, and
     * runs in order (as rules report), with many findings equal in line, column, code and
     * message but reported at different times. */
    static const size_t counts[] = {2, 7, 127, 128, 129, 700};
    uint32_t seed = 12345;
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        for (int shape = 0; shape < 3; shape++) {
            size_t n = counts[c];
            struct inf_finding *f = test_calloc(n, sizeof *f);
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                uint32_t random = seed >> 8;
                f[i].rule = rules[random % 2];
                f[i].message = messages[(random >> 1) % 2];
                f[i].column = 1 + (random >> 2) % 3;
                f[i].line = shape == 0   ? 1 + (uint32_t)((random >> 4) % 10)
                            : shape == 1 ? (uint32_t)(n - i) / 3 + 1
                                         : (uint32_t)(i % 50) / 5 + 1; /* runs of 50 */
                f[i].excerpt_column = (uint32_t)i; /* its place in the report order */
            }
            size_t *ids = test_malloc(n * sizeof *ids);
            size_t kept = expected_order(f, n, ids);
            struct inf_file_result r;
            memset(&r, 0, sizeof r);
            r.findings = f;
            r.count = n;
            inf_findings_sort(&r);
            if (n > 100)
                assert_true(kept < n); /* (duplicates there are, among so many) */
            assert_int_equal(r.count, kept);
            for (size_t i = 0; i < kept; i++)
                assert_int_equal(r.findings[i].excerpt_column, ids[i]);
            test_free(ids);
            test_free(f);
        }
    }
}

static void fingerprints_survive_inserted_lines(void **state)
{
    (void)state;
    const char *body = "[SourceDisksFiles]\na.sys=1\n[DestinationDirs]\nFiles=12\n"
                       "[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n" STRINGS;
    struct inf_buf a = INF_BUF_INIT, b = INF_BUF_INIT;
    inf_buf_printf(&a, "%s%s", HEAD, body);
    inf_buf_printf(&b, "; a comment\n\n%s%s", HEAD, body);
    struct inf_file_result ra, rb;
    lint_named(&ra, "t.inf", a.data);
    lint_named(&rb, "t.inf", b.data);
    const struct inf_finding *fa = finding_of(&ra, "ISO101"), *fb = finding_of(&rb, "ISO101");
    assert_int_equal(fa->line + 2, fb->line);
    assert_string_equal(fa->fingerprint, fb->fingerprint);
    assert_int_equal(strlen(fa->fingerprint), 16);
    inf_file_result_free(&ra);
    inf_file_result_free(&rb);
    inf_buf_free(&a);
    inf_buf_free(&b);
}

/* A long line keeps an excerpt window: its first column counts characters, not bytes. */
static void excerpt_window_counts_characters(void **state)
{
    (void)state;
    char text[2048] = "[Version]\nSignature=\"$Windows NT$\"\n[S]\nk=";
    for (int i = 0; i < 250; i++)
        strcat(text, "\xe9"); /* e-acute in Windows-1252: two bytes once decoded */
    strcat(text, ",%undefined%\n");
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    const struct inf_finding *f = finding_of(&r, "INF005");
    assert_non_null(f);
    assert_int_equal(f->column, 254); /* "k=", 250 characters and a comma before it */
    assert_int_equal(f->excerpt_column, f->column - INF_EXCERPT_MAX / 4);
    assert_true(f->excerpt_cut_left && !f->excerpt_cut_right); /* the line ends soon after */
    /* 39 two-byte characters and the comma, then the token */
    assert_memory_equal(f->excerpt + 2 * (INF_EXCERPT_MAX / 4 - 1) + 1, "%undefined%", 11);
    inf_file_result_free(&r);
}

/* INF023 and INF026: DefaultInstall/DefaultUninstall decorations of primitive drivers. */
static void inf023_inf026_primitive_sections(void **state)
{
    (void)state;
    const char *version = "[Version]\nSignature=\"$Windows NT$\"\n";
    static const struct {
        const char *sections;
        size_t inf023, inf026;
    } cases[] = {
        {"[DefaultInstall]\n", 1, 0},
        {"[DefaultInstall.NT]\n[DefaultInstall.NT.Services]\n", 1, 0}, /* OS part only */
        {"[DefaultUninstall]\n", 1, 0},
        {"[DefaultInstall.NTamd64]\n[DefaultInstall.NTamd64.Services]\n", 0, 0},
        {"[DefaultInstall.NT$ARCH$.10.0...16299]\n", 0, 0},
        {"[DefaultInstall.Services]\n", 0, 0},        /* a companion alone */
        {"[Manufacturer]\n[DefaultInstall]\n", 0, 0}, /* not a primitive driver */
        {"[DefaultUninstall.NTamd64]\nDelFiles=F\n", 0, 1},
        {"[DefaultUninstall.NTarm64.10.0...16299]\nLegacyUninstall=0\n", 0, 1},
        {"[DefaultUninstall.NTamd64]\nLegacyUninstall=1\n", 0, 0},
    };
    char text[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s%s", version, cases[i].sections);
        assert_int_equal(lint_count(text, "INF023"), cases[i].inf023);
        assert_int_equal(lint_count(text, "INF026"), cases[i].inf026);
    }
}

/* INF020: the Sample class, by ClassGuid (which decides) or by Class alone. */
static void inf020_reserved_setup_class(void **state)
{
    (void)state;
    static const struct {
        const char *version;
        size_t inf020;
    } cases[] = {
        {"ClassGuid={78a1c341-4539-11D3-B88D-00C04FAD5171}\n", 1},
        {"Class=Sample\nClassGuid=%G%\n", 1}, /* substituted */
        {"Class=SAMPLE\n", 1},
        {"Class=Sample\nClassGuid={4d36e97d-e325-11ce-bfc1-08002be10318}\n", 0},
        {"Class=System\nClassGuid={4d36e97d-e325-11ce-bfc1-08002be10318}\n", 0},
        {"Class=Samples\n", 0},
    };
    char text[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text,
                 "[Version]\nSignature=\"$Windows NT$\"\n%s[Strings]\nG=\"{78A1C341-4539-11d3-"
                 "B88D-00C04FAD5171}\"\n",
                 cases[i].version);
        assert_int_equal(lint_count(text, "INF020"), cases[i].inf020);
    }
}

/* INF021: ClassInstall32 for a system-defined class (either list, or Sample), not a vendor's. */
static void inf021_classinstall32_system_class(void **state)
{
    (void)state;
    static const struct {
        const char *version, *sections;
        size_t inf021;
    } cases[] = {
        {"ClassGuid={4D36E972-E325-11CE-BFC1-08002BE10318}\n", "[ClassInstall32]\n", 1}, /* Net */
        {"Class=USB\n", "[ClassInstall32.NTamd64]\n[ClassInstall32.NTarm64]\n", 2}, /* reserved */
        /* case ignored, the first character too (the lookup screens on it) */
        {"ClassGuid={E0CBF06C-CD8B-4647-BB8A-263B43F0F974}\n", "[ClassInstall32]\n", 1},
        {"Class=usb\n", "[ClassInstall32]\n", 1},
        {"Class=Sample\n", "[ClassInstall32]\n[ClassInstall32.Services]\n", 1}, /* companion */
        /* a vendor GUID decides even beside a system class name */
        {"Class=Net\nClassGuid={0A1B2C3D-1111-2222-3333-444455556666}\n", "[ClassInstall32]\n", 0},
        {"Class=AcmeWidgets\n", "[ClassInstall32]\n", 0},
        {"Class=Net\n", "[ClassInstall32Extra]\n", 0},
    };
    char text[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "[Version]\nSignature=\"$Windows NT$\"\n%s%s", cases[i].version,
                 cases[i].sections);
        assert_int_equal(lint_count(text, "INF021"), cases[i].inf021);
    }
}

/* INF024: Models sections that exist but install on no device; printers left alone. */
static void inf024_no_device_installed(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t inf024;
    } cases[] = {
        {"[Manufacturer]\nM=Models,NTamd64\n[Models.NTamd64]\n", 1},
        {"[Manufacturer]\nM=Models,NTamd64\n[Models.NTamd64]\nD=Inst,\nD=Inst, ,\n", 1},
        {"[Manufacturer]\nM=Models,NT$ARCH$\n[Models.NTamd64]\nD=Inst\n", 1}, /* stamped */
        {"[Manufacturer]\nM=Models,NTamd64\n[Models.NTamd64]\nD=Inst,ACPI\\X\n", 0},
        {"[Manufacturer]\nM=Models,NTx86,NTamd64\n[Models.NTx86]\n[Models.NTamd64]\nD=I,,CC_0C\n",
         0}, /* a compatible ID is enough, in any decoration */
        {"[Manufacturer]\nM=Models,NT$ARCH$\n[Models.NTarm64]\nD=Inst,%ID%\n", 0},
        {"[Manufacturer]\nM=Models,NTamd64\n", 0}, /* no Models section: INF006 */
        {"[Manufacturer]\n", 0},
        {"[Version]\nClassGuid={4D36E979-E325-11CE-BFC1-08002BE10318}\n[Manufacturer]\nM=Models\n"
         "[Models]\nD=Inst\n",
         0}, /* printer */
    };
    char text[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s[Strings]\nID=PCI\\VEN_1\n", cases[i].text);
        assert_int_equal(lint_count(text, "INF024"), cases[i].inf024);
    }
}

/* INF025: once per section and later directive, at its first use; missing sections left out. */
static void inf025_section_two_directives(void **state)
{
    (void)state;
    const char *text = "[Version]\nSignature=\"$Windows NT$\"\n[A]\nCopyFiles=F\nAddReg=R\n"
                       "[B]\nDelFiles=F\nDelFiles=F\nDelReg=R\nBitReg=R\n[C]\nCopyFiles=F\n"
                       "AddReg=Gone\n[D]\nDelReg=Gone\n[F]\n[R]\n";
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "INF025"), 3); /* F by DelFiles; R by DelReg, by BitReg */
    const struct inf_finding *f = finding_of(&r, "INF025");
    assert_int_equal(f->line, 7);
    assert_non_null(strstr(f->message, "[F]"));
    assert_non_null(strstr(f->message, "DelFiles here and by CopyFiles on line 4"));
    assert_int_equal(f->severity, INF_SEVERITY_WARNING);
    inf_file_result_free(&r);
    /* AddService's install section counts as AddService, and one directive twice is fine. */
    assert_int_equal(lint_count("[Version]\nSignature=\"$Windows NT$\"\n[A.Services]\n"
                                "AddService=S,2,Svc\nAddService=T,0,Svc\n[Svc]\n",
                                "INF025"),
                     0);
    assert_int_equal(lint_count("[Version]\nSignature=\"$Windows NT$\"\n[A.Services]\n"
                                "AddService=S,2,Svc\n[A]\nAddReg=Svc\n[Svc]\n",
                                "INF025"),
                     1);
}

/* The InfVerif data table agrees with the registry: a code has a reason exactly when no rule
 * covers it, every rule's code is in the table, and the codes ascend without repeats. */
static void infverif_table_agrees_with_registry(void **state)
{
    (void)state;
    size_t count;
    const struct inf_infverif_code *codes = inf_infverif_codes(&count);
    assert_true(count > 150);
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            assert_true(codes[i - 1].code < codes[i].code);
        size_t rules = 0;
        for (size_t r = 0; r < inf_rule_count; r++)
            for (size_t k = 0; inf_rules[r]->infverif[k]; k++)
                rules += inf_rules[r]->infverif[k] == codes[i].code;
        if ((rules == 0) != (codes[i].not_covered != NULL))
            fail_msg("InfVerif %u: %zu covering rules, reason %s", codes[i].code, rules,
                     codes[i].not_covered ? codes[i].not_covered : "(none)");
        assert_non_null(codes[i].about);
    }
    for (size_t r = 0; r < inf_rule_count; r++)
        for (size_t k = 0; inf_rules[r]->infverif[k]; k++)
            if (!inf_infverif_code(inf_rules[r]->infverif[k]))
                fail_msg("%s names InfVerif %u, which the table lacks", inf_rules[r]->code,
                         inf_rules[r]->infverif[k]);
    /* Levels are the published ones: 1322 is an error only for a Windows Driver. */
    const struct inf_infverif_code *c = inf_infverif_code(1322);
    assert_int_equal(c->kmdf, INF_LEVEL_NONE);
    assert_int_equal(c->windows_driver, INF_LEVEL_ERROR);
    assert_null(inf_infverif_code(9999));
}

/* INF022: a Provider that is or begins with Microsoft, after substitution, in any case. */
static void inf022_provider_microsoft(void **state)
{
    (void)state;
    static const char *const reported[] = {"\"Microsoft\"", "%P%", "MICROSOFT Corp"};
    static const char *const accepted[] = {"Contoso", "\"Contoso for Microsoft\"", "Micro"};
    char text[512];
    for (size_t i = 0; i < 3; i++) {
        snprintf(text, sizeof text,
                 "[Version]\nSignature=\"$Windows NT$\"\nProvider=%s\n[Strings]\nP=\"  "
                 "microsoft\"\n",
                 reported[i]);
        assert_int_equal(lint_count(text, "INF022"), 1);
        snprintf(text, sizeof text,
                 "[Version]\nSignature=\"$Windows NT$\"\nProvider=%s\n[Strings]\nP=x\n",
                 accepted[i]);
        assert_int_equal(lint_count(text, "INF022"), 0);
    }
}

/* ISO111: a .CoInstallers section registering only framework co-installers is a warning. */
static void iso111_framework_coinstallers_are_warnings(void **state)
{
    (void)state;
    const char *shape = HEAD "[Inst.NT]\n[Inst.NT.CoInstallers]\nAddReg=CoReg\n[CoReg]\n"
                             "HKR,,CoInstallers32,0x00010000,%s\n" STRINGS;
    char text[1024];
    struct inf_file_result r;
    snprintf(text, sizeof text, shape, "\"WdfCoInstaller01011.dll,WdfCoInstaller\"");
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO111"), 2);
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "ISO111") == 0)
            assert_int_equal(r.findings[i].severity, INF_SEVERITY_WARNING);
    inf_file_result_free(&r);
    /* One vendor co-installer beside the framework's: both findings stay errors. */
    snprintf(text, sizeof text, shape, "\"wudfupdate_01011.dll\",\"acmeco.dll,AcmeEntry\"");
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO111"), 2);
    for (size_t i = 0; i < r.count; i++)
        if (strcmp(r.findings[i].rule->code, "ISO111") == 0)
            assert_int_equal(r.findings[i].severity, INF_SEVERITY_ERROR);
    inf_file_result_free(&r);
}

/* ISO109 judges ';'-separated path lists element by element (rules.md revision 2). */
static void iso109_path_lists_element_by_element(void **state)
{
    (void)state;
    const char *base = HEAD "[SourceDisksFiles]\nacme.sys=1\n[DestinationDirs]\nFiles=13\n"
                            "[Inst.NT]\nCopyFiles=Files\nAddReg=R\n[Files]\nacme.sys\n[R]\n";
    char text[1024];
    snprintf(text, sizeof text,
             "%sHKR,,EventMessageFile,0x00020000,\"%%SystemRoot%%\\System32\\IoLogMsg.dll;%%13%%"
             "\\acme.sys\"\n%s",
             base, STRINGS);
    assert_int_equal(lint_count(text, "ISO109"), 0); /* the common, correct shape */
    snprintf(text, sizeof text,
             "%sHKR,,EventMessageFile,0x00020000,\"%%SystemRoot%%\\System32\\IoLogMsg.dll;%%"
             "SystemRoot%%\\System32\\drivers\\acme.sys\"\n%s",
             base, STRINGS);
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    assert_int_equal(count_code(&r, "ISO109"), 1);
    const struct inf_finding *f = finding_of(&r, "ISO109");
    assert_null(strstr(f->message, "IoLogMsg")); /* only the offending element is named */
    assert_non_null(strstr(f->message, "drivers\\acme.sys"));
    inf_file_result_free(&r);
}

/* ISO109's fix writes the whole value back as the token it was: the global paths of its files
 * become their driver-store paths (with the destination's subdirectory), and every '%' and '"'
 * of the rest is doubled again. */
static void iso109_fix_writes_the_value_back_escaped(void **state)
{
    (void)state;
    const char *text =
        HEAD "[SourceDisksFiles]\na.dll=1,sub\n[DestinationDirs]\nFiles=13,sub\n"
             "[Inst.NT]\nCopyFiles=Files\nAddReg=R\n[Files]\na.dll\n[R]\n"
             "HKR,,V,,\"%SystemRoot%\\System32\\a.dll 100%% \"\"q\"\" x;%11%\\a.dll\"\n" STRINGS;
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    const struct inf_finding *f = finding_of(&r, "ISO109");
    assert_non_null(f);
    assert_non_null(f->fix);
    assert_int_equal(f->fix->edit_count, 1);
    assert_string_equal(f->fix->edits[0].replacement,
                        "\"%13%\\sub\\a.dll 100%% \"\"q\"\" x;%13%\\sub\\a.dll\"");
    assert_string_equal(f->fix->description, "point at the driver-store copy, %13%\\sub\\a.dll");
    inf_file_result_free(&r);
}

/* A fix's edit covers the bytes of its token in the file as read, however many bytes its
 * characters take there: an 8-bit file with high bytes inside the token, and its UTF-16LE
 * twin (each character two bytes). */
static void fix_edits_cover_their_tokens_bytes(void **state)
{
    (void)state;
    const char *text =
        HEAD "[SourceDisksFiles]\na.dll=1\n[DestinationDirs]\nFiles=13\n"
             "[Inst.NT]\nCopyFiles=Files\nAddReg=R\n[Files]\na.dll\n[R]\n"
             "HKR,,V,,\"%SystemRoot%\\System32\\a.dll /Ger\xE4t=\xFC\xFC\"\n" STRINGS;
    const char *token = "\"%SystemRoot%\\System32\\a.dll /Ger\xE4t=\xFC\xFC\"";
    size_t len = strlen(text), token_len = strlen(token);
    for (int utf16 = 0; utf16 <= 1; utf16++) {
        size_t width = utf16 ? 2 : 1, bom = utf16 ? 2 : 0, n = bom + len * width;
        unsigned char *bytes = inf_xmalloc(n + 1);
        memcpy(bytes, "\xFF\xFE", bom);
        for (size_t i = 0; i < len; i++) { /* Latin-1 to UTF-16LE: the byte, then 0 */
            bytes[bom + i * width] = (unsigned char)text[i];
            if (utf16)
                bytes[bom + i * width + 1] = 0;
        }
        struct inf_file_result r;
        lint_bytes(&r, bytes, n, NULL, 0);
        const struct inf_finding *f = finding_of(&r, "ISO109");
        assert_non_null(f);
        assert_non_null(f->fix);
        const struct inf_fix_edit *e = &f->fix->edits[0];
        size_t at = (size_t)(strstr(text, token) - text);
        assert_int_equal(e->byte_start, bom + at * width);
        assert_int_equal(e->byte_end, bom + (at + token_len) * width);
        inf_file_result_free(&r);
        free(bytes);
    }
}

/* ISO101 names the architectures of every copy through the entry, not of the first one. */
static void iso101_arch_note_covers_every_copy(void **state)
{
    (void)state;
    const char *text =
        "[Version]\nSignature=\"$Windows NT$\"\nPnpLockdown=1\n"
        "[Manufacturer]\nM=Models,NTamd64.10.0...16299,NTx86.10.0...16299\n"
        "[Models.NTamd64.10.0...16299]\nD=Inst,HW\n[Models.NTx86.10.0...16299]\nD=Inst,HW\n"
        "[Inst.NTx86]\nCopyFiles=F86\n[Inst.NTamd64]\nCopyFiles=F64\n"
        "[F86]\na.sys\n[F64]\nb.sys\n"
        "[SourceDisksNames]\n1=d\n[SourceDisksFiles]\na.sys=1\nb.sys=1\n"
        "[DestinationDirs]\nDefaultDestDir=12\n";
    struct inf_file_result r;
    lint_named(&r, "t.inf", text);
    const struct inf_finding *f = finding_of(&r, "ISO101");
    assert_non_null(f);
    assert_null(strstr(f->message, "(on ")); /* x86 and amd64 copies both use it */
    inf_file_result_free(&r);
}

/* A rule of this test: every live AddReg line gets a fix of nine insertions, each a long
 * text naming its place, made unsafe; a fix begun before it and never reported is dropped. */
#define FIX_EDITS 9
static void check_many_edits(struct inf_check *c)
{
    char payload[1200];
    for (size_t i = 0; i < c->graph->registry_count; i++) {
        const struct inf_registry_write *r = &c->graph->registry[i];
        inf_fix_begin(c, INF_FIX_SAFE, "dropped");
        inf_fix_begin(c, INF_FIX_SAFE, "insert nine marks");
        for (uint32_t k = 0; k < FIX_EDITS; k++) {
            int n = snprintf(payload, sizeof payload, "<%u.%u>", (unsigned)i, (unsigned)k);
            memset(payload + n, 'x', sizeof payload - 1 - (size_t)n);
            payload[sizeof payload - 1] = '\0';
            inf_fix_insert(c, r->span.start + k, payload);
        }
        inf_fix_unsafe(c, "a test's marks");
        inf_report(c, r->span, 0, NULL, "line %zu", i);
    }
}
static const struct inf_rule many_edits_rule = {.code = "TEST001",
                                                .name = "many-edits",
                                                .severity = INF_SEVERITY_ERROR,
                                                .summary = "-",
                                                .explanation = "-",
                                                .bad_example = "",
                                                .good_example = "",
                                                .check = check_many_edits};

/* Fixes live in their result's text arena: many fixes of many edits each come out whole,
 * their edits in order past every doubling of the array, in a bounded number of blocks. */
static void fixes_of_many_edits_live_with_their_findings(void **state)
{
    (void)state;
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_adds(&text, HEAD "[Inst.NT]\nAddReg=Regs\n[Regs]\n");
    for (int i = 0; i < 300; i++)
        inf_buf_printf(&text, "HKR,,Value%d,,%d\n", i, i);
    inf_buf_adds(&text, STRINGS);
    const struct inf_rule *const rules[] = {&many_edits_rule};
    struct inf_file_result r;
    lint_bytes(&r, text.data, text.len, rules, 1);
    assert_int_equal(count_code(&r, "TEST001"), 300);
    size_t blocks = inf_finding_texts_block_count(&r);
    assert_true(blocks >= 2 && blocks <= 16); /* 3 MB of edits */
    for (size_t i = 0; i < r.count; i++) {
        const struct inf_finding *f = &r.findings[i];
        if (strcmp(f->rule->code, "TEST001") != 0)
            continue;
        unsigned line_index = 0;
        assert_int_equal(sscanf(f->message, "line %u", &line_index), 1);
        assert_non_null(f->fix);
        assert_int_equal(f->fix->applicability, INF_FIX_UNSAFE);
        assert_string_equal(f->fix->description, "insert nine marks (unsafe: a test's marks)");
        assert_int_equal(f->fix->edit_count, FIX_EDITS);
        for (unsigned k = 0; k < FIX_EDITS; k++) {
            const struct inf_fix_edit *e = &f->fix->edits[k];
            char want[32];
            snprintf(want, sizeof want, "<%u.%u>", line_index, k);
            assert_memory_equal(e->replacement, want, strlen(want));
            assert_int_equal(strlen(e->replacement), 1199);
            assert_int_equal(e->line, f->line);
            assert_int_equal(e->column, f->column + k);
        }
    }
    inf_file_result_free(&r);
    assert_null(r.texts);
    inf_buf_free(&text);
}

extern const struct inf_rule example_rule_imagepath; /* example_rule_imagepath.c */

/* The guide's example rule, run through the engine beside the registry. */
static void example_rule_of_the_guide_runs(void **state)
{
    (void)state;
    const char *text = HEAD "[Inst.NT]\nAddService=acme,2,Svc\n[Svc]\nServiceType=1\n"
                            "StartType=3\nErrorControl=1\nServiceBinary=%13%\\a.sys\n"
                            "AddReg=Svc_Reg\n[Svc_Reg]\nHKR,,ImagePath,,a.sys\n"
                            "HKR,Parameters,Mode,,1\n[Dead_Reg]\nHKR,,ImagePath,,b.sys\n" STRINGS;
    const struct inf_rule *const rules[] = {&example_rule_imagepath};
    struct inf_file_result r;
    lint_bytes(&r, text, strlen(text), rules, 1);
    assert_int_equal(count_code(&r, "EXAMPLE001"), 1); /* the live line only, not Dead_Reg */
    const struct inf_finding *f = finding_of(&r, "EXAMPLE001");
    assert_int_equal(f->line, 19); /* the ImagePath line of [Svc_Reg] */
    assert_string_equal(f->message, "AddReg writes ImagePath under HKR");
    inf_file_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(iso101_fires_once_per_used_entry),
        cmocka_unit_test(iso101_not_in_dead_sections_or_downlevel_paths),
        cmocka_unit_test(iso101_respects_min_build),
        cmocka_unit_test(iso102_compares_package_and_store_subdirectories),
        cmocka_unit_test(iso103_renames_only),
        cmocka_unit_test(iso104_duplicates),
        cmocka_unit_test(iso105_two_sources_one_destination),
        cmocka_unit_test(iso106_roots_and_hints),
        cmocka_unit_test(iso107_service_key_outside_parameters),
        cmocka_unit_test(iso108_service_binary),
        cmocka_unit_test(iso109_global_path_to_own_file),
        cmocka_unit_test(global_path_finder),
        cmocka_unit_test(global_path_finder_agrees_with_slow_search),
        cmocka_unit_test(iso110_iso111_registry_values),
        cmocka_unit_test(iso112_legacy_directives),
        cmocka_unit_test(iso113_store_incompatible_lists),
        cmocka_unit_test(iso114_pnplockdown),
        cmocka_unit_test(iso115_dirid13_before_1709),
        cmocka_unit_test(iso116_umdf_versions),
        cmocka_unit_test(inf005_undefined_strings),
        cmocka_unit_test(inf006_missing_sections),
        cmocka_unit_test(inf007_inf008_inf009),
        cmocka_unit_test(inf010_version),
        cmocka_unit_test(inf001_encodings),
        cmocka_unit_test(inf002_inf003_parse_problems),
        cmocka_unit_test(inf004_duplicates_after_the_first),
        cmocka_unit_test(inf011_inf012_inf015),
        cmocka_unit_test(inf013_localized_keys),
        cmocka_unit_test(inf014_template_tokens),
        cmocka_unit_test(inf016_unused_sections),
        cmocka_unit_test(profiles_change_severities_and_allowances),
        cmocka_unit_test(options_select_ignore_and_severity),
        cmocka_unit_test(many_findings_share_few_text_blocks),
        cmocka_unit_test(expected_findings_are_added_in_place),
        cmocka_unit_test(inf004_texts_of_a_long_name_are_cut_as_any),
        cmocka_unit_test(fingerprints_from_kept_line_hashes_match_the_lines),
        cmocka_unit_test(line_hash_reads_the_line_as_defined),
        cmocka_unit_test(findings_name_their_sections_in_any_order),
        cmocka_unit_test(json_diagnostics_name_their_findings_rules),
        cmocka_unit_test(findings_sort_is_stable_and_keeps_the_first),
        cmocka_unit_test(fingerprints_survive_inserted_lines),
        cmocka_unit_test(example_rule_of_the_guide_runs),
        cmocka_unit_test(fixes_of_many_edits_live_with_their_findings),
        cmocka_unit_test(iso101_arch_note_covers_every_copy),
        cmocka_unit_test(iso109_path_lists_element_by_element),
        cmocka_unit_test(iso109_fix_writes_the_value_back_escaped),
        cmocka_unit_test(fix_edits_cover_their_tokens_bytes),
        cmocka_unit_test(iso111_framework_coinstallers_are_warnings),
        cmocka_unit_test(inf022_provider_microsoft),
        cmocka_unit_test(inf023_inf026_primitive_sections),
        cmocka_unit_test(inf006_every_reachable_section),
        cmocka_unit_test(inf020_reserved_setup_class),
        cmocka_unit_test(inf021_classinstall32_system_class),
        cmocka_unit_test(inf024_no_device_installed),
        cmocka_unit_test(inf025_section_two_directives),
        cmocka_unit_test(infverif_table_agrees_with_registry),
        cmocka_unit_test(excerpt_window_counts_characters),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
