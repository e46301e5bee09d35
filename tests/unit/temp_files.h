/*
 * temp_files.h - temporary files and directories for the unit tests, on
 * POSIX and on Windows (MSVC has no mkdtemp, mkstemp, mkdir(path, mode)).
 */
#ifndef INFLINT_TEST_TEMP_FILES_H
#define INFLINT_TEST_TEMP_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <direct.h>
#include <process.h>
#define test_mkdir(path) _mkdir(path)
#define test_rmdir(path) _rmdir(path)
#else
#include <sys/stat.h>
#include <unistd.h>
#define test_mkdir(path) mkdir((path), 0700)
#define test_rmdir(path) rmdir(path)
#endif

/* A new empty directory whose name starts with PREFIX, in the system's temporary directory.
 * The caller frees the name (and removes the directory). NULL when it cannot be made. */
static inline char *test_temp_dir(const char *prefix)
{
    static unsigned counter;
#ifdef _WIN32
    const char *base = getenv("TEMP") ? getenv("TEMP") : ".";
    for (int attempt = 0; attempt < 100; attempt++) {
        char *path = malloc(strlen(base) + strlen(prefix) + 48);
        sprintf(path, "%s\\%s-%d-%u", base, prefix, _getpid(), counter++);
        if (_mkdir(path) == 0)
            return path;
        free(path);
    }
    return NULL;
#else
    (void)counter;
    char *path = malloc(strlen(prefix) + 16);
    sprintf(path, "/tmp/%s-XXXXXX", prefix);
    if (!mkdtemp(path)) {
        free(path);
        return NULL;
    }
    return path;
#endif
}

/* A new file holding TEXT, named from PREFIX; the caller frees the name and removes the file. */
static inline char *test_temp_file(const char *prefix, const char *text)
{
    static unsigned counter;
    const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
#ifdef _WIN32
    base = getenv("TEMP") ? getenv("TEMP") : ".";
    int pid = _getpid();
#else
    int pid = (int)getpid();
#endif
    char *path = malloc(strlen(base) + strlen(prefix) + 48);
    sprintf(path, "%s/%s-%d-%u", base, prefix, pid, counter++);
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(path);
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    return path;
}

#endif
