/*
 * msbuild_paths.h - path text for the project reader: '/'-separated,
 * lexically normal ("a/./b/../c" is "a/c"), and the containment test.
 */
#ifndef INFLINT_MSBUILD_PATHS_H
#define INFLINT_MSBUILD_PATHS_H

/* "/x", "\x" and "C:\x" (either separator) are absolute. */
int msbuild_path_is_absolute(const char *path);
/* PATH with '/' separators, without "." components or "x/.." pairs ("." when empty). */
char *msbuild_path_normalize(const char *path);
/* RELATIVE joined to directory DIR ("" for the current one), normalized; absolute stays. */
char *msbuild_path_join(const char *dir, const char *relative);
/* The directory part of PATH with its '/' ("" when none). */
char *msbuild_path_directory(const char *path);
/* PATH made absolute against CWD (absolute, normal), lexically. */
char *msbuild_path_absolute(const char *cwd, const char *path);
/*
 * Is PATH inside ROOT (absolute, normal)? Decided on the text first, so that
 * nothing outside is ever looked at; then, when PATH exists, on its real
 * path, so that a link out of the repository does not count as inside.
 */
int msbuild_path_inside(const char *root, const char *cwd, const char *path);

#endif
