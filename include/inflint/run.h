/*
 * run.h - one run of inflint over the paths of a command line: expand
 * directories, find each file's configuration, read and lint the files in
 * parallel, apply a baseline, render one report, and decide the exit status
 * (conventions.md 4). The command line (cli.c) fills the options; embedders
 * can call it the same way.
 */
#ifndef INFLINT_RUN_H
#define INFLINT_RUN_H

#include "inflint/format_check.h"
#include "inflint/engine.h"

#include <stddef.h>

/*
 * Lints one file: the engine's findings (inf_engine_check), then the passes
 * over them: severity overrides, inline suppressions, and sorting,
 * deduplication and fingerprints. Takes the input (ownership) as file PATH
 * into RESULT (the caller frees it with inf_file_result_free). Returns 0, or
 * -1 when the input could not be read as an INF at all (RESULT->error says why).
 */
int inf_lint_input(const char *path, struct inf_input input, const struct inf_lint_options *options,
                   struct inf_file_result *result);

/*
 * Reads and lints file PATH ("-": standard input). Returns 0, -1 when it is
 * not an INF inflint can read (RESULT->error says why), or an errno value
 * when it cannot be read at all (RESULT is then empty but for path and error).
 */
int inf_lint_file(const char *path, const struct inf_lint_options *options,
                  struct inf_file_result *result);

/* The same for LEN bytes at BYTES (from malloc; ownership taken). */
int inf_lint_buffer(const char *path, unsigned char *bytes, size_t len,
                    const struct inf_lint_options *options, struct inf_file_result *result);

/* inf_lint_input that also runs EXTRA_COUNT rules outside the registry (a rule being written). */
int inf_lint_input_rules(const char *path, struct inf_input input,
                         const struct inf_lint_options *options,
                         const struct inf_rule *const *extra_rules, size_t extra_count,
                         struct inf_file_result *result);

struct inf_run_options {
    const char *format;         /* a reporter name; NULL = text */
    const char *stdin_filename; /* the name of the file read from "-" */
    int jobs;                   /* threads; 0 = the number of CPUs */
    const char *color;          /* auto, always, never; NULL = auto */
    int quiet;
    int fail_on;                  /* lowest failing severity, INF_FAIL_NEVER, or 0 (the default) */
    const char *select;           /* comma-separated rules, or NULL */
    const char *ignore;           /* likewise */
    struct inf_lint_options lint; /* what the command line says; configuration fills the rest */
    int has_profile, has_min_build;
    const char *config_path; /* --config */
    int no_config;
    const char *baseline, *write_baseline;
    const char *output_file;   /* the report goes there (atomically), not to stdout */
    int force_exclude;         /* configuration excludes apply to files named on the command line */
    int statistics;            /* counts per rule instead of the findings */
    int no_project;            /* --no-project: WDK project files are not read */
    const char *configuration; /* --configuration 'Release|x64', or NULL: the strictest */
    const char *infverif_options; /* --infverif-options: InfVerif switches, or NULL */
    int verbose;                  /* where each file's settings come from, on stderr */
    int fix;                      /* --fix: apply the safe fixes in place, report what remains */
    int diff;                     /* --diff: print what --fix would change; write nothing */
    int unsafe_fixes;             /* --unsafe-fixes: the unsafe fixes too */
    int source;                   /* --source: walks find C and C++ files too (SRC rules) */
    char **paths;                 /* files, directories or "-" */
    size_t path_count;
};

/* Lints every path; prints the report on stdout and messages on stderr. Returns 0, 1 or 2. */
int inf_run_lint(const struct inf_run_options *options);

/* Prints the model of every path as JSON (--dump-model). Returns 0 or 2. */
int inf_run_dump(const struct inf_run_options *options);

/* Prints "inflint: MESSAGE" on stderr: every tool message goes through here. */
INF_PRINTF(1, 2)
void inf_tool_message(const char *format, ...);

#endif
