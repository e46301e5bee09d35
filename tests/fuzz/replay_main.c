/*
 * replay_main.c - runs a fuzz target over files without libFuzzer, so that
 * seeds and every input a fuzzer once broke on are replayed by ctest in any
 * build (the sanitizer build turns a regression into a failure).
 * usage: replay_TARGET FILE-OR-DIRECTORY...
 */
#include "os.h"
#include "inflint/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay(const char *path)
{
    unsigned char *bytes;
    size_t len;
    if (inf_os_read_file(path, &bytes, &len) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput(bytes, len);
    free(bytes);
    return 0;
}

int main(int argc, char **argv)
{
    int status = 0, count = 0;
    for (int i = 1; i < argc; i++) {
        if (!inf_os_is_directory(argv[i])) {
            status |= replay(argv[i]);
            count++;
            continue;
        }
        /* Every regular file of the directory, whatever its name. */
        struct inf_path_list files = {0};
        inf_os_list_files(argv[i], &files);
        for (size_t k = 0; k < files.count; k++, count++)
            status |= replay(files.paths[k]);
        inf_path_list_free(&files);
    }
    printf("%d passed, %d failed\n", status ? 0 : count, status ? 1 : 0);
    return status;
}
