/*
 * glob_match.h - path patterns for `exclude` (config file).
 */
#ifndef INFLINT_GLOB_MATCH_H
#define INFLINT_GLOB_MATCH_H

/*
 * Matches PATH ('/'-separated, relative) against PATTERN: '*' and '?' stay
 * within one path component, '**' crosses components. A pattern without '/'
 * matches the last component of PATH, so `*.inx` or `build` apply anywhere.
 * Letter case is ignored (Windows file names). Returns non-zero on a match.
 */
int inf_glob_match(const char *pattern, const char *path);

#endif
