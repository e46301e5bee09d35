/*
 * report_paths.h - file paths as reports name them (report_paths.c).
 */
#ifndef INFLINT_REPORT_PATHS_H
#define INFLINT_REPORT_PATHS_H

/*
 * PATH as an absolute path with '/' separators and no "." or ".." segments,
 * resolved against BASE (absolute) when it is relative. Caller frees.
 */
char *inf_report_absolute_path(const char *path, const char *base);

/* PATH relative to directory BASE ('/' separators), or NULL when it is not below BASE
 * (or BASE is NULL). Caller frees. */
char *inf_report_relative_path(const char *path, const char *base);

/* PATH as web tools want it: '/' separators (Windows' '\\' too), no leading "./". Caller
 * frees. */
char *inf_report_slash_path(const char *path);

#endif
