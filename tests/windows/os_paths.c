/*
 * os_paths.c - the path facts of os.c that reports and excludes rest on,
 * checked on the system it runs on (Linux, and Windows under Wine by
 * `scripts/dev.sh windows`). No cmocka: it must run where cmocka is absent.
 *   os_paths DIR SUB    DIR: an existing directory, SUB: the name of one below it
 */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include "os.h"
#include "../unit/temp_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed, passed;

static void touch(const char *path)
{
    FILE *f = fopen(path, "wb");
    if (f)
        fclose(f);
}

static void expect_string(const char *what, const char *got, const char *want)
{
    if (got && strcmp(got, want) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s: got '%s', want '%s'\n", what, got ? got : "(null)", want);
    }
}

static void expect(const char *what, int ok)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n", what);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: os_paths DIR SUB\n");
        return 2;
    }
    const char *dir = argv[1], *sub_name = argv[2];
    char *plain = inf_os_absolute(dir);
    expect("absolute of DIR", plain && plain[strlen(plain) - 1] != '/');
    char with_separator[4096];
    /* A trailing separator (as "samples\" is typed) does not change the absolute path. */
    snprintf(with_separator, sizeof with_separator, "%s%c", dir, inf_os_separator_of(dir));
    char *trailing = inf_os_absolute(with_separator);
    expect_string("absolute of DIR with a trailing separator", trailing, plain ? plain : "");
    /* So relative paths below it have no "..": what exclude patterns are matched against. */
    snprintf(with_separator, sizeof with_separator, "%s%c%s", dir, inf_os_separator_of(dir),
             sub_name);
    char *sub = inf_os_absolute(with_separator);
    char *relative = sub && trailing ? inf_os_relative(trailing, sub) : NULL;
    expect_string("relative of DIR/SUB to DIR", relative, sub_name);
    expect("paths compare as the file system does",
#ifdef _WIN32
           inf_os_path_compare("DRIVERS\\Sensor.INF", "drivers/sensor.inf") == 0
#else
           inf_os_path_compare("DRIVERS/Sensor.INF", "drivers/sensor.inf") != 0
#endif
    );
    /* A path's key (for exact-match maps of paths) tells paths apart as the comparison does. */
    static const char *const pairs[][2] = {{"DRIVERS\\Sensor.INF", "drivers/sensor.inf"},
                                           {"a/b.inf", "a/b.inf"},
                                           {"a/b.inf", "a/c.inf"},
                                           {"C:\\X\\y.inf", "c:/x/Y.inf"},
                                           {"a\\b", "a/b"},
                                           {"ab", "a"},
                                           {"x/", "X/"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char *x = inf_os_path_key(pairs[i][0]), *y = inf_os_path_key(pairs[i][1]);
        char what[200];
        snprintf(what, sizeof what, "keys of '%s' and '%s' agree with the comparison", pairs[i][0],
                 pairs[i][1]);
        expect(what, (strcmp(x, y) == 0) == (inf_os_path_compare(pairs[i][0], pairs[i][1]) == 0));
        free(x);
        free(y);
    }
    /* A name found without case in a directory whose listing is kept: changes are seen. */
    char *kept = test_temp_dir("inflint-kept");
    expect("a temporary directory", kept != NULL);
    if (kept) {
        char file[4096], renamed[4096];
        snprintf(file, sizeof file, "%s%cPkg.CAT", kept, inf_os_separator_of(kept));
        snprintf(renamed, sizeof renamed, "%s%cOther.CAT", kept, inf_os_separator_of(kept));
        expect("no catalog yet", !inf_os_file_in_directory(kept, "pkg.cat"));
        touch(file);
        expect("a catalog made after the first look", inf_os_file_in_directory(kept, "pkg.cat"));
        expect("the catalog renamed", rename(file, renamed) == 0);
        expect("the old name gone", !inf_os_file_in_directory(kept, "pkg.cat"));
        expect("the new name found", inf_os_file_in_directory(kept, "OTHER.cat"));
        remove(renamed);
        test_rmdir(kept);
        free(kept);
    }
    free(plain);
    free(trailing);
    free(sub);
    free(relative);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
