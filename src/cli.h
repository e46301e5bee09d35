/*
 * cli.h - the command line: one table of options (name, short letter,
 * argument, help, handler) from which parsing, --help and the man page's
 * option list all come.
 */
#ifndef INFLINT_CLI_H
#define INFLINT_CLI_H

#include "inflint/buf.h"
#include "inflint/run.h"

enum inf_cli_mode {
    INF_CLI_LINT,
    INF_CLI_DUMP,
    INF_CLI_LIST_RULES,
    INF_CLI_LIST_INFVERIF,
    INF_CLI_EXPLAIN,
    INF_CLI_HELP,
    INF_CLI_VERSION
};

/* What the command line asks for. Free with inf_cli_free. */
struct inf_cli {
    enum inf_cli_mode mode;
    const char *explain; /* --explain ID */
    struct inf_run_options run;
    struct inf_buf select, ignore; /* joined --select / --ignore lists */
    int has_select;
};

/*
 * Parses ARGV into CLI (initialised here). Returns 0, or -1 after printing
 * what is wrong (a usage error: exit status 2).
 */
int inf_cli_parse(struct inf_cli *cli, int argc, char **argv);
void inf_cli_free(struct inf_cli *cli);

/* The --help text, from the option table. */
void inf_cli_help(struct inf_buf *out);
/* The OPTIONS section of the man page (roff), from the option table. */
void inf_cli_man_options(struct inf_buf *out);

#endif
