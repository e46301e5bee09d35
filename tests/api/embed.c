/*
 * embed.c - an embedder of libinflint that sees only include/inflint/: lint
 * a buffer and a file, walk the findings, render a format, look a rule up.
 * Built without the library's private headers, so it fails to compile when
 * the public API stops being enough. usage: embed SAMPLES_DIR
 */
#include "inflint/inflint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void expect(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "ok" : "FAILED", what);
    failures += !ok;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: embed SAMPLES_DIR\n");
        return 2;
    }
    struct inf_lint_options options;
    inf_lint_options_init(&options);

    static const char text[] = "[Version]\nSignature=\"$Windows NT$\"\n"
                               "[Manufacturer]\nM=Models,NTamd64.10.0...16299\n"
                               "[Models.NTamd64.10.0...16299]\nD=Inst,HW\n"
                               "[Inst.NT]\nCopyFiles=Files\n[Files]\na.sys\n"
                               "[DestinationDirs]\nFiles=12\n"
                               "[SourceDisksNames]\n1=disk\n[SourceDisksFiles]\na.sys=1\n";
    unsigned char *bytes = malloc(sizeof text);
    memcpy(bytes, text, sizeof text);
    struct inf_file_result result;
    expect(inf_lint_buffer("buffer.inf", bytes, sizeof text - 1, &options, &result) == 0,
           "a buffer lints");
    int iso101 = 0, iso114 = 0;
    for (size_t i = 0; i < result.count; i++) {
        iso101 += strcmp(result.findings[i].rule->code, "ISO101") == 0;
        iso114 += strcmp(result.findings[i].rule->code, "ISO114") == 0;
    }
    expect(iso101 == 1 && iso114 == 1, "its findings name DIRID 12 and the missing PnpLockdown");

    const struct inf_reporter *json = inf_reporter_find("json");
    struct inf_report_options report = {0, 1, NULL, NULL, NULL};
    struct inf_summary summary = {0, 0, 0, 0};
    inf_summary_add(&summary, &result);
    struct inf_buf out = INF_BUF_INIT;
    json->write(&out, &result, 1, &summary, &report);
    expect(out.data && strstr(out.data, "\"rule\": \"ISO101\"") != NULL,
           "the json reporter renders them");
    inf_buf_free(&out);
    inf_file_result_free(&result);

    char path[4096];
    snprintf(path, sizeof path, "%s/rules/iso110-bad.inf", argv[1]);
    expect(inf_lint_file(path, &options, &result) == 0 && result.count > 0, "a file lints");
    inf_file_result_free(&result);
    expect(inf_lint_file("/nonexistent/x.inf", &options, &result) > 0 && result.error,
           "an unreadable file says why");
    inf_file_result_free(&result);

    const struct inf_rule *rule = inf_rule_find("copyfiles-rename");
    expect(rule && strcmp(rule->code, "ISO103") == 0 && inf_rule_count > 30,
           "the registry finds rules by name");
    inf_lint_options_free(&options);
    printf("%d passed, %d failed\n", 6 - failures, failures);
    return failures ? 1 : 0;
}
