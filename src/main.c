/*
 * main.c - the inflint command line (conventions.md 4): parse options,
 * expand directories, lint or dump every input, print one report, and exit
 * 0 (nothing at or above --fail-on), 1 (findings) or 2 (usage, I/O, memory).
 */
#include "inflint/inflint.h"
#include "inflint/baseline.h"
#include "inflint/config.h"
#include "inflint/profile.h"
#include "inflint/profile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
tool_message(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("inflint: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}

enum mode { MODE_LINT, MODE_DUMP, MODE_LIST_RULES, MODE_EXPLAIN };

struct options {
    enum mode mode;
    const char *format;
    const char *stdin_filename;
    int jobs;
    const char *explain;
    const char *color;
    int quiet;
    int fail_on; /* lowest failing severity, or INF_FAIL_NEVER; 0 = not given */
    struct inf_buf select, ignore;
    int has_select;
    struct inf_lint_options lint; /* what the command line says; config fills the rest */
    int has_profile, has_min_build;
    const char *config_path; /* --config */
    int no_config;
    int config_broken; /* a configuration file could not be loaded: the run ends */
    const char *baseline, *write_baseline;
    struct inf_config *configs;  /* loaded configuration files, by path */
    char *last_dir, *last_found; /* the last directory looked up, and its configuration file */
    size_t config_count, config_cap;
    char **paths;
    int path_count;
};

static const char usage_text[] =
    "usage: inflint [OPTIONS] PATH...\n"
    "Checks Windows driver INF files for driver package isolation.\n"
    "PATH is a file, a directory (searched for *.inf and *.inx) or - (stdin).\n\n"
    "  -f, --format FMT          text (default), gcc, msvc, json, sarif, github\n"
    "      --dump-model          print the parsed model as JSON instead of linting\n"
    "      --stdin-filename NAME name (and so .inx-ness) of the INF read from -\n"
    "  -j, --jobs N              lint files in parallel (default: number of CPUs)\n"
    "      --profile NAME        isolation (default, InfVerif /w), universal (/u), whql (/h)\n"
    "      --min-build N         enforce ISO rules on paths reaching build N+ (default 17763)\n"
    "      --select IDS          only these rules (codes, names or ISO/INF), comma-separated\n"
    "      --ignore IDS          not these rules\n"
    "      --severity ID=LEVEL   error, warning, note or off for one rule\n"
    "      --fail-on LEVEL       error (default), warning, note or never\n"
    "      --config FILE         use this .inflint.ini (default: nearest one above each file)\n"
    "      --no-config           use no configuration file\n"
    "      --baseline FILE       hide the findings recorded in FILE; report stale entries\n"
    "      --write-baseline FILE record the current findings in FILE and exit 0\n"
    "      --report-unused-suppressions  report suppressions that hide nothing (INF018)\n"
    "      --list-rules          the rules with their default severity\n"
    "      --explain ID          what a rule checks, why, and how to fix it\n"
    "      --color WHEN          auto (default), always, never; NO_COLOR is honoured\n"
    "  -q, --quiet               no summary line\n"
    "      --version, --help\n\n"
    "Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error.\n";

/*
 * If ARGV[*I] is option NAME (or SHORT), stores its value (from "--name=v" or
 * the next argument) in *VALUE and returns 1. Returns -1 when the value is missing.
 */
static int option_value(char **argv, int argc, int *i, const char *name, const char *short_name,
                        const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (short_name && strncmp(a, short_name, 2) == 0 && a[2] != '\0') {
        *value = a + 2; /* "-j4", "-fjson" */
        return 1;
    }
    if (strcmp(a, name) != 0 && !(short_name && strcmp(a, short_name) == 0))
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

static void append_list(struct inf_buf *list, const char *items)
{
    if (list->len)
        inf_buf_addc(list, ',');
    inf_buf_adds(list, items);
}

/* Parses the command line into OPT; returns -1 (usage error, printed) or 0. */
static int parse_options(int argc, char **argv, struct options *opt)
{
    static const char *const valued[] = {
        "--format",   "--stdin-filename", "--min-build",      "--select", "--ignore",
        "--severity", "--fail-on",        "--explain",        "--color",  "--profile",
        "--config",   "--baseline",       "--write-baseline", "--jobs"};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int matched = 0;
        for (size_t k = 0; k < sizeof valued / sizeof valued[0] && !matched; k++) {
            int r = option_value(argv, argc, &i, valued[k],
                                 k == 0    ? "-f"
                                 : k == 13 ? "-j"
                                           : NULL,
                                 &v);
            if (r < 0) {
                tool_message("option %s needs a value", valued[k]);
                return -1;
            }
            if (r == 0)
                continue;
            matched = 1;
            switch (k) {
            case 0:
                opt->format = v;
                break;
            case 1:
                opt->stdin_filename = v;
                break;
            case 2: {
                char *end;
                unsigned long b = strtoul(v, &end, 10);
                if (*v == '\0' || *end || b > 1000000) {
                    tool_message("--min-build takes a build number, such as 17763");
                    return -1;
                }
                opt->lint.rule.min_build = (uint32_t)b;
                opt->has_min_build = 1;
                break;
            }
            case 3:
                append_list(&opt->select, v);
                opt->has_select = 1;
                break;
            case 4:
                append_list(&opt->ignore, v);
                break;
            case 5: {
                const char *eq = strchr(v, '=');
                int level = eq ? inf_severity_parse(eq + 1) : -1;
                char *rule = eq ? inf_xstrndup(v, (size_t)(eq - v)) : NULL;
                int ok = level >= 0 && rule &&
                         inf_lint_options_set_severity(&opt->lint, rule, level) == 0;
                free(rule);
                if (!ok) {
                    tool_message("--severity takes RULE=LEVEL with a known rule and a level of "
                                 "error, warning, note or off (got '%s')",
                                 v);
                    return -1;
                }
                break;
            }
            case 6:
                if (strcmp(v, "never") == 0)
                    opt->fail_on = INF_FAIL_NEVER;
                else if ((opt->fail_on = inf_severity_parse(v)) <= 0) {
                    tool_message("--fail-on takes error, warning, note or never (got '%s')", v);
                    return -1;
                }
                break;
            case 7:
                opt->mode = MODE_EXPLAIN;
                opt->explain = v;
                break;
            case 8:
                if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never")) {
                    tool_message("--color takes auto, always or never (got '%s')", v);
                    return -1;
                }
                opt->color = v;
                break;
            case 9: {
                int profile = inf_profile_parse(v);
                if (profile < 0) {
                    tool_message("--profile takes isolation, universal or whql (got '%s')", v);
                    return -1;
                }
                opt->lint.rule.profile = (enum inf_profile)profile;
                opt->has_profile = 1;
                break;
            }
            case 10:
                opt->config_path = v;
                break;
            case 11:
                opt->baseline = v;
                break;
            case 12:
                opt->write_baseline = v;
                break;
            case 13: {
                char *end;
                long jobs = strtol(v, &end, 10);
                if (!*v || *end || jobs < 1 || jobs > 1024) {
                    tool_message("--jobs takes a number of threads from 1 to 1024 (got '%s')", v);
                    return -1;
                }
                opt->jobs = (int)jobs;
                break;
            }
            }
        }
        if (matched)
            continue;
        if (strcmp(a, "--dump-model") == 0) {
            opt->mode = MODE_DUMP;
        } else if (strcmp(a, "--list-rules") == 0) {
            opt->mode = MODE_LIST_RULES;
        } else if (strcmp(a, "--no-config") == 0) {
            opt->no_config = 1;
        } else if (strcmp(a, "--report-unused-suppressions") == 0) {
            opt->lint.report_unused_suppressions = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            opt->quiet = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("inflint %s\n", INFLINT_VERSION);
            exit(0);
        } else if (strcmp(a, "--") == 0) {
            while (++i < argc)
                opt->paths[opt->path_count++] = argv[i];
        } else if (a[0] == '-' && a[1] != '\0') {
            tool_message("unknown option '%s' (see inflint --help)", a);
            return -1;
        } else {
            opt->paths[opt->path_count++] = argv[i];
        }
    }
    if (opt->format && !inf_reporter_find(opt->format) &&
        !(opt->mode == MODE_LIST_RULES && strcmp(opt->format, "markdown") == 0)) {
        tool_message("unknown format '%s': use text, gcc, msvc, json, sarif or github",
                     opt->format);
        return -1;
    }
    char bad[128];
    if (opt->config_path && opt->no_config) {
        tool_message("--config and --no-config exclude each other");
        return -1;
    }
    if (inf_lint_options_filter(&opt->lint, opt->has_select ? opt->select.data : NULL,
                                opt->ignore.len ? opt->ignore.data : NULL, bad, sizeof bad) != 0) {
        tool_message("unknown rule '%s' (see inflint --list-rules)", bad);
        return -1;
    }
    return 0;
}

/* The effective severity of rule INDEX under OPT: --severity, else the profile's. */
static const char *effective_severity(const struct options *opt, size_t index, char *buf)
{
    const struct inf_rule *r = inf_rules[index];
    enum inf_profile profile = opt->lint.rule.profile;
    if (!opt->lint.enabled[index])
        return "off";
    if (opt->lint.severity[index] >= 0)
        return inf_severity_name((enum inf_severity)opt->lint.severity[index]);
    snprintf(buf, 16, "%s%s", inf_severity_name(inf_profile_severity(r, profile)),
             inf_profile_has_allowances(r, profile) ? "*" : "");
    return buf;
}

static int list_rules(const struct options *opt)
{
    if (opt->format && strcmp(opt->format, "markdown") == 0) {
        struct inf_buf out = INF_BUF_INIT;
        inf_rules_markdown(&out);
        fwrite(out.data, 1, out.len, stdout);
        inf_buf_free(&out);
        return 0;
    }
    char buf[16];
    printf("%-7s %-33s %-9s %s\n", "CODE", "NAME", "SEVERITY", "SUMMARY");
    for (size_t i = 0; i < inf_rule_count; i++) {
        const struct inf_rule *r = inf_rules[i];
        printf("%-7s %-33s %-9s %s\n", r->code, r->name, effective_severity(opt, i, buf),
               r->summary);
    }
    printf("\nprofile: %s%s\n", inf_profile_name(opt->lint.rule.profile),
           opt->lint.rule.profile != INF_PROFILE_ISOLATION
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

static int explain(const char *id)
{
    const struct inf_rule *r = inf_rule_find(id);
    if (!r) {
        tool_message("unknown rule '%s' (see inflint --list-rules)", id);
        return INF_EXIT_FAILURE;
    }
    printf("%s %s (default: %s)\n\n%s\n\n%s\n\nExample that is reported:\n\n", r->code, r->name,
           inf_severity_name(r->severity), r->summary, r->explanation);
    print_indented(r->bad_example);
    printf("\nFixed:\n\n");
    print_indented(r->good_example);
    return 0;
}

/*
 * The configuration for PATH (a file, a directory or "-"): --config, else
 * the nearest .inflint.ini above it, else none (NULL). Loads each file once;
 * a broken one is reported and sets opt->config_broken (the run then ends
 * with status 2).
 */
static const struct inf_config *config_for(struct options *opt, const char *path, int is_directory)
{
    if (opt->no_config)
        return NULL;
    char *found = NULL;
    if (opt->config_path) {
        found = inf_xstrndup(opt->config_path, strlen(opt->config_path));
    } else {
        /* Files of one directory come together: look each directory up once. */
        char *dir = is_directory ? inf_xstrndup(path, strlen(path))
                                 : inf_os_dirname(strcmp(path, "-") == 0 ? "./-" : path);
        if (opt->last_dir && strcmp(opt->last_dir, dir) == 0) {
            free(dir);
            if (!opt->last_found)
                return NULL;
            found = inf_xstrndup(opt->last_found, strlen(opt->last_found));
        } else {
            found = inf_config_find(strcmp(path, "-") == 0 ? "." : path);
            free(opt->last_dir);
            free(opt->last_found);
            opt->last_dir = dir;
            opt->last_found = found ? inf_xstrndup(found, strlen(found)) : NULL;
        }
    }
    if (!found)
        return NULL;
    for (size_t i = 0; i < opt->config_count; i++)
        if (strcmp(opt->configs[i].path, found) == 0) {
            free(found);
            return &opt->configs[i];
        }
    opt->configs =
        inf_xgrow(opt->configs, &opt->config_cap, opt->config_count + 1, sizeof *opt->configs);
    struct inf_config *config = &opt->configs[opt->config_count++];
    char error[512];
    if (inf_config_load(found, config, error, sizeof error) != 0) {
        tool_message("%s", error);
        free(found);
        inf_config_free(config);
        opt->config_count--;
        opt->config_broken = 1;
        return NULL;
    }
    free(found);
    return config;
}

/*
 * The options for one file: defaults, then its configuration, then what the
 * command line says (which always wins). Returns the --fail-on level that
 * applies. Free OUT with inf_lint_options_free.
 */
static int file_options(const struct options *opt, const struct inf_config *config,
                        struct inf_lint_options *out)
{
    inf_lint_options_init(out);
    if (config)
        inf_config_apply(config, out);
    if (opt->has_profile)
        out->rule.profile = opt->lint.rule.profile;
    if (opt->has_min_build)
        out->rule.min_build = opt->lint.rule.min_build;
    for (size_t i = 0; i < inf_rule_count; i++)
        if (opt->lint.severity[i] >= 0)
            out->severity[i] = opt->lint.severity[i];
    out->report_unused_suppressions = opt->lint.report_unused_suppressions;
    char bad[128];
    inf_lint_options_filter(out, opt->has_select ? opt->select.data : NULL,
                            opt->ignore.len ? opt->ignore.data : NULL, bad, sizeof bad);
    if (opt->fail_on)
        return opt->fail_on;
    return config && config->has_fail_on ? config->fail_on : INF_SEVERITY_ERROR;
}

/* Reads PATH (or stdin for "-"); returns 0 or an errno value. */
static int read_input(const char *path, const struct options *opt, const char **name,
                      struct inf_input *input)
{
    if (strcmp(path, "-") == 0) {
        *name = opt->stdin_filename ? opt->stdin_filename : "<stdin>";
        input->mapped = 0;
        return inf_os_read_stdin(&input->bytes, &input->len);
    }
    *name = path;
    return inf_os_read_input(path, input);
}

static const char *read_error_text(int err)
{
    return err == EFBIG ? "file too large (over 2 GiB)" : strerror(err);
}

static int run_dump(const struct options *opt, const struct inf_path_list *inputs, int many)
{
    int status = 0, dumped = 0;
    struct inf_buf out = INF_BUF_INIT;
    if (many)
        fputs("[", stdout);
    for (size_t i = 0; i < inputs->count; i++) {
        const char *name;
        struct inf_input input;
        int err = read_input(inputs->paths[i], opt, &name, &input);
        if (err) {
            tool_message("%s: %s", name, read_error_text(err));
            status = INF_EXIT_FAILURE;
            continue;
        }
        inf_alloc_set_path(name);
        struct inf_model model;
        if (inf_model_parse_input(&model, name, input) != 0) {
            tool_message("%s: %s", name, read_error_text(EFBIG));
            status = INF_EXIT_FAILURE;
        } else {
            if (dumped++)
                inf_buf_addc(&out, ',');
            inf_dump_model(&out, &model, stdout);
            fwrite(out.data ? out.data : "", 1, out.len, stdout);
            inf_buf_clear(&out);
        }
        inf_model_free(&model);
    }
    fputs(many ? "]\n" : "\n", stdout);
    inf_buf_free(&out);
    return status;
}

/* The options of the files under one configuration (or none): a run usually has one or two. */
struct file_setup {
    size_t config; /* index in options.configs, or NO_CONFIG */
    struct inf_lint_options options;
    int fail_on;
};

#define NO_CONFIG ((size_t)-1)

/*
 * What one worker counts while the report is rendered ahead. Padded so that
 * no two workers' tallies share a cache line (each would slow the other).
 */
union worker_tally {
    struct {
        struct inf_summary summary;
        int failing;
    } t;
    char padding[128];
};

/* A path the walk could not read, reported in walk order once the walk is over. */
struct walk_message {
    size_t input; /* the command-line path it came from */
    char *path;
    int error;
};

/*
 * The files of a run, in the order the walk finds them (sorted once it is
 * over), and what linting each needs. Workers lint files while the walk
 * goes on; the per-file arrays only move while no worker runs
 * (inf_os_feed_drain), and each worker touches only its own file's entries
 * and its own tally.
 */
struct lint_job {
    struct options *opt;
    int resolve_setups;          /* find each file's options (not when only dumping) */
    struct inf_path_list inputs; /* the files */
    size_t *input_of;            /* per file: the command-line path it came from */
    struct inf_file_result *results;
    size_t *setup_of;             /* per file: its index in setups */
    int *fail_on;                 /* per file: the least severity that fails the run */
    unsigned char *stale_enabled; /* per file: INF019 is on */
    struct file_setup *setups;    /* one per configuration met */
    size_t setup_count, setup_cap;
    size_t stale_rule;
    struct inf_os_feed *feed; /* while the walk runs */
    size_t walking;           /* the command-line path being walked */
    size_t walk_config;       /* its configuration, or NO_CONFIG */
    struct walk_message *messages;
    size_t message_count, message_cap;
    int status; /* 2 once some path is unreadable */
    /* When the report is rendered while linting (else NULL): the parts, and per worker the
     * counts and whether a finding fails the run, taken before the findings are freed. */
    struct inf_report_parts *parts;
    union worker_tally *tallies;
};

/* Makes room for one more file: the arrays grow only once every worker is idle. */
static void reserve_file(struct lint_job *job)
{
    size_t count = job->inputs.count, cap = job->inputs.cap;
    if (count < cap)
        return;
    inf_os_feed_drain(job->feed);
    cap = cap ? cap * 2 : 1024;
    job->inputs.paths = inf_xrealloc(job->inputs.paths, cap * sizeof *job->inputs.paths);
    job->input_of = inf_xrealloc(job->input_of, cap * sizeof *job->input_of);
    job->results = inf_xrealloc(job->results, cap * sizeof *job->results);
    job->setup_of = inf_xrealloc(job->setup_of, cap * sizeof *job->setup_of);
    job->fail_on = inf_xrealloc(job->fail_on, cap * sizeof *job->fail_on);
    job->stale_enabled = inf_xrealloc(job->stale_enabled, cap);
    job->inputs.cap = cap;
    if (job->parts)
        inf_report_parts_reserve(job->parts, cap);
}

/* The index in job->setups of the options for files under CONFIG. */
static size_t setup_for(struct lint_job *job, const struct inf_config *config)
{
    struct options *opt = job->opt;
    size_t config_index = config ? (size_t)(config - opt->configs) : NO_CONFIG;
    size_t k = 0;
    while (k < job->setup_count && job->setups[k].config != config_index)
        k++;
    if (k == job->setup_count) {
        if (job->setup_count == job->setup_cap) {
            inf_os_feed_drain(job->feed); /* workers read setups */
            job->setups =
                inf_xgrow(job->setups, &job->setup_cap, job->setup_count + 1, sizeof *job->setups);
        }
        job->setups[k].config = config_index;
        job->setups[k].fail_on = file_options(opt, config, &job->setups[k].options);
        job->setup_count++;
    }
    return k;
}

/* Adds PATH (owned) as the next file and lets the workers have it. */
static void add_file(void *context, char *path)
{
    struct lint_job *job = context;
    struct options *opt = job->opt;
    if (opt->config_broken) { /* the run is over: nothing more to lint */
        free(path);
        return;
    }
    reserve_file(job);
    size_t i = job->inputs.count;
    job->inputs.paths[i] = path;
    job->input_of[i] = job->walking;
    memset(&job->results[i], 0, sizeof job->results[i]);
    job->setup_of[i] = 0;
    job->fail_on[i] = INF_SEVERITY_ERROR;
    job->stale_enabled[i] = 0;
    if (job->resolve_setups) {
        const char *named =
            strcmp(path, "-") == 0 && opt->stdin_filename ? opt->stdin_filename : path;
        int named_directory = named != path && inf_os_is_directory(named);
        const struct inf_config *config = config_for(opt, named, named_directory);
        if (opt->config_broken) {
            free(path);
            return;
        }
        size_t k = setup_for(job, config);
        job->setup_of[i] = k;
        job->fail_on[i] = job->setups[k].fail_on;
        job->stale_enabled[i] = job->setups[k].options.enabled[job->stale_rule];
    }
    job->inputs.count++;
    inf_os_feed_publish(job->feed, job->inputs.count);
}

static void add_walk_message(struct lint_job *job, const char *path, int error)
{
    job->messages =
        inf_xgrow(job->messages, &job->message_cap, job->message_count + 1, sizeof *job->messages);
    struct walk_message *m = &job->messages[job->message_count++];
    m->input = job->walking;
    m->path = inf_xstrndup(path, strlen(path));
    m->error = error;
}

static void unreadable_directory(void *context, const char *path, int error)
{
    add_walk_message(context, path, error);
}

static int excluded(void *context, const char *path)
{
    const struct lint_job *job = context;
    /* Looked up each time: loading another file's configuration may move the array. */
    return job->walk_config != NO_CONFIG &&
           inf_config_excludes(&job->opt->configs[job->walk_config], path);
}

/*
 * The producer of the run: expands the command-line paths into files (a
 * directory's INF files, less what its configuration excludes) and hands
 * each to the workers as soon as it is found.
 */
static void find_files(struct inf_os_feed *feed, void *context)
{
    struct lint_job *job = context;
    struct options *opt = job->opt;
    static const struct inf_os_walk_calls calls = {add_file, unreadable_directory, excluded};
    job->feed = feed;
    for (int i = 0; i < opt->path_count && !opt->config_broken; i++) {
        const char *p = opt->paths[i];
        job->walking = (size_t)i;
        if (strcmp(p, "-") != 0 && inf_os_is_directory(p)) {
            const struct inf_config *config = config_for(opt, p, 1);
            if (opt->config_broken)
                break;
            job->walk_config = config ? (size_t)(config - opt->configs) : NO_CONFIG;
            int err = inf_os_walk_inf_files(p, &calls, job);
            if (err) {
                add_walk_message(job, p, err);
                job->status = INF_EXIT_FAILURE;
            }
        } else {
            add_file(job, inf_xstrndup(p, strlen(p)));
        }
    }
    job->feed = NULL;
}

/* A file to sort: its place in the walk's order is mostly settled by KEY alone. */
struct sort_item {
    size_t input;     /* the command-line path it came from */
    uint64_t key;     /* the 8 bytes after that path, big-endian, '/' as 0 (as walk order has it) */
    const char *rest; /* the path after the command-line path */
    size_t index;
};

static int compare_items(const void *a, const void *b)
{
    const struct sort_item *x = a, *y = b;
    if (x->input != y->input)
        return x->input < y->input ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return inf_os_walk_order(x->rest, y->rest);
}

/* The order (indexes into JOB's files) that puts them as sorted listings would. */
static size_t *walk_order(const struct lint_job *job)
{
    size_t count = job->inputs.count;
    struct sort_item *items = inf_xcalloc(count + 1, sizeof *items);
    for (size_t i = 0; i < count; i++) {
        struct sort_item *item = &items[i];
        /* Every file of one command-line path starts with it: only the rest can differ. */
        size_t skip = strlen(job->opt->paths[job->input_of[i]]);
        const char *path = job->inputs.paths[i];
        item->input = job->input_of[i];
        item->rest = strlen(path) >= skip ? path + skip : path;
        item->index = i;
        for (size_t k = 0; k < 8; k++) {
            unsigned char c = (unsigned char)item->rest[k];
            item->key = item->key << 8 | (c == '/' ? 0 : c);
            if (!c) {
                item->key <<= 8 * (7 - k);
                break;
            }
        }
    }
    qsort(items, count, sizeof *items, compare_items);
    size_t *order = inf_xcalloc(count + 1, sizeof *order);
    for (size_t k = 0; k < count; k++)
        order[k] = items[k].index;
    free(items);
    return order;
}

/* Walk order: by command-line path, then as sorted directory listings give them. */
static int compare_messages(const void *a, const void *b)
{
    const struct walk_message *x = a, *y = b;
    if (x->input != y->input)
        return x->input < y->input ? -1 : 1;
    return inf_os_walk_order(x->path, y->path);
}

/* Moves the COUNT items of SIZE bytes at ARRAY into ORDER (item k gets item order[k]). */
static void permute(void *array, size_t size, const size_t *order, size_t count)
{
    if (!count)
        return;
    char *from = array, *sorted = inf_xmalloc(count * size);
    for (size_t k = 0; k < count; k++)
        memcpy(sorted + k * size, from + order[k] * size, size);
    memcpy(from, sorted, count * size);
    free(sorted);
}

/* Puts the files in walk order (they were linted as found) and prints the walk's messages. */
static void sort_files(struct lint_job *job)
{
    size_t count = job->inputs.count;
    size_t *order = walk_order(job);
    permute(job->inputs.paths, sizeof *job->inputs.paths, order, count);
    permute(job->input_of, sizeof *job->input_of, order, count);
    permute(job->results, sizeof *job->results, order, count);
    permute(job->setup_of, sizeof *job->setup_of, order, count);
    permute(job->fail_on, sizeof *job->fail_on, order, count);
    permute(job->stale_enabled, 1, order, count);
    if (job->parts)
        inf_report_parts_reorder(job->parts, order, count);
    free(order);
    if (job->message_count)
        qsort(job->messages, job->message_count, sizeof *job->messages, compare_messages);
    for (size_t k = 0; k < job->message_count; k++) {
        tool_message("%s: %s", job->messages[k].path, strerror(job->messages[k].error));
        free(job->messages[k].path);
    }
    free(job->messages);
    job->messages = NULL;
    job->message_count = job->message_cap = 0;
}

static void lint_job_free(struct lint_job *job)
{
    for (size_t k = 0; k < job->setup_count; k++)
        inf_lint_options_free(&job->setups[k].options);
    free(job->setups);
    for (size_t i = 0; i < job->inputs.count; i++)
        inf_file_result_free(&job->results[i]);
    inf_path_list_free(&job->inputs);
    free(job->input_of);
    free(job->results);
    free(job->setup_of);
    free(job->fail_on);
    free(job->stale_enabled);
    inf_report_parts_free(job->parts);
    free(job->tallies);
    memset(job, 0, sizeof *job);
}

static void nothing_to_do(void *context, size_t index, int worker)
{
    (void)context, (void)index, (void)worker;
}

/*
 * The files of the command line in walk order, for a run that only reads
 * them one by one (--dump-model). Returns 2 if some path is unreadable.
 */
static int expand_inputs(struct options *opt, struct lint_job *job)
{
    memset(job, 0, sizeof *job);
    job->opt = opt;
    inf_os_parallel_fed(1, find_files, nothing_to_do, job);
    if (opt->config_broken)
        return INF_EXIT_FAILURE;
    sort_files(job);
    return job->status;
}

/* Non-zero when a finding of RESULT fails the run (INF019 notes never do). */
static int result_fails(const struct inf_file_result *result, int fail_on)
{
    for (size_t k = 0; k < result->count; k++)
        if ((int)result->findings[k].severity >= fail_on &&
            strcmp(result->findings[k].rule->code, "INF019") != 0)
            return 1;
    return 0;
}

/* Reads and lints input INDEX into its result (errors are recorded, not printed). */
static void lint_one(void *context, size_t index, int worker)
{
    struct lint_job *job = context;
    const char *name;
    struct inf_input input;
    /* Built in a local: neighbouring results, in one cache line, belong to other workers. */
    struct inf_file_result local;
    struct inf_file_result *result = &local;
    int err = read_input(job->inputs.paths[index], job->opt, &name, &input);
    if (err) {
        memset(result, 0, sizeof *result);
        result->path = inf_xstrndup(name, strlen(name));
        result->error = inf_xstrndup(read_error_text(err), strlen(read_error_text(err)));
    } else {
        inf_alloc_set_path(name);
        inf_lint_input(name, input, &job->setups[job->setup_of[index]].options, result);
        inf_alloc_set_path(NULL);
    }
    if (job->parts) { /* report it now, while it is in the cache, and keep only its name */
        if (!result->error)
            inf_summary_add(&job->tallies[worker].t.summary, result);
        job->tallies[worker].t.failing |= result_fails(result, job->fail_on[index]);
        inf_report_parts_render(job->parts, index, worker, result);
        inf_file_result_free_findings(result);
    }
    job->results[index] = local;
}

/* RESULT's file relative to directory BASE (absolute), for baselines; caller frees. */
static char *baseline_path(const char *base, const char *input, const char *name)
{
    char *absolute = strcmp(input, "-") == 0 ? NULL : inf_os_absolute(input);
    if (!absolute)
        return inf_xstrndup(name, strlen(name));
    char *relative = inf_os_relative(base, absolute);
    free(absolute);
    return relative;
}

/* The absolute directory that will hold the baseline file PATH (caller frees). */
static char *baseline_dir(const char *path)
{
    char *dir = inf_os_dirname(path);
    char *absolute = inf_os_absolute(dir);
    free(dir);
    return absolute;
}

static int run_lint(struct options *opt)
{
    struct lint_job job;
    memset(&job, 0, sizeof job);
    job.opt = opt;
    job.resolve_setups = 1;
    job.stale_rule = inf_rule_index(inf_rule_find("INF019"));
    int jobs = opt->jobs ? opt->jobs : inf_os_cpu_count();
    const struct inf_reporter *reporter = inf_reporter_find(opt->format ? opt->format : "text");
    struct inf_report_options report = {0, opt->quiet, NULL};
    const char *color = opt->color ? opt->color : "auto";
    if (strcmp(color, "always") == 0)
        report.color = 1;
    else if (strcmp(color, "auto") == 0)
        report.color = inf_os_stdout_is_terminal() && !getenv("NO_COLOR");
    /* Baselines need every finding after linting: then the report is rendered at the end. */
    if (!opt->write_baseline && !opt->baseline)
        job.parts = inf_report_parts_new(reporter, &report, jobs);
    if (job.parts)
        job.tallies = inf_xcalloc((size_t)jobs, sizeof *job.tallies);
    /* Files are linted as the walk finds them (configurations are resolved in walk order
     * too: a broken one ends the run), then put in order. */
    inf_os_parallel_fed(jobs, find_files, lint_one, &job);
    if (opt->config_broken) {
        lint_job_free(&job);
        return INF_EXIT_FAILURE;
    }
    sort_files(&job);
    int status = job.status;
    const struct inf_path_list *inputs = &job.inputs;
    struct inf_file_result *results = job.results;
    /* Messages in input order, whatever the thread that met them. */
    for (size_t i = 0; i < inputs->count; i++) {
        if (results[i].error) {
            tool_message("%s: %s", results[i].path, results[i].error);
            status = INF_EXIT_FAILURE;
        }
    }
    inf_alloc_set_path(NULL);
    if (opt->write_baseline) {
        char *dir = baseline_dir(opt->write_baseline);
        if (!dir) {
            tool_message("%s: directory does not exist", opt->write_baseline);
            status = INF_EXIT_FAILURE;
        } else {
            char **relative = inf_xcalloc(inputs->count + 1, sizeof *relative);
            size_t recorded = 0;
            for (size_t i = 0; i < inputs->count; i++) {
                relative[i] =
                    baseline_path(dir, inputs->paths[i], results[i].path ? results[i].path : "");
                recorded += results[i].count;
            }
            int err = inf_baseline_write(opt->write_baseline, results, relative, inputs->count);
            if (err) {
                tool_message("%s: %s", opt->write_baseline, strerror(err));
                status = INF_EXIT_FAILURE;
            } else if (!opt->quiet) {
                tool_message("recorded %zu finding%s in %s", recorded, recorded == 1 ? "" : "s",
                             opt->write_baseline);
            }
            for (size_t i = 0; i < inputs->count; i++)
                free(relative[i]);
            free(relative);
            free(dir);
        }
        lint_job_free(&job);
        return status;
    }
    if (opt->baseline) {
        struct inf_baseline baseline;
        char error[512];
        if (inf_baseline_load(opt->baseline, &baseline, error, sizeof error) != 0) {
            tool_message("%s", error);
            inf_baseline_free(&baseline);
            lint_job_free(&job);
            return INF_EXIT_FAILURE;
        }
        for (size_t i = 0; i < inputs->count; i++) {
            if (results[i].error || !results[i].path)
                continue;
            char *relative = baseline_path(baseline.dir, inputs->paths[i], results[i].path);
            inf_baseline_filter(&baseline, relative, &results[i]);
            inf_baseline_report_stale(&baseline, relative, &results[i], job.stale_enabled[i]);
            free(relative);
        }
        inf_baseline_free(&baseline);
    }
    struct inf_summary summary = {0, 0, 0, 0};
    int failing = 0;
    if (job.parts) {
        for (int w = 0; w < jobs; w++) {
            const struct inf_summary *counted = &job.tallies[w].t.summary;
            summary.files += counted->files;
            summary.errors += counted->errors;
            summary.warnings += counted->warnings;
            summary.notes += counted->notes;
            failing |= job.tallies[w].t.failing;
        }
    } else {
        for (size_t i = 0; i < inputs->count; i++) {
            if (!results[i].error)
                inf_summary_add(&summary, &results[i]);
            failing |= result_fails(&results[i], job.fail_on[i]);
        }
    }
    report.parts = job.parts;
    struct inf_buf out = INF_BUF_INIT; /* written out 64 KiB at a time, not held whole */
    out.sink = stdout;
    inf_buf_reserve(&out, 65536);
    reporter->write(&out, results, inputs->count, &summary, &report);
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    inf_buf_free(&out);
    lint_job_free(&job);
    if (status)
        return status;
    return failing ? 1 : 0;
}

int main(int argc, char **argv)
{
    struct options opt;
    memset(&opt, 0, sizeof opt);
    opt.paths = inf_xcalloc((size_t)argc + 1, sizeof *opt.paths);
    inf_lint_options_init(&opt.lint);
    int status;
    if (parse_options(argc, argv, &opt) != 0) {
        status = INF_EXIT_FAILURE;
    } else if (opt.mode == MODE_LIST_RULES) {
        status = list_rules(&opt);
    } else if (opt.mode == MODE_EXPLAIN) {
        status = explain(opt.explain);
    } else if (opt.path_count == 0) {
        fputs(usage_text, stderr);
        status = INF_EXIT_FAILURE;
    } else {
        inf_os_guard_mapped_inputs();
        if (opt.mode == MODE_DUMP) {
            struct lint_job found;
            status = expand_inputs(&opt, &found);
            if (!opt.config_broken) {
                int many = found.inputs.count != 1 || opt.path_count != 1 ||
                           inf_os_is_directory(opt.paths[0]);
                int run = run_dump(&opt, &found.inputs, many);
                if (status == 0 || run == INF_EXIT_FAILURE)
                    status = run;
            }
            lint_job_free(&found);
        } else {
            status = run_lint(&opt);
        }
    }
    inf_lint_options_free(&opt.lint);
    for (size_t i = 0; i < opt.config_count; i++)
        inf_config_free(&opt.configs[i]);
    free(opt.configs);
    free(opt.last_dir);
    free(opt.last_found);
    inf_buf_free(&opt.select);
    inf_buf_free(&opt.ignore);
    free(opt.paths);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        tool_message("error writing output");
        return INF_EXIT_FAILURE;
    }
    return status;
}
