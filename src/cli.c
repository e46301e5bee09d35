/*
 * cli.c - the option table and the parser, --help and man page generator
 * that read it (in the style of curl's tool_getparam.c: one row per option).
 */
#include "cli.h"
#include "inflint/alloc.h"
#include "inflint/config.h"
#include "inflint/profile.h"
#include "inflint/report.h"

#include "infverif_switches.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

/* A handler stores VALUE (NULL for a flag) in CLI; returns 0, 1 (stop parsing) or -1 (error). */
typedef int (*option_handler)(struct inf_cli *cli, const char *value);

struct option {
    const char *name;     /* the long name, without "--" */
    char short_name;      /* or 0 */
    const char *argument; /* the value's name in help, NULL for a flag */
    const char *help;     /* one line of --help */
    const char *man;      /* the man page paragraph (roff) */
    option_handler handle;
};

static int set_format(struct inf_cli *cli, const char *v)
{
    cli->run.format = v;
    return 0;
}

static int set_dump(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->mode = INF_CLI_DUMP;
    return 0;
}

static int set_stdin_filename(struct inf_cli *cli, const char *v)
{
    cli->run.stdin_filename = v;
    return 0;
}

static int set_jobs(struct inf_cli *cli, const char *v)
{
    char *end;
    long jobs = strtol(v, &end, 10);
    if (!*v || *end || jobs < 1 || jobs > 1024) {
        inf_tool_message("--jobs takes a number of threads from 1 to 1024 (got '%s')", v);
        return -1;
    }
    cli->run.jobs = (int)jobs;
    return 0;
}

static int set_profile(struct inf_cli *cli, const char *v)
{
    int profile = inf_profile_parse(v);
    if (profile < 0) {
        inf_tool_message("--profile takes isolation, universal or whql (got '%s')", v);
        return -1;
    }
    cli->run.lint.rule.profile = (enum inf_profile)profile;
    cli->run.has_profile = 1;
    return 0;
}

static int set_min_build(struct inf_cli *cli, const char *v)
{
    /* A build number (17763), or InfVerif's /wbuild form: major.minor.build (10.0.17763). */
    uint32_t build;
    if (inf_parse_build(v, &build) != 0) {
        inf_tool_message("--min-build takes a build number, such as 17763 or 10.0.17763");
        return -1;
    }
    cli->run.lint.rule.min_build = build;
    cli->run.has_min_build = 1;
    return 0;
}

static void append_list(struct inf_buf *list, const char *items)
{
    if (list->len)
        inf_buf_addc(list, ',');
    inf_buf_adds(list, items);
}

static int add_select(struct inf_cli *cli, const char *v)
{
    append_list(&cli->select, v);
    cli->has_select = 1;
    return 0;
}

static int add_ignore(struct inf_cli *cli, const char *v)
{
    append_list(&cli->ignore, v);
    return 0;
}

/* Says NAME is no rule, with the closest code or name when it looks like a typo of one. */
static void unknown_rule(const char *name)
{
    const char *best = inf_suggest_rule(name);
    if (best)
        inf_tool_message("unknown rule '%s' (did you mean %s?)", name, best);
    else
        inf_tool_message("unknown rule '%s' (see inflint --list-rules)", name);
}

static int set_severity(struct inf_cli *cli, const char *v)
{
    const char *eq = strchr(v, '=');
    int level = eq ? inf_severity_parse(eq + 1) : -1;
    char *rule = eq ? inf_xstrndup(v, (size_t)(eq - v)) : NULL;
    if (rule && !inf_rule_find(rule)) {
        unknown_rule(rule);
        free(rule);
        return -1;
    }
    int ok = level >= 0 && rule &&
             inf_lint_options_set_severity(&cli->run.lint, rule, (enum inf_severity)level) == 0;
    free(rule);
    if (!ok) {
        inf_tool_message("--severity takes RULE=LEVEL with a known rule and a level of "
                         "error, warning, note or off (got '%s')",
                         v);
        return -1;
    }
    return 0;
}

static int set_fail_on(struct inf_cli *cli, const char *v)
{
    if (strcmp(v, "never") == 0) {
        cli->run.fail_on = INF_FAIL_NEVER;
    } else if ((cli->run.fail_on = inf_severity_parse(v)) <= 0) {
        inf_tool_message("--fail-on takes error, warning, note or never (got '%s')", v);
        return -1;
    }
    return 0;
}

static int set_config(struct inf_cli *cli, const char *v)
{
    cli->run.config_path = v;
    return 0;
}

static int set_no_project(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.no_project = 1;
    return 0;
}

static int set_configuration(struct inf_cli *cli, const char *v)
{
    if (!strchr(v, '|')) {
        inf_tool_message("--configuration takes Configuration|Platform, e.g. 'Release|x64' "
                         "(got '%s')",
                         v);
        return -1;
    }
    cli->run.configuration = v;
    return 0;
}

static int set_infverif_options(struct inf_cli *cli, const char *v)
{
    cli->run.infverif_options = v;
    return 0;
}

static int set_fix(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.fix = 1;
    return 0;
}

static int set_unsafe_fixes(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.unsafe_fixes = 1;
    return 0;
}

static int set_diff(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.diff = 1;
    return 0;
}

static int set_source(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.source = 1;
    return 0;
}

static int set_verbose(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.verbose = 1;
    return 0;
}

static int set_no_config(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.no_config = 1;
    return 0;
}

static int set_baseline(struct inf_cli *cli, const char *v)
{
    cli->run.baseline = v;
    return 0;
}

static int set_write_baseline(struct inf_cli *cli, const char *v)
{
    cli->run.write_baseline = v;
    return 0;
}

static int set_output_file(struct inf_cli *cli, const char *v)
{
    cli->run.output_file = v;
    return 0;
}

static int set_force_exclude(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.force_exclude = 1;
    return 0;
}

static int set_statistics(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.statistics = 1;
    return 0;
}

static int set_report_unused(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.lint.report_unused_suppressions = 1;
    return 0;
}

static int set_list_rules(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->mode = INF_CLI_LIST_RULES;
    return 0;
}

static int set_list_infverif(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->mode = INF_CLI_LIST_INFVERIF;
    return 0;
}

static int set_explain(struct inf_cli *cli, const char *v)
{
    cli->mode = INF_CLI_EXPLAIN;
    cli->explain = v;
    return 0;
}

static int set_color(struct inf_cli *cli, const char *v)
{
    if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never")) {
        inf_tool_message("--color takes auto, always or never (got '%s')", v);
        return -1;
    }
    cli->run.color = v;
    return 0;
}

static int set_quiet(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->run.quiet = 1;
    return 0;
}

static int ask_version(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->mode = INF_CLI_VERSION;
    return 1;
}

static int ask_help(struct inf_cli *cli, const char *v)
{
    (void)v;
    cli->mode = INF_CLI_HELP;
    return 1;
}

static const struct option options[] = {
    {"format", 'f', "FMT",
     "text (default), gcc, msvc, json, sarif, github, junit, checkstyle, gitlab",
     "\\fBtext\\fR (default; the line, a caret and a hint), \\fBgcc\\fR, \\fBmsvc\\fR\n"
     "(Visual Studio and MSBuild), \\fBjson\\fR, \\fBsarif\\fR (SARIF 2.1.0 for code\n"
     "scanning), \\fBgithub\\fR (workflow annotations), \\fBjunit\\fR (test results for\n"
     "Azure Pipelines, Jenkins, GitLab), \\fBcheckstyle\\fR (Jenkins Warnings NG,\n"
     "reviewdog) or \\fBgitlab\\fR (GitLab Code Quality).",
     set_format},
    {"dump-model", 0, NULL, "print the parsed model as JSON instead of linting",
     "Print the parsed model as JSON instead of linting.", set_dump},
    {"stdin-filename", 0, "NAME", "name (and so .inx-ness) of the INF read from -",
     "The name of the file read from \\fB\\-\\fR (its extension decides whether it is a\n"
     "template).",
     set_stdin_filename},
    {"jobs", 'j', "N", "lint files in parallel (default: number of CPUs)",
     "Lint files on \\fIN\\fR threads (default: the number of CPUs); the output is the\n"
     "same as with \\fB\\-j 1\\fR.",
     set_jobs},
    {"profile", 0, "NAME", "isolation (default, InfVerif /w), universal (/u), whql (/h)",
     "\\fBisolation\\fR (default, InfVerif /w), \\fBuniversal\\fR (/u) or \\fBwhql\\fR (/h).",
     set_profile},
    {"min-build", 0, "N", "enforce ISO rules on paths reaching build N+ (17763, 10.0.17763)",
     "Enforce the isolation rules on install paths that reach build \\fIN\\fR or later\n"
     "(default 17763); older paths are exempt.",
     set_min_build},
    {"select", 0, "IDS", "only these rules (codes, names or ISO/INF), comma-separated",
     "Only these rules: comma-separated codes (ISO101), names\n"
     "(dest-not-driver-store) or families (ISO, INF).",
     add_select},
    {"ignore", 0, "IDS", "not these rules", "Not these rules (as for \\fB\\-\\-select\\fR).",
     add_ignore},
    {"severity", 0, "ID=LEVEL", "error, warning, note or off for one rule",
     "Set one rule to \\fBerror\\fR, \\fBwarning\\fR, \\fBnote\\fR or \\fBoff\\fR.", set_severity},
    {"fail-on", 0, "LEVEL", "error (default), warning, note or never",
     "Exit with status 1 when a finding is at least \\fBerror\\fR (default),\n"
     "\\fBwarning\\fR or \\fBnote\\fR; \\fBnever\\fR never fails.",
     set_fail_on},
    {"config", 0, "FILE", "use this .inflint.ini (default: nearest one above each file)",
     "Use this configuration file (default: the nearest\n.I .inflint.ini\n"
     "at or above each linted file).",
     set_config},
    {"no-config", 0, NULL, "use no configuration file", "Use no configuration file.",
     set_no_config},
    {"no-project", 0, NULL, "read no WDK project (.vcxproj) for the INFs' settings",
     "Do not read the WDK projects (\\fB.vcxproj\\fR) that build the INFs: no profile,\n"
     "InfVerif switches or stamping come from them.",
     set_no_project},
    {"configuration", 0, "C|P", "the project configuration to follow, e.g. 'Release|x64'",
     "Follow this configuration of each WDK project (e.g. \\fB'Release|x64'\\fR) instead\n"
     "of the strictest of them all.",
     set_configuration},
    {"infverif-options", 0, "SW", "InfVerif switches, as a build script passes them",
     "InfVerif switches as a build script passes them to msbuild, e.g.\n"
     "\\fB\\-\\-infverif-options '/samples /sw1284'\\fR: \\fB/w\\fR, \\fB/u\\fR, \\fB/h\\fR set "
     "the\n"
     "profile, \\fB/swCODE\\fR and \\fB/samples\\fR turn off the rules of those codes,\n"
     "\\fB/wbuild\\fR sets the minimum build.",
     set_infverif_options},
    {"fix", 0, NULL, "apply the safe fixes in place, then report what remains",
     "Apply the safe fixes (\\fB[*]\\fR in the text output) to the files in place, atomically,\n"
     "keeping their encoding, line endings and every byte outside the edits; then report\n"
     "the findings that remain, with the usual exit status.",
     set_fix},
    {"unsafe-fixes", 0, NULL, "with --fix or --diff, apply the unsafe fixes too",
     "With \\fB\\-\\-fix\\fR or \\fB\\-\\-diff\\fR, the unsafe fixes too (they change behaviour\n"
     "that driver code may rely on; each says why).",
     set_unsafe_fixes},
    {"diff", 0, NULL, "print the unified diff --fix would make; change nothing",
     "Print the unified diff (UTF-8) of what \\fB\\-\\-fix\\fR would change and write nothing:\n"
     "exit status 1 when there is something to fix, 0 when not, 2 on errors.",
     set_diff},
    {"source", 0, NULL, "scan C and C++ driver source too (SRC rules)",
     "Directories are searched for C and C++ files (\\fB.c .cc .cpp .cxx .h .hh .hpp .hxx\\fR)\n"
     "too, which the SRC rules check for hard-coded registry and file paths; INFs are\n"
     "still linted. A C or C++ file named on the command line is always scanned.",
     set_source},
    {"verbose", 'v', NULL, "say where each file's settings come from",
     "Say on standard error which WDK project and configuration each INF takes its\n"
     "settings from, and which INFs no project builds.",
     set_verbose},
    {"baseline", 0, "FILE", "hide the findings recorded in FILE; report stale entries",
     "Hide the findings recorded in \\fIFILE\\fR; report its stale entries (INF019).",
     set_baseline},
    {"write-baseline", 0, "FILE", "record the current findings in FILE and exit 0",
     "Record the current findings in \\fIFILE\\fR (written atomically) and exit 0.",
     set_write_baseline},
    {"output-file", 'o', "FILE", "write the report to FILE (UTF-8, atomically) instead of stdout",
     "Write the report to \\fIFILE\\fR instead of standard output: UTF-8 whatever the\n"
     "shell, written atomically (readers see the old file or the whole new one).",
     set_output_file},
    {"force-exclude", 0, NULL, "apply configured excludes to files named explicitly too",
     "Apply the \\fBexclude\\fR patterns of the configuration to files named on the\n"
     "command line too (as pre-commit passes them), not only to files found in\n"
     "directories.",
     set_force_exclude},
    {"statistics", 0, NULL, "count the findings per rule instead of listing them",
     "Print how many findings each rule has, at each severity, instead of the\n"
     "findings (\\fB\\-\\-format json\\fR: as JSON). The exit status is the same.",
     set_statistics},
    {"report-unused-suppressions", 0, NULL, "report suppressions that hide nothing (INF018)",
     "Report suppressions that hide nothing (INF018).", set_report_unused},
    {"list-rules", 0, NULL, "the rules with their severity (--format text, json, markdown)",
     "The rules with their effective severity and InfVerif codes; with \\fB\\-\\-format\n"
     "json\\fR as JSON, with \\fB\\-\\-format markdown\\fR the rules reference.",
     set_list_rules},
    {"list-infverif", 0, NULL, "InfVerif's codes and the rules that cover them",
     "Every InfVerif code with its level under \\fB/k\\fR, \\fB/u\\fR and \\fB/w\\fR, and the\n"
     "inflint rules that cover it, or why none does (with \\fB\\-\\-format markdown\\fR: a\n"
     "markdown table).",
     set_list_infverif},
    {"explain", 0, "ID", "what a rule (or an InfVerif code) checks, and how to fix it",
     "One rule's explanation with a reported and a fixed example; with an InfVerif code\n"
     "(\\fB\\-\\-explain 1322\\fR), the rules that cover it, or that none does.",
     set_explain},
    {"color", 0, "WHEN", "auto (default), always, never; NO_COLOR is honoured",
     "\\fBauto\\fR (default: on a terminal, unless NO_COLOR is set), \\fBalways\\fR or\n"
     "\\fBnever\\fR.",
     set_color},
    {"quiet", 'q', NULL, "no summary line", "No summary line.", set_quiet},
    {"version", 0, NULL, "print the version", "Print the version and exit.", ask_version},
    {"help", 'h', NULL, "this help", "Print the options and exit.", ask_help},
};

#define OPTION_COUNT (sizeof options / sizeof options[0])

/*
 * The option ARG names, with its value: "--name=v", "--name v", "-xv" or
 * "-x v". Sets *VALUE (NULL for a flag) and may consume the next argument
 * (*I moves). Returns the option, or NULL when ARG names none; *MISSING is
 * set when the option needs a value that is not there.
 */
static const struct option *match(int argc, char **argv, int *i, const char **value, int *missing)
{
    const char *arg = argv[*i];
    *value = NULL;
    *missing = 0;
    for (size_t k = 0; k < OPTION_COUNT; k++) {
        const struct option *o = &options[k];
        size_t n = strlen(o->name);
        int is_long = arg[0] == '-' && arg[1] == '-' && strncmp(arg + 2, o->name, n) == 0;
        int is_short = o->short_name && arg[0] == '-' && arg[1] == o->short_name;
        if (is_long && arg[2 + n] == '=' && o->argument) {
            *value = arg + 3 + n;
            return o;
        }
        if (is_short && arg[2] != '\0' && o->argument) {
            *value = arg + 2; /* "-j4", "-fjson" */
            return o;
        }
        if ((is_long && arg[2 + n] == '\0') || (is_short && arg[2] == '\0')) {
            if (o->argument) {
                if (*i + 1 >= argc)
                    *missing = 1;
                else
                    *value = argv[++*i];
            }
            return o;
        }
    }
    return NULL;
}

/* Says ARG is no option, with the closest option name when it looks like a typo of one. */
static void unknown_option(const char *arg)
{
    const char *name = arg + strspn(arg, "-");
    size_t len = strcspn(name, "=");
    char word[64];
    const char *names[OPTION_COUNT];
    for (size_t k = 0; k < OPTION_COUNT; k++)
        names[k] = options[k].name;
    const char *best = NULL;
    if (len > 0 && len < sizeof word) {
        memcpy(word, name, len);
        word[len] = '\0';
        best = inf_suggest(word, names, OPTION_COUNT);
    }
    if (best)
        inf_tool_message("unknown option '%s' (did you mean --%s?)", arg, best);
    else
        inf_tool_message("unknown option '%s' (see inflint --help)", arg);
}

/* The checks that need the whole command line. Returns 0 or -1 (printed). */
static int check_together(struct inf_cli *cli)
{
    struct inf_run_options *run = &cli->run;
    int listing = cli->mode == INF_CLI_LIST_RULES || cli->mode == INF_CLI_LIST_INFVERIF;
    if (listing && run->format && strcmp(run->format, "text") != 0 &&
        strcmp(run->format, "markdown") != 0 &&
        !(cli->mode == INF_CLI_LIST_RULES && strcmp(run->format, "json") == 0)) {
        inf_tool_message("--list-%s takes --format text, %smarkdown (got '%s')",
                         cli->mode == INF_CLI_LIST_RULES ? "rules" : "infverif",
                         cli->mode == INF_CLI_LIST_RULES ? "json or " : "", run->format);
        return -1;
    }
    if (!listing && run->format && !inf_reporter_find(run->format)) {
        inf_tool_message("unknown format '%s': use text, gcc, msvc, json, sarif, github, junit, "
                         "checkstyle or gitlab",
                         run->format);
        return -1;
    }
    if (run->config_path && run->no_config) {
        inf_tool_message("--config and --no-config exclude each other");
        return -1;
    }
    run->select = cli->has_select ? cli->select.data : NULL;
    run->ignore = cli->ignore.len ? cli->ignore.data : NULL;
    char bad[128];
    if (inf_lint_options_filter(&run->lint, run->select, run->ignore, bad, sizeof bad) != 0) {
        unknown_rule(bad);
        return -1;
    }
    return 0;
}

int inf_cli_parse(struct inf_cli *cli, int argc, char **argv)
{
    memset(cli, 0, sizeof *cli);
    inf_lint_options_init(&cli->run.lint);
    cli->run.paths = inf_xcalloc((size_t)argc + 1, sizeof *cli->run.paths);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *value;
        int missing;
        const struct option *o = match(argc, argv, &i, &value, &missing);
        if (o && missing) {
            inf_tool_message("option --%s needs a value", o->name);
            return -1;
        }
        if (o) {
            int r = o->handle(cli, value);
            if (r != 0)
                return r < 0 ? -1 : 0;
        } else if (strcmp(arg, "--") == 0) {
            while (++i < argc)
                cli->run.paths[cli->run.path_count++] = argv[i];
        } else if (arg[0] == '-' && arg[1] != '\0') {
            unknown_option(arg);
            return -1;
        } else {
            cli->run.paths[cli->run.path_count++] = argv[i];
        }
    }
    return check_together(cli);
}

void inf_cli_free(struct inf_cli *cli)
{
    inf_lint_options_free(&cli->run.lint);
    inf_buf_free(&cli->select);
    inf_buf_free(&cli->ignore);
    free(cli->run.paths);
    memset(cli, 0, sizeof *cli);
}

void inf_cli_help(struct inf_buf *out)
{
    inf_buf_adds(out,
                 "usage: inflint [OPTIONS] PATH...\n"
                 "Checks Windows driver INF files for driver package isolation.\n"
                 "PATH is a file, a directory (searched for *.inf and *.inx) or - (stdin).\n\n");
    for (size_t k = 0; k < OPTION_COUNT; k++) {
        const struct option *o = &options[k];
        size_t start = out->len;
        if (o->short_name)
            inf_buf_printf(out, "  -%c, --%s", o->short_name, o->name);
        else
            inf_buf_printf(out, "      --%s", o->name);
        if (o->argument)
            inf_buf_printf(out, " %s", o->argument);
        size_t width = out->len - start;
        inf_buf_printf(out, "%*s%s\n", width < 28 ? (int)(28 - width) : 2, "", o->help);
    }
    inf_buf_adds(out, "\nExit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O "
                      "error.\n");
}

/* NAME with every '-' escaped for roff. */
static void add_roff_name(struct inf_buf *out, const char *name)
{
    for (const char *p = name; *p; p++) {
        if (*p == '-')
            inf_buf_addc(out, '\\');
        inf_buf_addc(out, *p);
    }
}

void inf_cli_man_options(struct inf_buf *out)
{
    for (size_t k = 0; k < OPTION_COUNT; k++) {
        const struct option *o = &options[k];
        inf_buf_adds(out, ".TP\n.BR ");
        if (o->short_name)
            inf_buf_printf(out, "\\-%c \", \" ", o->short_name);
        inf_buf_adds(out, "\\-\\-");
        add_roff_name(out, o->name);
        if (o->argument)
            inf_buf_printf(out, " \" \" \\fI%s\\fR", o->argument);
        inf_buf_printf(out, "\n%s\n", o->man);
    }
}
