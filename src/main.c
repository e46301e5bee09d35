/*
 * main.c - the inflint command line (conventions.md 4): parse the options
 * (cli.c), then list rules, explain one, or run over the paths (run.c), and
 * exit 0 (nothing at or above --fail-on), 1 (findings) or 2 (usage, I/O,
 * memory).
 */
#include "cli.h"
#include "infverif_codes.h"
#include "inflint/inflint.h"
#include "inflint/profile.h"
#include "os.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The effective severity of rule INDEX under CLI: --severity, else the profile's. */
static const char *effective_severity(const struct inf_cli *cli, size_t index, char *buf)
{
    const struct inf_rule *r = inf_rules[index];
    const struct inf_lint_options *lint = &cli->run.lint;
    if (!lint->enabled[index])
        return "off";
    if (lint->severity[index] >= 0)
        return inf_severity_name((enum inf_severity)lint->severity[index]);
    char levels[24];
    snprintf(buf, 32, "%s%s", inf_rule_levels_text(r, lint->rule.profile, levels, sizeof levels),
             inf_profile_has_allowances(r, lint->rule.profile) ? "*" : "");
    return buf;
}

static int list_rules(const struct inf_cli *cli)
{
    if (cli->run.format && strcmp(cli->run.format, "markdown") == 0) {
        struct inf_buf out = INF_BUF_INIT;
        inf_rules_markdown(&out);
        fwrite(out.data, 1, out.len, stdout);
        inf_buf_free(&out);
        return 0;
    }
    char buf[32], codes[64];
    if (cli->run.format && strcmp(cli->run.format, "json") == 0) {
        struct inf_buf out = INF_BUF_INIT;
        inf_buf_adds(&out, "[");
        for (size_t i = 0; i < inf_rule_count; i++) {
            const struct inf_rule *r = inf_rules[i];
            const struct inf_lint_options *lint = &cli->run.lint;
            enum inf_severity level = !lint->enabled[i] ? INF_SEVERITY_OFF
                                      : lint->severity[i] >= 0
                                          ? (enum inf_severity)lint->severity[i]
                                          : inf_profile_severity(r, lint->rule.profile);
            inf_buf_printf(&out,
                           "%s\n  {\"code\": \"%s\", \"name\": \"%s\", \"severity\": \"%s\", "
                           "\"default\": \"%s\", ",
                           i ? "," : "", r->code, r->name, inf_severity_name(level),
                           inf_severity_name(r->severity));
            if (r->lower_severity != INF_SEVERITY_OFF && lint->severity[i] < 0)
                inf_buf_printf(&out, "\"lower_severity\": \"%s\", ",
                               inf_severity_name(r->lower_severity));
            inf_buf_adds(&out, "\"infverif\": [");
            for (size_t k = 0; r->infverif[k]; k++)
                inf_buf_printf(&out, "%s%u", k ? ", " : "", r->infverif[k]);
            inf_buf_adds(&out, "], \"summary\": ");
            inf_buf_add_json_string(&out, r->summary, strlen(r->summary));
            inf_buf_adds(&out, "}");
        }
        inf_buf_adds(&out, "\n]\n");
        fwrite(out.data, 1, out.len, stdout);
        inf_buf_free(&out);
        return 0;
    }
    printf("%-7s %-33s %-14s %-12s %s\n", "CODE", "NAME", "SEVERITY", "INFVERIF", "SUMMARY");
    for (size_t i = 0; i < inf_rule_count; i++) {
        const struct inf_rule *r = inf_rules[i];
        const char *infverif = inf_rule_infverif_text(r, codes, sizeof codes);
        if (strlen(infverif) > 12) /* ISO112's six codes: the range, as rules.md writes it */
            infverif = "1300-1309";
        printf("%-7s %-33s %-14s %-12s %s\n", r->code, r->name, effective_severity(cli, i, buf),
               infverif, r->summary);
    }
    enum inf_profile profile = cli->run.lint.rule.profile;
    printf("\nerror/warning: the rule's level, and a lower one some of its findings take by "
           "themselves (--explain ID says when)\n");
    printf("profile: %s%s\n", inf_profile_name(profile),
           profile != INF_PROFILE_ISOLATION
               ? " (* = some findings allowed or lowered to warnings by the profile)"
               : "");
    return 0;
}

static void print_indented(const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        printf("    %.*s\n", (int)len, p);
        p += len + (nl ? 1 : 0);
    }
}

static void explain_rule(const struct inf_rule *r);

/* --explain with a bare InfVerif code: what InfVerif reports with it, at which levels, and
 * the rules that cover it, or why none does. */
static int explain_infverif(const char *id)
{
    unsigned long code = strtoul(id, NULL, 10);
    const struct inf_infverif_code *known =
        code <= 0xffff ? inf_infverif_code((unsigned)code) : NULL;
    if (known)
        printf("InfVerif %lu: %s (/k: %s, /u: %s, /w: %s).\n\n", code, known->about,
               inf_infverif_level_name(known->kmdf), inf_infverif_level_name(known->universal),
               inf_infverif_level_name(known->windows_driver));
    int found = 0;
    for (size_t i = 0; i < inf_rule_count; i++)
        for (size_t k = 0; inf_rules[i]->infverif[k]; k++)
            if (inf_rules[i]->infverif[k] == code) {
                if (found++)
                    printf("\n");
                printf("InfVerif %lu is covered by %s.\n\n", code, inf_rules[i]->code);
                explain_rule(inf_rules[i]);
            }
    if (!found && known)
        printf("inflint has no rule for InfVerif %lu: %s.\n", code,
               known->not_covered ? known->not_covered : "none covers it");
    else if (!found)
        printf("inflint has no rule for InfVerif %lu, and InfVerif's published error table "
               "does not list it.\n",
               code);
    return 0;
}

static int explain(const char *id)
{
    if (id[0] && strspn(id, "0123456789") == strlen(id))
        return explain_infverif(id);
    const struct inf_rule *r = inf_rule_find(id);
    if (!r) {
        inf_tool_message("unknown rule '%s' (see inflint --list-rules)", id);
        return INF_EXIT_FAILURE;
    }
    explain_rule(r);
    return 0;
}

/* The full explanation of R, with a reported and a fixed example. */
static void explain_rule(const struct inf_rule *r)
{
    printf("%s %s (default: %s)\n\n%s\n\n%s\n\nExample that is reported:\n\n", r->code, r->name,
           inf_severity_name(r->severity), r->summary, r->explanation);
    print_indented(r->bad_example);
    printf("\nFixed:\n\n");
    print_indented(r->good_example);
}

/* Prints the --help text on STREAM. */
static void print_help(FILE *stream)
{
    struct inf_buf help = INF_BUF_INIT;
    inf_cli_help(&help);
    fputs(help.data, stream);
    inf_buf_free(&help);
}

int main(int argc, char **argv)
{
    struct inf_cli cli;
    int status = 0;
    inf_alloc_prepare_heap();
    inf_os_prepare_streams();
    argv = inf_os_utf8_arguments(argc, argv);
    if (inf_cli_parse(&cli, argc, argv) != 0) {
        status = INF_EXIT_FAILURE;
    } else if (cli.mode == INF_CLI_HELP) {
        print_help(stdout);
    } else if (cli.mode == INF_CLI_VERSION) {
        printf("inflint %s\n", INFLINT_VERSION);
    } else if (cli.mode == INF_CLI_LIST_RULES) {
        status = list_rules(&cli);
    } else if (cli.mode == INF_CLI_LIST_INFVERIF) {
        struct inf_buf out = INF_BUF_INIT;
        inf_infverif_list(&out, cli.run.format && strcmp(cli.run.format, "markdown") == 0);
        fwrite(out.data, 1, out.len, stdout);
        inf_buf_free(&out);
    } else if (cli.mode == INF_CLI_EXPLAIN) {
        status = explain(cli.explain);
    } else if (cli.run.path_count == 0) {
        print_help(stderr);
        status = INF_EXIT_FAILURE;
    } else {
        inf_os_guard_mapped_inputs();
        status = cli.mode == INF_CLI_DUMP ? inf_run_dump(&cli.run) : inf_run_lint(&cli.run);
    }
    inf_cli_free(&cli);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        inf_tool_message("error writing output");
        return INF_EXIT_FAILURE;
    }
    return status;
}
