/*
 * build_info.c - facts fixed when inflint is configured (CMake cache).
 * Kept alone in its translation unit so that a test binary can supply its
 * own value instead.
 */
#ifndef INFLINT_URL
#define INFLINT_URL ""
#endif

#ifndef INFLINT_HELP_BASE
#define INFLINT_HELP_BASE ""
#endif

/* The project's home page for SARIF informationUri; empty means "omit it". */
const char inf_information_uri[] = INFLINT_URL;

/* Where rules/README.md is published, for SARIF helpUri (+ "#code"); empty: no helpUri. */
const char inf_help_base[] = INFLINT_HELP_BASE;
