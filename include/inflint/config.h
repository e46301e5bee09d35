/*
 * config.h - the .inflint.ini file (conventions.md 4), read with the system
 * libinih exactly as Debian builds it (no line numbers for the handler,
 * lines cut at 200 bytes, empty sections never reported): a pre-scan that
 * follows inih's line rules supplies line numbers and catches what inih
 * would silently accept.
 */
#ifndef INFLINT_CONFIG_H
#define INFLINT_CONFIG_H

#include "inflint/engine.h"

#include <stddef.h>

#define INF_CONFIG_NAME ".inflint.ini"

struct inf_infverif_switches;

struct inf_config {
    char *path; /* as found; owned */
    char *dir;  /* its directory ("." when none); owned */
    int has_profile, has_min_build, has_fail_on;
    enum inf_profile profile;
    uint32_t min_build;
    int fail_on;    /* a severity, or INF_FAIL_NEVER */
    char **exclude; /* glob patterns; owned */
    size_t exclude_count, exclude_cap;
    signed char *severity; /* per rule index: -1 unset, else a severity (off included) */
    char *sarif_help_base; /* sarif-help-base: where rules/README.md is published, or NULL */
    /* infverif-options: InfVerif switches, as a build script passes them; or NULL. */
    struct inf_infverif_switches *infverif;
};

#define INF_FAIL_NEVER 99

/*
 * Reads the configuration file PATH into CONFIG. Returns 0, or -1 with a
 * message "PATH:LINE: what is wrong" (or "PATH: why") in ERROR.
 * Free with inf_config_free (also after a failure).
 */
int inf_config_load(const char *path, struct inf_config *config, char *error, size_t error_size);
void inf_config_free(struct inf_config *config);

/* As inf_config_load, from LEN bytes of TEXT; PATH names the file in messages. */
int inf_config_parse(const char *path, const char *text, size_t len, struct inf_config *config,
                     char *error, size_t error_size);

/* The nearest .inflint.ini at or above the directory of FILE (caller frees), or NULL. */
char *inf_config_find(const char *file);

/* Applies CONFIG's profile, min-build and rule severities to OPTIONS. */
void inf_config_apply(const struct inf_config *config, struct inf_lint_options *options);

/* Non-zero when PATH (as given) is excluded by CONFIG's patterns (relative to its directory). */
int inf_config_excludes(const struct inf_config *config, const char *path);

#endif
